/** Builds the scoring sheet of one evaluator from the stored RFP, with the workbook texts in the user's language. */
import type { TFunction } from 'i18next';
import { translateDynamic } from '../../../i18n/dynamic';
import { AppFailure } from '@shared/errors';
import type { EvaluatorRecord, RfpRecords } from '../rfpRecords';
import { buildSheetContent } from './sheetContent';
import type { SheetLabels } from './writeSheet';
import { writeScoringSheet } from './writeSheet';

/** Reads the workbook texts from the translation files under `rfp.scoringSheet.workbook`. */
export function sheetLabels(t: TFunction): SheetLabels {
  // Placeholders are passed through as themselves, so the writer fills them per bidder and criterion.
  const placeholders = { bidder: '{{bidder}}', min: '{{min}}', max: '{{max}}' };
  const key = (name: keyof SheetLabels): string => translateDynamic(t, `rfp.scoringSheet.workbook.${name}`, placeholders);
  return {
    criterionId: key('criterionId'),
    section: key('section'),
    criterion: key('criterion'),
    weightShare: key('weightShare'),
    scale: key('scale'),
    scoreHeader: key('scoreHeader'),
    commentHeader: key('commentHeader'),
    knockoutScale: key('knockoutScale'),
    scoredScale: key('scoredScale'),
    noWeight: key('noWeight'),
    levelValue: key('levelValue'),
    levelLabel: key('levelLabel'),
    levelDescription: key('levelDescription'),
    passDescription: key('passDescription'),
    failDescription: key('failDescription'),
    scorePrompt: key('scorePrompt'),
    scoreRejected: key('scoreRejected'),
  };
}

/** File name offered for the download, for example `Payroll outsourcing - Ann Evans - scores.xlsx`. */
export function sheetFileName(records: RfpRecords, evaluator: EvaluatorRecord): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return `${safe(records.event.title)} - ${safe(evaluator.evaluatorName)} - scores.xlsx`;
}

/**
 * Writes `evaluator`'s scoring sheet. Rejects with `scoringSheet.conflictNotDeclared` while the
 * evaluator's conflict-of-interest declaration is pending, because until then it is unknown
 * which bidders the sheet must leave out.
 */
export async function exportScoringSheet(
  records: RfpRecords,
  evaluator: EvaluatorRecord,
  labels: SheetLabels,
  exportedAt: string,
): Promise<Uint8Array> {
  if (evaluator.conflictStatus === 'pending') {
    throw new AppFailure({
      code: 'scoringSheet.conflictNotDeclared',
      detail: { file: sheetFileName(records, evaluator), evaluator: evaluator.evaluatorName },
    });
  }
  return writeScoringSheet(buildSheetContent(records, evaluator), labels, exportedAt);
}

/**
 * Imports a filled scoring sheet: reads it, checks every cell against the RFP as stored, and
 * writes the changed scores in one transaction only when nothing is wrong.
 */
import type { Id } from '@shared/domain/types';
import type { DeviceContext } from '../../../db/clockStore';
import type { PortfolioDb } from '../../../db/portfolioDb';
import { setScores } from '../../../db/rfpScores';
import { readRfpRecords } from '../../../db/rfpSupport';
import { readScoringSheet } from './readSheet';
import type { SheetIssue } from './sheetIssues';
import { validateSheet } from './validateSheet';

export interface SheetImportRequest {
  readonly rfpId: Id;
  /** Evaluator chosen on this laptop; the sheet must be theirs. */
  readonly evaluatorId: Id;
  /** File name without folders, for the messages. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

export type SheetImportResult =
  { readonly ok: true; readonly written: number } | { readonly ok: false; readonly issues: readonly SheetIssue[] };

/**
 * Imports `request.bytes`. Resolves with the problems and writes nothing when there is any.
 * Rejects with an `AppFailure` when the write itself fails, for example when the RFP changed
 * between the check and the write so that `setScores` rejects an entry.
 */
export async function importScoringSheet(db: PortfolioDb, request: SheetImportRequest, context: DeviceContext): Promise<SheetImportResult> {
  const read = await readScoringSheet(request.bytes, request.file);
  if (!read.ok) return { ok: false, issues: read.issues };

  const records = await readRfpRecords(db, request.rfpId);
  const check = validateSheet(read.sheet, records, request.evaluatorId, request.file);
  if (check.issues.length > 0) return { ok: false, issues: check.issues };

  const written = await setScores(db, check.entries, context);
  return { ok: true, written };
}

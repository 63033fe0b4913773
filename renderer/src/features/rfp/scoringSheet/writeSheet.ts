/** Writes one evaluator's scoring sheet as an .xlsx workbook with exceljs. */
import type { Workbook, Worksheet } from 'exceljs';
import { knockoutFail } from '@shared/rfp/scale';
import { loadExcel } from './loadExcel';
import type { SheetContent, SheetCriterion } from './sheetContent';
import {
  aboutEntryKinds,
  aboutKeys,
  aboutSheetName,
  columnLetter,
  firstBidderColumn,
  knockoutWords,
  levelsSheetName,
  scoresColumns,
  scoresSheetName,
  sheetFormatName,
  sheetFormatVersion,
} from './sheetFormat';

/** Translated texts the workbook shows; the caller fills them from the translation files. */
export interface SheetLabels {
  readonly criterionId: string;
  readonly section: string;
  readonly criterion: string;
  readonly weightShare: string;
  readonly scale: string;
  /** Header of a bidder's score column; `{{bidder}}` is replaced by the bidder's name. */
  readonly scoreHeader: string;
  /** Header of a bidder's comment column; `{{bidder}}` is replaced by the bidder's name. */
  readonly commentHeader: string;
  /** Scale cell of a knockout. */
  readonly knockoutScale: string;
  /** Scale cell of a scored criterion; `{{min}}` and `{{max}}` are replaced by the scale's ends. */
  readonly scoredScale: string;
  /** Weight cell of a knockout, which has no weight. */
  readonly noWeight: string;
  readonly levelValue: string;
  readonly levelLabel: string;
  readonly levelDescription: string;
  readonly passDescription: string;
  readonly failDescription: string;
  /** Input message shown on a score cell. */
  readonly scorePrompt: string;
  /** Error shown when a value off the list is typed into a score cell. */
  readonly scoreRejected: string;
}

/** Writes the workbook for `content`; `exportedAt` is the UTC ISO instant stamped on the About sheet. */
export async function writeScoringSheet(content: SheetContent, labels: SheetLabels, exportedAt: string): Promise<Uint8Array> {
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  workbook.creator = 'Steerwise';
  workbook.created = new Date(exportedAt);

  addScoresSheet(workbook, content, labels);
  addLevelsSheet(workbook, content, labels);
  await addAboutSheet(workbook, content, exportedAt);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(values[key] ?? whole));
}

function scoreCellText(criterion: SheetCriterion, value: number): string | number {
  if (criterion.kind !== 'knockout') return value;
  return value === knockoutFail ? knockoutWords.fail : knockoutWords.pass;
}

function addScoresSheet(workbook: Workbook, content: SheetContent, labels: SheetLabels): void {
  const sheet = workbook.addWorksheet(scoresSheetName, { views: [{ state: 'frozen', xSplit: scoresColumns.criterion, ySplit: 1 }] });
  const header = [labels.criterionId, labels.section, labels.criterion, labels.weightShare, labels.scale];
  for (const bidder of content.bidders) {
    header.push(fill(labels.scoreHeader, { bidder: bidder.name }), fill(labels.commentHeader, { bidder: bidder.name }));
  }
  sheet.addRow(header).font = { bold: true };
  sheet.getColumn(scoresColumns.criterionId).width = 14;
  sheet.getColumn(scoresColumns.criterionId).font = { color: { argb: 'FF808080' } };
  sheet.getColumn(scoresColumns.section).width = 24;
  sheet.getColumn(scoresColumns.criterion).width = 40;
  sheet.getColumn(scoresColumns.weightShare).width = 12;
  sheet.getColumn(scoresColumns.scale).width = 16;

  const scores = new Map(content.scores.map((score) => [`${score.criterionId}\u0000${score.bidderId}`, score]));
  content.criteria.forEach((criterion, index) => {
    const rowNumber = index + 2;
    const row = sheet.getRow(rowNumber);
    row.getCell(scoresColumns.criterionId).value = criterion.id;
    row.getCell(scoresColumns.section).value = criterion.sectionTitle;
    row.getCell(scoresColumns.criterion).value = criterion.title;
    const weight = row.getCell(scoresColumns.weightShare);
    if (criterion.share === null) {
      weight.value = labels.noWeight;
    } else {
      weight.value = criterion.share;
      weight.numFmt = '0.0%';
    }
    row.getCell(scoresColumns.scale).value =
      criterion.kind === 'knockout'
        ? labels.knockoutScale
        : fill(labels.scoredScale, { min: criterion.allowed[0] ?? '', max: criterion.allowed[criterion.allowed.length - 1] ?? '' });

    const listFormula =
      criterion.kind === 'knockout' ? `"${knockoutWords.pass},${knockoutWords.fail}"` : `"${criterion.allowed.join(',')}"`;
    content.bidders.forEach((bidder, b) => {
      const scoreCell = row.getCell(firstBidderColumn + 2 * b);
      const commentCell = row.getCell(firstBidderColumn + 2 * b + 1);
      const existing = scores.get(`${criterion.id}\u0000${bidder.id}`);
      if (existing !== undefined && existing.value !== null) scoreCell.value = scoreCellText(criterion, existing.value);
      if (existing !== undefined && existing.comment !== '') commentCell.value = existing.comment;
      scoreCell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula],
        showInputMessage: true,
        prompt: labels.scorePrompt,
        showErrorMessage: true,
        errorStyle: 'stop',
        error: labels.scoreRejected,
      };
      commentCell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  content.bidders.forEach((_bidder, b) => {
    sheet.getColumn(firstBidderColumn + 2 * b).width = 10;
    sheet.getColumn(firstBidderColumn + 2 * b + 1).width = 36;
  });
}

function addLevelsSheet(workbook: Workbook, content: SheetContent, labels: SheetLabels): void {
  const sheet = workbook.addWorksheet(levelsSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([labels.criterionId, labels.section, labels.criterion, labels.levelValue, labels.levelLabel, labels.levelDescription]).font =
    {
      bold: true,
    };
  for (const criterion of content.criteria) {
    const start = [criterion.id, criterion.sectionTitle, criterion.title];
    if (criterion.kind === 'knockout') {
      sheet.addRow([...start, knockoutWords.pass, knockoutWords.pass, labels.passDescription]);
      sheet.addRow([...start, knockoutWords.fail, knockoutWords.fail, labels.failDescription]);
      continue;
    }
    for (const level of criterion.levels) sheet.addRow([...start, level.value, level.label, level.description]);
  }
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 40;
  sheet.getColumn(5).width = 16;
  sheet.getColumn(6).width = 80;
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
}

async function addAboutSheet(workbook: Workbook, content: SheetContent, exportedAt: string): Promise<Worksheet> {
  const sheet = workbook.addWorksheet(aboutSheetName, { state: 'hidden' });
  sheet.addRow([aboutKeys.format, sheetFormatName]);
  sheet.addRow([aboutKeys.formatVersion, sheetFormatVersion]);
  sheet.addRow([aboutKeys.rfpId, content.rfpId]);
  sheet.addRow([aboutKeys.evaluatorId, content.evaluatorId]);
  sheet.addRow([aboutKeys.rfpTitle, content.rfpTitle]);
  sheet.addRow([aboutKeys.evaluatorName, content.evaluatorName]);
  sheet.addRow([aboutKeys.exportedAt, exportedAt]);
  sheet.addRow([]);

  content.criteria.forEach((criterion, index) => {
    sheet.addRow([aboutEntryKinds.criterion, criterion.id, index + 2]);
  });
  content.bidders.forEach((bidder, b) => {
    const scoreColumn = columnLetter(firstBidderColumn + 2 * b);
    const commentColumn = columnLetter(firstBidderColumn + 2 * b + 1);
    sheet.addRow([aboutEntryKinds.bidder, bidder.id, scoreColumn, commentColumn, bidder.name]);
  });
  for (const score of content.scores) {
    if (score.value !== null) sheet.addRow([aboutEntryKinds.prefilled, score.criterionId, score.bidderId]);
  }
  // Protection without a password only guards against accidental edits; the import still checks every value.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  return sheet;
}

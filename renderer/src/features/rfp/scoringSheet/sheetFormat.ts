/**
 * Layout of the scoring sheet workbook, shared by the writer and the reader. Sheet names, the
 * About keys and the knockout words are part of the file format, so they are not translated:
 * a sheet written in one language must read back in another.
 *
 * - "Scores": row 1 is the header. Each later row is one criterion, identified by its id in
 *   column A, so rows may be sorted or filtered. Columns A to E describe the criterion; from F
 *   on, each bidder has a score column followed by a comment column.
 * - "Levels": one row per scale level with its description, for reading only.
 * - "About" (hidden and protected): key/value rows (format, version, RFP and evaluator ids),
 *   then one entry row per criterion, per bidder (with its two column letters) and per cell that
 *   was prefilled with a score.
 */

export const scoresSheetName = 'Scores';
export const levelsSheetName = 'Levels';
export const aboutSheetName = 'About';

/** Value of the About key `format`, which tells a scoring sheet apart from other workbooks. */
export const sheetFormatName = 'steerwise.scoringSheet';
/** Version of this layout. The reader rejects newer versions. */
export const sheetFormatVersion = 1;

/** Words a knockout score cell contains. Numbers 1 (pass) and 0 (fail) are read too. */
export const knockoutWords = { pass: 'Pass', fail: 'Fail' } as const;

/** 1-based column numbers of the fixed columns on the Scores sheet. */
export const scoresColumns = { criterionId: 1, section: 2, criterion: 3, weightShare: 4, scale: 5 } as const;
/** Column number of the first bidder's score column; its comment column follows. */
export const firstBidderColumn = 6;

/** Keys of the About sheet's key/value rows, in column A with the value in column B. */
export const aboutKeys = {
  format: 'format',
  formatVersion: 'formatVersion',
  rfpId: 'rfpId',
  evaluatorId: 'evaluatorId',
  rfpTitle: 'rfpTitle',
  evaluatorName: 'evaluatorName',
  exportedAt: 'exportedAt',
} as const;

/**
 * Kinds of About entry rows, in column A:
 * - `criterion`: B criterion id, C its row on the Scores sheet when written.
 * - `bidder`: B bidder id, C score column letter, D comment column letter, E bidder name.
 * - `prefilled`: B criterion id, C bidder id of a cell written with the evaluator's score.
 */
export const aboutEntryKinds = { criterion: 'criterion', bidder: 'bidder', prefilled: 'prefilled' } as const;

/** Converts a 1-based column number to its letters: 1 is A, 27 is AA. */
export function columnLetter(column: number): string {
  let rest = column;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Converts column letters to the 1-based column number; `null` for anything but letters A to XFD. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number <= 16_384 ? number : null;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../../../../../renderer/src/errorMessage';
import { readScoringSheet } from '../../../../../../../renderer/src/features/rfp/scoringSheet/readSheet';
import type { ParsedSheet } from '../../../../../../../renderer/src/features/rfp/scoringSheet/readSheet';
import { validateSheet } from '../../../../../../../renderer/src/features/rfp/scoringSheet/validateSheet';
import type { SheetCheck } from '../../../../../../../renderer/src/features/rfp/scoringSheet/validateSheet';
import { ids, makeRfp, score } from '../rfpFixture';
import { englishLabels } from './sheetTestKit';

const fixtures = join(import.meta.dirname, '../../../../../../fixtures/xlsx');
// The RFP the fixtures were written from (see makeFixtures.ts), in the scoring phase.
const records = makeRfp('scoring', { scores: [score(ids.ann, ids.acme, ids.quality, 3)] });

beforeAll(async () => {
  await englishLabels();
});

async function readFixture(name: string): Promise<ParsedSheet> {
  const result = await readScoringSheet(new Uint8Array(await readFile(join(fixtures, name))), name);
  if (!result.ok) throw new Error(`${name} did not read: ${JSON.stringify(result.issues)}`);
  return result.sheet;
}

function messages(check: SheetCheck, file: string): string[] {
  return check.issues.map((issue) => describeError(i18next.t, issue.code, { file, ...issue.detail }));
}

describe('scoring sheet fixtures', () => {
  it('wrong evaluator names both evaluators', async () => {
    const check = validateSheet(await readFixture('wrong_evaluator.xlsx'), records, ids.ann, 'wrong_evaluator.xlsx');

    expect(check.entries).toEqual([]);
    expect(messages(check, 'wrong_evaluator.xlsx')).toEqual([
      'wrong_evaluator.xlsx is the scoring sheet of Ben, but Ann is chosen as the evaluator on this laptop. Choose Ben above the matrix, or import Ann’s own sheet.',
    ]);
  });

  it('bad values name sheet, row and column', async () => {
    const check = validateSheet(await readFixture('bad_value.xlsx'), records, ids.ann, 'bad_value.xlsx');

    expect(check.entries).toEqual([]);
    expect(check.issues.map((issue) => [issue.code, issue.detail.sheet, issue.detail.row, issue.detail.column])).toEqual([
      ['scoringSheet.scoreNotAllowed', 'Scores', 2, 'F'],
      ['scoringSheet.scoreNotAllowed', 'Scores', 4, 'H'],
    ]);
    expect(messages(check, 'bad_value.xlsx')).toEqual([
      'Sheet “Scores”, row 2, column F: “7” is not a level of “Title of crit-quality” for Acme. Enter one of 0, 1, 2, 3, 4, 5, or leave the cell empty.',
      'Sheet “Scores”, row 4, column H: “Maybe” is not a level of “Title of crit-iso” for Bolt. Enter one of Pass, Fail, or leave the cell empty.',
    ]);
  });

  it('missing comments point at the comment column', async () => {
    const check = validateSheet(await readFixture('missing_comment.xlsx'), records, ids.ann, 'missing_comment.xlsx');

    expect(check.entries).toEqual([]);
    expect(messages(check, 'missing_comment.xlsx')).toEqual([
      'Sheet “Scores”, row 3, column I: the score 5 of Bolt on “Title of crit-staffing” is at an end of the scale (or a knockout fail), so it needs a comment. Type the reason in this cell.',
      'Sheet “Scores”, row 4, column K: the score Fail of Crest on “Title of crit-iso” is at an end of the scale (or a knockout fail), so it needs a comment. Type the reason in this cell.',
    ]);
  });

  it('shuffled rows map by criterion id', async () => {
    const sheet = await readFixture('shuffled_rows.xlsx');
    const check = validateSheet(sheet, records, ids.ann, 'shuffled_rows.xlsx');

    // Reversed: price is now on row 2 and quality on row 5.
    expect(sheet.rows.map((row) => row.cells.get(1))).toEqual([ids.price, ids.iso, ids.staffing, ids.quality]);
    expect(check.issues).toEqual([]);
    const cells = check.entries.map((entry) => [entry.criterionId, entry.bidderId, entry.value, entry.comment]);
    expect(cells).toEqual([
      [ids.price, ids.acme, 5, 'Lowest total cost of the three.'],
      [ids.iso, ids.crest, 1, ''],
      [ids.staffing, ids.acme, 4, ''],
      [ids.quality, ids.acme, 3, ''],
      [ids.quality, ids.bolt, 2, ''],
    ]);
    expect(check.entries.every((entry) => entry.rfpId === ids.rfp && entry.evaluatorId === ids.ann)).toBe(true);
  });

  it('phase and declaration are checked too', async () => {
    const closed = makeRfp('consensus', { scores: records.scores });
    const sheet = await readFixture('shuffled_rows.xlsx');

    const check = validateSheet(sheet, closed, ids.ann, 'shuffled_rows.xlsx');

    expect(check.entries).toEqual([]);
    expect(messages(check, 'shuffled_rows.xlsx')).toEqual([
      'Scores can only be imported while the RFP is in the scoring phase, so nothing from shuffled_rows.xlsx was saved.',
    ]);
  });

  it('conflicted bidder column is rejected', async () => {
    const conflicted = makeRfp('scoring', {
      scores: records.scores,
      evaluators: records.evaluators.map((evaluator) =>
        evaluator.id === ids.ann
          ? { ...evaluator, conflictStatus: 'declared' as const, conflictBidderIds: [ids.acme], conflictStatement: 'Former employer.' }
          : evaluator,
      ),
    });

    const check = validateSheet(await readFixture('shuffled_rows.xlsx'), conflicted, ids.ann, 'shuffled_rows.xlsx');

    expect(messages(check, 'shuffled_rows.xlsx')).toEqual([
      'Sheet “Scores”, row 1, column F: Ann declared a conflict of interest with Acme, so they cannot score this bidder. Delete the entries in this bidder’s columns.',
    ]);
  });
});

import 'fake-indexeddb/auto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioDb } from '../../../../../../../renderer/src/db/portfolioDb';
import { declareConflict, setScore } from '../../../../../../../renderer/src/db/rfp';
import { readRfpRecords } from '../../../../../../../renderer/src/db/rfpSupport';
import { listRecordAudit } from '../../../../../../../renderer/src/db/queries';
import { exportScoringSheet } from '../../../../../../../renderer/src/features/rfp/scoringSheet/exportSheet';
import { importScoringSheet } from '../../../../../../../renderer/src/features/rfp/scoringSheet/importSheet';
import { manualWall, openTestDb, testContext } from '../../../../db/factories';
import { buildRfp, databaseContents } from '../../../../db/rfpFactories';
import type { BuiltRfp } from '../../../../db/rfpFactories';
import { editScores, englishLabels } from './sheetTestKit';

const context = testContext(manualWall(Date.UTC(2026, 3, 14, 9, 0, 0)));
let db: PortfolioDb | null = null;
let folder = '';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-sheet-'));
});

afterEach(async () => {
  db?.close();
  db = null;
  await rm(folder, { recursive: true, force: true });
});

/** Builds an RFP in scoring, gives Ann a 3 for the incumbent on quality, and writes Ann's sheet to disk. */
async function annSheet(): Promise<{ database: PortfolioDb; built: BuiltRfp; path: string }> {
  const database = await openTestDb();
  db = database;
  const built = await buildRfp(database, context, 'scoring');
  const entry = { rfpId: built.event.id, evaluatorId: built.ann.id, bidderId: built.incumbent.id, criterionId: built.quality.id };
  await setScore(database, { ...entry, value: 3, comment: '' }, context);
  const records = await readRfpRecords(database, built.event.id);
  const ann = records.evaluators.find((evaluator) => evaluator.id === built.ann.id);
  if (ann === undefined) throw new Error('Ann missing');
  const path = join(folder, 'ann.xlsx');
  await writeFile(path, await exportScoringSheet(records, ann, await englishLabels(), '2026-04-14T09:00:00.000Z'));
  return { database, built, path };
}

async function importFile(database: PortfolioDb, built: BuiltRfp, path: string, evaluatorId = built.ann.id) {
  const bytes = new Uint8Array(await readFile(path));
  return importScoringSheet(database, { rfpId: built.event.id, evaluatorId, file: 'ann.xlsx', bytes }, context);
}

/** Finds the Scores row of a criterion by its id in column A. */
function rowOf(sheet: ExcelJS.Worksheet, criterionId: string): number {
  for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === criterionId) return row;
  throw new Error(`no row for ${criterionId}`);
}

async function scoresOf(database: PortfolioDb, evaluatorId: string) {
  const scores = await database.rfpScores.where('evaluatorId').equals(evaluatorId).toArray();
  return scores.map((score) => ({ bidderId: score.bidderId, criterionId: score.criterionId, value: score.value, comment: score.comment }));
}

describe('scoring sheet export', () => {
  it('writes Scores, Levels and hidden About', async () => {
    const { built, path } = await annSheet();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(path)).buffer);

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Scores', 'Levels', 'About']);
    expect(workbook.getWorksheet('About')?.state).toBe('hidden');
    const scores = workbook.getWorksheet('Scores');
    if (scores === undefined) throw new Error('Scores missing');
    // Bidders by name: North Payroll Ltd (the incumbent) before Prospect Services.
    expect(scores.getRow(1).values).toEqual([
      undefined,
      'Criterion ID',
      'Section',
      'Criterion',
      'Weight',
      'Scale',
      'North Payroll Ltd: score',
      'North Payroll Ltd: comment',
      'Prospect Services: score',
      'Prospect Services: comment',
    ]);
    // The formula-scored price criterion takes no score, so only quality and the knockout are rows.
    expect([scores.getCell('A2').value, scores.getCell('A3').value, scores.getCell('A4').value]).toEqual([
      built.quality.id,
      built.knockout.id,
      null,
    ]);
    expect(scores.getCell('F2').value).toBe(3);
    expect(scores.getCell('D2').value).toBeCloseTo(0.7);
    expect(scores.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"0,1,2,3,4,5"'] });
    expect(scores.getCell('H3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Pass,Fail"'] });
    const levels = workbook.getWorksheet('Levels');
    expect(levels?.getCell('F2').value).toBe(built.quality.scale?.levels[0]?.description);
  });

  it('leaves out conflicted bidders', async () => {
    const database = await openTestDb();
    db = database;
    const built = await buildRfp(database, context, 'open');
    await declareConflict(
      database,
      built.ann.id,
      { status: 'declared', bidderIds: [built.prospect.id], statement: 'Former employer.' },
      context,
    );
    const records = await readRfpRecords(database, built.event.id);
    const ann = records.evaluators.find((evaluator) => evaluator.id === built.ann.id);
    if (ann === undefined) throw new Error('Ann missing');
    const workbook = new ExcelJS.Workbook();
    const bytes = await exportScoringSheet(records, ann, await englishLabels(), '2026-04-14T09:00:00.000Z');
    await workbook.xlsx.load(bytes.slice().buffer);

    const header = workbook.getWorksheet('Scores')?.getRow(1).values;
    expect(header).toContain('North Payroll Ltd: score');
    expect(JSON.stringify(header)).not.toContain('Prospect Services');
  });
});

describe('scoring sheet import', () => {
  it('imports edited cells in one go', async () => {
    const { database, built, path } = await annSheet();
    await editScores(path, (sheet) => {
      const quality = rowOf(sheet, built.quality.id);
      const knockout = rowOf(sheet, built.knockout.id);
      sheet.getCell(quality, 8).value = 5;
      sheet.getCell(quality, 9).value = 'Best controls seen.';
      sheet.getCell(knockout, 6).value = 'Pass';
      sheet.getCell(knockout, 8).value = 'Fail';
      sheet.getCell(knockout, 9).value = 'No certificate.';
    });

    const result = await importFile(database, built, path);

    // The prefilled 3 is unchanged, so three scores are written.
    expect(result).toEqual({ ok: true, written: 3 });
    expect(await scoresOf(database, built.ann.id)).toEqual(
      expect.arrayContaining([
        { bidderId: built.incumbent.id, criterionId: built.quality.id, value: 3, comment: '' },
        { bidderId: built.prospect.id, criterionId: built.quality.id, value: 5, comment: 'Best controls seen.' },
        { bidderId: built.incumbent.id, criterionId: built.knockout.id, value: 1, comment: '' },
        { bidderId: built.prospect.id, criterionId: built.knockout.id, value: 0, comment: 'No certificate.' },
      ]),
    );
    expect(await database.rfpScores.count()).toBe(4);
  });

  it('second import of same sheet writes nothing', async () => {
    const { database, built, path } = await annSheet();
    await editScores(path, (sheet) => {
      sheet.getCell(rowOf(sheet, built.quality.id), 8).value = 2;
    });
    await importFile(database, built, path);
    const before = await databaseContents(database);

    expect(await importFile(database, built, path)).toEqual({ ok: true, written: 0 });
    expect(await databaseContents(database)).toEqual(before);
  });

  it('emptied prefilled cell clears the score', async () => {
    const { database, built, path } = await annSheet();
    await editScores(path, (sheet) => {
      sheet.getCell(rowOf(sheet, built.quality.id), 6).value = null;
    });

    expect(await importFile(database, built, path)).toEqual({ ok: true, written: 1 });
    const [cleared] = await database.rfpScores.where('evaluatorId').equals(built.ann.id).toArray();
    expect(cleared?.value).toBeNull();
    // The audit trail keeps the creation and the change, newest first.
    const audit = await listRecordAudit(database, cleared?.id ?? '');
    expect(audit.map((entry) => entry.changes.value)).toEqual([
      { old: 3, new: null },
      { old: null, new: 3 },
    ]);
  });

  it('blank cell keeps a score entered after download', async () => {
    const { database, built, path } = await annSheet();
    const entry = { rfpId: built.event.id, evaluatorId: built.ann.id, bidderId: built.prospect.id, criterionId: built.quality.id };
    await setScore(database, { ...entry, value: 2, comment: '' }, context);

    expect(await importFile(database, built, path)).toEqual({ ok: true, written: 0 });
    expect(await scoresOf(database, built.ann.id)).toContainEqual({
      bidderId: built.prospect.id,
      criterionId: built.quality.id,
      value: 2,
      comment: '',
    });
  });

  it.each([
    [
      'bad value',
      (sheet: ExcelJS.Worksheet, built: BuiltRfp) => (sheet.getCell(rowOf(sheet, built.quality.id), 8).value = 9),
      'scoringSheet.scoreNotAllowed',
    ],
    [
      'missing comment',
      (sheet: ExcelJS.Worksheet, built: BuiltRfp) => (sheet.getCell(rowOf(sheet, built.quality.id), 8).value = 0),
      'scoringSheet.commentRequired',
    ],
    [
      'unknown criterion',
      (sheet: ExcelJS.Worksheet, built: BuiltRfp) => (sheet.getCell(rowOf(sheet, built.quality.id), 1).value = 'crit-gone'),
      'scoringSheet.unknownCriterion',
    ],
    ['moved column', (sheet: ExcelJS.Worksheet) => (sheet.getCell('H1').value = 'Someone else'), 'scoringSheet.headerChanged'],
  ])('%s writes nothing', async (_name, edit, code) => {
    const { database, built, path } = await annSheet();
    await editScores(path, (sheet) => {
      // A valid change next to the bad one must not be written either.
      sheet.getCell(rowOf(sheet, built.knockout.id), 6).value = 'Pass';
      edit(sheet, built);
    });
    const before = await databaseContents(database);

    const result = await importFile(database, built, path);

    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toContain(code);
    expect(await databaseContents(database)).toEqual(before);
  });

  it('other evaluator writes nothing', async () => {
    const { database, built, path } = await annSheet();
    const before = await databaseContents(database);

    const result = await importFile(database, built, path, built.bob.id);

    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'scoringSheet.wrongEvaluator', detail: { sheetEvaluator: 'Ann', evaluator: 'Bob' } }],
    });
    expect(await databaseContents(database)).toEqual(before);
  });

  it('namesake of chosen evaluator is named by id', async () => {
    const { database, built, path } = await annSheet();
    // Bob is renamed Ann: the sheet's stored name now equals the chosen evaluator's name.
    await database.rfpEvaluators.update(built.bob.id, { evaluatorName: 'Ann' });
    await database.rfpEvaluators.update(built.ann.id, { evaluatorName: 'Ann Senior' });

    const result = await importFile(database, built, path, built.bob.id);

    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'scoringSheet.wrongEvaluator', detail: { sheetEvaluator: 'Ann Senior', evaluator: 'Ann' } }],
    });
  });

  it('sheet of removed evaluator is unknown', async () => {
    const { database, built, path } = await annSheet();
    await database.rfpEvaluators.delete(built.ann.id);
    const before = await databaseContents(database);

    const result = await importFile(database, built, path, built.bob.id);

    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'scoringSheet.unknownEvaluator', detail: { sheetEvaluator: 'Ann', evaluator: 'Bob' } }],
    });
    expect(await databaseContents(database)).toEqual(before);
  });

  it('workbook without About is rejected', async () => {
    const { database, built } = await annSheet();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Scores');
    workbook.addWorksheet('Levels');
    const path = join(folder, 'plain.xlsx');
    await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));

    const result = await importFile(database, built, path);

    expect(result).toEqual({ ok: false, issues: [{ code: 'scoringSheet.missingSheet', detail: { file: 'ann.xlsx', sheet: 'About' } }] });
  });

  it('text file is not a workbook', async () => {
    const { database, built } = await annSheet();
    const path = join(folder, 'notes.xlsx');
    await writeFile(path, 'criterion,score\n');

    const result = await importFile(database, built, path);

    expect(result.ok ? null : result.issues[0]?.code).toBe('scoringSheet.notWorkbook');
  });
});

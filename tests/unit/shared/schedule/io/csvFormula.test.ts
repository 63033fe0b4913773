import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportPlanCsv } from '../../../../../shared/schedule/io/csvExport';
import { unescapeFormulaCell } from '../../../../../shared/schedule/io/csvFormat';
import type { ExportablePlan } from '../../../../../shared/schedule/io/types';
import { importBytes } from './projectFiles';

/**
 * Names that a spreadsheet would run as formulas, and texts that look like an escaped one. A tab
 * is tried in the notes, because the import trims task names.
 */
const risky = ['=HYPERLINK("http://127.0.0.1/","x")', '+1+1', '-2+3', '@SUM(A1:A2)', "'=already quoted", "''+twice", "'plain", '='];

function planWithNames(names: readonly string[]): ExportablePlan {
  return {
    plan: { title: 'Formula plan', description: '', startOn: '2026-03-02', calendarId: 'cal' },
    calendars: [{ id: 'cal', name: '=Standard', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '@site' }],
    tasks: names.map((name, index) => ({
      id: `t${String(index)}`,
      parentId: null,
      order: index + 1,
      name,
      duration: 1,
      durationUnit: 'workingDays' as const,
      startNoEarlierThan: null,
      progress: 0,
      owner: index === 0 ? '=cmd|calc' : '',
      notes: ['', '-note', '\tindented note'][index] ?? '',
      calendarId: null,
    })),
    dependencies: [],
  };
}

/** Parses the exported CSV the way a spreadsheet reads its cells, without any unescaping. */
function cellsOf(text: string): string[][] {
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
}

/** Column positions in the task rows of the plan CSV. */
const nameColumn = 1;
const ownerColumn = 6;
const notesColumn = 7;

describe('plan CSV formula guard', () => {
  const text = exportPlanCsv(planWithNames(risky));
  const cells = cellsOf(text);
  const rows = cells.slice(1, risky.length + 1);
  const calendarRow = cells.at(-1) ?? [];

  it('starts no cell with a formula character', () => {
    for (const row of rows) {
      for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('prefixes risky names with an apostrophe', () => {
    expect(rows[0]?.[nameColumn]).toBe('\'=HYPERLINK("http://127.0.0.1/","x")');
    expect(rows[3]?.[nameColumn]).toBe("'@SUM(A1:A2)");
    expect(rows[0]?.[ownerColumn]).toBe("'=cmd|calc");
    expect(rows[1]?.[notesColumn]).toBe("'-note");
    expect(rows[2]?.[notesColumn]).toBe("'\tindented note");
  });

  it('prefixes a risky calendar name and site', () => {
    expect(calendarRow[0]).toBe("'=Standard");
    expect(calendarRow[1]).toBe("'@site");
  });

  it('adds one apostrophe to an escaped-looking name', () => {
    expect(rows[4]?.[nameColumn]).toBe("''=already quoted");
    expect(rows[5]?.[nameColumn]).toBe("'''+twice");
  });

  it('leaves a plain apostrophe name alone', () => {
    expect(rows[6]?.[nameColumn]).toBe("'plain");
  });

  it('re-imports every name, owner and note unchanged', () => {
    const outcome = importBytes(new TextEncoder().encode(text), 'formulas.csv');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.plan.tasks.map((task) => task.name)).toEqual(risky);
    expect(outcome.plan.tasks[0]?.owner).toBe('=cmd|calc');
    expect(outcome.plan.tasks[1]?.notes).toBe('-note');
    expect(outcome.plan.tasks[2]?.notes).toBe('\tindented note');
    expect(outcome.plan.calendars[0]).toMatchObject({ name: '=Standard', site: '@site' });
  });
});

describe('unescapeFormulaCell', () => {
  it.each([
    ["'=1", '=1'],
    ["''=1", "'=1"],
    ["'plain", "'plain"],
    ['=1', '=1'],
    ["'", "'"],
    ['', ''],
  ])('reads %j as %j', (cell, text) => {
    expect(unescapeFormulaCell(cell)).toBe(text);
  });
});

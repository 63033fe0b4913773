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
    calendars: [{ id: 'cal', name: 'Standard', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '' }],
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

describe('plan CSV formula guard', () => {
  const text = exportPlanCsv(planWithNames(risky));
  const rows = cellsOf(text).slice(1);

  it('starts no cell with a formula character', () => {
    for (const row of rows) {
      for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('prefixes risky names with an apostrophe', () => {
    expect(rows[0]?.[2]).toBe('\'=HYPERLINK("http://127.0.0.1/","x")');
    expect(rows[3]?.[2]).toBe("'@SUM(A1:A2)");
    expect(rows[0]?.[7]).toBe("'=cmd|calc");
    expect(rows[1]?.[8]).toBe("'-note");
    expect(rows[2]?.[8]).toBe("'\tindented note");
  });

  it('adds one apostrophe to an escaped-looking name', () => {
    expect(rows[4]?.[2]).toBe("''=already quoted");
    expect(rows[5]?.[2]).toBe("'''+twice");
  });

  it('leaves a plain apostrophe name alone', () => {
    expect(rows[6]?.[2]).toBe("'plain");
  });

  it('re-imports every name, owner and note unchanged', () => {
    const outcome = importBytes(new TextEncoder().encode(text), 'formulas.csv');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.plan.tasks.map((task) => task.name)).toEqual(risky);
    expect(outcome.plan.tasks[0]?.owner).toBe('=cmd|calc');
    expect(outcome.plan.tasks[1]?.notes).toBe('-note');
    expect(outcome.plan.tasks[2]?.notes).toBe('\tindented note');
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

import { describe, expect, it } from 'vitest';
import { buildTaskRows, visibleRows } from '../../../../../../../renderer/src/features/plans/gantt/rowTree';
import { task } from './ganttFixture';

describe('buildTaskRows', () => {
  it('lists tasks in outline order with WBS codes', () => {
    const rows = buildTaskRows([
      task('b1', 1, { parentId: 'B', order: 1 }),
      task('B', 0, { order: 2 }),
      task('A', 0, { order: 1 }),
      task('a2', 1, { parentId: 'A', order: 2 }),
      task('a1', 1, { parentId: 'A', order: 1 }),
      task('a1x', 1, { parentId: 'a1', order: 1 }),
    ]);
    expect(rows.map((row) => `${row.wbs} ${row.task.id} ${row.depth}`)).toEqual([
      '1 A 0',
      '1.1 a1 1',
      '1.1.1 a1x 2',
      '1.2 a2 1',
      '2 B 0',
      '2.1 b1 1',
    ]);
    expect(rows.find((row) => row.task.id === 'A')?.childCount).toBe(2);
    expect(rows.find((row) => row.task.id === 'a2')?.childCount).toBe(0);
  });

  it('orders equal positions by id', () => {
    const rows = buildTaskRows([task('y', 1, { order: 1 }), task('x', 1, { order: 1 })]);
    expect(rows.map((row) => row.task.id)).toEqual(['x', 'y']);
  });

  it('keeps tasks with a missing parent at the top', () => {
    const rows = buildTaskRows([task('A', 1, { order: 1 }), task('lost', 1, { parentId: 'gone', order: 2 })]);
    expect(rows.map((row) => `${row.wbs} ${row.task.id}`)).toEqual(['1 A', '2 lost']);
  });

  it('lists tasks in a parent loop once each', () => {
    const rows = buildTaskRows([task('A', 1, { order: 1 }), task('x', 1, { parentId: 'y' }), task('y', 1, { parentId: 'x' })]);
    expect(rows.map((row) => row.task.id).sort()).toEqual(['A', 'x', 'y']);
  });

  it('handles a very deep outline', () => {
    const tasks = Array.from({ length: 5000 }, (_, index) => task(`t${index}`, 1, { parentId: index === 0 ? null : `t${index - 1}` }));
    const rows = buildTaskRows(tasks);
    expect(rows).toHaveLength(5000);
    expect(rows[4999]?.depth).toBe(4999);
  });
});

describe('visibleRows', () => {
  const rows = buildTaskRows([
    task('A', 0, { order: 1 }),
    task('a1', 0, { parentId: 'A', order: 1 }),
    task('a1x', 1, { parentId: 'a1', order: 1 }),
    task('a2', 1, { parentId: 'A', order: 2 }),
    task('B', 1, { order: 2 }),
  ]);

  it('shows every row when nothing is collapsed', () => {
    expect(visibleRows(rows, new Set())).toHaveLength(5);
  });

  it('hides everything below a collapsed summary', () => {
    expect(visibleRows(rows, new Set(['A'])).map((row) => row.task.id)).toEqual(['A', 'B']);
  });

  it('hides only the collapsed branch', () => {
    expect(visibleRows(rows, new Set(['a1'])).map((row) => row.task.id)).toEqual(['A', 'a1', 'a2', 'B']);
  });

  it('ignores a collapsed leaf task', () => {
    expect(visibleRows(rows, new Set(['B']))).toHaveLength(5);
  });
});

import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../../../../shared/schedule/days';
import { headerHeight, rowHeight } from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import { fitZoom, printArea, renderGanttForPrint, slicePages } from '../../../../../../../renderer/src/features/plans/gantt/ganttPrint';
import type { PrintOptions } from '../../../../../../../renderer/src/features/plans/gantt/ganttPrint';
import { createTimeScale } from '../../../../../../../renderer/src/features/plans/gantt/timeScale';
import { model, phasedModel, task } from './ganttFixture';

const options: PrintOptions = {
  pageSize: 'A4',
  orientation: 'landscape',
  zoom: 'fit',
  comparison: null,
  today: null,
  text: {
    axis: { month: (month) => `M${month}`, monthYear: (year, month) => `${month}/${year}`, quarter: (q) => `Q${q}` },
    variance: (days) => `${days} wd`,
  },
  nameTitle: 'Task',
  describePage: (page, pages) => `Gantt chart, page ${page} of ${pages}`,
};

describe('printArea', () => {
  it('sizes A4 landscape inside 10 mm margins', () => {
    const area = printArea('A4', 'landscape');
    expect(area.width).toBe(Math.floor((297 - 20) * (96 / 25.4)));
    expect(area.height).toBe(Math.floor((210 - 20) * (96 / 25.4)));
  });

  it('swaps sides for portrait', () => {
    const portrait = printArea('Letter', 'portrait');
    const landscape = printArea('Letter', 'landscape');
    expect(portrait.width).toBe(landscape.height);
    expect(portrait.height).toBe(landscape.width);
  });
});

describe('slicePages', () => {
  const area = printArea('A4', 'portrait');
  const rowsPerPage = Math.floor((area.chartHeight - headerHeight) / rowHeight);

  it('runs down the rows, then across the time', () => {
    const scale = createTimeScale('days', toDayNumber('2021-02-01'), toDayNumber('2021-06-30'));
    const pages = slicePages(rowsPerPage * 2 + 1, scale, area);
    expect(pages[0]).toMatchObject({ firstRow: 0, lastRow: rowsPerPage - 1, firstDay: scale.firstDay });
    expect(pages[1]).toMatchObject({ firstRow: rowsPerPage, firstDay: scale.firstDay });
    expect(pages[2]).toMatchObject({ firstRow: rowsPerPage * 2, lastRow: rowsPerPage * 2 });
    expect(pages[3]?.firstDay).toBe(pages[0]?.endDay);
  });

  it('covers every day exactly once', () => {
    const scale = createTimeScale('days', toDayNumber('2021-02-01'), toDayNumber('2021-06-30'));
    const columns = slicePages(1, scale, area);
    expect(columns[0]?.firstDay).toBe(scale.firstDay);
    expect(columns.at(-1)?.endDay).toBe(scale.endDay);
    for (let index = 1; index < columns.length; index += 1) {
      expect(columns[index]?.firstDay).toBe(columns[index - 1]?.endDay);
    }
  });
});

describe('fitZoom', () => {
  it('picks days for a short plan', () => {
    expect(fitZoom(toDayNumber('2021-02-01'), toDayNumber('2021-02-16'), 800)).toBe('days');
  });

  it('picks months for a year', () => {
    expect(fitZoom(toDayNumber('2021-02-01'), toDayNumber('2021-12-20'), 900)).toBe('months');
  });
});

describe('renderGanttForPrint', () => {
  it('renders the plan on one page as SVG', () => {
    const layout = renderGanttForPrint(phasedModel(), options);
    expect(layout.zoom).toBe('days');
    expect(layout.pages).toHaveLength(1);
    const svg = layout.pages[0]?.svg ?? '';
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Analysis');
    expect(svg).toContain('1.1  Analysis');
    expect(layout.pages[0]?.label).toBe('Gantt chart, page 1 of 1');
  });

  it('splits many tasks over pages', () => {
    const tasks = Array.from({ length: 60 }, (_, index) =>
      task(`t${String(index).padStart(2, '0')}`, 3, { order: index, name: `Step ${index}` }),
    );
    const layout = renderGanttForPrint(model(tasks), { ...options, orientation: 'portrait' });
    expect(layout.pages.length).toBeGreaterThan(1);
    const all = layout.pages.map((page) => page.svg).join('');
    expect(all).toContain('Step 0<');
    expect(all).toContain('Step 59<');
  });

  it('escapes task names', () => {
    const layout = renderGanttForPrint(model([task('x', 2, { name: '<script>alert(1)</script> & co' })]), options);
    const svg = layout.pages[0]?.svg ?? '';
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('renders nothing for a plan that cannot be scheduled', () => {
    const cyclic = model(
      [task('a', 1), task('b', 1)],
      [
        { id: 'ab', planId: 'plan-1', predecessorId: 'a', successorId: 'b', type: 'FS', lag: 0, lagUnit: 'workingDays' },
        { id: 'ba', planId: 'plan-1', predecessorId: 'b', successorId: 'a', type: 'FS', lag: 0, lagUnit: 'workingDays' },
      ],
    );
    expect(renderGanttForPrint(cyclic, options).pages).toHaveLength(0);
  });
});

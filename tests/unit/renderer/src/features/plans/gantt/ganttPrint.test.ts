import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../../../../shared/schedule/days';
import { headerHeight, rowHeight } from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import {
  fitScale,
  printArea,
  printGridColumns,
  renderGanttForPrint,
  slicePages,
} from '../../../../../../../renderer/src/features/plans/gantt/ganttPrint';
import type { PrintOptions } from '../../../../../../../renderer/src/features/plans/gantt/ganttPrint';
import { axisWidth, createTimeScale } from '../../../../../../../renderer/src/features/plans/gantt/timeScale';
import { gridText, model, phasedModel, task } from './ganttFixture';

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
  grid: gridText,
  columnTitles: { name: 'Task', start: 'Start', finish: 'Finish', duration: 'Duration' },
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
    const pages = slicePages(rowsPerPage * 2 + 1, scale, area, 300);
    expect(pages[0]).toMatchObject({ firstRow: 0, lastRow: rowsPerPage - 1, firstDay: scale.firstDay });
    expect(pages[1]).toMatchObject({ firstRow: rowsPerPage, firstDay: scale.firstDay });
    expect(pages[2]).toMatchObject({ firstRow: rowsPerPage * 2, lastRow: rowsPerPage * 2 });
    expect(pages[3]?.firstDay).toBe(pages[0]?.endDay);
  });

  it('covers every day exactly once', () => {
    const scale = createTimeScale('days', toDayNumber('2021-02-01'), toDayNumber('2021-06-30'));
    const columns = slicePages(1, scale, area, 300);
    expect(columns[0]?.firstDay).toBe(scale.firstDay);
    expect(columns.at(-1)?.endDay).toBe(scale.endDay);
    for (let index = 1; index < columns.length; index += 1) {
      expect(columns[index]?.firstDay).toBe(columns[index - 1]?.endDay);
    }
  });
});

describe('fitScale', () => {
  it('picks days for a short plan', () => {
    expect(fitScale(toDayNumber('2021-02-01'), toDayNumber('2021-02-16'), 800).zoom).toBe('days');
  });

  it('picks weeks for a year on 1,100 pixels', () => {
    expect(fitScale(toDayNumber('2021-02-01'), toDayNumber('2021-12-20'), 1100).zoom).toBe('weeks');
  });

  it('picks months for a year on 600 pixels', () => {
    expect(fitScale(toDayNumber('2021-02-01'), toDayNumber('2021-12-20'), 600).zoom).toBe('months');
  });

  it('picks quarters for a year on 300 pixels', () => {
    expect(fitScale(toDayNumber('2021-02-01'), toDayNumber('2021-12-20'), 300).zoom).toBe('quarters');
  });

  it('picks quarters for a decade', () => {
    expect(fitScale(toDayNumber('2021-02-01'), toDayNumber('2030-12-20'), 700).zoom).toBe('quarters');
  });

  it.each([
    ['2021-02-01', '2021-02-16', 800],
    ['2021-02-01', '2021-12-20', 600],
    ['2021-02-01', '2023-06-30', 600],
    ['2021-02-01', '2040-12-31', 500],
  ])('stretches %s to %s over exactly %i pixels', (first, last, width) => {
    const scale = fitScale(toDayNumber(first), toDayNumber(last), width);
    expect(axisWidth(scale)).toBeCloseTo(width, 6);
  });

  it('fits the whole axis on one page across', () => {
    const area = printArea('A4', 'landscape');
    const scale = fitScale(toDayNumber('2021-02-01'), toDayNumber('2022-09-30'), area.chartWidth - 400);
    const pages = slicePages(1, scale, area, 400);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.endDay).toBe(scale.endDay);
  });
});

describe('printGridColumns', () => {
  const area = printArea('A4', 'landscape');
  const columns = printGridColumns(phasedModel(), area, options);

  it('prints task, start, finish and duration', () => {
    expect(columns.map((column) => column.title)).toEqual(['Task', 'Start', 'Finish', 'Duration']);
  });

  it('sizes dates to their widest text', () => {
    // The fixture formats dates as YYYY-MM-DD: ten characters at the estimate of 7.2 pixels each in bold 12 px, plus padding and slack.
    expect(columns[1]?.width).toBe(Math.ceil(10 * 12 * 0.6) + 12 + 4);
    expect(columns[2]?.width).toBe(columns[1]?.width);
  });

  it('keeps the grid within the page budget', () => {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    expect(total).toBeLessThanOrEqual(area.gridBudget);
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

  it('prints start, finish and duration with its unit', () => {
    const svg = renderGanttForPrint(phasedModel(), options).pages[0]?.svg ?? '';
    expect(svg).toContain('>Start<');
    expect(svg).toContain('>Duration<');
    // Analysis: 5 working days from Monday 1 February 2021.
    expect(svg).toContain('>2021-02-01<');
    expect(svg).toContain('>2021-02-05<');
    expect(svg).toContain('>5 wd<');
  });

  it('uses the full printable width when fitting', () => {
    const layout = renderGanttForPrint(phasedModel(), options);
    const svg = layout.pages[0]?.svg ?? '';
    const width = Number(/<svg[^>]*width="(\d+)"/.exec(svg)?.[1]);
    expect(width).toBe(layout.area.chartWidth);
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

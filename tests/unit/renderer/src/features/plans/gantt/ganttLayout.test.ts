import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../../../../shared/schedule/days';
import { WorkingCalendar } from '../../../../../../../shared/schedule/workingCalendar';
import {
  approximateTextWidth,
  arrowHead,
  buildScene,
  chartFont,
  fitWords,
  headerHeight,
  indexRows,
  routeLink,
  rowHeight,
} from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import type { SceneInput, Viewport } from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import { compareWithBaseline } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import { createTimeScale, dayToX } from '../../../../../../../renderer/src/features/plans/gantt/timeScale';
import { link, model, phasedModel, task, weekdays } from './ganttFixture';

const day = (date: string) => toDayNumber(date);
const viewport: Viewport = { left: 0, top: headerHeight, scrollLeft: 0, scrollTop: 0, width: 1200, height: 600 };

function sceneOf(ganttModel: GanttModel, overrides: Partial<SceneInput> = {}) {
  const scale = createTimeScale('days', ganttModel.firstDay, ganttModel.lastDay);
  const sceneInput: SceneInput = {
    model: ganttModel,
    rows: ganttModel.rows,
    rowIndex: indexRows(ganttModel.rows),
    scale,
    viewport,
    comparison: null,
    selectedTaskId: null,
    today: null,
    shading: null,
    text: {
      axis: { month: String, monthYear: (year, month) => `${month}/${year}`, quarter: String },
      variance: (days) => `${days > 0 ? '+' : ''}${days} wd`,
    },
    ...overrides,
  };
  return { scale, sceneInput, scene: buildScene(sceneInput) };
}

describe('buildScene bars', () => {
  const phased = phasedModel();
  const { scene, scale } = sceneOf(phased);
  const bar = (id: string) => scene.bars.find((entry) => entry.taskId === id);

  it('spans a task from its start to the end of its finish day', () => {
    const analysis = bar('A');
    expect(analysis?.kind).toBe('task');
    expect(analysis?.x).toBe(dayToX(scale, day('2021-02-01')));
    expect(analysis?.width).toBe(5 * scale.dayWidth);
  });

  it('puts each bar in its row', () => {
    expect(bar('P')?.rowTop).toBe(headerHeight);
    expect(bar('A')?.rowTop).toBe(headerHeight + rowHeight);
    expect(bar('D')?.rowTop).toBe(headerHeight + 5 * rowHeight);
  });

  it('draws a milestone as a diamond centred on its date', () => {
    const gate = bar('M');
    expect(gate?.kind).toBe('milestone');
    expect((gate?.x ?? 0) + (gate?.width ?? 0) / 2).toBe(dayToX(scale, day('2021-02-11')));
  });

  it('draws the phase as a summary spanning its tasks', () => {
    const phase = bar('P');
    expect(phase?.kind).toBe('summary');
    expect(phase?.x).toBe(dayToX(scale, day('2021-02-01')));
    expect((phase?.x ?? 0) + (phase?.width ?? 0)).toBe(dayToX(scale, day('2021-02-12')));
  });

  it('marks the critical path', () => {
    expect(bar('A')?.critical).toBe(true);
    expect(bar('B')?.critical).toBe(true);
    expect(bar('C')?.critical).toBe(false);
  });

  it('fills progress from the left', () => {
    const halfDone = model([task('A', 4, { progress: 50 })]);
    const { scene: halfScene } = sceneOf(halfDone);
    const only = halfScene.bars[0];
    expect(only?.progressWidth).toBe((only?.width ?? 0) / 2);
  });
});

describe('buildScene window', () => {
  const many = model(Array.from({ length: 500 }, (_, index) => task(`t${String(index).padStart(3, '0')}`, 1, { order: index })));

  it('lays out only the rows in view', () => {
    const { scene } = sceneOf(many, { viewport: { ...viewport, scrollTop: 100 * rowHeight } });
    expect(scene.firstRow).toBe(100);
    expect(scene.lastRow).toBe(100 + Math.floor((600 - headerHeight) / rowHeight));
    expect(scene.bars).toHaveLength(scene.lastRow - scene.firstRow + 1);
    expect(scene.bars[0]?.rowTop).toBe(headerHeight);
  });

  it('skips links outside the rows in view', () => {
    const chained = model(
      Array.from({ length: 100 }, (_, index) => task(`t${String(index).padStart(3, '0')}`, 1, { order: index })),
      Array.from({ length: 99 }, (_, index) => link(`t${String(index).padStart(3, '0')}`, `t${String(index + 1).padStart(3, '0')}`)),
    );
    const { scene } = sceneOf(chained, { viewport: { ...viewport, height: headerHeight + 10 * rowHeight } });
    expect(scene.links.length).toBeGreaterThan(0);
    expect(scene.links.length).toBeLessThanOrEqual(11);
  });

  it('shades weekends at day zoom', () => {
    const phased = phasedModel();
    const { scene, scale } = sceneOf(phased, { shading: new WorkingCalendar(weekdays, phased.firstDay) });
    const saturday = dayToX(scale, day('2021-02-06'));
    expect(scene.shades).toContainEqual({ x: saturday, width: 2 * scale.dayWidth });
  });

  it('places the today line on the day', () => {
    const phased = phasedModel();
    const { scene, scale } = sceneOf(phased, { today: day('2021-02-03') });
    expect(scene.todayX).toBe(dayToX(scale, day('2021-02-03')));
  });

  it('leaves out a today outside the view', () => {
    const { scene } = sceneOf(phasedModel(), { today: day('2030-01-01') });
    expect(scene.todayX).toBeNull();
  });
});

describe('buildScene baselines', () => {
  it('draws the baseline under the bar with its variance', () => {
    const before = phasedModel();
    const baseline = {
      id: 'base-1',
      planId: 'plan-1',
      name: 'contract baseline',
      takenAt: '2021-01-15T09:00:00.000Z',
      planFinish: before.schedule?.planFinish ?? '',
      tasks: (before.schedule?.tasks ?? []).map((entry) => ({ taskId: entry.taskId, start: entry.earlyStart, finish: entry.earlyFinish })),
    };
    const after = model(
      before.state.tasks.map((entry) => (entry.id === 'A' ? { ...entry, duration: 7 } : entry)),
      before.state.dependencies,
    );
    const comparison = compareWithBaseline(after, baseline);
    const { scene, scale } = sceneOf(after, { comparison });
    const build = scene.baselines.find((entry) => entry.taskId === 'B');
    expect(build?.x).toBe(dayToX(scale, day('2021-02-08')));
    expect(build?.label).toBe('+2 wd');
    expect(build?.late).toBe(true);
    const buildBar = scene.bars.find((entry) => entry.taskId === 'B');
    expect(build?.y).toBeGreaterThan((buildBar?.y ?? 0) + (buildBar?.height ?? 0) - 1);
    expect(comparison?.planFinishVariance).toBe(2);
  });
});

describe('routeLink', () => {
  it('routes finish-to-start forward into the start', () => {
    const points = routeLink('FS', [100, 10], [200, 42], 32);
    expect(points[0]).toEqual([100, 10]);
    expect(points.at(-1)).toEqual([200, 42]);
    expect(points).toHaveLength(4);
    expect(points[2]?.[0]).toBeLessThan(200);
  });

  it('routes finish-to-start back around an earlier start', () => {
    const points = routeLink('FS', [200, 10], [150, 42], 32);
    expect(points).toHaveLength(6);
    expect(points[2]).toEqual([208, 32]);
    expect(points[3]).toEqual([142, 32]);
    expect(points.at(-1)).toEqual([150, 42]);
  });

  it('routes start-to-start left of both starts', () => {
    const points = routeLink('SS', [100, 10], [130, 42], 32);
    expect(points.map((point) => point[0])).toEqual([100, 92, 92, 130]);
  });

  it('routes finish-to-finish right of both finishes', () => {
    const points = routeLink('FF', [180, 10], [160, 42], 32);
    expect(points.map((point) => point[0])).toEqual([180, 188, 188, 160]);
  });

  it('routes start-to-finish into the finish', () => {
    const direct = routeLink('SF', [200, 10], [120, 42], 32);
    expect(direct).toHaveLength(4);
    expect(direct.at(-1)).toEqual([120, 42]);
    const around = routeLink('SF', [100, 10], [180, 42], 32);
    expect(around).toHaveLength(6);
    expect(around[1]).toEqual([92, 10]);
    expect(around.at(-2)).toEqual([188, 42]);
  });

  it('points arrows into starts rightwards and into finishes leftwards', () => {
    const intoStart = arrowHead(routeLink('FS', [100, 10], [200, 42], 32));
    expect(intoStart[1][0]).toBeLessThan(intoStart[0][0]);
    const intoFinish = arrowHead(routeLink('FF', [180, 10], [160, 42], 32));
    expect(intoFinish[1][0]).toBeGreaterThan(intoFinish[0][0]);
  });
});

describe('buildScene links', () => {
  const pair = (type: 'FS' | 'SS' | 'FF' | 'SF') =>
    sceneOf(model([task('X', 5, { order: 1 }), task('Y', 3, { order: 2 })], [link('X', 'Y', type)]));

  it.each([
    ['FS', 'finish', 'start'],
    ['SS', 'start', 'start'],
    ['FF', 'finish', 'finish'],
    ['SF', 'start', 'finish'],
  ] as const)('attaches %s to the %s of the predecessor and the %s of the successor', (type, fromEnd, toEnd) => {
    const { scene } = pair(type);
    const from = scene.bars.find((bar) => bar.taskId === 'X');
    const to = scene.bars.find((bar) => bar.taskId === 'Y');
    const shape = scene.links[0];
    expect(shape?.type).toBe(type);
    const fromX = fromEnd === 'start' ? from?.x : (from?.x ?? 0) + (from?.width ?? 0);
    const toX = toEnd === 'start' ? to?.x : (to?.x ?? 0) + (to?.width ?? 0);
    expect(shape?.points[0]).toEqual([fromX, from?.centerY]);
    expect(shape?.points.at(-1)).toEqual([toX, to?.centerY]);
  });

  it('drops links into a collapsed branch', () => {
    const phased = phasedModel();
    const rows = phased.rows.filter((row) => row.depth === 0);
    const { scene } = sceneOf(phased, { rows, rowIndex: indexRows(rows) });
    expect(scene.links).toHaveLength(0);
    expect(scene.bars.map((bar) => bar.taskId)).toEqual(['P', 'D']);
  });
});

/** Measures 6 pixels per character, whatever the font, so expected widths are easy to read. */
const sixPixels = (text: string) => text.length * 6;

describe('buildScene header labels', () => {
  const phased = phasedModel();
  const scale = createTimeScale('weeks', phased.firstDay, phased.lastDay);
  const text = {
    axis: { month: String, monthYear: (year: number, month: number) => `Month ${month} of ${year}`, quarter: String },
    variance: String,
    measure: sixPixels,
  };
  const sceneAt = (scrollLeft: number) => buildScene({ ...sceneOf(phased).sceneInput, scale, text, viewport: { ...viewport, scrollLeft } });

  it('leaves out the label of the month cut by the axis start', () => {
    // The axis starts on Monday 25 January 2021, so only 7 days of January show: 49 pixels for a 90-pixel label.
    const january = sceneAt(0).upperBands[0];
    expect(january?.width).toBe(31 * scale.dayWidth);
    expect(january?.label).toBe('');
  });

  it('draws a label that fits its band', () => {
    const february = sceneAt(0).upperBands[1];
    expect(february?.label).toBe('Month 2 of 2021');
    expect(february?.labelX).toBe((february?.x ?? 0) + 4);
  });

  it('keeps a scrolled band’s label at the view’s edge while it fits', () => {
    const scrollLeft = dayToX(scale, day('2021-02-03'));
    const february = sceneAt(scrollLeft).upperBands.find((band) => band.label === 'Month 2 of 2021');
    expect(february?.labelX).toBe(4);
  });

  it('leaves out the label once too little of the band shows', () => {
    const scrollLeft = dayToX(scale, day('2021-02-20'));
    const february = sceneAt(scrollLeft).upperBands[0];
    expect(february?.width).toBe(28 * scale.dayWidth);
    expect(february?.label).toBe('');
  });
});

describe('buildScene bar labels', () => {
  const name = 'Hypercare for the inbound calls wave';
  const nameWidth = name.length * 6;
  // Task b starts the plan on 1 February, so the axis starts on Monday 25 January 2021 (28 pixels a day).
  const late = model([task('a', 3, { name, startNoEarlierThan: '2021-02-15' }), task('b', 1)]);
  const { scale } = sceneOf(late);
  const startX = dayToX(scale, day('2021-02-15'));
  const endX = dayToX(scale, day('2021-02-18'));
  const barOf = (width: number, scrollLeft = 0, keepLabelsInside = true) =>
    buildScene({
      ...sceneOf(late).sceneInput,
      viewport: { ...viewport, scrollLeft, width },
      text: { axis: { month: String, monthYear: String, quarter: String }, variance: String, measure: sixPixels },
      keepLabelsInside,
    }).bars.find((bar) => bar.taskId === 'a');

  it('puts the label right of the bar when it fits', () => {
    const bar = barOf(endX + 6 + nameWidth + 10);
    expect(bar?.label).toBe(name);
    expect(bar?.labelX).toBe(endX + 6);
  });

  it('moves the label left of the bar at the page edge', () => {
    const bar = barOf(endX + 40);
    expect(bar?.label).toBe(name);
    expect(bar?.labelX).toBe(startX - 6 - nameWidth);
  });

  it('shortens the label at a word when neither side has room', () => {
    // Scrolled so that the bar starts 46 pixels from the left, with 108 pixels right of its label gap.
    const scrollLeft = startX - 46;
    const bar = barOf(endX - scrollLeft + 6 + 110, scrollLeft);
    expect(bar?.label).toBe('Hypercare for the…');
    expect(bar?.labelX).toBe(endX - scrollLeft + 6);
  });

  it('lets the label run past the edge on screen', () => {
    const bar = barOf(endX + 40, 0, false);
    expect(bar?.label).toBe(name);
    expect(bar?.labelX).toBe(endX + 6);
  });
});

describe('buildScene constraints', () => {
  it('marks the own start-no-earlier-than date of a task', () => {
    const constrained = model([task('a', 3, { startNoEarlierThan: '2021-02-03' }), task('b', 3)]);
    const { scene, scale } = sceneOf(constrained);
    expect(scene.bars.find((bar) => bar.taskId === 'a')?.constraintX).toBe(dayToX(scale, day('2021-02-03')));
    expect(scene.bars.find((bar) => bar.taskId === 'b')?.constraintX).toBeNull();
  });
});

describe('fitWords', () => {
  it('keeps a text that fits', () => {
    expect(fitWords('Go-live', 100, chartFont, sixPixels)).toBe('Go-live');
  });

  it('cuts after a whole word', () => {
    expect(fitWords('Parallel run for inbound calls', 100, chartFont, sixPixels)).toBe('Parallel run…');
  });

  it('leaves nothing when the first word does not fit', () => {
    expect(fitWords('Stabilisation period', 40, chartFont, sixPixels)).toBe('');
  });
});

describe('approximateTextWidth', () => {
  it('scales with the font size', () => {
    expect(approximateTextWidth('abcd', '12px system-ui')).toBeCloseTo(4 * 12 * 0.6);
    expect(approximateTextWidth('abcd', 'bold 11px system-ui')).toBeCloseTo(4 * 11 * 0.6);
  });
});

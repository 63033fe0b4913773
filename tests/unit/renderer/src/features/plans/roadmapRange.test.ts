import { describe, expect, it } from 'vitest';
import { readZoom } from '../../../../../../renderer/src/features/plans/RoadmapChart';
import type { RoadmapRow } from '../../../../../../renderer/src/features/plans/roadmapOption';
import {
  axisLimits,
  defaultRoadmapRange,
  fullZoom,
  minZoomDays,
  rangeLimits,
  rangeReversed,
  rowSpan,
  splitByRange,
  yearBefore,
  zoomChanges,
  zoomWindow,
} from '../../../../../../renderer/src/features/plans/roadmapRange';

/** Builds a roadmap row with one phase from `start` to `finish` and, when given, a milestone. */
function row(planId: string, start: string, finish: string, milestone?: string): RoadmapRow {
  return {
    planId,
    title: planId,
    providerName: null,
    contractTitle: null,
    bars: [{ name: 'Phase', start, finish }],
    milestones: milestone === undefined ? [] : [{ name: 'Go-live', date: milestone, goNoGo: true }],
    unscheduled: false,
  };
}

const legacy = row('legacy-2003', '2003-01-06', '2003-03-18');
const lastYear = row('finished-2025', '2025-01-06', '2025-11-28');
const recent = row('finished-recently', '2025-06-02', '2025-12-10');
const current = row('current', '2026-01-05', '2027-02-26');
const future = row('future', '2027-06-01', '2027-09-30', '2027-10-04');
const unscheduled: RoadmapRow = { ...row('broken', '2026-01-05', '2026-01-05'), bars: [], unscheduled: true };
const rows = [legacy, lastYear, recent, current, future, unscheduled];

const ids = (list: readonly RoadmapRow[]) => list.map((entry) => entry.planId);

describe('rowSpan', () => {
  it('spans bars and milestones', () => {
    expect(rowSpan(future)).toEqual({ start: '2027-06-01', finish: '2027-10-04' });
  });

  it('is null for an empty row', () => {
    expect(rowSpan(unscheduled)).toBeNull();
  });
});

describe('yearBefore', () => {
  it('keeps month and day', () => {
    expect(yearBefore('2026-12-05')).toBe('2025-12-05');
  });

  it('moves a leap day to the 28th', () => {
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });
});

describe('splitByRange', () => {
  it('current range leaves out plans finished over a year ago', () => {
    const split = splitByRange(rows, rangeLimits(defaultRoadmapRange, '2026-12-05'));
    expect(ids(split.inside)).toEqual(['finished-recently', 'current', 'future', 'broken']);
    expect(ids(split.outside)).toEqual(['legacy-2003', 'finished-2025']);
  });

  it('current range keeps a plan finishing on the cut-off', () => {
    const split = splitByRange([recent], rangeLimits(defaultRoadmapRange, '2026-12-10'));
    expect(ids(split.inside)).toEqual(['finished-recently']);
  });

  it('all range keeps every plan', () => {
    const split = splitByRange(rows, rangeLimits({ mode: 'all', from: null, to: null }, '2026-12-05'));
    expect(ids(split.inside)).toEqual(ids(rows));
    expect(split.outside).toEqual([]);
  });

  it('custom range keeps overlapping plans', () => {
    const range = { mode: 'custom' as const, from: '2026-06-01', to: '2027-06-01' };
    const split = splitByRange(rows, rangeLimits(range, '2026-12-05'));
    expect(ids(split.inside)).toEqual(['current', 'future', 'broken']);
  });

  it('custom range with an open start', () => {
    const range = { mode: 'custom' as const, from: null, to: '2003-01-06' };
    expect(ids(splitByRange(rows, rangeLimits(range, '2026-12-05')).inside)).toEqual(['legacy-2003', 'broken']);
  });
});

describe('rangeReversed', () => {
  it('flags an end before the start', () => {
    expect(rangeReversed({ mode: 'custom', from: '2026-05-01', to: '2026-04-30' })).toBe(true);
  });

  it('accepts a one-day range and open ends', () => {
    expect(rangeReversed({ mode: 'custom', from: '2026-05-01', to: '2026-05-01' })).toBe(false);
    expect(rangeReversed({ mode: 'custom', from: '2026-05-01', to: null })).toBe(false);
  });

  it('ignores dates outside the custom mode', () => {
    expect(rangeReversed({ mode: 'all', from: '2026-05-01', to: '2026-04-30' })).toBe(false);
  });
});

describe('axisLimits', () => {
  it('fixes the axis only for custom dates', () => {
    expect(axisLimits({ mode: 'custom', from: '2026-01-01', to: null })).toEqual({ from: '2026-01-01', to: null });
    expect(axisLimits({ mode: 'current', from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: null, to: null });
  });
});

describe('zoomWindow', () => {
  const axisDays = 1000;

  it('zooms in around the centre', () => {
    expect(zoomWindow(fullZoom, 'in', axisDays)).toEqual({ start: 25, end: 75 });
  });

  it('stops zooming in at the shortest span', () => {
    let zoom = fullZoom;
    for (let step = 0; step < 20; step += 1) zoom = zoomWindow(zoom, 'in', axisDays);
    expect(zoom.end - zoom.start).toBeCloseTo((minZoomDays / axisDays) * 100);
  });

  it('zooms out within the axis', () => {
    expect(zoomWindow({ start: 0, end: 30 }, 'out', axisDays)).toEqual({ start: 0, end: 60 });
  });

  it('moves earlier and later by half a window', () => {
    expect(zoomWindow({ start: 40, end: 60 }, 'earlier', axisDays)).toEqual({ start: 30, end: 50 });
    expect(zoomWindow({ start: 40, end: 60 }, 'later', axisDays)).toEqual({ start: 50, end: 70 });
  });

  it('stops at the ends of the axis', () => {
    expect(zoomWindow({ start: 5, end: 25 }, 'earlier', axisDays)).toEqual({ start: 0, end: 20 });
    expect(zoomWindow({ start: 85, end: 95 }, 'later', axisDays)).toEqual({ start: 90, end: 100 });
  });

  it('resets to the whole axis', () => {
    expect(zoomWindow({ start: 40, end: 60 }, 'reset', axisDays)).toEqual(fullZoom);
  });
});

describe('zoomChanges', () => {
  it('disables moves and zooming out at full zoom', () => {
    expect(zoomChanges(fullZoom, 'out', 1000)).toBe(false);
    expect(zoomChanges(fullZoom, 'earlier', 1000)).toBe(false);
    expect(zoomChanges(fullZoom, 'later', 1000)).toBe(false);
    expect(zoomChanges(fullZoom, 'reset', 1000)).toBe(false);
    expect(zoomChanges(fullZoom, 'in', 1000)).toBe(true);
  });

  it('disables zooming in on a two-week axis', () => {
    expect(zoomChanges(fullZoom, 'in', minZoomDays)).toBe(false);
  });
});

describe('readZoom', () => {
  it('reads the first data zoom', () => {
    expect(readZoom({ dataZoom: [{ start: 10, end: 40 }] })).toEqual({ start: 10, end: 40 });
  });

  it('is null without a data zoom', () => {
    expect(readZoom({})).toBeNull();
    expect(readZoom({ dataZoom: [{ start: 'x' }] })).toBeNull();
    expect(readZoom(null)).toBeNull();
  });
});

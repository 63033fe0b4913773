import { describe, expect, test } from 'vitest';
import { checkGanttTargets, ganttFigures, summariseFrames } from '../../../../bench/gantt/ganttFigures';
import type { GanttMeasurements } from '../../../../bench/gantt/ganttFigures';

const scroll = { rows: 100, rowHeightPx: 32, viewportHeightPx: 600, durationMs: 400, frames: [16.7, 16.7, 60] };

function measurements(oursMs: number, frappe: GanttMeasurements['frappe']['render'], scheduleTimes: number[]): GanttMeasurements {
  return {
    schedule: { warmUpTimes: [90], times: scheduleTimes },
    ours: {
      render: { ms: oursMs, callMs: 0.1, bars: 18, links: 40 },
      zoom: [{ from: 'weeks', to: 'days', latencyMs: 20, frames: [16.7, 33.4] }],
      scroll,
    },
    frappe: { render: frappe, zoom: [], scroll: frappe.capped ? null : scroll },
  };
}

describe('summariseFrames', () => {
  test('counts frames over 50 ms as dropped', () => {
    const summary = summariseFrames([16.7, 50, 50.1, 16.6, 120]);

    expect(summary.dropped).toBe(2);
    expect(summary.max).toBe(120);
    expect(summary.median).toBe(50);
    expect(summary.runs).toBe(5);
  });
});

describe('checkGanttTargets', () => {
  test('meets both targets', () => {
    const figures = ganttFigures(
      measurements(200, { capped: false, render: { ms: 4_000, callMs: 3_500, bars: 5_000, links: 6_000 } }, [5, 6, 7]),
    );
    const targets = checkGanttTargets(figures);

    expect(figures.firstRenderRatio).toBe(20);
    expect(figures.schedule.median).toBe(6);
    expect(targets.map((target) => target.met)).toEqual([true, true]);
  });

  test('misses a slow schedule and a small ratio', () => {
    const figures = ganttFigures(
      measurements(500, { capped: false, render: { ms: 4_000, callMs: 3_500, bars: 5_000, links: 6_000 } }, [50, 60, 70]),
    );
    const targets = checkGanttTargets(figures);

    expect(figures.firstRenderRatio).toBe(8);
    expect(targets.map((target) => target.met)).toEqual([false, false]);
  });

  test('takes the cap as a lower bound', () => {
    const figures = ganttFigures(measurements(1_000, { capped: true, capMs: 120_000 }, [5]));
    const [, ratio] = checkGanttTargets(figures);

    expect(figures.frappeCapped).toBe(true);
    expect(figures.firstRenderRatio).toBe(120);
    expect(figures.frappeScroll).toBeNull();
    expect(ratio?.name).toMatch(/lower bound/);
    expect(ratio?.met).toBe(true);
  });
});

/** Figures and targets of the Gantt bench, computed from what its page measured. */
import type { TargetCheck } from '../figures';
import { summariseTimes } from '../rfp/workload';
import type { TimingSummary } from '../rfp/workload';
import type { FirstRender, ScheduleTimes, ScrollRun, ZoomSwitch } from './ganttPageTypes';

/** Median time of `schedulePlan` that the target allows, in ms. */
export const scheduleTargetMs = 50;
/** Ratio of frappe-gantt's first render to ours that the target requires. */
export const minFirstRenderRatio = 10;
/** A frame interval above this, in ms, counts as a dropped frame: at least two frames missed at 60 Hz. */
export const droppedFrameMs = 50;

export interface FrameSummary extends TimingSummary {
  /** Frame intervals longer than `droppedFrameMs`. */
  readonly dropped: number;
}

export function summariseFrames(frames: readonly number[]): FrameSummary {
  return { ...summariseTimes(frames), dropped: frames.filter((frame) => frame > droppedFrameMs).length };
}

/** First render of frappe-gantt: measured, or stopped at the cap. */
export type FrappeRender = { readonly capped: false; readonly render: FirstRender } | { readonly capped: true; readonly capMs: number };

export interface GanttFigures {
  readonly schedule: TimingSummary;
  readonly oursFirstRenderMs: number;
  /** frappe-gantt's first render in ms, or the cap when it did not finish within it. */
  readonly frappeFirstRenderMs: number;
  /** frappe-gantt's first render divided by ours, which is a lower bound when `frappeCapped`. */
  readonly firstRenderRatio: number;
  readonly frappeCapped: boolean;
  readonly oursZoom: FrameSummary;
  readonly oursScroll: FrameSummary;
  /** `null` when frappe-gantt did not get to that step. */
  readonly frappeZoom: FrameSummary | null;
  readonly frappeScroll: FrameSummary | null;
}

export interface GanttMeasurements {
  readonly schedule: ScheduleTimes;
  readonly ours: { readonly render: FirstRender; readonly zoom: readonly ZoomSwitch[]; readonly scroll: ScrollRun };
  readonly frappe: {
    readonly render: FrappeRender;
    readonly zoom: readonly ZoomSwitch[];
    readonly scroll: ScrollRun | null;
  };
}

function zoomFrames(switches: readonly ZoomSwitch[]): number[] {
  return switches.flatMap((entry) => entry.frames);
}

export function ganttFigures(measured: GanttMeasurements): GanttFigures {
  const oursMs = measured.ours.render.ms;
  const frappe = measured.frappe.render;
  const frappeMs = frappe.capped ? frappe.capMs : frappe.render.ms;
  return {
    schedule: summariseTimes(measured.schedule.times),
    oursFirstRenderMs: oursMs,
    frappeFirstRenderMs: frappeMs,
    firstRenderRatio: frappeMs / oursMs,
    frappeCapped: frappe.capped,
    oursZoom: summariseFrames(zoomFrames(measured.ours.zoom)),
    oursScroll: summariseFrames(measured.ours.scroll.frames),
    frappeZoom: measured.frappe.zoom.length === 0 ? null : summariseFrames(zoomFrames(measured.frappe.zoom)),
    frappeScroll: measured.frappe.scroll === null ? null : summariseFrames(measured.frappe.scroll.frames),
  };
}

/**
 * Checks the two targets: the median `schedulePlan` time under 50 ms, and frappe-gantt's first
 * render at least 10 times ours. When frappe-gantt hit the cap, the ratio is a lower bound, and
 * it meets the target only if that bound does.
 */
export function checkGanttTargets(figures: GanttFigures): TargetCheck[] {
  return [
    {
      name: 'scheduling median',
      requirement: `under ${String(scheduleTargetMs)} ms`,
      value: figures.schedule.median,
      met: figures.schedule.median < scheduleTargetMs,
    },
    {
      name: figures.frappeCapped ? 'first render ratio (frappe-gantt / ours), lower bound' : 'first render ratio (frappe-gantt / ours)',
      requirement: `at least ${String(minFirstRenderRatio)}`,
      value: figures.firstRenderRatio,
      met: figures.firstRenderRatio >= minFirstRenderRatio,
    },
  ];
}

/** Contract between the Gantt bench runner (`ganttBench.ts`) and its Chromium page (`bench/page/ganttBench.mts`). */
import type { PlanShape } from '../schedule/workload';

export interface GanttBenchRequest {
  readonly shape: PlanShape;
  readonly seed: number;
}

export interface GanttPlanCounts {
  readonly tasks: number;
  readonly summaryTasks: number;
  readonly milestones: number;
  readonly dependencies: number;
  /** Dependencies the engine dropped with a warning, which the generated plan never has. */
  readonly droppedDependencies: number;
  readonly planStart: string;
  readonly planFinish: string;
  readonly criticalTasks: number;
}

export interface ScheduleTimes {
  /** Durations of the warm-up runs, in ms, left out of the figures. */
  readonly warmUpTimes: readonly number[];
  /** Durations of the timed runs, in ms. */
  readonly times: readonly number[];
}

export interface FirstRender {
  /** From the call that starts the chart to the end of the first frame that shows its bars, in ms. */
  readonly ms: number;
  /** From the call that starts the chart until it returned, in ms. For ours it is near 0, because React renders later. */
  readonly callMs: number;
  /** Task bars drawn at that moment: in view for ours, in the DOM for frappe-gantt. */
  readonly bars: number;
  /** Dependency arrows drawn at that moment, counted the same way. */
  readonly links: number;
}

export interface ZoomSwitch {
  readonly from: string;
  readonly to: string;
  /** From the call (a click on our zoom button, or `change_view_mode`) to the end of the first frame at the new zoom, in ms. */
  readonly latencyMs: number;
  /** Intervals between animation frames during the switch and the 5 frames after it, in ms. */
  readonly frames: readonly number[];
}

export interface ScrollRun {
  readonly rows: number;
  readonly rowHeightPx: number;
  /** Height of the scroll container's visible area, in CSS pixels. */
  readonly viewportHeightPx: number;
  /** From the first scroll step to the frame that reached the bottom, in ms. */
  readonly durationMs: number;
  /** Intervals between animation frames while scrolling, in ms. */
  readonly frames: readonly number[];
}

export interface GanttPageApi {
  /** Builds the plan and schedules it once. The runner calls it first. */
  prepareGanttBench(request: GanttBenchRequest): GanttPlanCounts;
  /** Renders our `GanttView` into a fresh container and times its first render. */
  renderOurs(): Promise<FirstRender>;
  /** Times `schedulePlan` of the plan after `warmUp` untimed runs. */
  timeScheduling(runs: number, warmUp: number): ScheduleTimes;
  /** Switches our zoom days, weeks, months, quarters and back, recording frames. */
  zoomOurs(): Promise<ZoomSwitch[]>;
  /** Scrolls our chart from the first row to the last at `rowsPerSecond`, recording frames. */
  scrollOurs(rowsPerSecond: number): Promise<ScrollRun>;
  /** Unmounts our view and removes its container. */
  closeOurs(): void;
  /** Renders the same plan with frappe-gantt into a fresh container of our chart's size and times its first render. */
  renderFrappe(): Promise<FirstRender>;
  /** Switches frappe-gantt to the view mode `mode` (`Day`, `Week`, `Month` or `Year`), recording frames. */
  zoomFrappe(mode: string): Promise<ZoomSwitch>;
  /** Scrolls frappe-gantt's chart from the first row to the last at `rowsPerSecond`, recording frames. */
  scrollFrappe(rowsPerSecond: number): Promise<ScrollRun>;
}

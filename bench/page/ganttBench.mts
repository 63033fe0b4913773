/**
 * The Gantt bench as it runs in Chromium. The runner calls the functions of `GanttPageApi` one
 * at a time: it builds the seeded plan, renders it with the app's `GanttView`, times
 * `schedulePlan`, scrolls our chart and switches its zoom, then renders the same scheduled plan
 * with frappe-gantt in a fresh container and does the same there. Every duration comes from this
 * page's clock.
 *
 * First render, for both charts: from the call that starts the chart (`root.render` of
 * `GanttView`, or `new Gantt`) to the end of the rendering of the first frame in which the
 * chart's bars exist (see `paintedWhen`). Ours exist once an ECharts instance on the chart
 * surface holds a bar series with at least one bar. frappe-gantt's exist once its container
 * holds a `.bar-wrapper` element, and its constructor appends every bar before it returns.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import Gantt from 'frappe-gantt';
import { schedulePlan } from '@shared/schedule/engine';
import type { Schedule } from '@shared/schedule/engine';
import type { ScheduleInput } from '@shared/schedule/model';
import { initI18n } from '../../renderer/src/i18n';
import { echarts } from '../../renderer/src/features/plans/gantt/ganttEcharts';
import { rowHeight } from '../../renderer/src/features/plans/gantt/ganttLayout';
import { GanttView } from '../../renderer/src/features/plans/gantt/GanttView';
import type { GanttViewProps } from '../../renderer/src/features/plans/gantt/GanttView';
import { dayWidths, zoomLevels } from '../../renderer/src/features/plans/gantt/timeScale';
import type { ZoomLevel } from '../../renderer/src/features/plans/gantt/timeScale';
import type {
  FirstRender,
  GanttBenchRequest,
  GanttPageApi,
  GanttPlanCounts,
  ScheduleTimes,
  ScrollRun,
  ZoomSwitch,
} from '../gantt/ganttPageTypes';
import { ganttViewRecords, toFrappeTasks } from '../gantt/workload';
import type { GanttViewRecords } from '../gantt/workload';
import { buildPlanWorkload } from '../schedule/workload';
import { afterNextPaint, FrameRecorder, nextFrame, paintedWhen, scrollSteadily } from './frameClock.mts';
import '../../renderer/src/styles.css';
import 'frappe-gantt/dist/frappe-gantt.css';

/** How long a chart may take to show its bars or a new zoom, once the call that starts it has returned, in ms. */
const paintTimeoutMs = 60_000;
/** Frames recorded after a zoom switch has shown, to catch work that follows it. */
const framesAfterSwitch = 5;
/** Our zoom levels in the order the bench visits them: from the default (weeks) to days, out to quarters and back. */
const ourZoomPath: readonly ZoomLevel[] = ['days', 'weeks', 'months', 'quarters', 'months', 'weeks', 'days'];
/** frappe-gantt's row: bar height plus padding, set to our row height so both show as many rows. */
const frappeBarHeight = 20;
const frappePadding = rowHeight - frappeBarHeight;
/** frappe-gantt's view mode at the first render, the weekly view as our default zoom. */
const frappeStartMode = 'Week';

interface Prepared {
  readonly input: ScheduleInput;
  readonly schedule: Schedule;
  readonly records: GanttViewRecords;
}

interface OursMounted {
  readonly root: Root;
  readonly host: HTMLElement;
  readonly surface: HTMLElement;
  readonly scroller: HTMLElement;
  /** ECharts `finished` events seen so far: each one is a completed draw. */
  draws: number;
}

let prepared: Prepared | null = null;
let ours: OursMounted | null = null;
/** Size of our chart's scroll container, which frappe-gantt's container copies. */
let chartBox: { readonly width: number; readonly height: number } | null = null;
let frappe: Gantt | null = null;
/** frappe-gantt's current view mode. */
let frappeMode = frappeStartMode;

function expectReady<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`The Gantt bench page has no ${what} yet; the runner called its steps out of order`);
  return value;
}

function freshHost(width: number | null, height: number | null): HTMLElement {
  const host = document.createElement('div');
  if (width !== null) host.style.width = `${String(width)}px`;
  if (height !== null) host.style.height = `${String(height)}px`;
  document.body.append(host);
  return host;
}

/** Allows a scroll through `rows` twice the time that the steady rate needs, plus `paintTimeoutMs`. */
function scrollTimeoutMs(rows: number, rowsPerSecond: number): number {
  return (2 * 1000 * rows) / rowsPerSecond + paintTimeoutMs;
}

function prepareGanttBench(request: GanttBenchRequest): GanttPlanCounts {
  const input = buildPlanWorkload(request.shape, request.seed);
  const outcome = schedulePlan(input);
  if (!outcome.ok) throw new Error(`The bench plan did not schedule: ${JSON.stringify(outcome.issues.slice(0, 3))}`);
  const { schedule } = outcome;
  prepared = { input, schedule, records: ganttViewRecords(input) };
  const summaryTasks = schedule.tasks.filter((task) => task.summary).length;
  return {
    tasks: input.tasks.length,
    summaryTasks,
    milestones: schedule.tasks.filter((task) => !task.summary && task.workingDays === 0).length,
    dependencies: input.dependencies.length,
    droppedDependencies: outcome.issues.filter((issue) => issue.severity === 'warning').length,
    planStart: schedule.planStart,
    planFinish: schedule.planFinish,
    criticalTasks: schedule.criticalPath.length,
  };
}

/** Returns the number of data items of the series `id` in `chart`'s option: one per shape drawn in view. */
function seriesLength(chart: echarts.EChartsType, id: string): number {
  const option: unknown = chart.getOption();
  if (typeof option !== 'object' || option === null || !('series' in option) || !Array.isArray(option.series)) return 0;
  const series: unknown[] = option.series;
  for (const entry of series) {
    if (typeof entry === 'object' && entry !== null && 'id' in entry && entry.id === id && 'data' in entry && Array.isArray(entry.data)) {
      return entry.data.length;
    }
  }
  return 0;
}

function queryElement(root: ParentNode, selector: string): HTMLElement {
  const element = root.querySelector(selector);
  if (!(element instanceof HTMLElement)) throw new Error(`The Gantt view has no element ${selector}`);
  return element;
}

async function renderOurs(): Promise<FirstRender> {
  const { records } = expectReady(prepared, 'plan');
  const props: GanttViewProps = {
    ...records,
    baselines: [],
    onCommand: () => undefined,
    onUndo: () => undefined,
    onRedo: () => undefined,
    canUndo: false,
    canRedo: false,
    onSaveBaseline: () => undefined,
  };
  const host = freshHost(null, null);
  const root = createRoot(host);

  const start = performance.now();
  root.render(createElement(GanttView, props));
  const returned = performance.now();
  const chartOf = (): echarts.EChartsType | undefined => {
    const surface = host.querySelector('[data-testid="gantt-chart"]');
    return surface instanceof HTMLElement ? echarts.getInstanceByDom(surface) : undefined;
  };
  const end = await paintedWhen(
    () => {
      const chart = chartOf();
      return chart !== undefined && seriesLength(chart, 'bars') > 0;
    },
    paintTimeoutMs,
    'the bars of our Gantt chart',
  );

  const chart = chartOf();
  if (chart === undefined) throw new Error('Our Gantt chart lost its ECharts instance after the first render');
  const mounted: OursMounted = {
    root,
    host,
    surface: queryElement(host, '[data-testid="gantt-chart"]'),
    scroller: queryElement(host, '[data-testid="gantt-chart-scroll"]'),
    draws: 0,
  };
  chart.on('finished', () => {
    mounted.draws += 1;
  });
  ours = mounted;
  chartBox = { width: mounted.scroller.clientWidth, height: mounted.scroller.clientHeight };
  return { ms: end - start, callMs: returned - start, bars: seriesLength(chart, 'bars'), links: seriesLength(chart, 'links') };
}

function timeScheduling(runs: number, warmUp: number): ScheduleTimes {
  const { input } = expectReady(prepared, 'plan');
  const warmUpTimes: number[] = [];
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run += 1) {
    const start = performance.now();
    const outcome = schedulePlan(input);
    const elapsed = performance.now() - start;
    if (!outcome.ok) throw new Error('The bench plan stopped scheduling between runs');
    if (run < warmUp) warmUpTimes.push(elapsed);
    else times.push(elapsed);
  }
  return { warmUpTimes, times };
}

/** Records the frames of one zoom switch: `act` starts it, and `shown` tells when the new zoom is drawn. */
async function recordSwitch(from: string, to: string, act: () => void, shown: () => boolean): Promise<ZoomSwitch> {
  const recorder = new FrameRecorder();
  recorder.start();
  // Start in a task between frames, as a click does, with one frame recorded before it.
  await afterNextPaint();
  const start = performance.now();
  act();
  const end = await paintedWhen(shown, paintTimeoutMs, `the zoom ${to}`);
  for (let frame = 0; frame < framesAfterSwitch; frame += 1) await nextFrame();
  return { from, to, latencyMs: end - start, frames: recorder.stop() };
}

async function zoomOurs(): Promise<ZoomSwitch[]> {
  const mounted = expectReady(ours, 'rendered view of ours');
  const buttons = [...mounted.host.querySelectorAll('.gantt-zoom button')];
  const switches: ZoomSwitch[] = [];
  const pressed = buttons.findIndex((button) => button.getAttribute('aria-pressed') === 'true');
  let from: string = zoomLevels[pressed] ?? 'unknown';
  for (const zoom of ourZoomPath) {
    const button = buttons[zoomLevels.indexOf(zoom)];
    if (!(button instanceof HTMLButtonElement)) throw new Error(`Our Gantt toolbar has no button for the zoom ${zoom}`);
    const drawsBefore = mounted.draws;
    const width = String(dayWidths[zoom]);
    const shown = () => mounted.surface.dataset.dayWidth === width && mounted.draws > drawsBefore;
    const click = () => {
      button.click();
    };
    switches.push(await recordSwitch(from, zoom, click, shown));
    from = zoom;
  }
  return switches;
}

async function scrollOurs(rowsPerSecond: number): Promise<ScrollRun> {
  const { input } = expectReady(prepared, 'plan');
  const mounted = expectReady(ours, 'rendered view of ours');
  const run = await scrollSteadily(mounted.scroller, rowHeight, rowsPerSecond, scrollTimeoutMs(input.tasks.length, rowsPerSecond));
  return { rows: input.tasks.length, rowHeightPx: rowHeight, viewportHeightPx: mounted.scroller.clientHeight, ...run };
}

function closeOurs(): void {
  const mounted = expectReady(ours, 'rendered view of ours');
  mounted.root.unmount();
  mounted.host.remove();
  ours = null;
}

async function renderFrappe(): Promise<FirstRender> {
  const { input, schedule, records } = expectReady(prepared, 'plan');
  const box = expectReady(chartBox, 'chart size from our view');
  const tasks = toFrappeTasks(records.state.tasks, input.dependencies, schedule);
  const host = freshHost(box.width, box.height);
  const options = {
    view_mode: frappeStartMode,
    container_height: box.height,
    bar_height: frappeBarHeight,
    padding: frappePadding,
    scroll_to: 'start',
  };

  const start = performance.now();
  const chart = new Gantt(host, tasks, options);
  const returned = performance.now();
  const end = await paintedWhen(() => host.querySelector('.bar-wrapper') !== null, paintTimeoutMs, 'the bars of frappe-gantt');
  frappe = chart;
  return {
    ms: end - start,
    callMs: returned - start,
    bars: host.querySelectorAll('.bar-wrapper').length,
    links: host.querySelectorAll('g.arrow > path').length,
  };
}

async function zoomFrappe(mode: string): Promise<ZoomSwitch> {
  const chart = expectReady(frappe, 'frappe-gantt chart');
  const from = frappeMode;
  // `change_view_mode` rebuilds the whole chart before it returns, so the next frame shows the new mode.
  const change = () => {
    chart.change_view_mode(mode, true);
  };
  const result = await recordSwitch(from, mode, change, () => true);
  frappeMode = mode;
  return result;
}

async function scrollFrappe(rowsPerSecond: number): Promise<ScrollRun> {
  const { input } = expectReady(prepared, 'plan');
  const chart = expectReady(frappe, 'frappe-gantt chart');
  const run = await scrollSteadily(chart.$container, rowHeight, rowsPerSecond, scrollTimeoutMs(input.tasks.length, rowsPerSecond));
  return { rows: input.tasks.length, rowHeightPx: rowHeight, viewportHeightPx: chart.$container.clientHeight, ...run };
}

await initI18n('en-GB');
const api: GanttPageApi = {
  prepareGanttBench,
  renderOurs,
  timeScheduling,
  zoomOurs,
  scrollOurs,
  closeOurs,
  renderFrappe,
  zoomFrappe,
  scrollFrappe,
};
Object.assign(globalThis, api);

/**
 * The Gantt bench: runs `bench/page/ganttBench.mts` in Chromium on the seeded plan of
 * `bench/schedule/workload.ts` (5,000 tasks and 6,000 dependencies by default). It times
 * `schedulePlan`, the first render of the app's `GanttView`, and the frames of zoom switches and
 * of a steady scroll through every row. Then it renders the same scheduled plan with
 * frappe-gantt 1.2.2 in the same page and measures the same. Prints a table, writes
 * `bench/results/gantt.json`, and returns 1 when a target is missed.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { withBenchPage } from '../benchPage';
import { alignRows, describeMachine, fixed, machineLine, targetLine, writeJsonRecord } from '../report';
import type { Row } from '../report';
import { benchPlanSeed } from '../schedule/workload';
import { checkGanttTargets, droppedFrameMs, ganttFigures } from './ganttFigures';
import type { FrameSummary, FrappeRender, GanttFigures, GanttMeasurements } from './ganttFigures';
import type { GanttBenchRequest, GanttPageApi, GanttPlanCounts, ZoomSwitch } from './ganttPageTypes';
import type { GanttBenchOptions } from './options';
import { ganttPlanShape } from './workload';

const recordPath = resolve(import.meta.dirname, '../results/gantt.json');
/** How long frappe-gantt may take for one step (first render, scroll, one view mode switch) before the bench stops it, in ms. */
export const frappeCapMs = 120_000;
const scheduleRuns = 50;
const scheduleWarmUpRuns = 10;
/** Scroll speed for both charts, in rows per second: 5,000 rows take 20 s. */
const scrollRowsPerSecond = 250;
/** Window size of the page, as in the end-to-end tests. */
const viewport = { width: 1400, height: 900 };
/** frappe-gantt's view modes in the order the bench visits them, starting from Week. It has no quarter view, so Year takes its place. */
const frappeModes = ['Day', 'Week', 'Month', 'Year', 'Month', 'Week', 'Day'];

/**
 * Resolves with the result of `work`, or with `null` when it takes longer than `capMs`. The page
 * stays busy after a cap, so the caller must not use it again.
 */
async function withinCap<T>(work: Promise<T>, capMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<null>((resolveCap) => {
    timer = setTimeout(() => {
      resolveCap(null);
    }, capMs);
  });
  // A capped call fails later, when the browser closes, and that failure is expected.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, cap]);
  } finally {
    clearTimeout(timer);
  }
}

async function measureOurs(page: Page): Promise<{ ours: GanttMeasurements['ours']; schedule: GanttMeasurements['schedule'] }> {
  const render = await page.evaluate(() => (globalThis as unknown as GanttPageApi).renderOurs());
  const schedule = await page.evaluate(([runs, warmUp]) => (globalThis as unknown as GanttPageApi).timeScheduling(runs, warmUp), [
    scheduleRuns,
    scheduleWarmUpRuns,
  ] as const);
  const scroll = await page.evaluate((rate) => (globalThis as unknown as GanttPageApi).scrollOurs(rate), scrollRowsPerSecond);
  const zoom = await page.evaluate(() => (globalThis as unknown as GanttPageApi).zoomOurs());
  await page.evaluate(() => {
    (globalThis as unknown as GanttPageApi).closeOurs();
  });
  return { ours: { render, zoom, scroll }, schedule };
}

/** Measures frappe-gantt, stopping at the first step that exceeds the cap. */
async function measureFrappe(page: Page): Promise<GanttMeasurements['frappe']> {
  const render = await withinCap(
    page.evaluate(() => (globalThis as unknown as GanttPageApi).renderFrappe()),
    frappeCapMs,
  );
  if (render === null) return { render: { capped: true, capMs: frappeCapMs }, zoom: [], scroll: null };
  const rendered: FrappeRender = { capped: false, render };

  const scroll = await withinCap(
    page.evaluate((rate) => (globalThis as unknown as GanttPageApi).scrollFrappe(rate), scrollRowsPerSecond),
    frappeCapMs,
  );
  if (scroll === null) return { render: rendered, zoom: [], scroll: null };

  const zoom: ZoomSwitch[] = [];
  for (const mode of frappeModes) {
    const result = await withinCap(
      page.evaluate((name) => (globalThis as unknown as GanttPageApi).zoomFrappe(name), mode),
      frappeCapMs,
    );
    if (result === null) break;
    zoom.push(result);
  }
  return { render: rendered, zoom, scroll };
}

function frameRows(label: string, summary: FrameSummary | null, missing: string): Row[] {
  if (summary === null) return [[`${label}, frames`, missing, '']];
  return [
    [`${label}, frame median / p95 / max`, `${fixed(summary.median, 1)} / ${fixed(summary.p95, 1)} / ${fixed(summary.max, 1)}`, 'ms'],
    [`${label}, frames over ${String(droppedFrameMs)} ms`, `${fixed(summary.dropped, 0)} of ${fixed(summary.runs, 0)}`, 'frames'],
  ];
}

function latencyText(switches: readonly ZoomSwitch[]): string {
  const latencies = switches.map((entry) => entry.latencyMs);
  return `${fixed(Math.min(...latencies), 0)} / ${fixed(Math.max(...latencies), 0)} (${String(switches.length)} switches)`;
}

function planRows(counts: GanttPlanCounts, figures: GanttFigures, schedule: GanttMeasurements['schedule']): Row[] {
  const { median, p95, max, runs } = figures.schedule;
  return [
    [
      'tasks (summary tasks, milestones)',
      `${fixed(counts.tasks, 0)} (${fixed(counts.summaryTasks, 0)}, ${fixed(counts.milestones, 0)})`,
      '',
    ],
    ['dependencies (dropped by the engine)', `${fixed(counts.dependencies, 0)} (${fixed(counts.droppedDependencies, 0)})`, ''],
    ['plan start to finish', `${counts.planStart} to ${counts.planFinish}`, ''],
    ['schedulePlan, first run of the step', fixed(schedule.warmUpTimes[0] ?? Number.NaN, 1), 'ms'],
    [`schedulePlan median / p95 / max of ${String(runs)} runs`, `${fixed(median, 1)} / ${fixed(p95, 1)} / ${fixed(max, 1)}`, 'ms'],
  ];
}

function renderRows(measured: GanttMeasurements, figures: GanttFigures): Row[] {
  const ours = measured.ours.render;
  const frappe = measured.frappe.render;
  const rows: Row[] = [
    ['first render, ours (GanttView, scheduling included)', fixed(ours.ms, 0), 'ms'],
    ['  bars / links drawn in view', `${fixed(ours.bars, 0)} / ${fixed(ours.links, 0)}`, ''],
  ];
  if (frappe.capped) {
    rows.push(
      ['first render, frappe-gantt', `over ${fixed(frappe.capMs, 0)}`, 'ms'],
      ['first render ratio, at least', fixed(figures.firstRenderRatio, 1), 'frappe-gantt / ours'],
    );
    return rows;
  }
  rows.push(
    ['first render, frappe-gantt', fixed(frappe.render.ms, 0), 'ms'],
    ['  of which in its constructor', fixed(frappe.render.callMs, 0), 'ms'],
    ['  bars / links in the DOM', `${fixed(frappe.render.bars, 0)} / ${fixed(frappe.render.links, 0)}`, ''],
    ['first render ratio', fixed(figures.firstRenderRatio, 1), 'frappe-gantt / ours'],
  );
  return rows;
}

function interactionRows(measured: GanttMeasurements, figures: GanttFigures): Row[] {
  const { ours, frappe } = measured;
  const cap = `${String(frappeCapMs / 1000)} s cap`;
  const scrollMissing = frappe.render.capped ? `not run: first render over the ${cap}` : `stopped at the ${cap}`;
  const zoomMissing = frappe.scroll === null ? `not run: an earlier step exceeded the ${cap}` : `stopped at the ${cap}`;
  return [
    ['zoom, ours: switch to first frame, min / max', latencyText(ours.zoom), 'ms'],
    ...frameRows('zoom, ours', figures.oursZoom, ''),
    [
      `scroll, ours: ${fixed(ours.scroll.rows, 0)} rows at ${String(scrollRowsPerSecond)} rows/s`,
      fixed(ours.scroll.durationMs / 1000, 1),
      's',
    ],
    ...frameRows('scroll, ours', figures.oursScroll, ''),
    frappe.scroll === null
      ? ['scroll, frappe-gantt: same rows and speed', scrollMissing, '']
      : ['scroll, frappe-gantt: same rows and speed', fixed(frappe.scroll.durationMs / 1000, 1), 's'],
    ...frameRows('scroll, frappe-gantt', figures.frappeScroll, scrollMissing),
    frappe.zoom.length === 0
      ? ['view mode, frappe-gantt: switch to first frame, min / max', zoomMissing, '']
      : ['view mode, frappe-gantt: switch to first frame, min / max', latencyText(frappe.zoom), 'ms'],
    ...frameRows('view mode, frappe-gantt', figures.frappeZoom, zoomMissing),
  ];
}

/** Runs the bench, prints and records its figures, and returns the exit code. */
export async function runGanttBench(options: GanttBenchOptions, startLoadAverage: number): Promise<number> {
  const request: GanttBenchRequest = { shape: ganttPlanShape(options.tasks), seed: benchPlanSeed };
  const setup = {
    pagePath: 'gantt.html',
    files: new Map<string, string>(),
    readyFunction: 'prepareGanttBench',
    keepProfile: options.keepProfile,
  };
  return withBenchPage(setup, async ({ context, page }) => {
    await page.setViewportSize(viewport);
    const counts = await page.evaluate((input) => (globalThis as unknown as GanttPageApi).prepareGanttBench(input), request);
    const { ours, schedule } = await measureOurs(page);
    const frappe = await measureFrappe(page);
    const machine = describeMachine(context.browser()?.version() ?? 'unknown', startLoadAverage);

    const measured: GanttMeasurements = { schedule, ours, frappe };
    const figures = ganttFigures(measured);
    const targets = checkGanttTargets(figures);
    writeJsonRecord(recordPath, { machine, request, viewport, scrollRowsPerSecond, frappeCapMs, counts, figures, targets, measured });

    const rows = [...planRows(counts, figures, schedule), ...renderRows(measured, figures), ...interactionRows(measured, figures)];
    const lines = ['Gantt chart in Chromium', machineLine(machine), ...alignRows(rows), ''];
    for (const target of targets) lines.push(targetLine(target));
    process.stdout.write(`${lines.join('\n')}\nwrote ${recordPath}\n`);

    const missed = targets.filter((target) => !target.met);
    for (const target of missed) {
      process.stderr.write(`bench target missed: Gantt ${target.name} must be ${target.requirement}, was ${fixed(target.value, 2)}\n`);
    }
    return missed.length > 0 ? 1 : 0;
  });
}

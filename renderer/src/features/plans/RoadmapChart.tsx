/**
 * ECharts host of the roadmap, whose option comes from `buildRoadmapOption`. The component mounts
 * the chart, applies new options and resizes with its container. It reports a click on a plan's
 * title, bar or milestone as the plan's id. The zoom window is the parent's state: the chart
 * applies it, and reports a change made with the zoom slider.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { CustomChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { Id } from '@shared/domain/types';
import type { ZoomWindow } from './roadmapRange';

echarts.use([
  CustomChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  AriaComponent,
  DataZoomSliderComponent,
  SVGRenderer,
]);

interface RoadmapChartProps {
  readonly option: EChartsCoreOption;
  readonly height: number;
  readonly label: string;
  /** Id of the chart element, which the zoom buttons name in `aria-controls`. */
  readonly id: string;
  readonly zoom: ZoomWindow;
  readonly onZoom: (zoom: ZoomWindow) => void;
  readonly onOpen: (planId: Id) => void;
}

/** Event of a click on the chart: a y axis label carries the category value, a data item its value array. */
interface ClickEvent {
  readonly componentType?: string;
  readonly value?: unknown;
  readonly seriesIndex?: number;
}

/** Returns the plan id of a click, or `null` when the click was not on a plan. */
export function clickedPlanId(event: ClickEvent): Id | null {
  if (event.componentType === 'yAxis') return typeof event.value === 'string' ? event.value : null;
  if (event.componentType !== 'series' || !Array.isArray(event.value)) return null;
  // Bars keep the plan id in the fourth value, milestones in the third.
  const planId: unknown = event.seriesIndex === 0 ? event.value[3] : event.value[2];
  return typeof planId === 'string' ? planId : null;
}

/** Returns the zoom window of the first `dataZoom` in an option as `getOption` returns it, or `null` when it has none. */
export function readZoom(option: unknown): ZoomWindow | null {
  if (typeof option !== 'object' || option === null || !('dataZoom' in option) || !Array.isArray(option.dataZoom)) return null;
  const first: unknown = option.dataZoom[0];
  if (typeof first !== 'object' || first === null || !('start' in first) || !('end' in first)) return null;
  const { start, end } = first;
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
}

/** Returns whether two zoom windows differ by more than rounding. */
function zoomDiffers(a: ZoomWindow, b: ZoomWindow): boolean {
  return Math.abs(a.start - b.start) > 1e-6 || Math.abs(a.end - b.end) > 1e-6;
}

/** Sets the chart's zoom window unless it already is `zoom`. */
function applyZoom(chart: echarts.ECharts, zoom: ZoomWindow): void {
  const current = readZoom(chart.getOption());
  if (current !== null && !zoomDiffers(current, zoom)) return;
  chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, start: zoom.start, end: zoom.end });
}

export function RoadmapChart({ option, height, label, id, zoom, onZoom, onOpen }: RoadmapChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const openRef = useRef(onOpen);
  const zoomRef = useRef(zoom);
  const onZoomRef = useRef(onZoom);
  useEffect(() => {
    openRef.current = onOpen;
    onZoomRef.current = onZoom;
    zoomRef.current = zoom;
  }, [onOpen, onZoom, zoom]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const chart = echarts.init(host, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (event) => {
      const planId = clickedPlanId(event);
      if (planId !== null) openRef.current(planId);
    });
    chart.on('datazoom', () => {
      const current = readZoom(chart.getOption());
      if (current !== null && zoomDiffers(current, zoomRef.current)) onZoomRef.current(current);
    });
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null) return;
    // A new option starts at the whole axis, so the zoom in the parent's state is applied again.
    chart.setOption(option, { notMerge: true });
    applyZoom(chart, zoomRef.current);
  }, [option]);

  useEffect(() => {
    if (chartRef.current !== null) applyZoom(chartRef.current, zoom);
  }, [zoom]);

  return (
    <div
      ref={hostRef}
      id={id}
      className="chart roadmap-chart"
      role="img"
      aria-label={label}
      data-testid="roadmap-chart"
      style={{ height }}
    />
  );
}

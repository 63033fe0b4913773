/**
 * ECharts host of the roadmap, whose option comes from `buildRoadmapOption`. The component mounts
 * the chart, applies new options and resizes with its container. It reports a click on a plan's
 * title, bar or milestone as the plan's id.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { Id } from '@shared/domain/types';

echarts.use([CustomChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

interface RoadmapChartProps {
  readonly option: EChartsCoreOption;
  readonly height: number;
  readonly label: string;
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

export function RoadmapChart({ option, height, label, onOpen }: RoadmapChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const chart = echarts.init(host, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (event) => {
      const planId = clickedPlanId(event);
      if (planId !== null) openRef.current(planId);
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
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={hostRef} className="chart roadmap-chart" role="img" aria-label={label} data-testid="roadmap-chart" style={{ height }} />;
}

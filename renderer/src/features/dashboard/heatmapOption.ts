/**
 * ECharts option of the control tower's heatmap: providers by months, each cell coloured by the
 * worst status of the provider's tracked levels that month. Empty cells get no data item, so a
 * month without data is drawn as nothing, never as a colour. Pure; `Heatmap.tsx` mounts it.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Heatmap } from '@shared/kpi/controlTower';

/** Status colours, the same as the status board's badges (see `controlTower.css`). */
export const statusColours = { red: '#b3261e', amber: '#c77800', green: '#1e7d45' } as const;

/** Row height of the heatmap, in pixels. */
export const heatmapRowHeight = 22;
const heatmapChrome = 96;

const statusValue = { red: 0, amber: 1, green: 2 } as const;

export interface HeatmapLabels {
  readonly month: (period: string) => string;
  readonly status: Readonly<Record<'red' | 'amber' | 'green', string>>;
  /** Tooltip text of the cell in row `row` (index into `heatmap.providers`) and column `column`. */
  readonly tooltip: (row: number, column: number) => string;
}

export function heatmapHeight(rows: number): number {
  return Math.max(rows, 1) * heatmapRowHeight + heatmapChrome;
}

export function buildHeatmapOption(heatmap: Heatmap, labels: HeatmapLabels): EChartsCoreOption {
  const data: [number, number, number][] = [];
  heatmap.cells.forEach((row, rowIndex) => {
    row.forEach((cell, columnIndex) => {
      if (cell.worst !== null) data.push([columnIndex, rowIndex, statusValue[cell.worst]]);
    });
  });

  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      formatter: (params: { readonly value?: readonly number[] }) => {
        const [column = 0, row = 0] = params.value ?? [];
        return labels.tooltip(row, column);
      },
    },
    xAxis: { type: 'category', data: heatmap.periods.map(labels.month), splitArea: { show: true } },
    // The first provider is drawn at the top.
    yAxis: { type: 'category', data: heatmap.providers.map((provider) => provider.name), inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: [
        { value: statusValue.red, label: labels.status.red, color: statusColours.red },
        { value: statusValue.amber, label: labels.status.amber, color: statusColours.amber },
        { value: statusValue.green, label: labels.status.green, color: statusColours.green },
      ],
    },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#ffffff', borderWidth: 1 }, progressive: 0 }],
  };
}

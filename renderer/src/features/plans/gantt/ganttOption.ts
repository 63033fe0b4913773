/**
 * Builds the ECharts option of the Gantt chart from a laid-out scene: custom series without a
 * coordinate system, drawing in the surface's pixels. Layers, from the back: shading, row lines
 * and the today line; baseline bars; dependency arrows; task bars; the drag preview; the header;
 * and in print, the column of task names. Critical tasks are red and also carry a thick dark
 * outline (critical links are thicker), so they stand out without colour too. Elements are
 * `silent`, because the component does its own hit testing.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { CustomSeriesOption } from 'echarts/charts';
import { handleOffset, handleRadius, rowHeight } from './ganttLayout';
import type { BarShape, BaselineShape, GanttScene, LinkShape, Point } from './ganttLayout';

type ElementOption = Exclude<ReturnType<NonNullable<CustomSeriesOption['renderItem']>>, null | undefined>;

export const ganttColors = {
  bar: '#5b8fd6',
  barProgress: '#1f4e8c',
  critical: '#e06055',
  criticalProgress: '#8e1c12',
  criticalOutline: '#3d0a05',
  summary: '#2f3e4e',
  milestone: '#2f3e4e',
  baseline: '#a3adb8',
  baselineLate: '#8e1c12',
  link: '#6b7785',
  today: '#d9730d',
  shade: '#eef1f4',
  rowLine: '#e3e7eb',
  selectedRow: '#e6effb',
  header: '#f6f7f9',
  headerLine: '#cfd5dc',
  text: '#1f2933',
  mutedText: '#52606d',
  ghost: '#1f4e8c',
} as const;

const font = '12px system-ui, sans-serif';
const smallFont = '11px system-ui, sans-serif';

/** Preview drawn while a bar is dragged: a dashed outline where it would go, or the link being drawn. */
export type DragOverlay =
  | {
      readonly kind: 'ghost';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly label: string;
    }
  | { readonly kind: 'link'; readonly from: Point; readonly to: Point; readonly valid: boolean };

/** Task names printed left of the time axis (print only), one per row shown. */
export interface NameColumn {
  readonly title: string;
  readonly names: readonly { readonly text: string; readonly depth: number; readonly summary: boolean }[];
}

export interface GanttOptionInput {
  readonly scene: GanttScene;
  readonly overlay: DragOverlay | null;
  readonly nameColumn: NameColumn | null;
  /** Accessible description of the chart for screen readers. */
  readonly description: string;
}

function rect(x: number, y: number, width: number, height: number, style: Record<string, unknown>): ElementOption {
  return { type: 'rect', silent: true, shape: { x, y, width, height }, style };
}

function text(x: number, y: number, content: string, style: Record<string, unknown> = {}): ElementOption {
  return {
    type: 'text',
    silent: true,
    style: { x, y, text: content, font, fill: ganttColors.text, verticalAlign: 'middle', ...style },
  };
}

function line(points: readonly Point[], style: Record<string, unknown>): ElementOption {
  return {
    type: 'polyline',
    silent: true,
    shape: { points: points.map((point) => [point[0], point[1]]) },
    style: { fill: 'none', ...style },
  };
}

function backgroundElement(scene: GanttScene): ElementOption {
  const children: ElementOption[] = [];
  for (const row of scene.rowLines) {
    if (row.selected) children.push(rect(scene.left, row.y, scene.width - scene.left, rowHeight, { fill: ganttColors.selectedRow }));
  }
  for (const shade of scene.shades) {
    children.push(rect(shade.x, scene.top, shade.width, scene.height - scene.top, { fill: ganttColors.shade }));
  }
  for (const row of scene.rowLines) {
    const y = Math.round(row.y + rowHeight) - 0.5;
    children.push(
      line(
        [
          [scene.left, y],
          [scene.width, y],
        ],
        { stroke: ganttColors.rowLine, lineWidth: 1 },
      ),
    );
  }
  if (scene.todayX !== null) {
    children.push(
      line(
        [
          [scene.todayX, scene.top],
          [scene.todayX, scene.height],
        ],
        { stroke: ganttColors.today, lineWidth: 2, lineDash: [4, 3] },
      ),
    );
  }
  return { type: 'group', children };
}

function baselineElement(shape: BaselineShape): ElementOption {
  const children: ElementOption[] = [];
  if (shape.milestone) {
    const cx = shape.x + shape.width / 2;
    const cy = shape.y + shape.height / 2;
    const half = shape.width / 2;
    children.push({
      type: 'polygon',
      silent: true,
      shape: {
        points: [
          [cx, cy - half],
          [cx + half, cy],
          [cx, cy + half],
          [cx - half, cy],
        ],
      },
      style: { fill: ganttColors.baseline },
    });
  } else {
    children.push(rect(shape.x, shape.y, Math.max(1, shape.width), shape.height, { fill: ganttColors.baseline }));
  }
  if (shape.label !== null) {
    children.push(
      text(shape.labelX, shape.y + shape.height / 2, shape.label, {
        font: smallFont,
        fill: shape.late ? ganttColors.baselineLate : ganttColors.mutedText,
      }),
    );
  }
  return { type: 'group', children };
}

function linkElement(shape: LinkShape): ElementOption {
  const color = shape.critical ? ganttColors.criticalProgress : ganttColors.link;
  return {
    type: 'group',
    children: [
      line(shape.points, { stroke: color, lineWidth: shape.critical ? 2 : 1 }),
      {
        type: 'polygon',
        silent: true,
        shape: { points: shape.arrow.map((point) => [point[0], point[1]]) },
        style: { fill: color },
      },
    ],
  };
}

function barElement(bar: BarShape): ElementOption {
  const children: ElementOption[] = [];
  const outline = bar.critical ? { stroke: ganttColors.criticalOutline, lineWidth: 2 } : {};
  if (bar.kind === 'milestone') {
    const cx = bar.x + bar.width / 2;
    const half = bar.width / 2;
    children.push({
      type: 'polygon',
      silent: true,
      shape: {
        points: [
          [cx, bar.centerY - half],
          [cx + half, bar.centerY],
          [cx, bar.centerY + half],
          [cx - half, bar.centerY],
        ],
      },
      style: { fill: bar.critical ? ganttColors.critical : ganttColors.milestone, ...outline },
    });
  } else if (bar.kind === 'summary') {
    const bottom = bar.y + bar.height;
    const tip = Math.min(6, bar.width / 2);
    children.push({
      type: 'polygon',
      silent: true,
      shape: {
        points: [
          [bar.x, bar.y],
          [bar.x + bar.width, bar.y],
          [bar.x + bar.width, bottom + 5],
          [bar.x + bar.width - tip, bottom],
          [bar.x + tip, bottom],
          [bar.x, bottom + 5],
        ],
      },
      style: { fill: bar.critical ? ganttColors.criticalProgress : ganttColors.summary },
    });
  } else {
    children.push(
      rect(bar.x, bar.y, Math.max(2, bar.width), bar.height, { fill: bar.critical ? ganttColors.critical : ganttColors.bar, ...outline }),
    );
    if (bar.progressWidth > 0) {
      const progressHeight = Math.round(bar.height / 2);
      children.push(
        rect(bar.x, bar.y + bar.height - progressHeight, bar.progressWidth, progressHeight, {
          fill: bar.critical ? ganttColors.criticalProgress : ganttColors.barProgress,
        }),
      );
    }
  }
  children.push(text(bar.labelX, bar.centerY, bar.label, bar.kind === 'summary' ? { fontWeight: 'bold' } : {}));
  if (bar.selected && bar.kind !== 'summary') {
    for (const cx of [bar.x - handleOffset, bar.x + bar.width + handleOffset]) {
      children.push({
        type: 'circle',
        silent: true,
        shape: { cx, cy: bar.centerY, r: handleRadius },
        style: { fill: '#ffffff', stroke: ganttColors.ghost, lineWidth: 2 },
      });
    }
  }
  return { type: 'group', children };
}

function overlayElement(overlay: DragOverlay): ElementOption {
  if (overlay.kind === 'ghost') {
    return {
      type: 'group',
      children: [
        rect(overlay.x, overlay.y, Math.max(2, overlay.width), overlay.height, {
          fill: 'rgba(31, 78, 140, 0.12)',
          stroke: ganttColors.ghost,
          lineWidth: 1.5,
          lineDash: [4, 3],
        }),
        text(overlay.x, overlay.y - 8, overlay.label, { font: smallFont, fill: ganttColors.ghost, verticalAlign: 'middle' }),
      ],
    };
  }
  return line([overlay.from, overlay.to], {
    stroke: overlay.valid ? ganttColors.ghost : ganttColors.mutedText,
    lineWidth: 2,
    lineDash: [5, 3],
  });
}

function headerElement(scene: GanttScene): ElementOption {
  const half = scene.top / 2;
  const children: ElementOption[] = [rect(scene.left, 0, scene.width - scene.left, scene.top, { fill: ganttColors.header })];
  const addBands = (bands: GanttScene['upperBands'], top: number): void => {
    for (const band of bands) {
      const x = Math.round(band.x) + 0.5;
      children.push(
        line(
          [
            [x, top],
            [x, top + half],
          ],
          { stroke: ganttColors.headerLine, lineWidth: 1 },
        ),
      );
      const visibleStart = Math.max(band.x, scene.left);
      const visibleWidth = band.x + band.width - visibleStart;
      if (visibleWidth > 10) {
        children.push(
          text(visibleStart + 4, top + half / 2, band.label, {
            font: top === 0 ? font : smallFont,
            fill: top === 0 ? ganttColors.text : ganttColors.mutedText,
            width: visibleWidth - 6,
            overflow: 'truncate',
            ellipsis: '',
          }),
        );
      }
    }
  };
  addBands(scene.upperBands, 0);
  addBands(scene.lowerBands, half);
  children.push(
    line(
      [
        [scene.left, half + 0.5],
        [scene.width, half + 0.5],
      ],
      { stroke: ganttColors.headerLine, lineWidth: 1 },
    ),
  );
  children.push(
    line(
      [
        [scene.left, scene.top - 0.5],
        [scene.width, scene.top - 0.5],
      ],
      { stroke: ganttColors.headerLine, lineWidth: 1 },
    ),
  );
  return { type: 'group', children };
}

function nameColumnElement(scene: GanttScene, column: NameColumn): ElementOption {
  const children: ElementOption[] = [
    rect(0, 0, scene.left, scene.height, { fill: '#ffffff' }),
    rect(0, 0, scene.left, scene.top, { fill: ganttColors.header }),
    text(6, scene.top / 2, column.title, { fontWeight: 'bold' }),
    line(
      [
        [scene.left - 0.5, 0],
        [scene.left - 0.5, scene.height],
      ],
      { stroke: ganttColors.headerLine, lineWidth: 1 },
    ),
  ];
  column.names.forEach((name, index) => {
    const indent = 6 + Math.min(name.depth, 8) * 12;
    children.push(
      text(indent, scene.top + index * rowHeight + rowHeight / 2, name.text, {
        width: Math.max(10, scene.left - indent - 6),
        overflow: 'truncate',
        ...(name.summary ? { fontWeight: 'bold' } : {}),
      }),
    );
  });
  return { type: 'group', children };
}

function layer(id: string, count: number, render: (index: number) => ElementOption | null): CustomSeriesOption {
  return {
    type: 'custom',
    id,
    coordinateSystem: 'none',
    silent: true,
    animation: false,
    clip: false,
    data: Array.from({ length: count }, (_, index) => index),
    renderItem: (params) => render(params.dataIndex),
  };
}

export function buildGanttOption(input: GanttOptionInput): EChartsCoreOption {
  const { scene, overlay, nameColumn } = input;
  const series: CustomSeriesOption[] = [
    layer('background', 1, () => backgroundElement(scene)),
    layer('baselines', scene.baselines.length, (index) => {
      const shape = scene.baselines[index];
      return shape === undefined ? null : baselineElement(shape);
    }),
    layer('links', scene.links.length, (index) => {
      const shape = scene.links[index];
      return shape === undefined ? null : linkElement(shape);
    }),
    layer('bars', scene.bars.length, (index) => {
      const shape = scene.bars[index];
      return shape === undefined ? null : barElement(shape);
    }),
    layer('overlay', overlay === null ? 0 : 1, () => (overlay === null ? null : overlayElement(overlay))),
    layer('header', 1, () => headerElement(scene)),
    layer('names', nameColumn === null ? 0 : 1, () => (nameColumn === null ? null : nameColumnElement(scene, nameColumn))),
  ];
  return {
    animation: false,
    aria: { enabled: true, label: { description: input.description } },
    series,
  };
}

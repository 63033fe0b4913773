/**
 * Builds the ECharts option of the Gantt chart from a laid-out scene: custom series without a
 * coordinate system, drawing in the surface's pixels. The layers, from the back: the shading with
 * the row lines and the today line, baseline bars, dependency arrows, task bars with their
 * constraint flags, the drag preview and the header. In print the task grid (name, start,
 * finish, duration) comes last. Critical tasks are red and also carry a thick dark outline (critical links
 * are thicker), so they stand out without colour too. Elements are `silent`, because the
 * component does its own hit testing.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { CustomSeriesOption } from 'echarts/charts';
import { chartBoldFont, chartFont, chartSmallFont, handleOffset, handleRadius, rowHeight } from './ganttLayout';
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
  constraint: '#3e4c59',
} as const;

const font = chartFont;
const smallFont = chartSmallFont;

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
  | {
      readonly kind: 'link';
      readonly from: Point;
      readonly to: Point;
      readonly valid: boolean;
      /** Text beside the pointer: the link type a drop here creates, or how to aim when no bar is under it. */
      readonly label: string;
    };

export interface PrintGridColumn {
  readonly title: string;
  /** Width in pixels; the columns together fill the scene's `left`. */
  readonly width: number;
  readonly align: 'left' | 'right';
}

/** Task grid printed left of the time axis (print only): the first column is the task, indented by depth. */
export interface PrintGrid {
  readonly columns: readonly PrintGridColumn[];
  /** One entry per row shown, with one cell per column. */
  readonly rows: readonly { readonly cells: readonly string[]; readonly depth: number; readonly summary: boolean }[];
}

export interface GanttOptionInput {
  readonly scene: GanttScene;
  readonly overlay: DragOverlay | null;
  readonly printGrid: PrintGrid | null;
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
  if (bar.constraintX !== null) children.push(constraintElement(bar.constraintX, bar));
  if (bar.label !== '') children.push(text(bar.labelX, bar.centerY, bar.label, bar.kind === 'summary' ? { font: chartBoldFont } : {}));
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

/** Flag of a start-no-earlier-than constraint: a post at the constraint date, from the row's top to below the bar, with a pennant pointing right. */
function constraintElement(x: number, bar: BarShape): ElementOption {
  const top = bar.rowTop + 2;
  const post = Math.round(x) + 0.5;
  return {
    type: 'group',
    children: [
      line(
        [
          [post, top],
          [post, bar.y + bar.height + 3],
        ],
        { stroke: ganttColors.constraint, lineWidth: 1.5 },
      ),
      {
        type: 'polygon',
        silent: true,
        shape: {
          points: [
            [post, top],
            [post + 7, top + 3],
            [post, top + 6],
          ],
        },
        style: { fill: ganttColors.constraint },
      },
    ],
  };
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
  const color = overlay.valid ? ganttColors.ghost : ganttColors.mutedText;
  return {
    type: 'group',
    children: [
      line([overlay.from, overlay.to], { stroke: color, lineWidth: 2, lineDash: [5, 3] }),
      text(overlay.to[0] + 12, overlay.to[1] - 14, overlay.label, {
        font: smallFont,
        fill: color,
        backgroundColor: '#ffffff',
        borderColor: color,
        borderWidth: 1,
        borderRadius: 3,
        padding: [2, 4],
      }),
    ],
  };
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
      // The layout leaves the label empty when it does not fit whole, so no clipped letters are drawn.
      if (band.label !== '') {
        children.push(
          text(band.labelX, top + half / 2, band.label, {
            font: top === 0 ? font : smallFont,
            fill: top === 0 ? ganttColors.text : ganttColors.mutedText,
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

function verticalRule(x: number, height: number): ElementOption {
  return line(
    [
      [x - 0.5, 0],
      [x - 0.5, height],
    ],
    { stroke: ganttColors.headerLine, lineWidth: 1 },
  );
}

function printGridElement(scene: GanttScene, grid: PrintGrid): ElementOption {
  const children: ElementOption[] = [
    rect(0, 0, scene.left, scene.height, { fill: '#ffffff' }),
    rect(0, 0, scene.left, scene.top, { fill: ganttColors.header }),
  ];
  let columnX = 0;
  grid.columns.forEach((column, columnIndex) => {
    const right = column.align === 'right';
    const titleX = right ? columnX + column.width - 6 : columnX + 6;
    children.push(text(titleX, scene.top / 2, column.title, { font: chartBoldFont, align: column.align }));
    grid.rows.forEach((row, index) => {
      const indent = columnIndex === 0 ? Math.min(row.depth, 8) * 12 : 0;
      const x = right ? columnX + column.width - 6 : columnX + 6 + indent;
      // Text wider than its column ends in an ellipsis.
      children.push(
        text(x, scene.top + index * rowHeight + rowHeight / 2, row.cells[columnIndex] ?? '', {
          width: Math.max(10, column.width - 12 - indent),
          overflow: 'truncate',
          align: column.align,
          ...(row.summary ? { font: chartBoldFont } : {}),
        }),
      );
    });
    columnX += column.width;
    children.push(verticalRule(columnX, scene.height));
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
  const { scene, overlay, printGrid } = input;
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
    layer('grid', printGrid === null ? 0 : 1, () => (printGrid === null ? null : printGridElement(scene, printGrid))),
  ];
  return {
    animation: false,
    aria: { enabled: true, label: { description: input.description } },
    series,
  };
}

import { describe, expect, it } from 'vitest';
import type { CustomSeriesOption } from 'echarts/charts';
import { buildScene, headerHeight, indexRows } from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import { buildGanttOption, ganttColors } from '../../../../../../../renderer/src/features/plans/gantt/ganttOption';
import { createTimeScale } from '../../../../../../../renderer/src/features/plans/gantt/timeScale';
import { model, phasedModel } from './ganttFixture';

const phased = phasedModel();
const sceneInput = {
  model: phased,
  rows: phased.rows,
  rowIndex: indexRows(phased.rows),
  scale: createTimeScale('days', phased.firstDay, phased.lastDay),
  viewport: { left: 0, top: headerHeight, scrollLeft: 0, scrollTop: 0, width: 1000, height: 400 },
  comparison: null,
  selectedTaskId: 'A',
  today: null,
  shading: null,
  text: { axis: { month: String, monthYear: String, quarter: String }, variance: String },
};
const scene = buildScene(sceneInput);

function seriesOf(option: ReturnType<typeof buildGanttOption>): CustomSeriesOption[] {
  return (option as { series: CustomSeriesOption[] }).series;
}

/** Calls a layer's renderItem for one data index, as ECharts would. */
function render(series: CustomSeriesOption, index: number): unknown {
  const renderItem = series.renderItem;
  if (renderItem === undefined) throw new Error('no renderItem');
  return renderItem({ dataIndex: index } as Parameters<typeof renderItem>[0], {} as Parameters<typeof renderItem>[1]);
}

describe('buildGanttOption', () => {
  const option = buildGanttOption({ scene, overlay: null, printGrid: null, description: 'Gantt chart' });
  const layers = seriesOf(option);
  const layer = (id: string) => {
    const found = layers.find((entry) => entry.id === id);
    if (found === undefined) throw new Error(`no layer ${id}`);
    return found;
  };

  it('draws one item per bar and per link', () => {
    expect((layer('bars').data as unknown[]).length).toBe(scene.bars.length);
    expect((layer('links').data as unknown[]).length).toBe(scene.links.length);
  });

  it('stacks the header above the bars', () => {
    const ids = layers.map((entry) => entry.id);
    expect(ids.indexOf('header')).toBeGreaterThan(ids.indexOf('bars'));
    expect(ids.indexOf('bars')).toBeGreaterThan(ids.indexOf('links'));
  });

  it('outlines critical bars so they differ without colour', () => {
    const critical = scene.bars.findIndex((bar) => bar.taskId === 'B');
    const normal = scene.bars.findIndex((bar) => bar.taskId === 'C');
    const criticalText = JSON.stringify(render(layer('bars'), critical));
    const normalText = JSON.stringify(render(layer('bars'), normal));
    expect(criticalText).toContain(ganttColors.criticalOutline);
    expect(criticalText).toContain('"lineWidth":2');
    expect(normalText).not.toContain(ganttColors.criticalOutline);
  });

  it('draws link handles on the selected bar only', () => {
    const selected = scene.bars.findIndex((bar) => bar.taskId === 'A');
    const other = scene.bars.findIndex((bar) => bar.taskId === 'B');
    expect(JSON.stringify(render(layer('bars'), selected))).toContain('"type":"circle"');
    expect(JSON.stringify(render(layer('bars'), other))).not.toContain('"type":"circle"');
  });

  it('draws a diamond for a milestone', () => {
    const gate = scene.bars.findIndex((bar) => bar.taskId === 'M');
    expect(JSON.stringify(render(layer('bars'), gate))).toContain('"type":"polygon"');
  });

  it('thickens links between critical tasks', () => {
    const index = scene.links.findIndex((link) => link.dependencyId === 'A-FS-B');
    const slack = scene.links.findIndex((link) => link.dependencyId === 'A-FS-C');
    expect(JSON.stringify(render(layer('links'), index))).toContain('"lineWidth":2');
    expect(JSON.stringify(render(layer('links'), slack))).toContain('"lineWidth":1');
  });

  it('adds the drag preview layer only while dragging', () => {
    expect((layer('overlay').data as unknown[]).length).toBe(0);
    const dragging = buildGanttOption({
      scene,
      overlay: { kind: 'link', from: [10, 10], to: [50, 50], valid: true, label: 'finish-to-finish (FF)' },
      printGrid: null,
      description: 'Gantt chart',
    });
    const overlay = seriesOf(dragging).find((entry) => entry.id === 'overlay');
    expect((overlay?.data as unknown[]).length).toBe(1);
  });

  it('labels a link being dragged with its type', () => {
    const dragging = buildGanttOption({
      scene,
      overlay: { kind: 'link', from: [10, 10], to: [50, 50], valid: true, label: 'finish-to-finish (FF)' },
      printGrid: null,
      description: 'Gantt chart',
    });
    const overlay = seriesOf(dragging).find((entry) => entry.id === 'overlay');
    if (overlay === undefined) throw new Error('no overlay layer');
    const drawn = JSON.stringify(render(overlay, 0));
    expect(drawn).toContain('"text":"finish-to-finish (FF)"');
    // The label sits beside the pointer, right of and above it.
    expect(drawn).toContain('"x":62');
  });

  it('flags a start-no-earlier-than constraint', () => {
    const constrained = model(
      phased.state.tasks.map((task) => (task.id === 'B' ? { ...task, startNoEarlierThan: '2021-02-10' } : task)),
      phased.state.dependencies,
    );
    const constrainedScene = buildScene({
      ...sceneInput,
      model: constrained,
      rows: constrained.rows,
      rowIndex: indexRows(constrained.rows),
    });
    const bars = seriesOf(buildGanttOption({ scene: constrainedScene, overlay: null, printGrid: null, description: 'Gantt chart' })).find(
      (entry) => entry.id === 'bars',
    );
    if (bars === undefined) throw new Error('no bars layer');
    const flagged = constrainedScene.bars.findIndex((bar) => bar.taskId === 'B');
    const plain = constrainedScene.bars.findIndex((bar) => bar.taskId === 'C');
    expect(JSON.stringify(render(bars, flagged))).toContain(ganttColors.constraint);
    expect(JSON.stringify(render(bars, plain))).not.toContain(ganttColors.constraint);
  });

  it('draws only the header labels the layout kept', () => {
    const header = JSON.stringify(render(layer('header'), 0));
    for (const band of [...scene.upperBands, ...scene.lowerBands]) {
      if (band.label === '') continue;
      expect(header).toContain(`"text":"${band.label}"`);
    }
    expect(header).not.toContain('"overflow":"truncate"');
  });
});

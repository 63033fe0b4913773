import { describe, expect, it } from 'vitest';
import { buildScene, handleOffset, headerHeight, indexRows } from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import type { BarShape } from '../../../../../../../renderer/src/features/plans/gantt/ganttLayout';
import { hitTest, linkTargetAt } from '../../../../../../../renderer/src/features/plans/gantt/hitTest';
import { createTimeScale } from '../../../../../../../renderer/src/features/plans/gantt/timeScale';
import { phasedModel } from './ganttFixture';

const phased = phasedModel();
const scale = createTimeScale('days', phased.firstDay, phased.lastDay);

function sceneWith(selectedTaskId: string | null) {
  return buildScene({
    model: phased,
    rows: phased.rows,
    rowIndex: indexRows(phased.rows),
    scale,
    viewport: { left: 0, top: headerHeight, scrollLeft: 0, scrollTop: 0, width: 1200, height: 600 },
    comparison: null,
    selectedTaskId,
    today: null,
    shading: null,
    text: { axis: { month: String, monthYear: String, quarter: String }, variance: String },
  });
}

const scene = sceneWith('A');
const bar = (id: string): BarShape => {
  const found = scene.bars.find((entry) => entry.taskId === id);
  if (found === undefined) throw new Error(`no bar ${id}`);
  return found;
};

describe('hitTest', () => {
  it('grabs the body of a bar to move it', () => {
    const analysis = bar('A');
    expect(hitTest(scene, analysis.x + 20, analysis.centerY)).toMatchObject({ taskId: 'A', zone: 'move' });
  });

  it('grabs the right edge to resize', () => {
    const build = bar('B');
    expect(hitTest(scene, build.x + build.width - 2, build.centerY)).toMatchObject({ taskId: 'B', zone: 'resize' });
  });

  it('moves a milestone but never resizes it', () => {
    const gate = bar('M');
    expect(hitTest(scene, gate.x + gate.width - 1, gate.centerY)).toMatchObject({ taskId: 'M', zone: 'move' });
  });

  it('only selects a summary bar', () => {
    const phase = bar('P');
    expect(hitTest(scene, phase.x + 30, phase.centerY)).toMatchObject({ taskId: 'P', zone: 'select' });
  });

  it('finds the link handles of the selected bar', () => {
    const analysis = bar('A');
    expect(hitTest(scene, analysis.x + analysis.width + handleOffset, analysis.centerY)).toMatchObject({ zone: 'linkFromFinish' });
    expect(hitTest(scene, analysis.x - handleOffset, analysis.centerY)).toMatchObject({ zone: 'linkFromStart' });
  });

  it('shows no handles on bars not selected', () => {
    const build = bar('B');
    expect(hitTest(sceneWith(null), build.x + build.width + handleOffset + 1, build.centerY)).toBeNull();
  });

  it('finds nothing in empty space or the header', () => {
    const analysis = bar('A');
    expect(hitTest(scene, analysis.x + analysis.width + 200, analysis.centerY)).toBeNull();
    expect(hitTest(scene, analysis.x + 10, 10)).toBeNull();
  });

  it('reaches a bar anywhere in its row height', () => {
    const analysis = bar('A');
    expect(hitTest(scene, analysis.x + 10, analysis.rowTop + 1)).toMatchObject({ taskId: 'A' });
  });
});

describe('linkTargetAt', () => {
  it('left half targets the start', () => {
    const deploy = bar('D');
    expect(linkTargetAt(scene, deploy.x + 5, deploy.centerY)).toEqual({ taskId: 'D', end: 'start' });
  });

  it('right half targets the finish', () => {
    const deploy = bar('D');
    expect(linkTargetAt(scene, deploy.x + deploy.width - 5, deploy.centerY)).toEqual({ taskId: 'D', end: 'finish' });
  });

  it('targets nothing beside a bar', () => {
    const deploy = bar('D');
    expect(linkTargetAt(scene, deploy.x + deploy.width + 100, deploy.centerY)).toBeNull();
  });
});

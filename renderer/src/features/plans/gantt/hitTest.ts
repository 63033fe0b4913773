/**
 * Hit testing of the Gantt chart from the scene's geometry. The pointer can be over the body of a
 * bar (drag to move), its right edge (drag to resize), or a link handle at either end of the
 * selected bar (drag to another bar to link). Summary bars roll up from their tasks, so they
 * can be selected but not dragged.
 */
import type { Id } from '@shared/domain/types';
import { handleOffset, handleRadius, rowHeight } from './ganttLayout';
import type { BarShape, GanttScene } from './ganttLayout';

export type HitZone = 'select' | 'move' | 'resize' | 'linkFromStart' | 'linkFromFinish';

export interface Hit {
  readonly taskId: Id;
  readonly zone: HitZone;
  readonly bar: BarShape;
}

/** Pixels inside a bar's right end that grab the edge for resizing. */
const resizeGrip = 6;
/** Extra pixels around a bar that still count as the bar, so thin bars are easy to grab. */
const slack = 3;

function nearHandle(x: number, y: number, centerX: number, centerY: number): boolean {
  const reach = handleRadius + 2;
  return (x - centerX) ** 2 + (y - centerY) ** 2 <= reach * reach;
}

/** Returns what lies under point (`x`, `y`) of the surface, or `null` for empty chart space and the header. */
export function hitTest(scene: GanttScene, x: number, y: number): Hit | null {
  if (y < scene.top) return null;
  // The selected bar's link handles sit just outside it, so they are checked first.
  for (const bar of scene.bars) {
    if (!bar.selected || bar.kind === 'summary') continue;
    if (nearHandle(x, y, bar.x - handleOffset, bar.centerY)) return { taskId: bar.taskId, zone: 'linkFromStart', bar };
    if (nearHandle(x, y, bar.x + bar.width + handleOffset, bar.centerY)) return { taskId: bar.taskId, zone: 'linkFromFinish', bar };
  }
  const bar = barAtRow(scene, y);
  if (bar === null || x < bar.x - slack || x > bar.x + bar.width + slack) return null;
  if (bar.kind === 'summary') return { taskId: bar.taskId, zone: 'select', bar };
  if (bar.kind === 'task' && bar.width >= resizeGrip * 2 && x >= bar.x + bar.width - resizeGrip) {
    return { taskId: bar.taskId, zone: 'resize', bar };
  }
  return { taskId: bar.taskId, zone: 'move', bar };
}

function barAtRow(scene: GanttScene, y: number): BarShape | null {
  for (const bar of scene.bars) {
    if (y >= bar.rowTop && y < bar.rowTop + rowHeight) return bar;
  }
  return null;
}

export type TaskEnd = 'start' | 'finish';

export interface LinkTarget {
  readonly taskId: Id;
  /** End of the target bar nearer the pointer: a drop on the left half links to its start. */
  readonly end: TaskEnd;
}

/** Returns the bar a link being dragged would connect to at (`x`, `y`), or `null` over empty space. */
export function linkTargetAt(scene: GanttScene, x: number, y: number): LinkTarget | null {
  if (y < scene.top) return null;
  const bar = barAtRow(scene, y);
  if (bar === null || x < bar.x - handleOffset - handleRadius || x > bar.x + bar.width + handleOffset + handleRadius) return null;
  return { taskId: bar.taskId, end: x < bar.x + bar.width / 2 ? 'start' : 'finish' };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ImportedPlan, ProjectImportError, ProjectImportNote, ProjectImportOutcome } from '../../../../../shared/schedule/io/types';
import { importProjectFile } from '../../../../../shared/schedule/io/index';
import type { ScheduleOutcome } from '../../../../../shared/schedule/engine';
import { schedulePlan } from '../../../../../shared/schedule/engine';

export const fixtureFolder = join(import.meta.dirname, '../../../../fixtures/project-plans');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtureFolder, name)));
}

/** Imports bytes with sequential ids (`id1`, `id2`, …) so results are stable. */
export function importBytes(bytes: Uint8Array, fileName: string): ProjectImportOutcome {
  let next = 0;
  return importProjectFile(bytes, fileName, {
    newId: () => {
      next += 1;
      return `id${next}`;
    },
    fallbackStartOn: '2030-01-07',
  });
}

export function importFixture(name: string): Extract<ProjectImportOutcome, { ok: true }> {
  const outcome = importBytes(fixtureBytes(name), name);
  if (!outcome.ok) {
    throw new Error(`${name} did not import: ${JSON.stringify(outcome.error)}`);
  }
  return outcome;
}

/** Error of a failed import; fails the test when the import succeeded. */
export function importError(outcome: ProjectImportOutcome): ProjectImportError {
  if (outcome.ok) {
    throw new Error('expected the import to fail');
  }
  return outcome.error;
}

/** Plan finish of a schedule; fails the test when scheduling failed. */
export function planFinish(outcome: ScheduleOutcome): string {
  if (!outcome.ok) {
    throw new Error(`scheduling failed: ${JSON.stringify(outcome.issues)}`);
  }
  return outcome.schedule.planFinish;
}

export function schedule(plan: ImportedPlan): ScheduleOutcome {
  return schedulePlan({ plan: plan.plan, tasks: plan.tasks, dependencies: plan.dependencies, calendars: plan.calendars });
}

/** Task by name; fails the test when there is none. */
export function taskNamed(plan: ImportedPlan, name: string): ImportedPlan['tasks'][number] {
  const task = plan.tasks.find((candidate) => candidate.name === name);
  expect(task, `task ${name}`).toBeDefined();
  return task!;
}

/** Links as `predecessor TYPE lag unit -> successor` lines, sorted, for comparison across imports. */
export function linkLines(plan: ImportedPlan): string[] {
  const nameOf = new Map(plan.tasks.map((task) => [task.id, task.name]));
  return plan.dependencies
    .map(
      (link) =>
        `${nameOf.get(link.predecessorId) ?? '?'} ${link.type} ${link.lag} ${link.lagUnit} -> ${nameOf.get(link.successorId) ?? '?'}`,
    )
    .sort();
}

export function notesWithCode(notes: readonly ProjectImportNote[], code: ProjectImportNote['code']): ProjectImportNote[] {
  return notes.filter((note) => note.code === code);
}

import { describe, expect, test } from 'vitest';
import { schedulePlan } from '../../../../shared/schedule/engine';
import { bpoTransitionTemplate } from '../../../../shared/schedule/templates/bpoTransition';
import type { PlanMessageTree } from '../../../../shared/schedule/templates/index';
import { instantiatePlanTemplate, planTemplateMessages, planTemplateTextKey } from '../../../../shared/schedule/templates/index';
import { mondayToFriday } from './factories';

function counter(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `id-${String(next)}`;
  };
}

function lookup(tree: PlanMessageTree, key: string): string | undefined {
  let node: string | PlanMessageTree | undefined = tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

const processes = ['Accounts payable', 'Payroll'];
const plan = instantiatePlanTemplate(bpoTransitionTemplate, { planId: 'plan', newId: counter(), processes });
const byKey = (templateKey: string, index = 0) => plan.tasks.filter((task) => task.templateKey === templateKey)[index];

function scheduled() {
  const outcome = schedulePlan({
    plan: { startOn: '2027-01-04', calendarId: mondayToFriday.id },
    tasks: plan.tasks,
    dependencies: plan.dependencies,
    calendars: [mondayToFriday],
  });
  if (!outcome.ok) {
    throw new Error(JSON.stringify(outcome.issues));
  }
  return outcome;
}

describe('BPO transition template', () => {
  test('has the required phases', () => {
    expect(bpoTransitionTemplate.phases.map((phase) => phase.key)).toEqual([
      'assessment',
      'selection',
      'negotiation',
      'knowledgeTransfer',
      'access',
      'pilot',
      'parallelRun',
      'goLive',
      'stabilisation',
    ]);
  });

  test('knowledge transfer has the three steps', () => {
    const keys = bpoTransitionTemplate.phases.find((phase) => phase.key === 'knowledgeTransfer')?.tasks.map((task) => task.key);
    expect(keys).toEqual(expect.arrayContaining(['documentation', 'shadowing', 'reverseShadowing']));
  });

  test('durations sit inside their ranges', () => {
    for (const phase of [...bpoTransitionTemplate.phases, bpoTransitionTemplate.wave]) {
      for (const task of phase.tasks) {
        expect(task.duration, task.key).toBeGreaterThanOrEqual(task.durationRange[0]);
        expect(task.duration, task.key).toBeLessThanOrEqual(task.durationRange[1]);
      }
    }
  });

  test('assessment and parallel run ranges', () => {
    const assessment = bpoTransitionTemplate.phases[0]?.tasks ?? [];
    const parallel = bpoTransitionTemplate.phases.find((phase) => phase.key === 'parallelRun')?.tasks[0];
    expect(parallel?.durationRange).toEqual([10, 20]);
    expect(assessment.length).toBeGreaterThan(1);
  });

  test('hypercare is 90 calendar days', () => {
    const hypercare = byKey('bpoTransition.stabilisation.hypercare');
    expect([hypercare?.duration, hypercare?.durationUnit]).toEqual([90, 'calendarDays']);
  });

  test('go/no-go gates are milestones', () => {
    const gates = plan.tasks.filter((task) => task.goNoGo);
    // Five in the phases and one per wave.
    expect(gates).toHaveLength(5 + processes.length);
    for (const gate of gates) {
      expect(gate.duration).toBe(0);
      expect(gate.name).toContain('Steering committee');
    }
  });

  test('one wave per process', () => {
    const waves = plan.tasks.filter((task) => task.templateKey === 'bpoTransition.wave');
    expect(waves.map((wave) => wave.name)).toEqual(['Wave: Accounts payable', 'Wave: Payroll']);
    expect(byKey('bpoTransition.wave.goLive', 1)?.name).toBe('Go-live of Payroll');
  });

  test('every link names known tasks', () => {
    const ids = new Set(plan.tasks.map((task) => task.id));
    for (const link of plan.dependencies) {
      expect(ids.has(link.predecessorId)).toBe(true);
      expect(ids.has(link.successorId)).toBe(true);
    }
  });

  test('schedules without warnings', () => {
    const outcome = scheduled();
    expect(outcome.issues).toEqual([]);
  });

  test('phases follow in order', () => {
    const { schedule } = scheduled();
    const date = (templateKey: string, index = 0) => schedule.tasks.find((task) => task.taskId === byKey(templateKey, index)?.id);
    expect(date('bpoTransition.assessment.processInventory')?.earlyStart).toBe('2027-01-04');
    const goLive = date('bpoTransition.goLive.goLive')?.earlyStart ?? '';
    expect(goLive > (date('bpoTransition.parallelRun.parallelRun')?.earlyFinish ?? '')).toBe(true);
    expect((date('bpoTransition.wave.knowledgeTransfer', 0)?.earlyStart ?? '') > goLive).toBe(true);
    expect(
      (date('bpoTransition.wave.knowledgeTransfer', 1)?.earlyStart ?? '') > (date('bpoTransition.wave.goLive', 0)?.earlyStart ?? ''),
    ).toBe(true);
  });

  test('scheduled phase lengths in range', () => {
    const { schedule } = scheduled();
    const span = (templateKey: string) => schedule.tasks.find((task) => task.taskId === byKey(templateKey)?.id)?.workingDays ?? -1;
    // Two to four weeks of working days each; the assessment's span includes its gate's day.
    expect(span('bpoTransition.assessment')).toBeGreaterThanOrEqual(10);
    expect(span('bpoTransition.assessment')).toBeLessThanOrEqual(20);
    expect(span('bpoTransition.parallelRun')).toBe(15);
  });

  test('go-live is on the critical path', () => {
    const { schedule } = scheduled();
    expect(schedule.criticalPath).toContain(byKey('bpoTransition.goLive.goLive')?.id);
    expect(schedule.criticalPath).toContain(byKey('bpoTransition.pilot.parallelRunDecision')?.id);
  });

  test('no processes means no waves', () => {
    const bare = instantiatePlanTemplate(bpoTransitionTemplate, { planId: 'plan', newId: counter(), processes: [] });
    expect(bare.tasks.some((task) => task.templateKey?.startsWith('bpoTransition.wave') === true)).toBe(false);
  });
});

describe('plan template messages', () => {
  const messages = planTemplateMessages();

  test('every task text has a key', () => {
    for (const task of plan.tasks) {
      const key = planTemplateTextKey(task.templateKey ?? '', 'name');
      expect(lookup(messages, key), key).toBeDefined();
    }
  });

  test('English text beside key', () => {
    expect(lookup(messages, 'planTemplates.bpoTransition.pilot.pilotRun.name')).toBe('Pilot on a sample of transactions');
    expect(lookup(messages, 'planTemplates.bpoTransition.wave.name')).toBe('Wave: {{process}}');
  });

  test('translation applied with process name', () => {
    const french = instantiatePlanTemplate(bpoTransitionTemplate, {
      planId: 'plan',
      newId: counter(),
      processes: ['Paie'],
      translate: (key, english) => (key === 'planTemplates.bpoTransition.wave.name' ? 'Vague : {{process}}' : english),
    });
    expect(french.tasks.find((task) => task.templateKey === 'bpoTransition.wave')?.name).toBe('Vague : Paie');
  });
});

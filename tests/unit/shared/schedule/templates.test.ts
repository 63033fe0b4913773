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
    // Five in the phases and one per wave; the first process takes the phases, not a wave.
    expect(gates).toHaveLength(5 + processes.length - 1);
    for (const gate of gates) {
      expect(gate.duration).toBe(0);
      expect(gate.name).toContain('Steering committee');
    }
  });

  test('one wave per further process', () => {
    const waves = plan.tasks.filter((task) => task.templateKey === 'bpoTransition.wave');
    expect(waves.map((wave) => wave.name)).toEqual(['Wave: Payroll']);
    expect(byKey('bpoTransition.wave.goLive', 0)?.name).toBe('Go-live of Payroll');
  });

  test('first process names main path', () => {
    expect(byKey('bpoTransition.knowledgeTransfer')?.name).toBe('Knowledge transfer of Accounts payable');
    expect(byKey('bpoTransition.pilot')?.name).toBe('Pilot of Accounts payable');
    expect(byKey('bpoTransition.goLive')?.name).toBe('Go-live of Accounts payable');
    // Phases that serve every process keep their own names.
    expect(byKey('bpoTransition.negotiation')?.name).toBe('Contract negotiation');
    expect(byKey('bpoTransition.access')?.name).toBe('Access and integration set-up');
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
    expect(bare.tasks.find((task) => task.templateKey === 'bpoTransition.goLive')?.name).toBe('Go-live');
  });

  test('one process means no waves', () => {
    const single = instantiatePlanTemplate(bpoTransitionTemplate, { planId: 'plan', newId: counter(), processes: ['Payroll'] });
    expect(single.tasks.some((task) => task.templateKey?.startsWith('bpoTransition.wave') === true)).toBe(false);
    expect(single.tasks.find((task) => task.templateKey === 'bpoTransition.goLive')?.name).toBe('Go-live of Payroll');
  });

  test('three processes, two waves in order', () => {
    const three = instantiatePlanTemplate(bpoTransitionTemplate, {
      planId: 'plan',
      newId: counter(),
      processes: ['Accounts payable', 'Payroll', 'Expenses'],
    });
    const outcome = schedulePlan({
      plan: { startOn: '2027-01-04', calendarId: mondayToFriday.id },
      tasks: three.tasks,
      dependencies: three.dependencies,
      calendars: [mondayToFriday],
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const start = (templateKey: string, index = 0) => {
      const id = three.tasks.filter((task) => task.templateKey === templateKey)[index]?.id;
      return outcome.schedule.tasks.find((task) => task.taskId === id)?.earlyStart ?? '';
    };
    expect(three.tasks.filter((task) => task.templateKey === 'bpoTransition.wave').map((task) => task.name)).toEqual([
      'Wave: Payroll',
      'Wave: Expenses',
    ]);
    expect(start('bpoTransition.wave.knowledgeTransfer', 0) > start('bpoTransition.goLive.goLive')).toBe(true);
    expect(start('bpoTransition.wave.knowledgeTransfer', 1) > start('bpoTransition.wave.goLive', 0)).toBe(true);
  });
});

describe('plan started after selection', () => {
  const awarded = instantiatePlanTemplate(bpoTransitionTemplate, {
    planId: 'plan',
    newId: counter(),
    processes: ['Payroll', 'Expenses'],
    startAfter: { phase: 'selection', milestoneName: 'Provider awarded: Payroll RFP' },
  });
  const topLevel = awarded.tasks.filter((task) => task.parentId === null).sort((a, b) => a.order - b.order);

  test('starts with completed milestone', () => {
    const [first, second] = topLevel;
    expect(first?.name).toBe('Provider awarded: Payroll RFP');
    expect(first?.duration).toBe(0);
    expect(first?.progress).toBe(100);
    expect(second?.name).toBe('Contract negotiation');
  });

  test('leaves out assessment and selection', () => {
    const keys = awarded.tasks.map((task) => task.templateKey ?? '');
    expect(keys.some((key) => key.startsWith('bpoTransition.assessment'))).toBe(false);
    expect(keys.some((key) => key.startsWith('bpoTransition.selection.') && key !== 'bpoTransition.selection.done')).toBe(false);
    expect(topLevel.map((task) => task.order)).toEqual(topLevel.map((_task, index) => index + 1));
  });

  test('links only kept tasks', () => {
    const ids = new Set(awarded.tasks.map((task) => task.id));
    for (const link of awarded.dependencies) {
      expect(ids.has(link.predecessorId)).toBe(true);
      expect(ids.has(link.successorId)).toBe(true);
    }
    const milestoneId = topLevel[0]?.id;
    const termSheetId = awarded.tasks.find((task) => task.templateKey === 'bpoTransition.negotiation.termSheet')?.id;
    expect(awarded.dependencies.filter((link) => link.successorId === termSheetId).map((link) => link.predecessorId)).toEqual([milestoneId]);
  });

  test('schedules from start date', () => {
    const outcome = schedulePlan({
      plan: { startOn: '2027-04-05', calendarId: mondayToFriday.id },
      tasks: awarded.tasks,
      dependencies: awarded.dependencies,
      calendars: [mondayToFriday],
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.issues).toEqual([]);
    const termSheetId = awarded.tasks.find((task) => task.templateKey === 'bpoTransition.negotiation.termSheet')?.id;
    expect(outcome.schedule.tasks.find((task) => task.taskId === termSheetId)?.earlyStart).toBe('2027-04-05');
  });

  test('unknown phase throws', () => {
    expect(() =>
      instantiatePlanTemplate(bpoTransitionTemplate, {
        planId: 'plan',
        newId: counter(),
        processes: [],
        startAfter: { phase: 'tendering', milestoneName: 'Awarded' },
      }),
    ).toThrow('has no phase tendering');
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
    expect(lookup(messages, 'planTemplates.bpoTransition.goLive.processName')).toBe('Go-live of {{process}}');
  });

  test('translation applied with process name', () => {
    const french = instantiatePlanTemplate(bpoTransitionTemplate, {
      planId: 'plan',
      newId: counter(),
      processes: ['Comptabilité', 'Paie'],
      translate: (key, english) => {
        if (key === 'planTemplates.bpoTransition.wave.name') return 'Vague : {{process}}';
        if (key === 'planTemplates.bpoTransition.pilot.processName') return 'Pilote : {{process}}';
        return english;
      },
    });
    expect(french.tasks.find((task) => task.templateKey === 'bpoTransition.wave')?.name).toBe('Vague : Paie');
    expect(french.tasks.find((task) => task.templateKey === 'bpoTransition.pilot')?.name).toBe('Pilote : Comptabilité');
  });
});

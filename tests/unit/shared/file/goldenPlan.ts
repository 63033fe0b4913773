/**
 * The transition plans of the golden portfolio. The North East plan, for the provider's contract,
 * moves NHS 111 call handling in two phases: knowledge transfer, partly at an offshore site with its own calendar, then a
 * go/no-go milestone and 90 calendar days of hypercare. It has two dependencies with lags and a
 * contract baseline. A second plan, for a provider not chosen yet, has a calendar of its own, so
 * that a one-provider export must leave both out. The holidays are the 2026 bank holidays of
 * England and Wales and three fixed national holidays of India; everything else is invented.
 */
import type { Baseline, Calendar, Dependency, Plan, Task } from '../../../../shared/domain/plan';
import type { RecordsByTable } from '../../../../shared/sync/snapshot';

type ClockAt = (instant: string, deviceId: string, counter?: number) => string;
type PlanRecords = Pick<RecordsByTable, 'planCalendars' | 'plans' | 'planTasks' | 'planDependencies' | 'planBaselines'>;

const englandCalendar = '019c4600-0000-7000-8000-00000000c001';
const puneCalendar = '019c4600-0000-7000-8000-00000000c002';
/** The calendar of the offshore site in Pune, which the North East provider's site record uses too. */
export const goldenPuneCalendar = puneCalendar;
const weekdayCalendar = '019c4600-0000-7000-8000-00000000c003';
const northEastPlan = '019c4600-0000-7000-8000-00000000c004';
const payrollPlan = '019c4600-0000-7000-8000-00000000c005';
const knowledgeTransfer = '019c4600-0000-7000-8000-00000000c006';
const documentation = '019c4600-0000-7000-8000-00000000c007';
const shadowing = '019c4600-0000-7000-8000-00000000c008';
const goLive = '019c4600-0000-7000-8000-00000000c009';
const hypercare = '019c4600-0000-7000-8000-00000000c00a';
const providerSelected = '019c4600-0000-7000-8000-00000000c00b';

/** Ids of the golden portfolio's records that the plans refer to. */
interface PlanOwners {
  /** The North East provider. */
  readonly northEast: string;
  /** The North East provider's contract. */
  readonly contract: string;
}

/** Builds the plan records; `owners` names the provider and contract, and `clockAt` is the golden portfolio's clock builder. */
export function goldenPlanRecords({ northEast, contract }: PlanOwners, clockAt: ClockAt, deviceId: string): PlanRecords {
  const planned = clockAt('2026-02-05T09:30:00.000Z', deviceId);
  const baselined = clockAt('2026-02-06T12:00:00.000Z', deviceId);
  const progressed = clockAt('2026-02-10T15:00:00.000Z', deviceId);

  const calendars: Calendar[] = [
    {
      id: englandCalendar,
      clock: planned,
      fieldClocks: {},
      name: 'England and Wales',
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: ['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
      site: '',
    },
    {
      id: puneCalendar,
      clock: planned,
      fieldClocks: {},
      name: 'Pune delivery centre',
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-01-26', '2026-08-15', '2026-10-02'],
      site: 'Pune',
    },
    {
      id: weekdayCalendar,
      clock: planned,
      fieldClocks: {},
      name: 'Monday to Friday',
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: [],
      site: '',
    },
  ];
  const plans: Plan[] = [
    {
      id: northEastPlan,
      clock: planned,
      fieldClocks: {},
      providerId: northEast,
      contractId: contract,
      title: 'NHS 111 North East call handling transition',
      description: 'Move call handling to the new contract in spring 2026.',
      startOn: '2026-03-02',
      calendarId: englandCalendar,
      templateKey: null,
    },
    {
      id: payrollPlan,
      clock: planned,
      fieldClocks: {},
      providerId: null,
      contractId: null,
      title: 'Payroll transition',
      description: 'Provider to be chosen.',
      startOn: '2026-06-01',
      calendarId: weekdayCalendar,
      templateKey: null,
    },
  ];
  const task = (id: string, planId: string, data: Partial<Task> & Pick<Task, 'name' | 'order'>): Task => ({
    id,
    clock: planned,
    fieldClocks: {},
    planId,
    parentId: null,
    duration: 0,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey: null,
    ...data,
  });
  const tasks: Task[] = [
    task(knowledgeTransfer, northEastPlan, { name: 'Knowledge transfer', order: 1 }),
    task(documentation, northEastPlan, {
      parentId: knowledgeTransfer,
      order: 1,
      name: 'Process documentation review',
      duration: 10,
      progress: 100,
      owner: 'Ann Okafor',
      fieldClocks: { progress: progressed },
    }),
    task(shadowing, northEastPlan, {
      parentId: knowledgeTransfer,
      order: 2,
      name: 'Shadowing at the Pune site',
      duration: 15,
      progress: 40,
      calendarId: puneCalendar,
      notes: 'Agents at the Pune site follow calls of the current team.',
      fieldClocks: { progress: progressed },
    }),
    task(goLive, northEastPlan, { name: 'Go-live', order: 2, goNoGo: true }),
    task(hypercare, northEastPlan, { name: 'Hypercare', order: 3, duration: 90, durationUnit: 'calendarDays' }),
    task(providerSelected, payrollPlan, { name: 'Provider selected', order: 1, startNoEarlierThan: '2026-06-15' }),
  ];
  const link = (
    id: string,
    predecessorId: string,
    successorId: string,
    data: Pick<Dependency, 'type' | 'lag' | 'lagUnit'>,
  ): Dependency => ({
    id,
    clock: planned,
    fieldClocks: {},
    planId: northEastPlan,
    predecessorId,
    successorId,
    ...data,
  });
  const dependencies: Dependency[] = [
    link('019c4600-0000-7000-8000-00000000c00c', documentation, shadowing, { type: 'FS', lag: 0, lagUnit: 'workingDays' }),
    link('019c4600-0000-7000-8000-00000000c00d', shadowing, goLive, { type: 'FS', lag: 2, lagUnit: 'workingDays' }),
    link('019c4600-0000-7000-8000-00000000c00e', goLive, hypercare, { type: 'SS', lag: 0, lagUnit: 'calendarDays' }),
  ];
  const baselines: Baseline[] = [
    {
      id: '019c4600-0000-7000-8000-00000000c00f',
      clock: baselined,
      fieldClocks: {},
      planId: northEastPlan,
      name: 'Contract baseline',
      takenAt: '2026-02-06T12:00:00.000Z',
      planFinish: '2026-07-05',
      // The schedule of this plan as `schedulePlan` computes it.
      tasks: [
        { taskId: knowledgeTransfer, start: '2026-03-02', finish: '2026-03-31' },
        { taskId: documentation, start: '2026-03-02', finish: '2026-03-13' },
        { taskId: shadowing, start: '2026-03-14', finish: '2026-03-31' },
        { taskId: goLive, start: '2026-04-07', finish: '2026-04-07' },
        { taskId: hypercare, start: '2026-04-07', finish: '2026-07-05' },
      ],
    },
  ];
  return { planCalendars: calendars, plans, planTasks: tasks, planDependencies: dependencies, planBaselines: baselines };
}

/** Ids of the golden plans' records that tests refer to. */
export const goldenPlanIds = {
  englandCalendar,
  puneCalendar,
  weekdayCalendar,
  northEastPlan,
  payrollPlan,
  knowledgeTransfer,
  documentation,
  shadowing,
  goLive,
  hypercare,
  providerSelected,
} as const;

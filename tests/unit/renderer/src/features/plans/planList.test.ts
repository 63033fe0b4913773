import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduledTask } from '../../../../../../shared/schedule/engine';
import {
  buildPlanRows,
  criticalFinish,
  planOwnerNames,
  planDateText,
  planOwners,
  planProgress,
  schedulePlans,
} from '../../../../../../renderer/src/features/plans/planList';
import { ganttText } from '../../../../../../renderer/src/features/plans/gantt/useGanttText';
import type { PortfolioPlans } from '../../../../../../renderer/src/features/plans/planList';
import { goldenPlanIds } from '../../../../shared/file/goldenPlan';
import { goldenIds, goldenSnapshot } from '../../../../shared/file/goldenSnapshot';

const portfolio: PortfolioPlans = {
  plans: goldenSnapshot.records.plans,
  tasks: goldenSnapshot.records.planTasks,
  dependencies: goldenSnapshot.records.planDependencies,
  calendars: goldenSnapshot.records.planCalendars,
  providers: goldenSnapshot.records.providers,
  contracts: goldenSnapshot.records.contracts,
};
const names = planOwnerNames(portfolio.providers, portfolio.contracts);

function scheduledTask(taskId: string, workingDays: number, progress: number, summary = false): ScheduledTask {
  const date = '2026-03-02';
  return {
    taskId,
    summary,
    earlyStart: date,
    earlyFinish: date,
    lateStart: date,
    lateFinish: date,
    totalFloat: 0,
    critical: false,
    workingDays,
    progress,
  };
}

function scheduleOf(tasks: readonly ScheduledTask[], criticalPath: readonly string[] = []): Schedule {
  return { tasks, planStart: '2026-03-02', planFinish: '2026-03-02', criticalPath };
}

describe('buildPlanRows', () => {
  const rows = buildPlanRows(schedulePlans(portfolio), names);
  const northEast = rows.find((row) => row.id === goldenPlanIds.northEastPlan);
  const payroll = rows.find((row) => row.id === goldenPlanIds.payrollPlan);

  it('names the provider', () => {
    expect(northEast?.providerName).toBe('NORTH EAST ENGLAND NHS 111');
    expect(payroll?.providerName).toBeNull();
  });

  it('names the contract', () => {
    expect(northEast).toMatchObject({ contractTitle: 'NHS 111 call handling, North East', contractMissing: false });
    expect(payroll).toMatchObject({ contractTitle: null, contractMissing: false });
  });

  it('gives the scheduled dates', () => {
    expect(northEast).toMatchObject({ start: '2026-03-02', finish: '2026-07-05', criticalFinish: '2026-07-05' });
  });

  it('weights progress by working days', () => {
    // 10 days at 100%, 15 at 40%, the milestone and hypercare at 0: (1000 + 600) / (10 + 15 + 62) = 18.4%.
    expect(northEast?.progress).toBe(18);
  });

  it('starts a constrained plan at its constraint', () => {
    expect(payroll).toMatchObject({ start: '2026-06-15', finish: '2026-06-15', progress: 0, taskCount: 1 });
  });

  it('reports a plan that cannot be scheduled', () => {
    const broken = { ...portfolio, calendars: portfolio.calendars.filter((calendar) => calendar.id !== goldenPlanIds.englandCalendar) };
    const row = buildPlanRows(schedulePlans(broken), names).find((entry) => entry.id === goldenPlanIds.northEastPlan);
    expect(row).toMatchObject({ start: null, finish: null, progress: null, error: { code: 'schedule.unknownCalendar' } });
  });

  it('ignores a provider that is gone', () => {
    const withoutProviders = buildPlanRows(
      schedulePlans(portfolio),
      planOwnerNames(
        portfolio.providers.filter((provider) => provider.id !== goldenIds.northEast),
        portfolio.contracts,
      ),
    );
    expect(withoutProviders.find((row) => row.id === goldenPlanIds.northEastPlan)?.providerName).toBeNull();
  });
});

describe('planOwners', () => {
  const plan = { providerId: goldenIds.northEast, contractId: goldenIds.contract };

  it('marks a contract that is gone as missing', () => {
    const withoutContracts = planOwnerNames(portfolio.providers, []);
    expect(planOwners(plan, withoutContracts)).toEqual({
      providerName: 'NORTH EAST ENGLAND NHS 111',
      contractTitle: null,
      contractMissing: true,
    });
  });

  it('names a contract with another provider', () => {
    const elsewhere = { providerId: goldenIds.lincolnshire, contractId: goldenIds.contract };
    expect(planOwners(elsewhere, names)).toEqual({
      providerName: 'LINCOLNSHIRE NHS 111',
      contractTitle: 'NHS 111 call handling, North East',
      contractMissing: false,
    });
  });

  it('keeps an empty contract title', () => {
    const untitled = planOwnerNames(
      portfolio.providers,
      portfolio.contracts.map((contract) => ({ ...contract, title: '' })),
    );
    expect(planOwners(plan, untitled)).toMatchObject({ contractTitle: '', contractMissing: false });
  });
});

describe('planProgress', () => {
  it('caps an open plan at 99', () => {
    expect(planProgress(scheduleOf([scheduledTask('a', 100, 100), scheduledTask('m', 0, 0)]))).toBe(99);
  });

  it('reaches 100 when every task is done', () => {
    expect(planProgress(scheduleOf([scheduledTask('a', 5, 100), scheduledTask('m', 0, 100)]))).toBe(100);
  });

  it('takes the plain mean of milestones only', () => {
    expect(planProgress(scheduleOf([scheduledTask('m1', 0, 100), scheduledTask('m2', 0, 0)]))).toBe(50);
  });

  it('leaves out summary tasks', () => {
    expect(planProgress(scheduleOf([scheduledTask('s', 20, 0, true), scheduledTask('a', 10, 30)]))).toBe(30);
  });

  it('has none without tasks', () => {
    expect(planProgress(scheduleOf([]))).toBeNull();
  });
});

describe('criticalFinish', () => {
  it('takes the latest critical finish', () => {
    const late = { ...scheduledTask('b', 5, 0), earlyFinish: '2026-04-30' };
    const free = { ...scheduledTask('c', 5, 0), earlyFinish: '2026-05-30' };
    expect(criticalFinish(scheduleOf([scheduledTask('a', 5, 0), late, free], ['a', 'b']))).toBe('2026-04-30');
  });

  it('has none without a critical path', () => {
    expect(criticalFinish(scheduleOf([scheduledTask('a', 5, 0)]))).toBeNull();
  });
});

describe('planDateText', () => {
  it('formats in the user locale', () => {
    expect(planDateText('2026-01-05', 'en-US')).toBe('Jan 5, 2026');
    expect(planDateText('2026-01-05', 'en-GB')).toBe('5 Jan 2026');
  });

  it('matches the plan screen grid', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE']) {
      expect(planDateText('2026-11-30', locale)).toBe(ganttText(i18next.t, locale).grid.date('2026-11-30'));
    }
  });
});

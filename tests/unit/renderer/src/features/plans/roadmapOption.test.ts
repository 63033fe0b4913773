import { describe, expect, it } from 'vitest';
import { clickedPlanId } from '../../../../../../renderer/src/features/plans/RoadmapChart';
import { schedulePlans } from '../../../../../../renderer/src/features/plans/planList';
import {
  buildRoadmapOption,
  dayStartMs,
  localToday,
  roadmapHeight,
  roadmapRowHeight,
  roadmapRows,
} from '../../../../../../renderer/src/features/plans/roadmapOption';
import type { RoadmapLabels } from '../../../../../../renderer/src/features/plans/roadmapOption';
import { goldenPlanIds } from '../../../../shared/file/goldenPlan';
import { goldenSnapshot } from '../../../../shared/file/goldenSnapshot';

const scheduled = schedulePlans({
  plans: goldenSnapshot.records.plans,
  tasks: goldenSnapshot.records.planTasks,
  dependencies: goldenSnapshot.records.planDependencies,
  calendars: goldenSnapshot.records.planCalendars,
  providers: goldenSnapshot.records.providers,
});

const labels: RoadmapLabels = {
  today: 'Today',
  phases: 'Phases',
  milestones: 'Milestones',
  barTooltip: '{{name}}: {{start}} to {{finish}}',
  milestoneTooltip: '{{name}}: {{date}}',
  description: 'Roadmap',
};

interface SeriesOption {
  readonly data: readonly { readonly value: readonly unknown[]; readonly name: string; readonly symbol?: string }[];
  readonly markLine?: { readonly data: readonly { readonly xAxis: number }[] };
}

function seriesOf(option: Record<string, unknown>): SeriesOption[] {
  return option.series as SeriesOption[];
}

describe('roadmapRows', () => {
  const rows = roadmapRows(scheduled);
  const northEast = rows.find((row) => row.planId === goldenPlanIds.northEastPlan);

  it('draws top-level phases as bars', () => {
    expect(northEast?.bars).toEqual([
      { name: 'Knowledge transfer', start: '2026-03-02', finish: '2026-03-31' },
      { name: 'Hypercare', start: '2026-04-07', finish: '2026-07-05' },
    ]);
  });

  it('marks milestones with their go/no-go flag', () => {
    expect(northEast?.milestones).toEqual([{ name: 'Go-live', date: '2026-04-07', goNoGo: true }]);
  });

  it('keeps an unscheduled plan as an empty row', () => {
    const broken = scheduled.map((entry) => (entry.plan.id === goldenPlanIds.payrollPlan ? { ...entry, schedule: null } : entry));
    expect(roadmapRows(broken).find((row) => row.planId === goldenPlanIds.payrollPlan)).toMatchObject({
      bars: [],
      milestones: [],
      unscheduled: true,
    });
  });
});

describe('buildRoadmapOption', () => {
  const rows = roadmapRows(scheduled);
  const option = buildRoadmapOption(rows, labels, '2026-05-01') as Record<string, unknown>;
  const [bars, milestones] = seriesOf(option);

  it('lists one category per plan with its title as label', () => {
    const yAxis = option.yAxis as { data: string[]; axisLabel: { formatter: (value: string) => string } };
    expect(yAxis.data).toEqual(rows.map((row) => row.planId));
    expect(yAxis.axisLabel.formatter(goldenPlanIds.northEastPlan)).toBe('NHS 111 North East call handling transition');
  });

  it('spans each bar to the end of its last day', () => {
    const hypercare = bars?.data.find((bar) => bar.name === 'Hypercare');
    expect(hypercare?.value.slice(1, 3)).toEqual([dayStartMs('2026-04-07'), dayStartMs('2026-07-06')]);
  });

  it('draws a go/no-go milestone as a diamond', () => {
    const index = rows.findIndex((row) => row.planId === goldenPlanIds.northEastPlan);
    expect(milestones?.data.find((milestone) => milestone.name === 'Go-live')).toMatchObject({
      symbol: 'diamond',
      value: [dayStartMs('2026-04-07'), index, goldenPlanIds.northEastPlan],
    });
  });

  it('draws another milestone as a triangle', () => {
    expect(milestones?.data.find((milestone) => milestone.name === 'Provider selected')?.symbol).toBe('triangle');
  });

  it('draws today as a line', () => {
    expect(bars?.markLine?.data).toEqual([{ xAxis: dayStartMs('2026-05-01') }]);
  });

  it('shows dates in UTC', () => {
    expect(option.useUTC).toBe(true);
    expect(dayStartMs('1970-01-02')).toBe(86_400_000);
  });

  it('grows with the number of plans', () => {
    expect(roadmapHeight(3) - roadmapHeight(2)).toBe(roadmapRowHeight);
  });
});

describe('clickedPlanId', () => {
  it('reads a y axis label', () => {
    expect(clickedPlanId({ componentType: 'yAxis', value: 'plan-1' })).toBe('plan-1');
  });

  it('reads a bar and a milestone', () => {
    expect(clickedPlanId({ componentType: 'series', seriesIndex: 0, value: [0, 1, 2, 'plan-1', 'Pilot', 0] })).toBe('plan-1');
    expect(clickedPlanId({ componentType: 'series', seriesIndex: 1, value: [1, 0, 'plan-2'] })).toBe('plan-2');
  });

  it('ignores the rest of the chart', () => {
    expect(clickedPlanId({ componentType: 'legend' })).toBeNull();
  });
});

describe('localToday', () => {
  it('takes the wall clock date', () => {
    expect(localToday(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31');
  });
});

import { describe, expect, it } from 'vitest';
import { clickedPlanId } from '../../../../../../renderer/src/features/plans/RoadmapChart';
import { planOwnerNames, schedulePlans } from '../../../../../../renderer/src/features/plans/planList';
import {
  buildRoadmapOption,
  dayStartMs,
  escapeHtml,
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
  contracts: goldenSnapshot.records.contracts,
});
const names = planOwnerNames(goldenSnapshot.records.providers, goldenSnapshot.records.contracts);

const labels: RoadmapLabels = {
  today: 'Today',
  phases: 'Phases',
  milestones: 'Milestones',
  barTooltip: '{{name}}: {{start}} to {{finish}}',
  milestoneTooltip: '{{name}}: {{date}}',
  providerTooltip: 'Provider: {{name}}',
  contractTooltip: 'Contract: {{title}}',
  description: 'Roadmap',
};

interface SeriesOption {
  readonly data: readonly { readonly value: readonly unknown[]; readonly name: string; readonly symbol?: string }[];
  readonly markLine?: { readonly data: readonly { readonly xAxis: number }[] };
}

function seriesOf(option: Record<string, unknown>): SeriesOption[] {
  return option.series as SeriesOption[];
}

/** Calls the option's tooltip formatter for one item of series `seriesIndex`, as ECharts does on hover. */
function tooltipOf(option: Record<string, unknown>, seriesIndex: number, data: unknown): string {
  const tooltip = option.tooltip as { formatter: (params: { seriesIndex: number; data: unknown }) => string };
  return tooltip.formatter({ seriesIndex, data });
}

describe('roadmapRows', () => {
  const rows = roadmapRows(scheduled, names);
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

  it('names the provider and contract', () => {
    expect(northEast).toMatchObject({ providerName: 'NORTH EAST ENGLAND NHS 111', contractTitle: 'NHS 111 call handling, North East' });
    const payroll = rows.find((row) => row.planId === goldenPlanIds.payrollPlan);
    expect(payroll).toMatchObject({ providerName: null, contractTitle: null });
  });

  it('keeps an unscheduled plan as an empty row', () => {
    const broken = scheduled.map((entry) => (entry.plan.id === goldenPlanIds.payrollPlan ? { ...entry, schedule: null } : entry));
    expect(roadmapRows(broken, names).find((row) => row.planId === goldenPlanIds.payrollPlan)).toMatchObject({
      bars: [],
      milestones: [],
      unscheduled: true,
    });
  });
});

describe('buildRoadmapOption', () => {
  const rows = roadmapRows(scheduled, names);
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

  it('bar tooltip names provider and contract', () => {
    const hypercare = bars?.data.find((bar) => bar.name === 'Hypercare');
    expect(tooltipOf(option, 0, hypercare)).toBe(
      '<strong>NHS 111 North East call handling transition</strong><br/>Hypercare: 2026-04-07 to 2026-07-05' +
        '<br/>Provider: NORTH EAST ENGLAND NHS 111<br/>Contract: NHS 111 call handling, North East',
    );
  });

  it('tooltip omits a missing provider and contract', () => {
    const selected = milestones?.data.find((milestone) => milestone.name === 'Provider selected');
    expect(tooltipOf(option, 1, selected)).toBe('<strong>Payroll transition</strong><br/>Provider selected: 2026-06-15');
  });

  it('escapes HTML in tooltip texts', () => {
    const renamed = roadmapRows(scheduled, names).map((row) => ({
      ...row,
      title: '<img src=x onerror=alert(1)>',
      contractTitle: row.contractTitle === null ? null : 'A & B "call" <handling>',
    }));
    const escaped = buildRoadmapOption(renamed, labels, '2026-05-01') as Record<string, unknown>;
    const [escapedBars] = seriesOf(escaped);
    const tooltip = tooltipOf(escaped, 0, escapedBars?.data[0]);
    expect(tooltip).not.toContain('<img');
    expect(tooltip).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(tooltip).toContain('Contract: A &amp; B &quot;call&quot; &lt;handling&gt;');
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

describe('escapeHtml', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

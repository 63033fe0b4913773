import { describe, expect, it } from 'vitest';
import { clickedPlanId } from '../../../../../../renderer/src/features/plans/RoadmapChart';
import { planOwnerNames, schedulePlans } from '../../../../../../renderer/src/features/plans/planList';
import {
  buildRoadmapOption,
  dayStartMs,
  escapeHtml,
  localToday,
  roadmapAxis,
  roadmapHeight,
  roadmapRowHeight,
  roadmapRows,
  visibleDates,
} from '../../../../../../renderer/src/features/plans/roadmapOption';
import type { RoadmapLabels, RoadmapRow } from '../../../../../../renderer/src/features/plans/roadmapOption';
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
  date: (date) => date,
};

/** Axis of the golden plans with today on 2026-05-01 and no limits. */
function axisOf(rows: readonly RoadmapRow[], today = '2026-05-01') {
  return roadmapAxis(rows, today, { from: null, to: null });
}

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
  const option = buildRoadmapOption(rows, labels, '2026-05-01', axisOf(rows)) as Record<string, unknown>;
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
    const escaped = buildRoadmapOption(renamed, labels, '2026-05-01', axisOf(renamed)) as Record<string, unknown>;
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

  it('formats tooltip and today dates with the label', () => {
    const british = { ...labels, date: (date: string) => `<${date}>` };
    const formatted = buildRoadmapOption(rows, british, '2026-05-01', axisOf(rows)) as Record<string, unknown>;
    const [formattedBars] = seriesOf(formatted);
    const hypercare = formattedBars?.data.find((bar) => bar.name === 'Hypercare');
    expect(tooltipOf(formatted, 0, hypercare)).toContain('Hypercare: &lt;2026-04-07&gt; to &lt;2026-07-05&gt;');
    const markLine = formattedBars?.markLine as unknown as { label: { formatter: string } };
    expect(markLine.label.formatter).toBe('Today <2026-05-01>');
  });

  it('sets the axis ends it is given', () => {
    const axis = { min: dayStartMs('2026-01-01'), max: dayStartMs('2027-01-01') };
    const fixed = buildRoadmapOption(rows, labels, '2026-05-01', axis) as Record<string, unknown>;
    expect(fixed.xAxis).toMatchObject({ min: axis.min, max: axis.max });
  });

  it('zooms the time axis with a slider', () => {
    const [slider] = option.dataZoom as { type: string; xAxisIndex: number; filterMode: string; start: number; end: number }[];
    expect(slider).toMatchObject({ type: 'slider', xAxisIndex: 0, filterMode: 'none', start: 0, end: 100 });
  });

  it('labels the slider with dates', () => {
    const [slider] = option.dataZoom as { labelFormatter: (value: number) => string }[];
    expect(slider?.labelFormatter(dayStartMs('2026-03-02') + 3_600_000)).toBe('2026-03-02');
  });

  it('clips milestones to the grid', () => {
    expect(milestones).toMatchObject({ clip: true });
  });
});

describe('roadmapAxis', () => {
  const rows = roadmapRows(scheduled, names);
  const open = { from: null, to: null };

  it('spans every plan and today with a margin', () => {
    const axis = roadmapAxis(rows, '2026-05-01', open);
    expect(axis.min).toBeLessThan(dayStartMs('2026-03-02'));
    expect(axis.max).toBeGreaterThan(dayStartMs('2026-07-06'));
  });

  it('reaches today beyond the plans', () => {
    const axis = roadmapAxis(rows, '2028-01-10', open);
    expect(axis.max).toBeGreaterThan(dayStartMs('2028-01-11'));
  });

  it('cuts at fixed ends, the last day included', () => {
    const axis = roadmapAxis(rows, '2026-05-01', { from: '2026-04-01', to: '2026-04-30' });
    expect(axis).toEqual({ min: dayStartMs('2026-04-01'), max: dayStartMs('2026-05-01') });
  });

  it('keeps a month after a late start', () => {
    const axis = roadmapAxis(rows, '2026-05-01', { from: '2030-01-01', to: null });
    expect(axis.min).toBe(dayStartMs('2030-01-01'));
    expect(axis.max).toBe(dayStartMs('2030-01-31'));
  });

  it('fits today alone without plans', () => {
    const axis = roadmapAxis([], '2026-05-01', open);
    expect(axis.min).toBeLessThan(dayStartMs('2026-05-01'));
    expect(axis.max).toBeGreaterThan(dayStartMs('2026-05-02'));
  });
});

describe('visibleDates', () => {
  const axis = { min: dayStartMs('2026-01-01'), max: dayStartMs('2026-01-11') };

  it('gives the whole axis at full zoom', () => {
    expect(visibleDates(axis, { start: 0, end: 100 })).toEqual({ from: '2026-01-01', to: '2026-01-10' });
  });

  it('gives the days of a zoomed window', () => {
    expect(visibleDates(axis, { start: 20, end: 50 })).toEqual({ from: '2026-01-03', to: '2026-01-05' });
  });

  it('keeps one day for a narrow window', () => {
    expect(visibleDates(axis, { start: 30, end: 30 })).toEqual({ from: '2026-01-04', to: '2026-01-04' });
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

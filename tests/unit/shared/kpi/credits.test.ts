import { describe, expect, test } from 'vitest';
import type { Contract, KpiDefinition, Measurement, ServiceLevel } from '../../../../shared/domain/types';
import { computeContractCredits, computePortfolioCredits, indexCreditsData } from '../../../../shared/kpi/credits';
import type { ContractCredits, CreditLine, MonthCredits } from '../../../../shared/kpi/creditsTypes';
import { contractId, makeContract, makeKpi, makeLevel, makeMeasurement, monthsOf } from './creditsFixtures';

function compute(contract: Contract, levels: readonly ServiceLevel[], kpis: readonly KpiDefinition[], measurements: readonly Measurement[]): ContractCredits {
  return computeContractCredits(contract, levels, indexCreditsData(kpis, measurements));
}

function monthOf(credits: ContractCredits, period: string): MonthCredits {
  const month = credits.months.find((candidate) => candidate.period === period);
  if (month === undefined) throw new Error(`No month ${period} in the result`);
  return month;
}

function lineOf(credits: ContractCredits, period: string, serviceLevelId: string): CreditLine {
  const line = monthOf(credits, period).lines.find((candidate) => candidate.serviceLevelId === serviceLevelId);
  if (line === undefined) throw new Error(`No line of ${serviceLevelId} in ${period}`);
  return line;
}

describe('worked example of five levels', () => {
  // 250,000 GBP a month, 12% at risk (30,000 GBP), allocations 40/40/30/20/20 (150% in total).
  const kpis = ['k1', 'k2', 'k3', 'k4', 'k5'].map((id) => makeKpi(id));
  const allocations = [40, 40, 30, 20, 20];
  const levels = kpis.map((kpi, index) => makeLevel(`level-${String(index + 1)}`, kpi.id, { allocationPercent: allocations[index] ?? null }));
  // April misses levels 1 and 3; May misses levels 1, 2 and 3.
  const results: Record<string, readonly number[]> = {
    '2016-04': [90, 96, 90, 96, 96],
    '2016-05': [90, 90, 90, 96, 96],
  };
  const measurements = Object.entries(results).flatMap(([period, values]) =>
    kpis.map((kpi, index) => makeMeasurement(kpi.id, period, values[index] ?? null)),
  );
  const credits = compute(makeContract(), levels, kpis, measurements);

  test('at-risk amount and allocations', () => {
    expect(credits.terms).toEqual({ monthlyChargesMinor: 25_000_000, atRiskPercent: 12, atRiskMinor: 3_000_000, issues: [] });
    expect(credits.levels.map((level) => level.allocationMinor)).toEqual([1_200_000, 1_200_000, 900_000, 600_000, 600_000]);
  });

  test('first and third missed owe 21,000', () => {
    const april = monthOf(credits, '2016-04');
    expect(april.lines.map((line) => line.credit?.amountMinor ?? 0)).toEqual([1_200_000, 0, 900_000, 0, 0]);
    expect(april.beforeCapMinor).toBe(2_100_000);
    expect(april.afterCapMinor).toBe(2_100_000);
    expect(april.cappedMinor).toBe(0);
    expect(april.dueMinor).toBe(2_100_000);
  });

  test('first three missed cap 33,000 to 30,000', () => {
    const may = monthOf(credits, '2016-05');
    expect(may.grossMinor).toBe(3_300_000);
    expect(may.beforeCapMinor).toBe(3_300_000);
    expect(may.capMinor).toBe(3_000_000);
    expect(may.afterCapMinor).toBe(3_000_000);
    expect(may.cappedMinor).toBe(300_000);
    expect(may.dueMinor).toBe(3_000_000);
  });

  test('line explains the miss', () => {
    const line = lineOf(credits, '2016-04', 'level-1');
    expect(line.code).toBe('credit');
    expect(line.missed).toBe(true);
    expect(line.result).toBe(90);
    expect(line.levels.minimum).toBe(95);
    expect(line.shortfall).toBe(5);
    expect(line.allocationPercent).toBe(40);
    expect(line.allocationMinor).toBe(1_200_000);
    expect(line.credit).toEqual({ rule: 'fixed', sharePercent: 100, tier: null, amountMinor: 1_200_000 });
    expect(line.earnBack?.status).toBe('due');
  });

  test('met line has no credit', () => {
    const line = lineOf(credits, '2016-04', 'level-2');
    expect(line.code).toBe('met');
    expect(line.missed).toBe(false);
    expect(line.credit).toBeNull();
  });
});

describe('proportional rule', () => {
  const kpi = makeKpi('answered');
  const level = makeLevel('level', kpi.id, { creditRule: { kind: 'proportional', fullCreditAt: 85 } });

  function creditFor(result: number): CreditLine {
    const credits = compute(makeContract(), [level], [kpi], [makeMeasurement(kpi.id, '2016-04', result)]);
    return lineOf(credits, '2016-04', 'level');
  }

  test('nothing at the minimum', () => {
    const line = creditFor(95);
    expect(line.code).toBe('met');
    expect(line.credit).toBeNull();
  });

  test('just below the minimum owes a little', () => {
    // 0.05 of a 10-point span of 1,200,000.
    expect(creditFor(94.95).credit?.amountMinor).toBe(6_000);
  });

  test('exact decimal shortfall', () => {
    // 3.8 points of 10: 38% of 1,200,000, with no binary rounding error.
    const line = creditFor(91.2);
    expect(line.shortfall).toBe(3.8);
    expect(line.credit?.amountMinor).toBe(456_000);
    expect(line.credit?.sharePercent).toBeCloseTo(38, 10);
  });

  test('whole allocation at full-credit level', () => {
    expect(creditFor(85).credit?.amountMinor).toBe(1_200_000);
  });

  test('whole allocation beyond full-credit level', () => {
    const line = creditFor(60);
    expect(line.credit?.amountMinor).toBe(1_200_000);
    expect(line.credit?.sharePercent).toBe(100);
  });
});

describe('tiered rule', () => {
  const kpi = makeKpi('answered');
  const tiers = [
    { worseThan: 95, percentOfAllocation: 25 },
    { worseThan: 85, percentOfAllocation: 100 },
    { worseThan: 90, percentOfAllocation: 50 },
  ];
  const level = makeLevel('level', kpi.id, { creditRule: { kind: 'tiered', tiers } });

  function creditFor(result: number, tiered = level): CreditLine {
    const credits = compute(makeContract(), [tiered], [kpi], [makeMeasurement(kpi.id, '2016-04', result)]);
    return lineOf(credits, '2016-04', tiered.id);
  }

  test('first tier below minimum', () => {
    const line = creditFor(94);
    expect(line.credit?.tier).toEqual({ worseThan: 95, percentOfAllocation: 25 });
    expect(line.credit?.amountMinor).toBe(300_000);
  });

  test('tier boundary is not worse', () => {
    expect(creditFor(90).credit?.tier?.worseThan).toBe(95);
  });

  test('worst tier reached wins', () => {
    expect(creditFor(89.9).credit?.amountMinor).toBe(600_000);
    expect(creditFor(70).credit?.amountMinor).toBe(1_200_000);
  });

  test('miss above every tier owes nothing', () => {
    const gentle = makeLevel('gentle', kpi.id, {
      creditRule: {
        kind: 'tiered',
        tiers: [
          { worseThan: 93, percentOfAllocation: 50 },
          { worseThan: 90, percentOfAllocation: 100 },
        ],
      },
    });
    const line = creditFor(94, gentle);
    expect(line.missed).toBe(true);
    expect(line.code).toBe('noTierReached');
    expect(line.credit?.amountMinor).toBe(0);
    expect(line.firstTier).toEqual({ worseThan: 93, percentOfAllocation: 50 });
    expect(line.earnBack).toBeNull();
  });
});

describe('lower-is-better KPI', () => {
  const abandoned = makeKpi('abandoned', 'lowerIsBetter');
  const base = { expected: 5, minimum: 5 };

  function lineFor(result: number, level: ServiceLevel): CreditLine {
    const credits = compute(makeContract(), [level], [abandoned], [makeMeasurement(abandoned.id, '2016-04', result)]);
    return lineOf(credits, '2016-04', level.id);
  }

  test('at the maximum is met', () => {
    expect(lineFor(5, makeLevel('fixed', abandoned.id, base)).code).toBe('met');
  });

  test('above the maximum is missed', () => {
    const line = lineFor(6.1, makeLevel('fixed', abandoned.id, base));
    expect(line.code).toBe('credit');
    expect(line.shortfall).toBe(1.1);
    expect(line.credit?.amountMinor).toBe(1_200_000);
  });

  test('proportional rises with the result', () => {
    const level = makeLevel('proportional', abandoned.id, { ...base, creditRule: { kind: 'proportional', fullCreditAt: 10 } });
    // 1.1 of a 5-point span: 22% of 1,200,000.
    expect(lineFor(6.1, level).credit?.amountMinor).toBe(264_000);
    expect(lineFor(12, level).credit?.amountMinor).toBe(1_200_000);
  });

  test('tiers count upwards', () => {
    const level = makeLevel('tiered', abandoned.id, {
      ...base,
      creditRule: {
        kind: 'tiered',
        tiers: [
          { worseThan: 5, percentOfAllocation: 25 },
          { worseThan: 8, percentOfAllocation: 100 },
        ],
      },
    });
    expect(lineFor(6, level).credit?.amountMinor).toBe(300_000);
    expect(lineFor(9, level).credit?.amountMinor).toBe(1_200_000);
  });

  test('bonus below the bonus level', () => {
    const level = makeLevel('bonus', abandoned.id, { ...base, bonus: { level: 3, percentOfAllocation: 10 } });
    expect(lineFor(2.5, level).bonus?.amountMinor).toBe(120_000);
    expect(lineFor(3, level).bonus).toBeNull();
  });
});

describe('earn-back', () => {
  const kpi = makeKpi('answered');
  // Missed in January; the next three months decide.
  const level = makeLevel('level', kpi.id, { expected: 98, minimum: 95, earnBackMonths: 3 });

  function januaryLine(later: Record<string, number | null>): { line: CreditLine; january: MonthCredits } {
    const credits = compute(makeContract(), [level], [kpi], monthsOf(kpi.id, { '2016-01': 90, ...later }));
    return { line: lineOf(credits, '2016-01', 'level'), january: monthOf(credits, '2016-01') };
  }

  test('earned back when all months meet expected', () => {
    const { line, january } = januaryLine({ '2016-02': 98, '2016-03': 99, '2016-04': 98.5 });
    expect(line.code).toBe('earnedBack');
    expect(line.earnBack).toEqual({ status: 'earnedBack', months: 3, from: '2016-02', to: '2016-04', missingPeriods: [], missedExpected: null });
    expect(january.waivedMinor).toBe(1_200_000);
    expect(january.afterCapMinor).toBe(0);
  });

  test('due when a month misses expected', () => {
    // 96 meets the minimum but not the expected level of 98.
    const { line, january } = januaryLine({ '2016-02': 98, '2016-03': 96, '2016-04': 99 });
    expect(line.code).toBe('credit');
    expect(line.earnBack?.status).toBe('due');
    expect(line.earnBack?.missedExpected).toEqual({ period: '2016-03', result: 96, expected: 98 });
    expect(january.dueMinor).toBe(1_200_000);
  });

  test('pending while window months lack data', () => {
    const { line, january } = januaryLine({ '2016-02': 99 });
    expect(line.code).toBe('earnBackPending');
    expect(line.earnBack?.missingPeriods).toEqual(['2016-03', '2016-04']);
    expect(january.pendingMinor).toBe(1_200_000);
    expect(january.dueMinor).toBe(0);
  });

  test('gap inside window keeps it pending', () => {
    const { line } = januaryLine({ '2016-02': 99, '2016-03': null, '2016-04': 99 });
    expect(line.earnBack?.status).toBe('pending');
    expect(line.earnBack?.missingPeriods).toEqual(['2016-03']);
  });

  test('miss after a gap makes it due', () => {
    const { line } = januaryLine({ '2016-02': null, '2016-03': 97, '2016-04': 99 });
    expect(line.earnBack?.status).toBe('due');
    expect(line.earnBack?.missedExpected?.period).toBe('2016-03');
  });

  test('earn-back waives before the cap', () => {
    // Three levels at 40% each miss in January (36,000 against a 30,000 cap); one earns back.
    const kpis = [makeKpi('a'), makeKpi('b'), makeKpi('c')];
    const levels = [
      makeLevel('a', 'a', { earnBackMonths: 1 }),
      makeLevel('b', 'b'),
      makeLevel('c', 'c'),
    ];
    const measurements = [
      ...monthsOf('a', { '2016-01': 90, '2016-02': 96 }),
      ...monthsOf('b', { '2016-01': 90, '2016-02': 96 }),
      ...monthsOf('c', { '2016-01': 90, '2016-02': 96 }),
    ];
    const january = monthOf(compute(makeContract(), levels, kpis, measurements), '2016-01');
    expect(january.grossMinor).toBe(3_600_000);
    expect(january.waivedMinor).toBe(1_200_000);
    expect(january.beforeCapMinor).toBe(2_400_000);
    expect(january.afterCapMinor).toBe(2_400_000);
    expect(january.cappedMinor).toBe(0);
  });

  test('due credits take the cap first', () => {
    const kpis = [makeKpi('a'), makeKpi('b'), makeKpi('c')];
    const levels = [makeLevel('a', 'a', { earnBackMonths: 2 }), makeLevel('b', 'b'), makeLevel('c', 'c')];
    const measurements = kpis.map((kpi) => makeMeasurement(kpi.id, '2016-01', 90));
    const january = monthOf(compute(makeContract(), levels, kpis, measurements), '2016-01');
    expect(january.dueMinor).toBe(2_400_000);
    expect(january.pendingMinor).toBe(600_000);
    expect(january.cappedMinor).toBe(600_000);
  });
});

describe('glide path', () => {
  const kpi = makeKpi('answered');
  const level = makeLevel('level', kpi.id, {
    expected: 98,
    minimum: 95,
    goLive: '2016-01',
    glidePath: [
      { month: 1, expected: 85, minimum: 80 },
      { month: 2, expected: 88, minimum: 84 },
      { month: 3, expected: 90, minimum: 88 },
    ],
    earnBackMonths: 1,
  });
  const measurements = monthsOf(kpi.id, { '2015-12': 50, '2016-01': 86, '2016-02': 86, '2016-03': 86, '2016-04': 94 });
  const credits = compute(makeContract(), [level], [kpi], measurements);

  test('month before go-live owes nothing', () => {
    const line = lineOf(credits, '2015-12', 'level');
    expect(line.code).toBe('beforeGoLive');
    expect(line.levels.source).toBe('beforeGoLive');
    expect(line.credit).toBeNull();
    expect(monthOf(credits, '2015-12').afterCapMinor).toBe(0);
  });

  test('first step judges go-live month', () => {
    const line = lineOf(credits, '2016-01', 'level');
    expect(line.levels).toEqual({ expected: 85, minimum: 80, source: 'glidePath', monthAfterGoLive: 1 });
    expect(line.code).toBe('met');
  });

  test('each month takes its own step', () => {
    expect(lineOf(credits, '2016-02', 'level').levels.minimum).toBe(84);
    expect(lineOf(credits, '2016-02', 'level').code).toBe('met');
  });

  test('later step raises the minimum', () => {
    const line = lineOf(credits, '2016-03', 'level');
    expect(line.levels.minimum).toBe(88);
    expect(line.code).toBe('credit');
    expect(line.shortfall).toBe(2);
  });

  test('earn-back uses the steady expected level', () => {
    // April's 94 beats March's expected 90 but not the steady 98 in force in April.
    expect(lineOf(credits, '2016-03', 'level').earnBack?.missedExpected).toEqual({ period: '2016-04', result: 94, expected: 98 });
  });

  test('steady levels after the last step', () => {
    const line = lineOf(credits, '2016-04', 'level');
    expect(line.levels.source).toBe('steady');
    expect(line.levels.minimum).toBe(95);
    expect(line.missed).toBe(true);
    // May has no data yet, so the one-month earn-back is still open.
    expect(line.code).toBe('earnBackPending');
  });
});

describe('bonus', () => {
  const kpi = makeKpi('answered');
  const level = makeLevel('level', kpi.id, { bonus: { level: 98, percentOfAllocation: 10 } });

  test('better than bonus level pays', () => {
    const credits = compute(makeContract(), [level], [kpi], monthsOf(kpi.id, { '2016-04': 98.5 }));
    const april = monthOf(credits, '2016-04');
    expect(lineOf(credits, '2016-04', 'level').code).toBe('bonus');
    expect(april.bonusMinor).toBe(120_000);
    expect(april.afterCapMinor).toBe(0);
  });

  test('equal to bonus level pays nothing', () => {
    const credits = compute(makeContract(), [level], [kpi], monthsOf(kpi.id, { '2016-04': 98 }));
    expect(lineOf(credits, '2016-04', 'level').code).toBe('met');
    expect(monthOf(credits, '2016-04').bonusMinor).toBe(0);
  });

  test('bonus is not netted or capped', () => {
    const other = makeKpi('other');
    const levels = [level, makeLevel('big', other.id, { allocationPercent: 100 })];
    const measurements = [...monthsOf(kpi.id, { '2016-04': 99 }), ...monthsOf(other.id, { '2016-04': 80 })];
    const april = monthOf(compute(makeContract(), levels, [kpi, other], measurements), '2016-04');
    expect(april.afterCapMinor).toBe(3_000_000);
    expect(april.bonusMinor).toBe(120_000);
  });
});

describe('rounding of odd amounts', () => {
  const kpi = makeKpi('answered');

  test('allocation rounded once from exact product', () => {
    // 1,001 x 50% x 50% = 250.25, so 250; rounding the at-risk amount first (500.5 to 501) would give 251.
    const credits = compute(makeContract({ monthlyChargesMinor: 1_001, atRiskPercent: 50 }), [makeLevel('level', kpi.id, { allocationPercent: 50 })], [kpi], []);
    expect(credits.terms.atRiskMinor).toBe(501);
    expect(credits.levels[0]?.allocationMinor).toBe(250);
  });

  test('decimal percentages are exact', () => {
    // 1,234,567 x 12.5% x 33.3% = 51,388.851375.
    const credits = compute(
      makeContract({ monthlyChargesMinor: 1_234_567, atRiskPercent: 12.5 }),
      [makeLevel('level', kpi.id, { allocationPercent: 33.3 })],
      [kpi],
      [],
    );
    expect(credits.levels[0]?.allocationMinor).toBe(51_389);
  });

  test('half a minor unit rounds up', () => {
    // Allocation 333; a 5-point miss of a 10-point span is 166.5, so 167.
    const level = makeLevel('level', kpi.id, { allocationPercent: 100, creditRule: { kind: 'proportional', fullCreditAt: 85 } });
    const credits = compute(makeContract({ monthlyChargesMinor: 333, atRiskPercent: 100 }), [level], [kpi], monthsOf(kpi.id, { '2016-04': 90 }));
    expect(lineOf(credits, '2016-04', 'level').credit?.amountMinor).toBe(167);
  });
});

describe('gaps', () => {
  const kpi = makeKpi('answered');
  const level = makeLevel('level', kpi.id, { earnBackMonths: 1 });
  const credits = compute(makeContract(), [level], [kpi], monthsOf(kpi.id, { '2016-01': 90, '2016-02': null, '2016-04': 80 }));

  test('range spans first to last result', () => {
    expect(credits.months.map((month) => month.period)).toEqual(['2016-01', '2016-02', '2016-03', '2016-04']);
  });

  test('null value is a gap', () => {
    const line = lineOf(credits, '2016-02', 'level');
    expect(line.code).toBe('gap');
    expect(line.missed).toBe(false);
    expect(line.result).toBeNull();
    expect(line.credit).toBeNull();
  });

  test('month without measurement is a gap', () => {
    expect(lineOf(credits, '2016-03', 'level').code).toBe('gap');
    expect(monthOf(credits, '2016-03').grossMinor).toBe(0);
  });

  test('gap leaves earn-back pending', () => {
    expect(lineOf(credits, '2016-01', 'level').earnBack?.missingPeriods).toEqual(['2016-02']);
  });

  test('only missed months count', () => {
    expect(credits.totals.grossMinor).toBe(2_400_000);
    expect(credits.totals.pendingMinor).toBe(2_400_000);
  });

  test('no data gives no months', () => {
    expect(compute(makeContract(), [level], [kpi], []).months).toEqual([]);
  });
});

describe('quarter ledger', () => {
  const kpis = [makeKpi('a'), makeKpi('b', 'lowerIsBetter')];
  const levels = [
    makeLevel('a', 'a', { allocationPercent: 70, earnBackMonths: 2, bonus: { level: 99, percentOfAllocation: 5 } }),
    makeLevel('b', 'b', { expected: 5, minimum: 5, allocationPercent: 60, creditRule: { kind: 'proportional', fullCreditAt: 10 } }),
  ];
  const measurements = [
    ...monthsOf('a', { '2016-02': 90, '2016-03': 99.5, '2016-04': 96, '2016-05': 90, '2016-06': 80, '2016-07': 99.2 }),
    ...monthsOf('b', { '2016-02': 9, '2016-03': 4, '2016-04': 12, '2016-05': 9.5, '2016-07': 3 }),
  ];
  const credits = compute(makeContract(), levels, kpis, measurements);

  test('quarters by calendar', () => {
    expect(credits.quarters.map((quarter) => [quarter.label, quarter.firstPeriod, quarter.lastPeriod, quarter.months])).toEqual([
      ['2016-Q1', '2016-02', '2016-03', 2],
      ['2016-Q2', '2016-04', '2016-06', 3],
      ['2016-Q3', '2016-07', '2016-07', 1],
    ]);
  });

  test('quarter totals equal sum of months', () => {
    const fields = ['grossMinor', 'waivedMinor', 'beforeCapMinor', 'afterCapMinor', 'cappedMinor', 'dueMinor', 'pendingMinor', 'bonusMinor'] as const;
    for (const quarter of credits.quarters) {
      const months = credits.months.filter((month) => month.period >= quarter.firstPeriod && month.period <= quarter.lastPeriod);
      for (const field of fields) {
        expect(quarter[field], `${quarter.label} ${field}`).toBe(months.reduce((sum, month) => sum + month[field], 0));
      }
      expect(quarter.cappedMonths).toBe(months.filter((month) => month.cappedMinor > 0).length);
    }
    for (const field of fields) {
      expect(credits.totals[field], `total ${field}`).toBe(credits.quarters.reduce((sum, quarter) => sum + quarter[field], 0));
    }
  });

  test('ledger holds every kind', () => {
    const [first, second, third] = credits.quarters;
    // February: a is earned back (March 99.5 and April 96 meet 95), b owes 80% of 1,800,000.
    expect(first?.waivedMinor).toBe(2_100_000);
    expect(first?.dueMinor).toBe(1_440_000);
    expect(first?.bonusMinor).toBe(105_000);
    // April: b owes 1,800,000. May: a (due, June misses) 2,100,000 + b 90% 1,620,000, capped to 3,000,000.
    // June: a waits for August's data.
    expect(second?.dueMinor).toBe(1_800_000 + 3_000_000);
    expect(second?.cappedMinor).toBe(720_000);
    expect(second?.cappedMonths).toBe(1);
    expect(second?.pendingMinor).toBe(2_100_000);
    expect(third?.bonusMinor).toBe(105_000);
  });
});

describe('credits cannot be computed', () => {
  const kpi = makeKpi('answered');
  const level = makeLevel('level', kpi.id);
  const missed = monthsOf(kpi.id, { '2016-04': 90 });

  test('reported KPI carries no credits', () => {
    const reported = makeLevel('reported', kpi.id, { critical: false });
    const credits = compute(makeContract(), [reported], [kpi], missed);
    expect(credits.levels[0]?.issues).toEqual(['reportedKpi']);
    expect(credits.levels[0]?.allocationMinor).toBeNull();
    expect(credits.months).toEqual([]);
  });

  test('missing charges named', () => {
    const credits = compute(makeContract({ monthlyChargesMinor: null }), [level], [kpi], missed);
    expect(credits.terms.issues).toEqual(['noMonthlyCharges']);
    expect(credits.terms.atRiskMinor).toBeNull();
    const line = lineOf(credits, '2016-04', 'level');
    expect(line.code).toBe('contractTerms');
    expect(line.missed).toBe(true);
    expect(monthOf(credits, '2016-04').capMinor).toBeNull();
    expect(credits.totals.grossMinor).toBe(0);
  });

  test('missing charges and at-risk named', () => {
    const credits = compute(makeContract({ monthlyChargesMinor: null, atRiskPercent: null }), [level], [kpi], missed);
    expect(credits.terms.issues).toEqual(['noMonthlyCharges', 'noAtRiskPercent']);
  });

  test('invalid terms named', () => {
    expect(compute(makeContract({ atRiskPercent: 150 }), [level], [kpi], missed).terms.issues).toEqual(['invalidAtRiskPercent']);
    expect(compute(makeContract({ monthlyChargesMinor: 12.5 }), [level], [kpi], missed).terms.issues).toEqual(['invalidMonthlyCharges']);
    expect(compute(makeContract({ monthlyChargesMinor: 0 }), [level], [kpi], missed).terms.issues).toEqual(['nothingAtRisk']);
  });

  test('level without allocation', () => {
    const credits = compute(makeContract(), [makeLevel('level', kpi.id, { allocationPercent: null })], [kpi], missed);
    expect(credits.levels[0]?.issues).toEqual(['noAllocation']);
    expect(lineOf(credits, '2016-04', 'level').code).toBe('noAllocation');
  });

  test('tiered rule without tiers', () => {
    const credits = compute(makeContract(), [makeLevel('level', kpi.id, { creditRule: { kind: 'tiered', tiers: [] } })], [kpi], missed);
    expect(credits.levels[0]?.issues).toEqual(['invalidCreditRule']);
    expect(lineOf(credits, '2016-04', 'level').code).toBe('levelTerms');
  });

  test('glide path without go-live', () => {
    const glide = makeLevel('level', kpi.id, { glidePath: [{ month: 1, expected: 80, minimum: 70 }] });
    expect(compute(makeContract(), [glide], [kpi], missed).levels[0]?.issues).toEqual(['invalidGlidePath']);
  });

  test('missing KPI named', () => {
    const credits = compute(makeContract(), [level], [], missed);
    expect(credits.levels[0]?.issues).toEqual(['kpiNotFound']);
    expect(credits.months).toEqual([]);
  });
});

describe('contract scope', () => {
  const kpi = makeKpi('answered');

  test('term bounds the months', () => {
    const contract = makeContract({ startDate: '2016-02-15', endDate: '2016-03-31' });
    const credits = compute(contract, [makeLevel('level', kpi.id)], [kpi], monthsOf(kpi.id, { '2016-01': 90, '2016-02': 90, '2016-03': 90, '2016-04': 90 }));
    expect(credits.months.map((month) => month.period)).toEqual(['2016-02', '2016-03']);
  });

  test('critical levels listed first', () => {
    const levels = [makeLevel('reported', kpi.id, { critical: false }), makeLevel('critical', kpi.id)];
    expect(compute(makeContract(), levels, [kpi], []).levels.map((level) => level.serviceLevelId)).toEqual(['critical', 'reported']);
  });

  test('several measurements of a month combine', () => {
    const measurements = [
      makeMeasurement(kpi.id, '2016-04', 100, { numerator: 10, denominator: 10 }),
      makeMeasurement(kpi.id, '2016-04', 90, { numerator: 900, denominator: 1000 }),
    ];
    const line = lineOf(compute(makeContract(), [makeLevel('level', kpi.id)], [kpi], measurements), '2016-04', 'level');
    expect(line.result).toBeCloseTo((100 * 910) / 1010, 10);
    expect(line.missed).toBe(true);
  });

  test('portfolio matches levels by contract', () => {
    const other = makeContract({ id: 'contract-2' });
    const levels = [
      makeLevel('first', kpi.id),
      makeLevel('second', kpi.id, { contractId: 'contract-2', allocationPercent: 10 }),
      makeLevel('loose', kpi.id, { contractId: null }),
    ];
    const results = computePortfolioCredits([makeContract(), other], levels, [kpi], monthsOf(kpi.id, { '2016-04': 90 }));
    expect(results.get(contractId)?.levels.map((level) => level.serviceLevelId)).toEqual(['first']);
    expect(results.get('contract-2')?.levels.map((level) => level.serviceLevelId)).toEqual(['second']);
    expect(results.get('contract-2')?.totals.dueMinor).toBe(300_000);
  });
});

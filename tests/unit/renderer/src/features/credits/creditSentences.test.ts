import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Contract, KpiDefinition, Measurement, ServiceLevel } from '../../../../../../shared/domain/types';
import { computeContractCredits, indexCreditsData } from '../../../../../../shared/kpi/credits';
import type { ContractCredits, CreditLine } from '../../../../../../shared/kpi/creditsTypes';
import {
  earnBackSentence,
  levelIssueSentences,
  lineSentence,
  monthNotes,
  termsSentences,
} from '../../../../../../renderer/src/features/credits/creditSentences';
import type { CreditTextContext } from '../../../../../../renderer/src/features/credits/creditSentences';
import { en } from '../../../../../../renderer/src/i18n/en';
import { makeContract, makeKpi, makeLevel, makeMeasurement, monthsOf } from '../../../../shared/kpi/creditsFixtures';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const answered: KpiDefinition = { ...makeKpi('answered'), name: 'Answered within 60 s' };
const abandoned: KpiDefinition = { ...makeKpi('abandoned', 'lowerIsBetter'), name: 'Abandoned calls' };

function compute(levels: readonly ServiceLevel[], measurements: readonly Measurement[], contract: Contract = makeContract()): ContractCredits {
  return computeContractCredits(contract, levels, indexCreditsData([answered, abandoned], measurements));
}

function contextOf(credits: ContractCredits): CreditTextContext {
  const kpis = new Map([answered, abandoned].map((kpi) => [kpi.id, kpi]));
  return { t, locale: 'en-GB', currency: credits.currency, atRiskMinor: credits.terms.atRiskMinor, kpiOf: (kpiId) => kpis.get(kpiId) };
}

function line(credits: ContractCredits, period: string, serviceLevelId = 'level'): CreditLine {
  const found = credits.months.find((month) => month.period === period)?.lines.find((candidate) => candidate.serviceLevelId === serviceLevelId);
  if (found === undefined) throw new Error(`No line of ${serviceLevelId} in ${period}`);
  return found;
}

describe('line sentences', () => {
  test('fixed credit names level, shortfall, allocation and amount', () => {
    const credits = compute([makeLevel('level', answered.id)], monthsOf(answered.id, { '2016-04': 91.2 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toBe(
      'Answered within 60 s: 91.20% against a minimum of 95.00% (3.8 points short); allocation 40% of £30,000.00 at risk; credit £12,000.00.',
    );
  });

  test('proportional credit names its share', () => {
    const level = makeLevel('level', answered.id, { creditRule: { kind: 'proportional', fullCreditAt: 85 } });
    const credits = compute([level], monthsOf(answered.id, { '2016-04': 91.2 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toBe(
      'Answered within 60 s: 91.20% against a minimum of 95.00% (3.8 points short); allocation 40% of £30,000.00 at risk (£12,000.00); credit 38% of it in proportion to the shortfall: £4,560.00.',
    );
  });

  test('tiered credit names its tier', () => {
    const level = makeLevel('level', answered.id, {
      creditRule: {
        kind: 'tiered',
        tiers: [
          { worseThan: 95, percentOfAllocation: 25 },
          { worseThan: 90, percentOfAllocation: 50 },
        ],
      },
    });
    const credits = compute([level], monthsOf(answered.id, { '2016-04': 89 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toContain(
      'the tier for results worse than 90.00% owes 50% of it: £6,000.00.',
    );
  });

  test('tier not reached says why nothing is owed', () => {
    const level = makeLevel('level', answered.id, { creditRule: { kind: 'tiered', tiers: [{ worseThan: 93, percentOfAllocation: 50 }] } });
    const credits = compute([level], monthsOf(answered.id, { '2016-04': 94 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toBe(
      'Answered within 60 s: 94.00% against a minimum of 95.00% (1 point short); allocation 40% of £30,000.00 at risk; no credit, because the result is not worse than the first tier at 93.00%.',
    );
  });

  test('lower-is-better says maximum and over', () => {
    const level = makeLevel('level', abandoned.id, { expected: 5, minimum: 5 });
    const credits = compute([level], monthsOf(abandoned.id, { '2016-04': 6.1 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toContain('6.10% against a maximum of 5.00% (1.1 points over)');
  });

  test('seconds KPI says seconds over', () => {
    const handleTime: KpiDefinition = { ...makeKpi('handle', 'lowerIsBetter'), name: 'Average handle time', unit: 'seconds', kind: 'duration', aggregation: 'mean' };
    const level = makeLevel('level', handleTime.id, { expected: 300, minimum: 300 });
    const credits = computeContractCredits(makeContract(), [level], indexCreditsData([handleTime], monthsOf(handleTime.id, { '2016-04': 400 })));
    const context: CreditTextContext = { ...contextOf(credits), kpiOf: () => handleTime };
    expect(lineSentence(context, line(credits, '2016-04'))).toBe(
      'Average handle time: 6:40 min against a maximum of 5:00 min (100 s over); allocation 40% of £30,000.00 at risk; credit £12,000.00.',
    );
  });

  test('glide path month named', () => {
    const level = makeLevel('level', answered.id, { goLive: '2016-03', glidePath: [{ month: 1, expected: 85, minimum: 80 }, { month: 2, expected: 90, minimum: 88 }] });
    const credits = compute([level], monthsOf(answered.id, { '2016-04': 86 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toContain('against a minimum of 88.00% (glide path month 2)');
  });

  test('gap is neither met nor missed', () => {
    const credits = compute([makeLevel('level', answered.id)], monthsOf(answered.id, { '2016-04': 90, '2016-05': null, '2016-06': 90 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-05'))).toBe(
      'Answered within 60 s: no result for May 2016, so the month counts as neither met nor missed.',
    );
  });

  test('before go-live names go-live month', () => {
    const credits = compute([makeLevel('level', answered.id, { goLive: '2016-05' })], monthsOf(answered.id, { '2016-04': 50 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toBe(
      'Answered within 60 s: 50.00% in Apr 2016, before go-live in May 2016; service credits start at go-live.',
    );
  });

  test('bonus names level and amount', () => {
    const credits = compute([makeLevel('level', answered.id, { bonus: { level: 98, percentOfAllocation: 10 } })], monthsOf(answered.id, { '2016-04': 99 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toBe(
      'Answered within 60 s: 99.00% against a minimum of 95.00%; met and better than the bonus level of 98.00%, so a bonus of 10% of the allocation: £1,200.00.',
    );
  });

  test('missing charges say no credit calculated', () => {
    const credits = compute([makeLevel('level', answered.id)], monthsOf(answered.id, { '2016-04': 90 }), makeContract({ monthlyChargesMinor: null }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toContain(
      '(5 points short); no credit calculated, because the contract’s charges or percentage at risk are missing.',
    );
  });

  test('no allocation says so', () => {
    const credits = compute([makeLevel('level', answered.id, { allocationPercent: null })], monthsOf(answered.id, { '2016-04': 90 }));
    expect(lineSentence(contextOf(credits), line(credits, '2016-04'))).toContain('no credit, because no share of the at-risk amount is allocated');
  });
});

describe('earn-back sentences', () => {
  const level = makeLevel('level', answered.id, { expected: 98, earnBackMonths: 3 });

  function earnBackOf(later: Record<string, number | null>): string | null {
    const credits = compute([level], monthsOf(answered.id, { '2016-03': 90, ...later }));
    const credited = line(credits, '2016-03');
    return earnBackSentence(contextOf(credits), credited.earnBack, credited.kpiId);
  }

  test('earned back names the window', () => {
    expect(earnBackOf({ '2016-04': 99, '2016-05': 98, '2016-06': 99 })).toBe('Earned back: Apr 2016 to Jun 2016 met the expected level.');
  });

  test('pending names months without data', () => {
    expect(earnBackOf({ '2016-04': 99 })).toBe(
      'Earn-back pending: Apr 2016 to Jun 2016 must meet the expected level, and May 2016 and Jun 2016 have no result yet.',
    );
    expect(earnBackOf({ '2016-04': 99, '2016-05': 99 })).toBe(
      'Earn-back pending: Apr 2016 to Jun 2016 must meet the expected level, and Jun 2016 has no result yet.',
    );
  });

  test('pending with no later result', () => {
    expect(earnBackOf({})).toBe('Earn-back pending: Apr 2016 to Jun 2016 must meet the expected level and have no results yet.');
  });

  test('missed names the month', () => {
    expect(earnBackOf({ '2016-04': 97 })).toBe('Not earned back: Apr 2016 was 97.00% against an expected 98.00%.');
  });

  test('no earn-back gives no sentence', () => {
    const credits = compute([makeLevel('level', answered.id)], monthsOf(answered.id, { '2016-03': 90 }));
    expect(earnBackSentence(contextOf(credits), line(credits, '2016-03').earnBack, answered.id)).toBeNull();
  });
});

describe('month and terms sentences', () => {
  test('cap note of the worked example', () => {
    const kpis = ['k1', 'k2', 'k3'];
    const levels = kpis.map((kpiId, index) => makeLevel(`level-${String(index)}`, kpiId, { allocationPercent: [40, 40, 30][index] ?? null }));
    const credits = computeContractCredits(
      makeContract(),
      levels,
      indexCreditsData(kpis.map((id) => makeKpi(id)), kpis.map((kpiId) => makeMeasurement(kpiId, '2016-05', 90))),
    );
    const month = credits.months[0];
    if (month === undefined) throw new Error('No month');
    expect(monthNotes(contextOf(credits), month)).toEqual([
      'Credits of £33,000.00 after earn-back exceed the cap of £30,000.00, so £3,000.00 is removed and £30,000.00 is owed.',
    ]);
  });

  test('terms sentence with at-risk amount', () => {
    const credits = compute([], []);
    expect(termsSentences(contextOf(credits), credits.terms)).toEqual({
      ok: true,
      sentences: ['Monthly charges £250,000.00, 12% at risk: £30,000.00 a month, which is also the cap of a month’s credits.'],
    });
  });

  test('missing terms say what to enter', () => {
    const credits = compute([], [], makeContract({ monthlyChargesMinor: null, atRiskPercent: null }));
    expect(termsSentences(contextOf(credits), credits.terms)).toEqual({
      ok: false,
      sentences: [
        'Enter the monthly charges of this contract to calculate credits.',
        'Enter the percentage of the monthly charges at risk to calculate credits.',
      ],
    });
  });

  test('every issue code has a sentence', () => {
    const contractIssues = ['noMonthlyCharges', 'noAtRiskPercent', 'invalidMonthlyCharges', 'invalidAtRiskPercent', 'nothingAtRisk'] as const;
    const levelIssues = [
      'reportedKpi',
      'kpiNotFound',
      'noAllocation',
      'invalidLevels',
      'invalidAllocation',
      'invalidCreditRule',
      'invalidEarnBack',
      'invalidBonus',
      'invalidGlidePath',
    ] as const;
    const context = contextOf(compute([], []));
    for (const issue of contractIssues) {
      const [sentence] = termsSentences(context, { monthlyChargesMinor: null, atRiskPercent: null, atRiskMinor: null, issues: [issue] }).sentences;
      expect(sentence, issue).not.toContain('credits.contractIssues');
    }
    const sentences = levelIssueSentences(context, [
      { serviceLevelId: 'level', kpiId: answered.id, critical: true, allocationPercent: null, allocationMinor: null, issues: levelIssues },
    ]);
    expect(sentences).toHaveLength(levelIssues.length);
    for (const sentence of sentences) {
      expect(sentence).not.toContain('credits.levelIssues');
    }
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CreditRule, KpiDirection } from '../../../../shared/domain/types';
import { computeContractCredits, indexCreditsData } from '../../../../shared/kpi/credits';
import { makeContract, makeKpi, makeLevel, makeMeasurement } from './creditsFixtures';

const periods = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06', '2016-07'];

const ruleArbitrary: fc.Arbitrary<CreditRule> = fc.oneof(
  fc.constant<CreditRule>({ kind: 'fixed' }),
  fc.integer({ min: 0, max: 1000 }).map<CreditRule>((tenths) => ({ kind: 'proportional', fullCreditAt: tenths / 10 })),
  fc
    .array(fc.record({ worseThan: fc.integer({ min: 0, max: 100 }), percentOfAllocation: fc.integer({ min: 0, max: 150 }) }), { minLength: 1, maxLength: 4 })
    .map<CreditRule>((tiers) => ({ kind: 'tiered', tiers })),
);

const levelArbitrary = fc.record({
  direction: fc.constantFrom<KpiDirection>('higherIsBetter', 'lowerIsBetter'),
  minimum: fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
  allocationPercent: fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100),
  creditRule: ruleArbitrary,
  earnBackMonths: fc.integer({ min: 0, max: 3 }),
  bonusPercent: fc.option(fc.integer({ min: 0, max: 50 })),
  results: fc.array(fc.option(fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10)), { minLength: periods.length, maxLength: periods.length }),
});

const contractArbitrary = fc.record({
  monthlyChargesMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
  atRiskPercent: fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
  levels: fc.array(levelArbitrary, { minLength: 1, maxLength: 6 }),
});

describe('credits properties', () => {
  test('month after cap within 0 and the cap', () => {
    fc.assert(
      fc.property(contractArbitrary, ({ monthlyChargesMinor, atRiskPercent, levels }) => {
        const kpis = levels.map((level, index) => makeKpi(`kpi-${String(index)}`, level.direction));
        const serviceLevels = levels.map((level, index) =>
          makeLevel(`level-${String(index)}`, `kpi-${String(index)}`, {
            expected: level.minimum,
            minimum: level.minimum,
            allocationPercent: level.allocationPercent,
            creditRule: level.creditRule,
            earnBackMonths: level.earnBackMonths,
            bonus: level.bonusPercent === null ? null : { level: level.minimum, percentOfAllocation: level.bonusPercent },
          }),
        );
        const measurements = levels.flatMap((level, index) =>
          level.results.map((result, month) => makeMeasurement(`kpi-${String(index)}`, periods[month] ?? '2016-01', result)),
        );
        const credits = computeContractCredits(makeContract({ monthlyChargesMinor, atRiskPercent }), serviceLevels, indexCreditsData(kpis, measurements));

        for (const month of credits.months) {
          expect(month.afterCapMinor).toBeGreaterThanOrEqual(0);
          expect(month.afterCapMinor).toBeLessThanOrEqual(credits.terms.atRiskMinor ?? 0);
          expect(month.dueMinor).toBeGreaterThanOrEqual(0);
          expect(month.pendingMinor).toBeGreaterThanOrEqual(0);
          expect(month.waivedMinor + month.dueMinor + month.pendingMinor + month.cappedMinor).toBe(month.grossMinor);
          for (const line of month.lines) {
            expect(Number.isSafeInteger(line.credit?.amountMinor ?? 0)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

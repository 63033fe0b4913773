/**
 * The service level bench's portfolio: 200 providers, each with one contract and 20 service
 * levels, measured monthly for 36 months (144,000 measurements). Five levels of each provider are
 * critical, with allocations of 40/40/30/20/20% (150% in total) and the three credit rules in
 * turn. The others are reported KPIs. Results drift, trend and sometimes jump, and about
 * 1% of the months have no result, so that credits, earn-backs, anomalies, forecasts and
 * escalations all have work to do. One seed always gives the same portfolio.
 */
import { contractGovernanceDefaults, providerProfileDefaults } from '../../shared/domain/profileDefaults';
import { makePeriod } from '../../shared/domain/period';
import { reportedLevelTerms } from '../../shared/domain/serviceTerms';
import type {
  Contract,
  CreditRule,
  KpiDefinition,
  KpiDirection,
  KpiUnit,
  Measurement,
  Period,
  Provider,
  ServiceLevel,
} from '../../shared/domain/types';
import { packHlc } from '../../shared/sync/hlc';
import { SeededRandom } from '../portfolio/random';

export const serviceLevelBenchSeed = 20261205;

export interface ServiceLevelShape {
  readonly providers: number;
  readonly levelsPerProvider: number;
  readonly months: number;
}

/** The measured shape: 200 providers, 20 service levels each, 36 months. */
export const issueShape: ServiceLevelShape = { providers: 200, levelsPerProvider: 20, months: 36 };

export interface ServiceLevelPortfolio {
  readonly providers: readonly Provider[];
  readonly contracts: readonly Contract[];
  readonly kpis: readonly KpiDefinition[];
  readonly serviceLevels: readonly ServiceLevel[];
  readonly measurements: readonly Measurement[];
}

interface KpiArchetype {
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly ratio: boolean;
  readonly expected: number;
  readonly minimum: number;
  /** Typical result and its month-to-month spread. */
  readonly typical: number;
  readonly spread: number;
}

/** Four kinds of KPI in turn: a service level, an abandonment rate, a handle time and an accuracy. */
const archetypes: readonly KpiArchetype[] = [
  { unit: 'percent', direction: 'higherIsBetter', ratio: true, expected: 80, minimum: 75, typical: 81, spread: 3 },
  { unit: 'percent', direction: 'lowerIsBetter', ratio: true, expected: 5, minimum: 7, typical: 5, spread: 1.2 },
  { unit: 'seconds', direction: 'lowerIsBetter', ratio: false, expected: 360, minimum: 420, typical: 355, spread: 25 },
  { unit: 'percent', direction: 'higherIsBetter', ratio: true, expected: 99, minimum: 98, typical: 99.1, spread: 0.5 },
];

/** Allocations of the five critical levels of every contract, 150% in total. */
const criticalAllocations = [40, 40, 30, 20, 20];
const currencies = ['GBP', 'EUR', 'USD'];
const deviceId = 'bench0service';
const firstYear = 2023;
const baseWallMs = Date.parse('2026-01-05T09:00:00.000Z');

/** Returns the stored result: the ratio of the rounded counts for a ratio KPI, else `value`. */
function resultOf(value: number, numerator: number | null, denominator: number | null): number {
  if (numerator === null || denominator === null) return value;
  return (100 * numerator) / denominator;
}

function archetypeOf(index: number): KpiArchetype {
  const archetype = archetypes[index % archetypes.length];
  if (archetype === undefined) throw new RangeError(`No KPI archetype for ${String(index)}`);
  return archetype;
}

function creditRuleFor(index: number, archetype: KpiArchetype): CreditRule {
  const gap = archetype.minimum - archetype.expected;
  switch (index % 3) {
    case 0:
      return { kind: 'fixed' };
    case 1:
      return { kind: 'proportional', fullCreditAt: archetype.minimum + 2 * gap };
    default:
      return {
        kind: 'tiered',
        tiers: [
          { worseThan: archetype.minimum, percentOfAllocation: 50 },
          { worseThan: archetype.minimum + gap, percentOfAllocation: 100 },
        ],
      };
  }
}

/** Builds the portfolio of `shape` from `seed`. */
export function buildServiceLevelPortfolio(
  shape: ServiceLevelShape = issueShape,
  seed: number = serviceLevelBenchSeed,
): ServiceLevelPortfolio {
  const random = new SeededRandom(seed);
  let counter = 0;
  const clock = () => {
    counter += 1;
    return packHlc({ wallMs: baseWallMs + counter, counter: 0, deviceId });
  };
  const record = () => ({ id: random.uuidv7(baseWallMs + counter), clock: clock(), fieldClocks: {} });

  const kpis: KpiDefinition[] = [];
  for (let index = 0; index < shape.levelsPerProvider; index += 1) {
    const archetype = archetypeOf(index);
    kpis.push({
      ...record(),
      key: `bench.kpi${String(index + 1).padStart(2, '0')}`,
      name: `Bench KPI ${String(index + 1)}`,
      description: '',
      unit: archetype.unit,
      direction: archetype.direction,
      kind: archetype.ratio ? 'ratio' : 'duration',
      aggregation: archetype.ratio ? 'ratioOfSums' : 'mean',
    });
  }

  const periods: Period[] = [];
  for (let month = 0; month < shape.months; month += 1) periods.push(makePeriod(firstYear + Math.floor(month / 12), (month % 12) + 1));

  const providers: Provider[] = [];
  const contracts: Contract[] = [];
  const serviceLevels: ServiceLevel[] = [];
  const measurements: Measurement[] = [];
  for (let providerIndex = 0; providerIndex < shape.providers; providerIndex += 1) {
    const provider: Provider = {
      ...record(),
      code: `B${String(providerIndex + 1).padStart(4, '0')}`,
      name: `Bench provider ${String(providerIndex + 1)}`,
      formerNames: [],
      ...providerProfileDefaults,
    };
    providers.push(provider);
    const contract: Contract = {
      ...record(),
      providerId: provider.id,
      title: `Services agreement ${String(providerIndex + 1)}`,
      startDate: `${String(firstYear)}-01-01`,
      endDate: `${String(firstYear + 4)}-12-31`,
      currency: random.pick(currencies),
      annualValueMinor: null,
      // 100,000 to 2,000,000 a month in major units, in steps of 10,000.
      monthlyChargesMinor: random.int(10, 200) * 10_000 * 100,
      atRiskPercent: 12,
      ...contractGovernanceDefaults,
    };
    contracts.push(contract);
    const bias = random.normal(0, 0.6);
    const glides = random.chance(0.1);

    kpis.forEach((kpi, kpiIndex) => {
      const archetype = archetypeOf(kpiIndex);
      const critical = kpiIndex < criticalAllocations.length;
      const level: ServiceLevel = {
        ...record(),
        kpiId: kpi.id,
        providerId: provider.id,
        contractId: contract.id,
        expected: archetype.expected,
        minimum: archetype.minimum,
        ...reportedLevelTerms,
        ...(critical
          ? {
              critical: true,
              allocationPercent: criticalAllocations[kpiIndex] ?? null,
              creditRule: creditRuleFor(kpiIndex + providerIndex, archetype),
              earnBackMonths: kpiIndex % 2 === 0 ? 3 : 0,
              bonus: kpiIndex === 0 ? { level: archetype.expected + 5, percentOfAllocation: 10 } : null,
              goLive: glides ? (periods[0] ?? null) : null,
              glidePath: glides
                ? [
                    { month: 1, expected: archetype.expected, minimum: archetype.minimum + (archetype.minimum - archetype.expected) },
                    { month: 2, expected: archetype.expected, minimum: archetype.minimum + (archetype.minimum - archetype.expected) / 2 },
                  ]
                : [],
            }
          : {}),
      };
      serviceLevels.push(level);

      // A drift per provider and KPI, a slow trend, noise, and a rare jump.
      const trend = random.normal(0, archetype.spread / 30);
      const jumpMonth = random.chance(0.05) ? random.int(6, shape.months - 1) : -1;
      periods.forEach((period, month) => {
        let jump = 0;
        if (month === jumpMonth) {
          const sign = random.chance(0.5) ? 1 : -1;
          jump = archetype.spread * 4 * sign;
        }
        const raw = archetype.typical + bias * archetype.spread + trend * month + random.normal(0, archetype.spread) + jump;
        const value = archetype.unit === 'percent' ? Math.min(100, Math.max(0, raw)) : Math.max(0, raw);
        const gap = random.chance(0.01);
        const denominator = archetype.ratio ? random.int(2_000, 60_000) : null;
        const numerator = denominator === null ? null : Math.round((value / 100) * denominator);
        measurements.push({
          ...record(),
          providerId: provider.id,
          kpiId: kpi.id,
          period,
          value: gap ? null : resultOf(value, numerator, denominator),
          numerator: gap ? null : numerator,
          denominator: gap ? null : denominator,
          sourceFile: 'bench.csv',
        });
      });
    });
  }
  return { providers, contracts, kpis, serviceLevels, measurements };
}

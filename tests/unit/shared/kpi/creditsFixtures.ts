/** Record factories for the service credits tests: readable ids, fixed sync fields, terms as plain data. */
import { contractGovernanceDefaults } from '../../../../shared/domain/profileDefaults';
import type {
  Contract,
  ContractData,
  KpiDefinition,
  KpiDirection,
  Measurement,
  ServiceLevel,
  ServiceLevelData,
} from '../../../../shared/domain/types';

const syncFields = { clock: '0000000000000-0000-test', fieldClocks: {} } as const;

export const providerId = 'provider-1';
export const contractId = 'contract-1';

/** Contract of the worked example: 250,000.00 GBP a month, 12% at risk. */
export function makeContract(data: Partial<ContractData> & { id?: string } = {}): Contract {
  return {
    ...syncFields,
    id: contractId,
    providerId,
    title: 'Contact centre services',
    startDate: null,
    endDate: null,
    currency: 'GBP',
    annualValueMinor: null,
    monthlyChargesMinor: 25_000_000,
    atRiskPercent: 12,
    ...contractGovernanceDefaults,
    ...data,
  };
}

export function makeKpi(id: string, direction: KpiDirection = 'higherIsBetter'): KpiDefinition {
  return {
    ...syncFields,
    id,
    key: `test.${id}`,
    name: id,
    description: '',
    unit: 'percent',
    direction,
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  };
}

/** Makes a critical level with a fixed credit, no earn-back, no bonus and no glide path, unless `data` overrides them. */
export function makeLevel(id: string, kpiId: string, data: Partial<ServiceLevelData> = {}): ServiceLevel {
  return {
    ...syncFields,
    id,
    kpiId,
    providerId,
    contractId,
    expected: 95,
    minimum: 95,
    critical: true,
    allocationPercent: 40,
    creditRule: { kind: 'fixed' },
    earnBackMonths: 0,
    bonus: null,
    goLive: null,
    glidePath: [],
    ...data,
  };
}

let measurementCount = 0;

export function makeMeasurement(
  kpiId: string,
  period: string,
  value: number | null,
  counts?: { numerator: number; denominator: number },
): Measurement {
  measurementCount += 1;
  return {
    ...syncFields,
    id: `measurement-${String(measurementCount)}`,
    providerId,
    kpiId,
    period,
    value,
    numerator: counts?.numerator ?? null,
    denominator: counts?.denominator ?? null,
    sourceFile: null,
  };
}

/** Measurements of one KPI from a map of period to result. */
export function monthsOf(kpiId: string, results: Readonly<Record<string, number | null>>): Measurement[] {
  return Object.entries(results).map(([period, value]) => makeMeasurement(kpiId, period, value));
}

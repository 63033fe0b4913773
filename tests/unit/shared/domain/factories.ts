/** Entity factories for KPI tests: readable ids and fixed sync fields. */
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import type { KpiDefinition, KpiDefinitionData, Measurement, Provider, ServiceLevel } from '../../../../shared/domain/types';

const syncFields = { clock: '0000000000000-0000-test', fieldClocks: {} } as const;

export function makeProvider(id: string, name: string, code: string | null = null): Provider {
  return { ...syncFields, id, code, name, formerNames: [], ...providerProfileDefaults };
}

export function makeKpi(id: string, data: Partial<KpiDefinitionData> = {}): KpiDefinition {
  return {
    ...syncFields,
    id,
    key: `test.${id}`,
    name: id,
    description: '',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    ...data,
  };
}

export function makeServiceLevel(id: string, providerId: string, kpiId: string, minimum: number, expected: number = minimum): ServiceLevel {
  return { ...syncFields, id, providerId, kpiId, contractId: null, expected, minimum, ...reportedLevelTerms };
}

let measurementCount = 0;

/** Makes a ratio month when `counts` is given, else a plain value. */
export function makeMeasurement(
  providerId: string,
  kpiId: string,
  period: string,
  value: number | null,
  counts?: { numerator: number; denominator: number },
): Measurement {
  measurementCount += 1;
  return {
    ...syncFields,
    id: `m${measurementCount}`,
    providerId,
    kpiId,
    period,
    value,
    numerator: counts?.numerator ?? null,
    denominator: counts?.denominator ?? null,
    sourceFile: null,
  };
}

/** Makes a ratio month with its value computed as the import does. */
export function makeRatioMeasurement(
  providerId: string,
  kpiId: string,
  period: string,
  numerator: number,
  denominator: number,
): Measurement {
  const value = denominator === 0 ? null : (100 * numerator) / denominator;
  return makeMeasurement(providerId, kpiId, period, value, { numerator, denominator });
}

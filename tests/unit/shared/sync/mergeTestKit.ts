/** Factories and comparison helpers for the merge tests: readable ids, clocks built from small numbers. */
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { noCreditTerms, reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import type { Bidder, PriceBid, Score } from '../../../../shared/domain/rfp';
import type {
  Contract,
  HlcString,
  KpiDefinition,
  Measurement,
  Provider,
  RecordTable,
  ServiceLevel,
  Tombstone,
} from '../../../../shared/domain/types';
import { packHlc } from '../../../../shared/sync/hlc';
import { compareText } from '../../../../shared/sync/mergeFields';
import type { PortfolioSnapshot, RecordsByTable, VersionVector } from '../../../../shared/sync/snapshot';
import { emptyRecords, recordTables } from '../../../../shared/sync/snapshot';

/** Base wall time of test clocks: 2026-01-01T00:00:00Z, in ms. */
export const baseWallMs = Date.UTC(2026, 0, 1);

/** Returns a clock `step` seconds after `baseWallMs`, issued by `deviceId`. */
export function at(step: number, deviceId: string, counter = 0): HlcString {
  return packHlc({ wallMs: baseWallMs + step * 1000, counter, deviceId });
}

type Clocks = { clock: HlcString; fieldClocks?: Record<string, HlcString> };

export function provider(id: string, clocks: Clocks, data: Partial<Omit<Provider, 'id' | 'clock' | 'fieldClocks'>> = {}): Provider {
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    code: null,
    name: `Provider ${id}`,
    formerNames: [],
    ...providerProfileDefaults,
    ...data,
  };
}

export function contract(
  id: string,
  clocks: Clocks,
  providerId: string,
  data: Partial<Omit<Contract, 'id' | 'clock' | 'fieldClocks'>> = {},
): Contract {
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    providerId,
    title: `Contract ${id}`,
    startDate: null,
    endDate: null,
    currency: 'GBP',
    annualValueMinor: null,
    ...noCreditTerms,
    ...contractGovernanceDefaults,
    ...data,
  };
}

export function kpi(id: string, clocks: Clocks, data: Partial<Omit<KpiDefinition, 'id' | 'clock' | 'fieldClocks'>> = {}): KpiDefinition {
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    key: `key.${id}`,
    name: `KPI ${id}`,
    description: '',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    ...data,
  };
}

export function serviceLevel(
  id: string,
  clocks: Clocks,
  providerId: string,
  kpiId: string,
  data: Partial<Omit<ServiceLevel, 'id' | 'clock' | 'fieldClocks'>> = {},
): ServiceLevel {
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    providerId,
    kpiId,
    contractId: null,
    expected: 95,
    minimum: 90,
    ...reportedLevelTerms,
    ...data,
  };
}

export function measurement(
  id: string,
  clocks: Clocks,
  providerId: string,
  kpiId: string,
  period: string,
  data: Partial<Omit<Measurement, 'id' | 'clock' | 'fieldClocks'>> = {},
): Measurement {
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    providerId,
    kpiId,
    period,
    value: 90,
    numerator: 90,
    denominator: 100,
    sourceFile: null,
    ...data,
  };
}

export function bidder(
  id: string,
  clocks: Clocks,
  rfpId: string,
  data: Partial<Omit<Bidder, 'id' | 'clock' | 'fieldClocks'>> = {},
): Bidder {
  return { id, clock: clocks.clock, fieldClocks: clocks.fieldClocks ?? {}, rfpId, name: `Bidder ${id}`, providerId: null, ...data };
}

/** One evaluator's score of one cell; the cell is `[evaluatorId, bidderId, criterionId]`. */
export function score(
  id: string,
  clocks: Clocks,
  cell: readonly [string, string, string],
  data: Partial<Omit<Score, 'id' | 'clock' | 'fieldClocks'>> = {},
): Score {
  const [evaluatorId, bidderId, criterionId] = cell;
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    rfpId: 'rfp1',
    evaluatorId,
    bidderId,
    criterionId,
    value: 3,
    comment: '',
    ...data,
  };
}

export function priceBid(
  id: string,
  clocks: Clocks,
  bidderId: string,
  round: number,
  data: Partial<Omit<PriceBid, 'id' | 'clock' | 'fieldClocks'>> = {},
): PriceBid {
  return {
    id,
    clock: clocks.clock,
    fieldClocks: clocks.fieldClocks ?? {},
    rfpId: 'rfp1',
    bidderId,
    round,
    currency: 'GBP',
    oneTimeCharges: [],
    recurringCharges: [{ label: 'Fee', amountMinor: 100_000, period: 'month' }],
    exchangeRateToBase: 1,
    exchangeRateDate: '2026-01-02',
    submittedOn: '2026-01-02',
    ...data,
  };
}

/** Returns a copy of `record` without `fields`, the way a scoped snapshot leaves fields out. */
export function omitFields<R extends object>(record: R, ...fields: readonly string[]): R {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !fields.includes(key))) as R;
}

export function tombstone(id: string, table: RecordTable, clock: HlcString): Tombstone {
  return { id, table, clock };
}

export interface SnapshotParts {
  readonly records?: Partial<{ [T in RecordTable]: RecordsByTable[T] }>;
  readonly tombstones?: readonly Tombstone[];
  readonly versionVector?: VersionVector;
  readonly deviceId?: string;
}

export function snapshot(parts: SnapshotParts = {}): PortfolioSnapshot {
  const records = parts.records ?? {};
  return {
    portfolioId: 'portfolio-1',
    portfolioName: 'Test portfolio',
    deviceId: parts.deviceId ?? 'deviceL',
    records: { ...emptyRecords(), ...records },
    tombstones: parts.tombstones ?? [],
    versionVector: parts.versionVector ?? {},
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
}

/** The replicated data of a snapshot in one canonical form: records, tombstones and version vector, sorted. */
export function normalized(value: PortfolioSnapshot): unknown {
  const records: Record<string, unknown> = {};
  for (const table of recordTables) {
    records[table] = [...value.records[table]].sort((a, b) => compareText(a.id, b.id)).map(sortKeys);
  }
  const tombstones = [...value.tombstones].sort((a, b) => compareText(`${a.table}/${a.id}`, `${b.table}/${b.id}`)).map(sortKeys);
  return { records, tombstones, versionVector: sortKeys(value.versionVector) };
}

/** Finds a record by id in one table of a snapshot. */
export function recordOf<T extends RecordTable>(value: PortfolioSnapshot, table: T, id: string): RecordsByTable[T][number] | undefined {
  return value.records[table].find((record) => record.id === id);
}

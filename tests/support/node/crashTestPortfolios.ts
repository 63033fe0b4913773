/**
 * Two versions of one portfolio as `.steerwise` file bytes, written with the shared writer, for the
 * atomic write crash test. The versions are built from a fixed seed, so every run writes the same
 * bytes. Ids and results come from a pseudo-random generator, so deflate shrinks them little and
 * the default size gives files of a few hundred KB.
 */
import { providerProfileDefaults } from '../../../shared/domain/profileDefaults';
import type { KpiDefinition, Measurement, Provider, Tombstone } from '../../../shared/domain/types';
import { writePortfolioFile } from '../../../shared/file';
import { packHlc } from '../../../shared/sync/hlc';
import type { PortfolioSnapshot } from '../../../shared/sync/snapshot';
import { emptyRecords } from '../../../shared/sync/snapshot';

export interface PortfolioVersion {
  /** `old` is the file on disk before a round, and `new` the one a writer replaces it with. */
  readonly label: 'old' | 'new';
  readonly snapshot: PortfolioSnapshot;
  readonly bytes: Uint8Array;
}

const deviceId = 'crashtest0001';
const providerCount = 40;
const kpiCount = 4;
const baseWallMs = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Returns xorshift32, a small deterministic generator. Test data needs no cryptographic quality. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

function idFrom(next: () => number): string {
  const hex = Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function periodOf(index: number): string {
  const year = 2015 + Math.floor(index / 12);
  return `${String(year)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Builds the "old" portfolio with `measurementCount` monthly results, and the "new" one: every
 * result changed one minute later, 5% more results, and the first result deleted with a tombstone.
 */
export function buildCrashTestSnapshots(measurementCount: number): [PortfolioSnapshot, PortfolioSnapshot] {
  const next = seededRandom(0x5eed_0001);
  const created = packHlc({ wallMs: baseWallMs, counter: 0, deviceId });
  const edited = packHlc({ wallMs: baseWallMs + 60_000, counter: 0, deviceId });
  const portfolioId = idFrom(next);

  const providers: Provider[] = Array.from({ length: providerCount }, (_, index) => ({
    id: idFrom(next),
    clock: created,
    fieldClocks: {},
    code: `111X${String(index).padStart(2, '0')}`,
    name: `Test contact centre ${String(index)}`,
    formerNames: [],
    ...providerProfileDefaults,
  }));
  const kpis: KpiDefinition[] = Array.from({ length: kpiCount }, (_, index) => ({
    id: idFrom(next),
    clock: created,
    fieldClocks: {},
    key: `crashTest.kpi${String(index)}`,
    name: `Test KPI ${String(index)}`,
    description: 'Share of calls handled within the target time.',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  }));

  const measurementOf = (index: number, clock: string): Measurement => {
    const denominator = 1_000 + (next() % 90_000);
    const numerator = next() % (denominator + 1);
    return {
      id: idFrom(next),
      clock,
      fieldClocks: {},
      providerId: providers[index % providerCount]?.id ?? '',
      kpiId: kpis[Math.floor(index / providerCount) % kpiCount]?.id ?? '',
      period: periodOf(Math.floor(index / (providerCount * kpiCount))),
      value: (100 * numerator) / denominator,
      numerator,
      denominator,
      sourceFile: 'calls.csv',
    };
  };
  const oldMeasurements = Array.from({ length: measurementCount }, (_, index) => measurementOf(index, created));

  const changedMeasurements = oldMeasurements.map((measurement) => {
    const numerator = Math.max(0, (measurement.numerator ?? 0) - 1 - (next() % 50));
    const denominator = measurement.denominator ?? 1;
    return { ...measurement, clock: edited, numerator, value: (100 * numerator) / denominator };
  });
  const added = Array.from({ length: Math.ceil(measurementCount / 20) }, (_, offset) => measurementOf(measurementCount + offset, edited));
  const [deleted, ...keptMeasurements] = changedMeasurements;
  const tombstones: Tombstone[] = deleted === undefined ? [] : [{ id: deleted.id, table: 'measurements', clock: edited }];

  const empty = emptyRecords();
  const old: PortfolioSnapshot = {
    portfolioId,
    portfolioName: 'Crash test portfolio',
    deviceId,
    records: { ...empty, providers, kpis, measurements: oldMeasurements },
    tombstones: [],
    versionVector: { [deviceId]: created },
  };
  const updated: PortfolioSnapshot = {
    ...old,
    records: { ...empty, providers, kpis, measurements: [...keptMeasurements, ...added] },
    tombstones,
    versionVector: { [deviceId]: edited },
  };
  return [old, updated];
}

/** Builds both versions and writes each with `writePortfolioFile`, the writer the app exports with. */
export async function buildCrashTestFiles(measurementCount = 6_000): Promise<[PortfolioVersion, PortfolioVersion]> {
  const [old, updated] = buildCrashTestSnapshots(measurementCount);
  const oldBytes = await writePortfolioFile(old, { appVersion: '0.1.0', exportedAt: '2026-01-05T09:00:00.000Z' });
  const newBytes = await writePortfolioFile(updated, { appVersion: '0.1.0', exportedAt: '2026-01-05T09:01:00.000Z' });
  return [
    { label: 'old', snapshot: old, bytes: oldBytes },
    { label: 'new', snapshot: updated, bytes: newBytes },
  ];
}

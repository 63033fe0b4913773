/**
 * A synthetic portfolio of the size that makes export and open take seconds: many providers
 * with one KPI measured every month. Ids, names and figures are generated, and the records pass
 * the file format's checks, so the shared writer turns the snapshot into an ordinary file.
 */
import { providerProfileDefaults } from '../../shared/domain/profileDefaults';
import type { KpiDefinition, Measurement, Provider, RecordTable } from '../../shared/domain/types';
import { packHlc } from '../../shared/sync/hlc';
import type { PortfolioSnapshot, RecordsByTable } from '../../shared/sync/snapshot';
import { recordTables } from '../../shared/sync/snapshot';

export const largeDeviceId = 'c0ffee000001';

export interface LargePortfolioSize {
  readonly providers: number;
  /** Consecutive months measured for every provider, from January 2001. */
  readonly months: number;
}

/** 500 providers by 300 months: 150,000 measurements. */
export const largePortfolioSize: LargePortfolioSize = { providers: 500, months: 300 };

/** Builds a UUIDv7-shaped id that encodes `kind` and `index`, so every generated record gets a distinct id. */
function idOf(kind: number, index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `019c1d94-${kind.toString(16).padStart(4, '0')}-7000-8000-${hex}`;
}

function periodOf(monthIndex: number): string {
  const year = 2001 + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Builds a portfolio named `name` with `size.providers` × `size.months` measurements and no other records. */
export function largePortfolioSnapshot(name: string, size: LargePortfolioSize = largePortfolioSize): PortfolioSnapshot {
  const clock = packHlc({ wallMs: Date.UTC(2026, 0, 15), counter: 0, deviceId: largeDeviceId });
  const kpi: KpiDefinition = {
    id: idOf(2, 0),
    clock,
    fieldClocks: {},
    key: 'synthetic.answeredWithin60s',
    name: 'Calls answered within 60 seconds',
    description: 'Share of answered calls that were answered within 60 seconds.',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  };

  const providers: Provider[] = [];
  const measurements: Measurement[] = [];
  for (let providerIndex = 0; providerIndex < size.providers; providerIndex += 1) {
    const provider: Provider = {
      id: idOf(1, providerIndex),
      clock,
      fieldClocks: {},
      code: `SYN${String(providerIndex).padStart(4, '0')}`,
      name: `Synthetic provider ${providerIndex + 1}`,
      formerNames: [],
      ...providerProfileDefaults,
    };
    providers.push(provider);
    for (let monthIndex = 0; monthIndex < size.months; monthIndex += 1) {
      const denominator = 10_000 + ((providerIndex * 31 + monthIndex * 17) % 5_000);
      const numerator = denominator - ((providerIndex + monthIndex) % 900);
      measurements.push({
        id: idOf(3, providerIndex * size.months + monthIndex),
        clock,
        fieldClocks: {},
        providerId: provider.id,
        kpiId: kpi.id,
        period: periodOf(monthIndex),
        value: (100 * numerator) / denominator,
        numerator,
        denominator,
        sourceFile: 'synthetic.csv',
      });
    }
  }

  // Every table starts empty, so tables added to the format later need no change here.
  const empty = Object.fromEntries(recordTables.map((table: RecordTable) => [table, []]));
  const records = { ...empty, providers, kpis: [kpi], measurements } as unknown as RecordsByTable;
  return {
    portfolioId: '019c1d94-0000-7000-8000-00000000b16f',
    portfolioName: name,
    deviceId: largeDeviceId,
    records,
    tombstones: [],
    versionVector: { [largeDeviceId]: clock },
  };
}

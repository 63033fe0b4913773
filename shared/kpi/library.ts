/**
 * The KPI library that ships with the app: KPIs that vendor management offices commonly put in
 * BPO contracts, each with its unit, direction, kind, aggregation and a typical target.
 *
 * Names, definitions and source notes are user-facing text, so they live in the renderer's
 * translation files under `kpiLibrary.<name>`, where `<name>` is the key without its
 * `library.` prefix (see `libraryTextKey`). A KPI added to a portfolio keeps the library key,
 * so a later translation of the library renames it everywhere.
 *
 * Typical targets are conventions and commonly quoted industry figures, not contract terms:
 * every source note names the convention or body the figure comes from and states that real targets
 * vary by contract.
 */
import type { KpiAggregation, KpiDefinitionData, KpiDirection, KpiKind, KpiUnit } from '../domain/types';

/** Prefix of every library key; the KPI records added from the library keep the full key. */
export const libraryKeyPrefix = 'library.';

/** Key of a library KPI, for example `library.serviceLevel`. */
export type LibraryKey = `library.${string}`;

/** Typical levels of a KPI in its unit, as commonly quoted; a contract sets its own. */
export interface TypicalTarget {
  /** Level a provider is commonly expected to reach. */
  readonly expected: number;
  /** Level below which (or above which, for lower-is-better KPIs) a month is commonly a breach, or `null` where no common floor is quoted. */
  readonly minimum: number | null;
}

export interface LibraryKpi {
  readonly key: LibraryKey;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly kind: KpiKind;
  readonly aggregation: KpiAggregation;
  /**
   * Typical target, or `null` when the level only makes sense against the contract's volumes
   * (a backlog count, for example). The source note explains either case.
   */
  readonly typicalTarget: TypicalTarget | null;
}

/** Parts of a library KPI's text in the translation files, under `kpiLibrary.<name>`. */
export type LibraryTextPart = 'name' | 'definition' | 'source';

export const kpiLibrary: readonly LibraryKpi[] = [
  {
    // 80% of calls answered within 20 seconds is the contact-centre convention.
    key: 'library.serviceLevel',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 80, minimum: null },
  },
  {
    key: 'library.averageSpeedOfAnswer',
    unit: 'seconds',
    direction: 'lowerIsBetter',
    kind: 'duration',
    aggregation: 'mean',
    typicalTarget: { expected: 30, minimum: null },
  },
  {
    key: 'library.abandonmentRate',
    unit: 'percent',
    direction: 'lowerIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 5, minimum: null },
  },
  {
    key: 'library.firstContactResolution',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 70, minimum: null },
  },
  {
    key: 'library.customerSatisfaction',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 80, minimum: null },
  },
  {
    key: 'library.averageHandleTime',
    unit: 'seconds',
    direction: 'lowerIsBetter',
    kind: 'duration',
    aggregation: 'mean',
    typicalTarget: { expected: 360, minimum: null },
  },
  {
    key: 'library.occupancy',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 85, minimum: null },
  },
  {
    // Invoice, payroll or claims accuracy: the share of transactions processed without error.
    key: 'library.backOfficeAccuracy',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 99.5, minimum: 99 },
  },
  {
    key: 'library.ticketResolutionTime',
    unit: 'seconds',
    direction: 'lowerIsBetter',
    kind: 'duration',
    aggregation: 'mean',
    // One day, a common target for standard service requests.
    typicalTarget: { expected: 86_400, minimum: null },
  },
  {
    // Open items at month end are a stock, not a flow, so a quarter shows its last month.
    key: 'library.backlog',
    unit: 'number',
    direction: 'lowerIsBetter',
    kind: 'count',
    aggregation: 'last',
    typicalTarget: null,
  },
  {
    key: 'library.scheduleAdherence',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 90, minimum: null },
  },
  {
    // A scorecard result per evaluated contact, so months combine by their mean.
    key: 'library.qualityScore',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'value',
    aggregation: 'mean',
    typicalTarget: { expected: 85, minimum: null },
  },
  {
    // Leavers divided by average headcount in the month; the ratio of sums gives the mean monthly rate.
    key: 'library.agentAttrition',
    unit: 'percent',
    direction: 'lowerIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
    typicalTarget: { expected: 3, minimum: null },
  },
];

const libraryByKey: ReadonlyMap<string, LibraryKpi> = new Map(kpiLibrary.map((entry) => [entry.key, entry]));

/** Finds the library KPI with `key`, or `undefined` when the key is not a library key. */
export function findLibraryKpi(key: string): LibraryKpi | undefined {
  return libraryByKey.get(key);
}

/** Checks whether `key` has the library prefix, whether or not this version of the library still ships it. */
export function isLibraryKey(key: string): key is LibraryKey {
  return key.startsWith(libraryKeyPrefix);
}

/** Returns the translation key of one part of a library KPI's text, for example `kpiLibrary.serviceLevel.name`. */
export function libraryTextKey(key: LibraryKey, part: LibraryTextPart): string {
  return `kpiLibrary.${key.slice(libraryKeyPrefix.length)}.${part}`;
}

/**
 * Builds the KPI record data for a library KPI. `name` and `description` are the library's
 * name and definition in the user's language, stored so that the record reads well in a
 * file opened without this library.
 */
export function libraryKpiData(entry: LibraryKpi, text: { readonly name: string; readonly description: string }): KpiDefinitionData {
  return {
    key: entry.key,
    name: text.name,
    description: text.description,
    unit: entry.unit,
    direction: entry.direction,
    kind: entry.kind,
    aggregation: entry.aggregation,
  };
}

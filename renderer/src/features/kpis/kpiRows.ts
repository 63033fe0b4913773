/**
 * Rows of the "KPIs and SLAs" screen: the portfolio's KPIs with how much refers to them, and the
 * library with which entries the portfolio already has. Pure.
 */
import type { Id, KpiDefinition } from '@shared/domain/types';
import { builtInPresets } from '@shared/import/presets';
import { findLibraryKpi, isLibraryKey, kpiLibrary } from '@shared/kpi/library';
import type { LibraryKpi } from '@shared/kpi/library';

/** Source of a KPI: the KPI library, a built-in import preset, or the user. */
export type KpiOrigin = 'library' | 'preset' | 'user';

/** Records that refer to one KPI. */
export interface KpiUsage {
  readonly serviceLevels: number;
  readonly measurements: number;
}

export const unusedKpi: KpiUsage = { serviceLevels: 0, measurements: 0 };

const presetKpiKeys: ReadonlySet<string> = new Set(builtInPresets.flatMap((preset) => preset.kpis.map((kpi) => kpi.key)));

/** Tells where the KPI with `key` comes from. Only user KPIs have a name and description of their own to edit. */
export function kpiOrigin(key: string): KpiOrigin {
  if (isLibraryKey(key)) return 'library';
  if (presetKpiKeys.has(key)) return 'preset';
  return 'user';
}

export interface PortfolioKpiRow {
  readonly kpi: KpiDefinition;
  /** Name as the user reads it (see `kpiName`). */
  readonly name: string;
  readonly origin: KpiOrigin;
  readonly usage: KpiUsage;
  /** A KPI can be deleted only while no service level or measurement refers to it. */
  readonly deletable: boolean;
}

/** Builds one row per KPI of the portfolio, sorted by name in `locale`. */
export function portfolioKpiRows(
  kpis: readonly KpiDefinition[],
  usage: ReadonlyMap<Id, KpiUsage>,
  nameOf: (kpi: KpiDefinition) => string,
  locale: string,
): PortfolioKpiRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const rows = kpis.map((kpi) => {
    const used = usage.get(kpi.id) ?? unusedKpi;
    return {
      kpi,
      name: nameOf(kpi),
      origin: kpiOrigin(kpi.key),
      usage: used,
      deletable: used.serviceLevels === 0 && used.measurements === 0,
    };
  });
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

export interface LibraryRow {
  readonly entry: LibraryKpi;
  /** Id of the portfolio's KPI with the entry's key, or `null` while the portfolio does not have it. */
  readonly addedKpiId: Id | null;
}

/** Builds one row per library KPI, in library order, marking those the portfolio already has. */
export function libraryRows(kpis: readonly KpiDefinition[]): LibraryRow[] {
  const added = new Map(kpis.filter((kpi) => findLibraryKpi(kpi.key) !== undefined).map((kpi) => [kpi.key, kpi.id]));
  return kpiLibrary.map((entry) => ({ entry, addedKpiId: added.get(entry.key) ?? null }));
}

/**
 * Lists the names a new or renamed KPI must not take: each KPI's stored name and the name the
 * user reads, which differ for library and preset KPIs. `exceptId` leaves out the KPI being
 * renamed, so that keeping its own name is not a clash.
 */
export function takenKpiNames(kpis: readonly KpiDefinition[], nameOf: (kpi: KpiDefinition) => string, exceptId: Id | null = null): string[] {
  return kpis.filter((kpi) => kpi.id !== exceptId).flatMap((kpi) => [kpi.name, nameOf(kpi)]);
}

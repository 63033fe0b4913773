/**
 * A mapping the user builds by hand in the wizard, and its conversion to a `MappingPreset`,
 * the form every import runs through.
 */
import type { KpiAggregation, KpiDefinitionData, KpiDirection, KpiKind, KpiUnit } from '@shared/domain/types';
import type { ImportTable, KpiSource, MappingPreset, ServiceLevelDefault } from '@shared/import/types';

export interface KpiDraft {
  readonly name: string;
  readonly kind: KpiKind;
  readonly direction: KpiDirection;
  /** Unit of a value KPI: percent accepts values such as `94.01%`; ratios are always percent. */
  readonly valueUnit: 'percent' | 'number';
  /** Value column for value, duration and count KPIs. */
  readonly valueColumn: string;
  readonly numeratorColumn: string;
  readonly denominatorColumn: string;
  /** Levels as typed; empty means the KPI is reported without a service level. */
  readonly expected: string;
  readonly minimum: string;
}

export interface MappingDraft {
  readonly providerCode: string;
  readonly providerName: string;
  readonly period: string;
  readonly kpis: readonly KpiDraft[];
}

function unitOf(draft: KpiDraft): KpiUnit {
  switch (draft.kind) {
    case 'ratio':
      return 'percent';
    case 'duration':
      return 'seconds';
    case 'count':
      return 'number';
    case 'value':
      return draft.valueUnit;
  }
}
const aggregationByKind: Record<KpiKind, KpiAggregation> = { ratio: 'ratioOfSums', duration: 'mean', value: 'mean', count: 'sum' };

export function emptyKpiDraft(): KpiDraft {
  return {
    name: '',
    kind: 'ratio',
    direction: 'higherIsBetter',
    valueUnit: 'number',
    valueColumn: '',
    numeratorColumn: '',
    denominatorColumn: '',
    expected: '',
    minimum: '',
  };
}

/**
 * Guesses the provider and month columns from common header names, leaving the rest to the
 * user. Patterns are tried in order, and a column taken by one guess is not used by another.
 */
export function initialDraft(table: Pick<ImportTable, 'header'>): MappingDraft {
  const taken = new Set<string>();
  const find = (...patterns: readonly RegExp[]): string => {
    for (const pattern of patterns) {
      const column = table.header.find((name) => !taken.has(name) && pattern.test(name));
      if (column !== undefined) {
        taken.add(column);
        return column;
      }
    }
    return '';
  };
  const period = find(/^(period|month)$/i, /period|month/i, /date/i);
  const providerCode = find(/(provider|supplier|vendor).*(code|id)\b/i, /\bcode\b/i);
  const providerName = find(/(provider|supplier|vendor).*name/i, /^(provider|supplier|vendor)$/i, /provider|supplier|vendor/i, /\bname\b/i);
  return { providerCode, providerName, period, kpis: [emptyKpiDraft()] };
}

/** Turns a KPI name into a stable key, so a re-import with the same names finds the same KPIs. */
export function customKpiKey(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `custom.${slug === '' ? 'kpi' : slug}`;
}

function parseLevel(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function kpiSource(draft: KpiDraft): KpiSource {
  return draft.kind === 'ratio'
    ? { kind: 'ratio', numerator: draft.numeratorColumn, denominator: draft.denominatorColumn }
    : { kind: 'value', column: draft.valueColumn };
}

/** Something the draft still lacks; `kpi` is the 0-based index of the KPI it concerns. */
export type DraftProblem =
  { readonly field: 'providerName' | 'period' | 'kpis' } | { readonly field: 'kpiName' | 'kpiColumns'; readonly kpi: number };

/** Lists what the draft still lacks before the file can be checked. */
export function draftProblems(draft: MappingDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.providerName === '') problems.push({ field: 'providerName' });
  if (draft.period === '') problems.push({ field: 'period' });
  if (draft.kpis.length === 0) problems.push({ field: 'kpis' });
  draft.kpis.forEach((kpi, index) => {
    if (kpi.name.trim() === '') problems.push({ field: 'kpiName', kpi: index });
    const columns = kpi.kind === 'ratio' ? [kpi.numeratorColumn, kpi.denominatorColumn] : [kpi.valueColumn];
    if (columns.some((column) => column === '')) problems.push({ field: 'kpiColumns', kpi: index });
  });
  return problems;
}

export function presetFromDraft(draft: MappingDraft, id: string, name: string): MappingPreset {
  const kpis: KpiDefinitionData[] = draft.kpis.map((kpi) => ({
    key: customKpiKey(kpi.name),
    name: kpi.name.trim(),
    description: '',
    unit: unitOf(kpi),
    direction: kpi.direction,
    kind: kpi.kind,
    aggregation: aggregationByKind[kpi.kind],
  }));
  const serviceLevels: ServiceLevelDefault[] = [];
  draft.kpis.forEach((kpi, index) => {
    const expected = parseLevel(kpi.expected);
    const minimum = parseLevel(kpi.minimum);
    const definition = kpis[index];
    if (definition && minimum !== null) serviceLevels.push({ kpiKey: definition.key, expected: expected ?? minimum, minimum });
  });
  return {
    id,
    name,
    builtIn: false,
    mapping: {
      providerCode: draft.providerCode === '' ? null : draft.providerCode,
      providerName: draft.providerName,
      period: draft.period,
      kpis: draft.kpis.map((kpi, index) => ({ kpiKey: kpis[index]?.key ?? customKpiKey(kpi.name), source: kpiSource(kpi) })),
    },
    kpis,
    serviceLevels,
    sourceNote: null,
  };
}

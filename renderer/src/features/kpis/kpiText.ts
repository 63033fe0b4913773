/** Words and sentences of the "KPIs and SLAs" screen that depend on data: labels, targets and form problems. */
import type { TFunction } from 'i18next';
import type { KpiAggregation, KpiDirection, KpiKind, KpiUnit } from '@shared/domain/types';
import { kindRules, kpiAggregations, maxKpiDescriptionLength, maxKpiNameLength } from '@shared/kpi/kpiSchema';
import type { KpiFormInput, KpiProblem } from '@shared/kpi/kpiSchema';
import { libraryTextKey } from '@shared/kpi/library';
import type { LibraryKpi, LibraryTextPart } from '@shared/kpi/library';
import { formatKpiValue } from '../../format';
import { translateDynamic } from '../../i18n/dynamic';

export function unitLabel(t: TFunction, unit: KpiUnit): string {
  return t(`kpis.unit.${unit}`);
}

export function directionLabel(t: TFunction, direction: KpiDirection): string {
  return t(`kpis.direction.${direction}`);
}

export function kindLabel(t: TFunction, kind: KpiKind): string {
  return t(`kpis.kind.${kind}`);
}

export function aggregationLabel(t: TFunction, aggregation: KpiAggregation): string {
  return t(`kpis.aggregation.${aggregation}`);
}

/** Returns one part of a library KPI's text in the user's language. */
export function libraryText(t: TFunction, entry: LibraryKpi, part: LibraryTextPart): string {
  return translateDynamic(t, libraryTextKey(entry.key, part));
}

/** Describes a library KPI's typical target, for example "Expected 80.00%" or "Expected 99.50%, minimum 99.00%". */
export function typicalTargetText(t: TFunction, entry: LibraryKpi, locale: string): string {
  const target = entry.typicalTarget;
  if (target === null) return t('kpis.library.noTarget');
  const expected = t('kpis.library.targetExpected', { value: formatKpiValue(target.expected, entry.unit, locale) });
  if (target.minimum === null) return expected;
  return `${expected}, ${t('kpis.library.targetMinimum', { value: formatKpiValue(target.minimum, entry.unit, locale) })}`;
}

function isAggregation(text: string): text is KpiAggregation {
  return (kpiAggregations as readonly string[]).includes(text);
}

/** Lists words in the user's language, for example "Mean, Sum or Last month". */
function listOr(words: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(words);
}

/** Returns the sentence shown at a form field for `problem`, filled from the form's current `input`. */
export function kpiProblemMessage(t: TFunction, problem: KpiProblem, input: KpiFormInput, locale: string): string {
  const kind = Object.hasOwn(kindRules, input.kind) ? (input.kind as KpiKind) : null;
  switch (problem) {
    case 'nameTooLong':
      return t('kpis.form.problems.nameTooLong', { max: maxKpiNameLength });
    case 'nameTaken':
      return t('kpis.form.problems.nameTaken', { name: input.name.trim() });
    case 'descriptionTooLong':
      return t('kpis.form.problems.descriptionTooLong', { max: maxKpiDescriptionLength });
    case 'unitNotForKind':
      if (kind === null) break;
      return t('kpis.form.problems.unitNotForKind', {
        kind: kindLabel(t, kind).toLowerCase(),
        units: listOr(kindRules[kind].units.map((unit) => unitLabel(t, unit)), locale),
      });
    case 'aggregationNotForKind':
      if (kind === null) break;
      return t('kpis.form.problems.aggregationNotForKind', {
        aggregation: isAggregation(input.aggregation) ? aggregationLabel(t, input.aggregation) : input.aggregation,
        kind: kindLabel(t, kind).toLowerCase(),
        aggregations: listOr(kindRules[kind].aggregations.map((aggregation) => aggregationLabel(t, aggregation)), locale),
      });
    case 'nameMissing':
    case 'unitInvalid':
    case 'directionInvalid':
    case 'kindInvalid':
    case 'aggregationInvalid':
      break;
  }
  return t(`kpis.form.problems.${problem}`);
}

/**
 * The report builder's choices, their defaults, and their translation into `ReportOptions` and
 * templates. Pure, so it is tested without a browser.
 */
import { quarterOf } from '@shared/domain/period';
import type { CalendarDate, Id, Instant, Period } from '@shared/domain/types';
import type { PaperSize } from '@shared/ipc/contract';
import { reportSectionKeys } from '@shared/reports';
import type { ReportOptions, ReportPeriod, ReportSectionKey } from '@shared/reports';
import type { ReportTemplate } from '../../db/reportTemplates';

export type Orientation = 'portrait' | 'landscape';

export interface ReportChoices {
  readonly scopeKind: 'portfolio' | 'providers';
  /** Providers of a provider scope; kept while the whole portfolio is chosen, so switching back restores them. */
  readonly providerIds: readonly Id[];
  readonly periodKind: 'month' | 'quarter';
  /** `YYYY-MM` for a month, `YYYY-Qn` for a quarter. */
  readonly periodValue: string;
  readonly sections: readonly ReportSectionKey[];
  readonly paper: PaperSize;
  readonly orientation: Orientation;
  readonly withoutCommercialTerms: boolean;
}

/** Lists the calendar quarters of `months` as `YYYY-Qn`, latest first. */
export function quartersOf(months: readonly Period[]): string[] {
  return [...new Set(months.map((month) => quarterOf(month).label))].sort().reverse();
}

/** Periods offered for `kind`: the months with results (latest first) or their quarters, or the current month's when there are none. */
export function periodValues(kind: ReportChoices['periodKind'], months: readonly Period[], today: CalendarDate): string[] {
  const known = months.length > 0 ? months : [today.slice(0, 7)];
  return kind === 'month' ? [...known].sort().reverse() : quartersOf(known);
}

/** Default choices: the whole portfolio, the latest month with results (as the dashboard), every section, A4 portrait. */
export function defaultChoices(months: readonly Period[], today: CalendarDate): ReportChoices {
  return {
    scopeKind: 'portfolio',
    providerIds: [],
    periodKind: 'month',
    periodValue: periodValues('month', months, today)[0] ?? today.slice(0, 7),
    sections: reportSectionKeys,
    paper: 'A4',
    orientation: 'portrait',
    withoutCommercialTerms: false,
  };
}

/** Reads `YYYY-MM` or `YYYY-Qn` into a report period; `null` when it is neither. */
export function parsePeriodValue(kind: ReportChoices['periodKind'], value: string): ReportPeriod | null {
  if (kind === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? { kind: 'month', month: value } : null;
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match === null) return null;
  return { kind: 'quarter', year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}

/** Problems that stop a build, as translation keys. */
export type ChoiceProblem = 'reports.builder.noProviderChosen' | 'reports.builder.noSectionChosen';

export function checkChoices(choices: ReportChoices): ChoiceProblem[] {
  const problems: ChoiceProblem[] = [];
  if (choices.scopeKind === 'providers' && choices.providerIds.length === 0) problems.push('reports.builder.noProviderChosen');
  if (choices.sections.length === 0) problems.push('reports.builder.noSectionChosen');
  return problems;
}

/** Turns valid choices into the options of `buildReport`; `null` while `checkChoices` finds a problem or the period is invalid. */
export function toReportOptions(choices: ReportChoices, today: CalendarDate, generatedAt: Instant): ReportOptions | null {
  const period = parsePeriodValue(choices.periodKind, choices.periodValue);
  if (period === null || checkChoices(choices).length > 0) return null;
  return {
    scope: choices.scopeKind === 'portfolio' ? { kind: 'portfolio' } : { kind: 'providers', providerIds: choices.providerIds },
    period,
    sections: choices.sections,
    withoutCommercialTerms: choices.withoutCommercialTerms,
    today,
    generatedAt,
  };
}

export function templateOf(name: string, choices: ReportChoices): ReportTemplate {
  return {
    name: name.trim(),
    scope: choices.scopeKind === 'portfolio' ? { kind: 'portfolio' } : { kind: 'providers', providerIds: [...choices.providerIds] },
    periodKind: choices.periodKind,
    sections: [...choices.sections],
    paper: choices.paper,
    orientation: choices.orientation,
    withoutCommercialTerms: choices.withoutCommercialTerms,
  };
}

/**
 * Applies a template to the current choices. A template keeps the period's kind, not its value, so
 * the latest period of that kind is chosen. Providers no longer in the portfolio are dropped.
 */
export function applyTemplate(
  template: ReportTemplate,
  current: ReportChoices,
  months: readonly Period[],
  today: CalendarDate,
  providerIds: ReadonlySet<Id>,
): ReportChoices {
  const kept = template.scope.kind === 'providers' ? template.scope.providerIds.filter((id) => providerIds.has(id)) : current.providerIds;
  return {
    scopeKind: template.scope.kind,
    providerIds: kept,
    periodKind: template.periodKind,
    periodValue: periodValues(template.periodKind, months, today)[0] ?? current.periodValue,
    sections: reportSectionKeys.filter((key) => template.sections.includes(key)),
    paper: template.paper,
    orientation: template.orientation,
    withoutCommercialTerms: template.withoutCommercialTerms,
  };
}

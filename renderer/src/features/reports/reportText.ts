/**
 * Words and formatted values of a pack: cell texts, code translations, period labels and the
 * executive summary's sentences, all from i18n and `Intl` in the user's locale. The PDF view, the
 * workbook's text cells and the CSV files all read their texts here.
 */
import type { TFunction } from 'i18next';
import type { CalendarDate, Instant } from '@shared/domain/types';
import { periodLabel } from '@shared/reports';
import type { CurrencyCredits, ReportCell, ReportCodeGroup, ReportPack, ReportPeriod, ReportSection, ReportTable, SummaryFacts } from '@shared/reports';
import { translateDynamic } from '../../i18n/dynamic';
import { formatKpiValue, formatNumber, formatPeriod } from '../../format';
import { kpiName } from '../kpi/kpiName';
import { formatMoneyMinor } from '../rfp/money';
import { safeFileStem } from './fileName';

/** Translation key prefix of each code group; groups the app already names elsewhere reuse those texts. */
export const codeKeyPrefixes: Readonly<Record<ReportCodeGroup, string>> = {
  status: 'reports.codes.status',
  levelKind: 'reports.codes.levelKind',
  schedule: 'reports.codes.schedule',
  earnBack: 'reports.codes.earnBack',
  riskRating: 'governance.riskRating',
  riskStatus: 'profile.riskStatuses',
  riskCategory: 'profile.riskCategories',
  deadlineKind: 'reports.codes.deadlineKind',
  certificationStandard: 'profile.standards',
  rfpPhase: 'rfp.phases',
  rfpRank: 'reports.codes.rfpRank',
  sensitivityKind: 'reports.codes.sensitivityKind',
  providerScope: 'risks',
};

export function codeText(t: TFunction, group: ReportCodeGroup, value: string): string {
  return translateDynamic(t, `${codeKeyPrefixes[group]}.${value}`, { defaultValue: value });
}

export function shareText(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Formats an instant in the user's time zone, with the zone's name so a reader elsewhere is not misled. */
export function instantText(instant: Instant, locale: string): string {
  // V8 rejects `dateStyle` and `timeStyle` together with `timeZoneName`, so the fields are spelled out.
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return format.format(new Date(instant));
}

/** Formats a calendar date in UTC from its `YYYY-MM-DD` string, so no time zone moves the day. */
export function dateText(date: CalendarDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00.000Z`));
}

export function periodText(t: TFunction, period: ReportPeriod, locale: string): string {
  if (period.kind === 'month') return formatPeriod(period.month, locale, 'long');
  return t('reports.period.quarter', { quarter: period.quarter, year: period.year });
}

/** Formats one cell as text, as the PDF and the CSV files show it. */
export function cellText(t: TFunction, cell: ReportCell, locale: string): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'kpi':
      return kpiName(t, cell);
    case 'code':
      return codeText(t, cell.group, cell.value);
    case 'kpiValue':
      return formatKpiValue(cell.value, cell.unit, locale);
    case 'integer':
      return formatNumber(cell.value, locale);
    case 'decimal':
      return formatNumber(cell.value, locale, 2);
    case 'share':
      return shareText(cell.value, locale);
    case 'money':
      return formatMoneyMinor(cell.minor, cell.currency, locale);
    case 'date':
      return dateText(cell.value, locale);
    case 'month':
      return formatPeriod(cell.value, locale);
    case 'instant':
      return instantText(cell.value, locale);
    case 'boolean':
      return cell.value ? t('reports.yes') : t('reports.no');
    case 'empty':
      return '';
  }
}

/**
 * Lists a section's tables as the workbook and the CSV files write them. The risks section's
 * tables are led by the heatmap as a table, likelihood 5 to 1 down and impact 1 to 5 across,
 * which the PDF draws as a coloured grid instead.
 */
export function dataTables(section: ReportSection): readonly ReportTable[] {
  if (section.key !== 'risks' || section.state !== 'ready') return section.tables;
  const likelihoods = [5, 4, 3, 2, 1];
  const heatmap: ReportTable = {
    key: 'riskHeatmap',
    columns: ['likelihood', 'impact1', 'impact2', 'impact3', 'impact4', 'impact5'],
    rows: likelihoods.map((likelihood): ReportCell[] => [
      { kind: 'integer', value: likelihood },
      ...[0, 1, 2, 3, 4].map((impact): ReportCell => ({ kind: 'integer', value: section.heatmap[likelihood - 1]?.[impact] ?? 0 })),
    ]),
  };
  return [heatmap, ...section.tables];
}

export function tableTitle(t: TFunction, table: Pick<ReportTable, 'key'>): string {
  return translateDynamic(t, `reports.tables.${table.key}.title`);
}

/** Says why a table has no rows, in the table's own words where it has them. */
export function emptyTableText(t: TFunction, table: Pick<ReportTable, 'key'>): string {
  return translateDynamic(t, `reports.tables.${table.key}.empty`, { defaultValue: t('reports.emptyTable') });
}

/** Says why a section shows no content: left out by redaction, or nothing in its scope; `null` for a section with content. */
export function sectionNote(t: TFunction, pack: Pick<ReportPack, 'scope'>, section: Pick<ReportSection, 'key' | 'state'>): string | null {
  if (section.state === 'redacted') return t('reports.redactedSection');
  if (section.state === 'ready' || section.key === 'summary') return null;
  if (section.key === 'rfps' && pack.scope.kind === 'providers') return t('reports.empty.rfpsProviders');
  return translateDynamic(t, `reports.empty.${section.key}`);
}

export function columnTitle(t: TFunction, table: Pick<ReportTable, 'key'>, column: string): string {
  return translateDynamic(t, `reports.tables.${table.key}.columns.${column}`);
}

/**
 * Names the period's credits as the dashboard's quarter panel does: the amount due (final after
 * earn-back and cap) per currency, and apart from it the amount that earn-back may still waive.
 * The period is named, because a month's credits differ from the quarter to date that the
 * dashboard shows for the same month.
 */
export function creditsClause(t: TFunction, credits: readonly CurrencyCredits[] | null, period: string, locale: string): string {
  if (credits === null) return t('reports.summary.creditsLeftOut');
  const owed = credits.filter((entry) => entry.dueMinor + entry.pendingMinor > 0);
  if (owed.length === 0) return t('reports.summary.noCredits', { period });
  const amounts = owed.map((entry) => formatMoneyMinor(entry.dueMinor, entry.currency, locale)).join(', ');
  const pending = owed.filter((entry) => entry.pendingMinor > 0).map((entry) => formatMoneyMinor(entry.pendingMinor, entry.currency, locale));
  const clause = t('reports.summary.credits', { amounts, period });
  return pending.length === 0 ? clause : `${clause} (${t('reports.summary.creditsPending', { amount: pending.join(', ') })})`;
}

/**
 * Writes the executive summary: a headline of the period's misses, credits and steering committee
 * escalations ("3 of 12 critical service levels missed in Q3 2016; credits GBP 21,000.00; 2
 * escalations at steering committee level."), then one sentence per further fact.
 */
export function summarySentences(t: TFunction, pack: Pick<ReportPack, 'period'>, facts: SummaryFacts, locale: string): string[] {
  const period = periodText(t, pack.period, locale);
  const levels = t('reports.summary.levels', { count: facts.criticalLevels, missed: facts.missedLevels, period });
  const steering = t('reports.summary.steering', { count: facts.openEscalations[3] });
  const headline = `${capitalise(levels)}; ${creditsClause(t, facts.credits, period, locale)}; ${steering}.`;
  const open = facts.openEscalations[1] + facts.openEscalations[2] + facts.openEscalations[3];
  return [
    headline,
    t('reports.summary.openEscalations', { count: open, operations: facts.openEscalations[1], management: facts.openEscalations[2] }),
    t('reports.summary.highRisks', { count: facts.highRisks }),
    t('reports.summary.overdueActions', { count: facts.overdueActions }),
    overdueDeadlinesSentence(t, facts, locale),
    t('reports.summary.deadlines', { count: facts.upcomingDeadlines }),
    t('reports.summary.slippingPlans', { count: facts.slippingPlans }),
  ];
}

/** States the deadlines already missed: notice deadlines passed and certifications expired, or that there are none. */
function overdueDeadlinesSentence(t: TFunction, facts: SummaryFacts, locale: string): string {
  const clauses: string[] = [];
  if (facts.passedNoticeDeadlines > 0) clauses.push(t('reports.summary.passedNoticeDeadlines', { count: facts.passedNoticeDeadlines }));
  if (facts.expiredCertifications > 0) clauses.push(t('reports.summary.expiredCertifications', { count: facts.expiredCertifications }));
  if (clauses.length === 0) return t('reports.summary.noOverdueDeadlines');
  return `${capitalise(new Intl.ListFormat(locale, { type: 'conjunction' }).format(clauses))}.`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** One labelled value of the workbook's first sheet and of the first CSV file. */
export interface FactRow {
  readonly label: string;
  readonly value: ReportCell;
}

/** Names the scope: the whole portfolio, or the chosen providers' names. */
export function scopeText(t: TFunction, pack: Pick<ReportPack, 'scope' | 'scopeProviderNames'>): string {
  return pack.scope.kind === 'portfolio' ? t('reports.builder.wholePortfolio') : pack.scopeProviderNames.join(', ');
}

/**
 * Lists what the pack covers, as the PDF cover does: portfolio, period, scope, whether
 * commercial terms are left out, and the generation and data change times.
 */
export function coverRows(t: TFunction, pack: ReportPack, locale: string): FactRow[] {
  const text = (value: string): ReportCell => ({ kind: 'text', value });
  return [
    { label: t('reports.summaryTable.portfolio'), value: text(pack.portfolioName) },
    { label: t('reports.summaryTable.period'), value: text(periodText(t, pack.period, locale)) },
    { label: t('reports.summaryTable.scope'), value: text(scopeText(t, pack)) },
    {
      label: t('reports.summaryTable.commercialTerms'),
      value: text(pack.withoutCommercialTerms ? t('reports.summaryTable.commercialTermsLeftOut') : t('reports.summaryTable.commercialTermsIncluded')),
    },
    { label: t('reports.summaryTable.generatedAt'), value: { kind: 'instant', value: pack.generatedAt } },
    {
      label: t('reports.summaryTable.dataChangedAt'),
      value: pack.dataChangedAt === null ? text(t('reports.pack.noData')) : { kind: 'instant', value: pack.dataChangedAt },
    },
  ];
}

/** Rows of the workbook's first sheet and of the first CSV file: the cover, then the summary's facts when the pack has a summary. */
export function packFactRows(t: TFunction, pack: ReportPack, locale: string): FactRow[] {
  const summary = pack.sections.find((section) => section.key === 'summary');
  const cover = coverRows(t, pack, locale);
  return summary?.key === 'summary' ? [...cover, ...summaryRows(t, summary.facts)] : cover;
}

/**
 * Names the pack after the portfolio and the period, then the scope and the redaction, so that a
 * pack for chosen providers or without commercial terms is never saved under the full pack's
 * name: `Portfolio 2016-Q1 – 2 providers – without commercial terms`. The name is safe as a file
 * name, and it is the print view's document title, which browsers offer as the PDF's name.
 */
export function packName(t: TFunction, pack: ReportPack): string {
  const qualifiers: string[] = [];
  if (pack.scope.kind === 'providers') {
    const [only] = pack.scopeProviderNames;
    qualifiers.push(pack.scopeProviderNames.length === 1 && only !== undefined ? only : t('reports.fileName.providers', { count: pack.scopeProviderNames.length }));
  }
  if (pack.withoutCommercialTerms) qualifiers.push(t('reports.fileName.withoutCommercialTerms'));
  return safeFileStem(`${pack.portfolioName} ${periodLabel(pack.period)}`, qualifiers);
}

export function packFileName(t: TFunction, pack: ReportPack, extension: string): string {
  return `${packName(t, pack)}.${extension}`;
}

/** Rows of the summary as a table of facts, for the workbook's first sheet and its CSV file. */
export function summaryRows(t: TFunction, facts: SummaryFacts): FactRow[] {
  const rows: FactRow[] = [
    { label: t('reports.summaryTable.criticalLevels'), value: { kind: 'integer', value: facts.criticalLevels } },
    { label: t('reports.summaryTable.missedLevels'), value: { kind: 'integer', value: facts.missedLevels } },
  ];
  for (const entry of facts.credits ?? []) {
    rows.push(
      { label: t('reports.summaryTable.creditsDue', { currency: entry.currency }), value: { kind: 'money', minor: entry.dueMinor, currency: entry.currency } },
      {
        label: t('reports.summaryTable.creditsPending', { currency: entry.currency }),
        value: { kind: 'money', minor: entry.pendingMinor, currency: entry.currency },
      },
      { label: t('reports.summaryTable.bonuses', { currency: entry.currency }), value: { kind: 'money', minor: entry.bonusMinor, currency: entry.currency } },
    );
  }
  rows.push(
    { label: t('reports.summaryTable.escalations1'), value: { kind: 'integer', value: facts.openEscalations[1] } },
    { label: t('reports.summaryTable.escalations2'), value: { kind: 'integer', value: facts.openEscalations[2] } },
    { label: t('reports.summaryTable.escalations3'), value: { kind: 'integer', value: facts.openEscalations[3] } },
    { label: t('reports.summaryTable.highRisks'), value: { kind: 'integer', value: facts.highRisks } },
    { label: t('reports.summaryTable.overdueActions'), value: { kind: 'integer', value: facts.overdueActions } },
    { label: t('reports.summaryTable.passedNoticeDeadlines'), value: { kind: 'integer', value: facts.passedNoticeDeadlines } },
    { label: t('reports.summaryTable.expiredCertifications'), value: { kind: 'integer', value: facts.expiredCertifications } },
    { label: t('reports.summaryTable.upcomingDeadlines'), value: { kind: 'integer', value: facts.upcomingDeadlines } },
    { label: t('reports.summaryTable.slippingPlans'), value: { kind: 'integer', value: facts.slippingPlans } },
  );
  return rows;
}

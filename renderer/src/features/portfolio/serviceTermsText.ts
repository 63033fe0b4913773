/** Sentences of the service level terms: the summary on the KPI card and the problems of the terms form. */
import type { TFunction } from 'i18next';
import type { KpiDirection, KpiUnit, ServiceLevel } from '@shared/domain/types';
import { maxEarnBackMonths, maxGlideMonths } from '@shared/kpi/serviceLevelSchema';
import type { TermsIssue, TermsProblem } from '@shared/kpi/serviceLevelSchema';
import { formatKpiValue, formatNumber, formatPeriod } from '../../format';
import { translateDynamic } from '../../i18n/dynamic';

/**
 * Summarises a level's terms in one line, for example "Critical: 40% of the at-risk amount,
 * fixed credit, earn-back 3 months". A reported KPI says that it carries no credits.
 */
export function termsSummary(t: TFunction, level: ServiceLevel, unit: KpiUnit, locale: string): string {
  if (!level.critical) return t('serviceTerms.summary.reported');
  const value = (result: number) => formatKpiValue(result, unit, locale);
  const parts: string[] = [];
  parts.push(
    level.allocationPercent === null
      ? t('serviceTerms.summary.noAllocation')
      : t('serviceTerms.summary.allocation', { percent: formatNumber(level.allocationPercent, locale, 2) }),
  );
  const rule = level.creditRule;
  if (rule.kind === 'fixed') parts.push(t('serviceTerms.summary.fixed'));
  if (rule.kind === 'proportional') parts.push(t('serviceTerms.summary.proportional', { level: value(rule.fullCreditAt) }));
  if (rule.kind === 'tiered') parts.push(t('serviceTerms.summary.tiered', { count: rule.tiers.length }));
  parts.push(
    level.earnBackMonths === 0 ? t('serviceTerms.summary.noEarnBack') : t('serviceTerms.summary.earnBack', { count: level.earnBackMonths }),
  );
  if (level.bonus !== null) parts.push(t('serviceTerms.summary.bonus', { level: value(level.bonus.level) }));
  if (level.goLive !== null && level.glidePath.length > 0) {
    parts.push(t('serviceTerms.summary.glidePath', { count: level.glidePath.length, goLive: formatPeriod(level.goLive, locale) }));
  }
  return t('serviceTerms.summary.critical', { terms: parts.join(', ') });
}

/** Names the field at `path` as the form labels it, for example "Tier 2, worse than". */
export function termsFieldLabel(t: TFunction, path: string): string {
  const parts = path.split('.');
  const [head, second, third, fourth] = parts;
  if (head === 'creditRule' && second === 'tiers' && third !== undefined && fourth !== undefined) {
    return translateDynamic(t, `serviceTerms.fields.tier_${fourth}`, { number: Number(third) + 1 });
  }
  if (head === 'glidePath' && second !== undefined && third !== undefined) {
    return translateDynamic(t, `serviceTerms.fields.step_${third}`, { number: Number(second) + 1 });
  }
  return translateDynamic(t, `serviceTerms.fields.${parts.join('_')}`);
}

/** Problems whose sentence depends on whether higher or lower results are better. */
const directedProblems: ReadonlySet<TermsProblem> = new Set<TermsProblem>([
  'minimumOrder',
  'glideOrder',
  'fullCreditNotWorse',
  'tierNotWorse',
  'bonusNotBetter',
]);

/** Returns the sentence for one problem of the terms form, starting with the field's label. */
export function termsIssueMessage(t: TFunction, issue: TermsIssue, direction: KpiDirection, decimalSeparator: string): string {
  const key = directedProblems.has(issue.problem) ? `${issue.problem}_${direction}` : issue.problem;
  return translateDynamic(t, `serviceTerms.problems.${key}`, {
    field: termsFieldLabel(t, issue.field),
    decimal: decimalSeparator,
    maxEarnBack: maxEarnBackMonths,
    maxMonths: maxGlideMonths,
  });
}

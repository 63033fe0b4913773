/**
 * Sentences of the Service credits panel, written from the codes and numbers of the credits
 * engine: one line per service level and month, the earn-back status, the cap and the terms. Pure.
 */
import type { TFunction } from 'i18next';
import { addMonths } from '@shared/domain/period';
import type { KpiDirection, KpiUnit, Period } from '@shared/domain/types';
import type { ContractCreditTermsResult, CreditLine, EarnBack, LevelCreditsSummary, MonthCredits } from '@shared/kpi/creditsTypes';
import { formatKpiValue, formatNumber, formatPeriod } from '../../format';
import { translateDynamic } from '../../i18n/dynamic';
import { formatMoneyMinor } from '../rfp/money';

/** KPI fields that the sentences read. */
export interface CreditKpi {
  readonly name: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
}

export interface CreditTextContext {
  readonly t: TFunction;
  /** Locale of numbers, money and months, for example `en-GB`. */
  readonly locale: string;
  /** ISO 4217 code of the contract. */
  readonly currency: string;
  /** Monthly at-risk amount of the contract, or `null` when its terms are not calculable. */
  readonly atRiskMinor: number | null;
  readonly kpiOf: (kpiId: string) => CreditKpi | undefined;
}

/** Formats a percentage given in percent (40 means 40%), with up to two decimals. */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}

function money(context: CreditTextContext, amountMinor: number): string {
  return formatMoneyMinor(amountMinor, context.currency, context.locale);
}

function month(context: CreditTextContext, period: Period): string {
  return formatPeriod(period, context.locale);
}

/** Formats the first and last month of a window, or one month when they are the same. */
function monthRange(context: CreditTextContext, from: Period, to: Period): string {
  return from === to ? month(context, from) : context.t('credits.range', { from: month(context, from), to: month(context, to) });
}

const unknownKpi: CreditKpi = { name: '?', unit: 'number', direction: 'higherIsBetter' };

function kpiOf(context: CreditTextContext, kpiId: string): CreditKpi {
  return context.kpiOf(kpiId) ?? unknownKpi;
}

function levelPhrase(context: CreditTextContext, kpi: CreditKpi, line: CreditLine): string {
  const value = formatKpiValue(line.levels.minimum, kpi.unit, context.locale);
  const bound = kpi.direction === 'higherIsBetter' ? 'minimum' : 'maximum';
  if (line.levels.source === 'glidePath' && line.levels.monthAfterGoLive !== null) {
    return context.t(`credits.level.${bound}Glide`, { value, month: line.levels.monthAfterGoLive });
  }
  return context.t(`credits.level.${bound}`, { value });
}

/** Shortfall in the KPI's unit: percentage points, seconds or plain numbers, short of a minimum or over a maximum. */
function shortfallPhrase(context: CreditTextContext, kpi: CreditKpi, shortfall: number): string {
  const side = kpi.direction === 'higherIsBetter' ? 'Short' : 'Over';
  const value = formatNumber(shortfall, context.locale, kpi.unit === 'seconds' ? 0 : 2);
  // The count picks "1 point" or "3.8 points" in languages with plural forms.
  return translateDynamic(context.t, `credits.shortfall.${kpi.unit}${side}`, { value, count: shortfall });
}

/** Writes the part of a missed line after the shortfall: the allocation and the credit, or why there is none. */
function outcomePhrase(context: CreditTextContext, kpi: CreditKpi, line: CreditLine): string {
  const { t, locale } = context;
  const allocationPercent = line.allocationPercent === null ? '' : formatPercent(line.allocationPercent, locale);
  const atRisk = context.atRiskMinor === null ? '' : money(context, context.atRiskMinor);
  const allocation = line.allocationMinor === null ? '' : money(context, line.allocationMinor);
  const credit = line.credit;

  switch (line.code) {
    case 'noAllocation':
      return t('credits.outcome.noAllocation');
    case 'contractTerms':
      return t('credits.outcome.contractTerms');
    case 'levelTerms':
      return t('credits.outcome.levelTerms');
    case 'noTierReached': {
      const tier = line.firstTier === null ? '' : formatKpiValue(line.firstTier.worseThan, kpi.unit, locale);
      return t('credits.outcome.noTierReached', { allocationPercent, atRisk, tier });
    }
    default:
      break;
  }
  if (credit === null) {
    return '';
  }

  const amount = money(context, credit.amountMinor);
  const share = formatPercent(credit.sharePercent, locale);
  switch (credit.rule) {
    case 'fixed':
      return t('credits.outcome.fixed', { allocationPercent, atRisk, amount });
    case 'proportional':
      return t('credits.outcome.proportional', { allocationPercent, atRisk, allocation, share, amount });
    case 'tiered': {
      const tier = credit.tier === null ? '' : formatKpiValue(credit.tier.worseThan, kpi.unit, locale);
      return t('credits.outcome.tiered', { allocationPercent, atRisk, allocation, share, tier, amount });
    }
  }
}

/** Writes the one-line explanation of a service level's month. */
export function lineSentence(context: CreditTextContext, line: CreditLine): string {
  const { t, locale } = context;
  const kpi = kpiOf(context, line.kpiId);
  const name = kpi.name;

  if (line.result === null) {
    return t('credits.line.gap', { kpi: name, month: month(context, line.period) });
  }
  const result = formatKpiValue(line.result, kpi.unit, locale);
  if (line.code === 'beforeGoLive') {
    const goLive = addMonths(line.period, 1 - (line.levels.monthAfterGoLive ?? 1));
    return t('credits.line.beforeGoLive', { kpi: name, result, month: month(context, line.period), goLive: month(context, goLive) });
  }

  const level = levelPhrase(context, kpi, line);
  if (line.missed && line.shortfall !== null) {
    return t('credits.line.missed', { kpi: name, result, level, shortfall: shortfallPhrase(context, kpi, line.shortfall), outcome: outcomePhrase(context, kpi, line) });
  }
  if (line.code === 'levelTerms') {
    return t('credits.line.levelTermsMet', { kpi: name, result });
  }
  if (line.bonus !== null) {
    return t('credits.line.bonus', {
      kpi: name,
      result,
      level,
      bonusLevel: formatKpiValue(line.bonus.level, kpi.unit, locale),
      share: formatPercent(line.bonus.percentOfAllocation, locale),
      amount: money(context, line.bonus.amountMinor),
    });
  }
  return t('credits.line.met', { kpi: name, result, level });
}

/** Writes the earn-back status of a credit, or `null` when the credit has no earn-back. */
export function earnBackSentence(context: CreditTextContext, earnBack: EarnBack | null, kpiId: string): string | null {
  if (earnBack === null || earnBack.months === 0 || earnBack.from === null || earnBack.to === null) {
    return null;
  }
  const { t, locale } = context;
  const months = monthRange(context, earnBack.from, earnBack.to);

  if (earnBack.missedExpected !== null) {
    const { unit } = kpiOf(context, kpiId);
    return t('credits.earnBack.missed', {
      month: month(context, earnBack.missedExpected.period),
      result: formatKpiValue(earnBack.missedExpected.result, unit, locale),
      expected: formatKpiValue(earnBack.missedExpected.expected, unit, locale),
    });
  }
  if (earnBack.status === 'earnedBack') {
    return t('credits.earnBack.earnedBack', { months });
  }
  if (earnBack.missingPeriods.length === earnBack.months) {
    return t('credits.earnBack.pendingAll', { months, count: earnBack.months });
  }
  const missing = new Intl.ListFormat(locale, { type: 'conjunction' }).format(earnBack.missingPeriods.map((period) => month(context, period)));
  return t('credits.earnBack.pending', { months, missing, count: earnBack.missingPeriods.length });
}

/** Notes under a month's lines: the cap when it removed an amount, waived and pending credits, bonuses. */
export function monthNotes(context: CreditTextContext, credits: MonthCredits): string[] {
  const { t } = context;
  const notes: string[] = [];
  if (credits.cappedMinor > 0 && credits.capMinor !== null) {
    notes.push(
      t('credits.cap', {
        before: money(context, credits.beforeCapMinor),
        cap: money(context, credits.capMinor),
        capped: money(context, credits.cappedMinor),
        after: money(context, credits.afterCapMinor),
      }),
    );
  }
  if (credits.waivedMinor > 0) notes.push(t('credits.waived', { amount: money(context, credits.waivedMinor) }));
  if (credits.pendingMinor > 0) notes.push(t('credits.pending', { amount: money(context, credits.pendingMinor) }));
  if (credits.bonusMinor > 0) notes.push(t('credits.bonus', { amount: money(context, credits.bonusMinor) }));
  return notes;
}

/** Writes the contract's terms, or one sentence per missing or invalid term naming what to enter before credits can be calculated. */
export function termsSentences(context: CreditTextContext, terms: ContractCreditTermsResult): { readonly ok: boolean; readonly sentences: string[] } {
  const { t, locale } = context;
  if (terms.issues.length > 0 || terms.atRiskMinor === null || terms.monthlyChargesMinor === null || terms.atRiskPercent === null) {
    return { ok: false, sentences: terms.issues.map((issue) => translateDynamic(t, `credits.contractIssues.${issue}`)) };
  }
  const sentence = t('credits.terms', {
    charges: money(context, terms.monthlyChargesMinor),
    percent: formatPercent(terms.atRiskPercent, locale),
    atRisk: money(context, terms.atRiskMinor),
  });
  return { ok: true, sentences: [sentence] };
}

/** Writes why each listed level carries no credits or has invalid terms; usable critical levels give nothing. */
export function levelIssueSentences(context: CreditTextContext, levels: readonly LevelCreditsSummary[]): string[] {
  const sentences: string[] = [];
  for (const level of levels) {
    const kpi = context.kpiOf(level.kpiId)?.name ?? '?';
    for (const issue of level.issues) {
      sentences.push(translateDynamic(context.t, `credits.levelIssues.${issue}`, { kpi }));
    }
  }
  return sentences;
}

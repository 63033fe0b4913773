/**
 * Sentences of the merge preview built from its view model (`mergeView.ts`): record names, field
 * labels, values, where and when a value was written, and the clock warning. Pure apart from the
 * translation function, so tests pass an initialised i18next `t`.
 */
import type { TFunction } from 'i18next';
import type { CertificationStandard } from '@shared/domain/providerProfile';
import { formatNumber, formatPeriod } from '../../format';
import { translateDynamic } from '../../i18n/dynamic';
import { formatCalendarDate } from '../escalations/escalationView';
import { kpiName } from '../kpi/kpiName';
import { countryName, languageName } from '../providerRecord/countries';
import { formatAheadDuration, formatChangeTime } from './mergeView';
import type { ChangeOrigin, ClockSkewNotice, ConflictRow, FieldValueView } from './mergeView';
import type { PlanRecordLabel, RecordLabel, RfpRecordLabel } from './recordLabels';
import type { AgendaItemView } from './valueLabels';

/** Options of the time formats; `timeZone` is left out in the app so that times show in local time. */
export interface TextFormat {
  readonly locale: string;
  readonly timeZone?: string;
}

/** Returns the record's name as the user knows it, such as "Calls abandoned for NHS 111 North, Apr 2015". A provider's code follows its name. */
export function describeRecord(t: TFunction, label: RecordLabel, format: TextFormat): string {
  const provider = (name: string | null) => name ?? t('sync.records.unknownProvider');
  switch (label.kind) {
    case 'provider':
      return label.code === null ? label.name : t('sync.records.provider', { name: label.name, code: label.code });
    case 'contract':
      return t('sync.records.contract', { title: label.title, provider: provider(label.providerName) });
    case 'kpi':
      return kpiName(t, label.kpi);
    case 'serviceLevel':
      return t('sync.records.serviceLevel', {
        kpi: label.kpi === null ? t('sync.records.unknownKpi') : kpiName(t, label.kpi),
        provider: provider(label.providerName),
      });
    case 'measurement':
      return t('sync.records.measurement', {
        kpi: label.kpi === null ? t('sync.records.unknownKpi') : kpiName(t, label.kpi),
        provider: provider(label.providerName),
        period: formatPeriod(label.period, format.locale),
      });
    case 'escalation':
    case 'escalationEvent': {
      const values = {
        kpi: label.kpi === null ? t('sync.records.unknownKpi') : kpiName(t, label.kpi),
        provider: provider(label.providerName),
      };
      if (label.period === null) return t('sync.records.escalationEventUnknown');
      return t(`sync.records.${label.kind}`, { ...values, period: formatPeriod(label.period, format.locale) });
    }
    case 'profileRecord':
    {
      const ownName = label.standard === null ? label.name : certificationName(t, label.standard, label.name);
      const name = label.date === null ? ownName : t('sync.records.nameWithDate', { name: ownName, date: formatCalendarDate(label.date, format.locale) });
      if (label.providerName === null) return t(`sync.records.${label.table}_noProvider`, { name });
      return t(`sync.records.${label.table}`, { name, provider: label.providerName });
    }
    case 'missing':
      return t('sync.records.missing', { table: t(`sync.tables.${label.table}`), id: label.recordId });
    case 'planCalendar':
    case 'plan':
    case 'planTask':
    case 'planDependency':
    case 'planBaseline':
      return describePlanRecord(t, label);
    default:
      return describeRfpRecord(t, label);
  }
}

/** Returns a certification's name as the user knows it: its standard, and its qualifier when it has one. */
export function certificationName(t: TFunction, standard: CertificationStandard, name: string): string {
  const standardName = t(`profile.standards.${standard}`);
  if (name === '') return standardName;
  return standard === 'other' ? name : t('profile.standardWithName', { standard: standardName, name });
}

/** Returns the name of a transition plan record, such as "Task Pilot of plan Payroll transition". */
function describePlanRecord(t: TFunction, label: PlanRecordLabel): string {
  const plan = (title: string | null) => title ?? t('sync.records.unknownPlan');
  const task = (name: string | null) => name ?? t('sync.records.unknownTask');
  switch (label.kind) {
    case 'planCalendar':
      return label.site === '' ? t('sync.records.planCalendar', { name: label.name }) : t('sync.records.siteCalendar', label);
    case 'plan':
      return t('sync.records.plan', { title: label.title });
    case 'planTask':
      return t('sync.records.planTask', { name: label.name, plan: plan(label.planTitle) });
    case 'planDependency':
      return t('sync.records.planDependency', {
        predecessor: task(label.predecessorName),
        successor: task(label.successorName),
        plan: plan(label.planTitle),
      });
    case 'planBaseline':
      return t('sync.records.planBaseline', { name: label.name, plan: plan(label.planTitle) });
  }
}

/** Returns the name of an RFP record, such as "Ann’s score of North Payroll on Quality". */
function describeRfpRecord(t: TFunction, label: RfpRecordLabel): string {
  const rfp = (title: string | null) => title ?? t('sync.records.unknownRfp');
  const bidder = (name: string | null) => name ?? t('sync.records.unknownBidder');
  const criterion = (title: string | null) => title ?? t('sync.records.unknownCriterion');
  switch (label.kind) {
    case 'rfpEvent':
      return t('sync.records.rfpEvent', { title: label.title });
    case 'rfpSection':
      return t('sync.records.rfpSection', { title: label.title, rfp: rfp(label.rfpTitle) });
    case 'rfpCriterion':
      return t('sync.records.rfpCriterion', { title: label.title, rfp: rfp(label.rfpTitle) });
    case 'rfpBidder':
      return t('sync.records.rfpBidder', { name: label.name, rfp: rfp(label.rfpTitle) });
    case 'rfpEvaluator':
      return t('sync.records.rfpEvaluator', { name: label.name, rfp: rfp(label.rfpTitle) });
    case 'rfpScore':
      return t('sync.records.rfpScore', {
        evaluator: label.evaluatorName ?? t('sync.records.unknownEvaluator'),
        bidder: bidder(label.bidderName),
        criterion: criterion(label.criterionTitle),
      });
    case 'rfpConsensusScore':
      return t('sync.records.rfpConsensusScore', { bidder: bidder(label.bidderName), criterion: criterion(label.criterionTitle) });
    case 'rfpPriceBid':
      return t('sync.records.rfpPriceBid', { bidder: bidder(label.bidderName), round: label.round });
  }
}

/** Returns the translated label of a record field, or the field name when there is none. */
export function describeField(t: TFunction, field: string): string {
  return translateDynamic(t, `sync.fields.${field}`, { defaultValue: field });
}

/** Formats a field value; numbers keep up to 4 decimals so that small differences stay visible. */
export function describeValue(t: TFunction, value: FieldValueView, format: TextFormat): string {
  switch (value.kind) {
    case 'empty':
      return t('sync.emptyValue');
    case 'text':
      return value.text;
    case 'number':
      return formatNumber(value.value, format.locale, 4);
    case 'money':
      return formatMinorUnits(value.minor, value.currency, format.locale);
    case 'list':
      return listFormat(format, value.items);
    case 'record':
      return describeRecord(t, value.label, format);
    case 'label':
      return translateDynamic(t, value.key, { defaultValue: value.key.slice(value.key.lastIndexOf('.') + 1) });
    case 'labels':
      if (value.keys.length === 0) return t('sync.emptyValue');
      return listFormat(format, value.keys.map((key) => translateDynamic(t, key, { defaultValue: key.slice(key.lastIndexOf('.') + 1) })));
    case 'date':
      return formatCalendarDate(value.date, format.locale);
    case 'period':
      return formatPeriod(value.period, format.locale);
    case 'instant':
      return formatChangeTime(value.ms, format.locale, format.timeZone);
    case 'boolean':
      return value.value ? t('sync.values.yes') : t('sync.values.no');
    case 'noticePeriod':
      return t(`contractGovernance.noticeAmount_${value.unit}`, { count: value.amount });
    case 'agenda':
      return describeAgenda(t, value.items, format);
    case 'country':
      return countryName(value.code, format.locale);
    case 'languages':
      return listFormat(format, value.tags.map((tag) => languageName(tag, format.locale)));
  }
}

function listFormat(format: TextFormat, items: readonly string[]): string {
  return new Intl.ListFormat(format.locale, { type: 'unit' }).format(items);
}

/** Words agenda items as a list of their source and text, such as "Risk review: Attrition, Other item: Budget". */
export function describeAgenda(t: TFunction, items: readonly AgendaItemView[], format: TextFormat): string {
  if (items.length === 0) return t('sync.emptyValue');
  const texts = items.map((item) => t('sync.values.agendaItem', { source: t(`profile.agendaSources.${item.source}`), text: item.text }));
  return listFormat(format, texts);
}

/**
 * Formats an amount in minor units in its currency, such as 1250050 GBP as £12,500.50. An
 * invalid currency code shows the plain number of minor units followed by the code.
 */
export function formatMinorUnits(minor: number, currency: string, locale: string): string {
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return `${formatNumber(minor, locale)} ${currency}`;
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}

/** Returns when and where a value was written, such as "4 Mar 2026, 10:15:02 on this laptop". */
export function describeOrigin(t: TFunction, origin: ChangeOrigin, format: TextFormat): string {
  const time = formatChangeTime(origin.changedAtMs, format.locale, format.timeZone);
  return origin.byThisDevice ? t('sync.origin.thisDevice', { time }) : t('sync.origin.otherDevice', { time, device: origin.deviceId });
}

/** Returns which value the merge keeps and why: the later change, or the user's choice when `keepOther` is set. */
export function describeKept(t: TFunction, row: ConflictRow, keepOther: boolean): string {
  if (keepOther) return row.winner === 'local' ? t('sync.kept.chosenRemote') : t('sync.kept.chosenLocal');
  const winning = row.winner === 'local' ? row.local : row.remote;
  if (row.winner === 'local') {
    return winning.byThisDevice ? t('sync.kept.local_thisDevice') : t('sync.kept.local_otherDevice', { device: winning.deviceId });
  }
  return winning.byThisDevice ? t('sync.kept.remote_thisDevice') : t('sync.kept.remote_otherDevice', { device: winning.deviceId });
}

/** Returns the clock warning for a file whose clocks are ahead of this computer's time. */
export function describeClockSkew(t: TFunction, notice: ClockSkewNotice, format: TextFormat): string {
  return t('sync.clockSkew', {
    count: notice.deviceIds.length,
    ahead: formatAheadDuration(notice.aheadMs, format.locale),
    devices: new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(notice.deviceIds),
  });
}

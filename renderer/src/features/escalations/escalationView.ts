/**
 * Pure builders of the Escalations screen: table rows with their filters, and the sentences of an
 * escalation's history.
 */
import type { TFunction } from 'i18next';
import type { Escalation, EscalationEvent, EscalationLevel, EscalationStatus } from '@shared/domain/escalation';
import { shortfall } from '@shared/domain/kpiMath';
import type { CalendarDate, Id, Instant, KpiDefinition, Measurement, Period, Provider, ServiceLevel } from '@shared/domain/types';
import { compareEvents, defaultEscalationRules, wholeDaysBetween } from '@shared/kpi/escalationRules';
import { effectiveLevel } from '@shared/kpi/effectiveLevel';
import { formatKpiValue, formatPeriod } from '../../format';
import { kpiName } from '../kpi/kpiName';

export interface EscalationRow {
  readonly id: Id;
  readonly providerId: Id;
  readonly providerName: string;
  readonly kpiName: string;
  readonly openedPeriod: Period;
  readonly level: EscalationLevel;
  readonly status: EscalationStatus;
  readonly owner: string;
  readonly dueDate: CalendarDate;
  /** An open escalation whose due date is before today. */
  readonly overdue: boolean;
  /** Whole days since the escalation opened. */
  readonly ageDays: number;
}

export type StatusFilter = EscalationStatus | 'all';
export type LevelFilter = EscalationLevel | 'all';

/** Names of a service level's provider and KPI, as the screen shows them. */
export interface LevelNames {
  readonly provider: string;
  readonly kpi: string;
}

/** Looks up the provider and KPI names of every service level, in the user's language. */
export function levelNamesOf(
  t: TFunction,
  serviceLevels: readonly ServiceLevel[],
  providers: readonly Provider[],
  kpis: readonly KpiDefinition[],
): Map<Id, LevelNames> {
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));
  const kpiById = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const names = new Map<Id, LevelNames>();
  for (const level of serviceLevels) {
    const kpi = kpiById.get(level.kpiId);
    names.set(level.id, {
      provider: providerNames.get(level.providerId) ?? t('escalations.unknownProvider'),
      kpi: kpi === undefined ? t('escalations.unknownKpi') : kpiName(t, kpi),
    });
  }
  return names;
}

export function buildEscalationRows(
  t: TFunction,
  escalations: readonly Escalation[],
  names: ReadonlyMap<Id, LevelNames>,
  now: Instant,
  today: CalendarDate,
): EscalationRow[] {
  return escalations.map((escalation) => {
    const levelNames = names.get(escalation.serviceLevelId);
    return {
      id: escalation.id,
      providerId: escalation.providerId,
      providerName: levelNames?.provider ?? t('escalations.unknownProvider'),
      kpiName: levelNames?.kpi ?? t('escalations.unknownKpi'),
      openedPeriod: escalation.openedPeriod,
      level: escalation.level,
      status: escalation.status,
      owner: escalation.owner,
      dueDate: escalation.dueDate,
      overdue: escalation.status === 'open' && escalation.dueDate < today,
      ageDays: wholeDaysBetween(escalation.openedAt, now),
    };
  });
}

export function filterEscalationRows(rows: readonly EscalationRow[], status: StatusFilter, level: LevelFilter): EscalationRow[] {
  return rows.filter((row) => (status === 'all' || row.status === status) && (level === 'all' || row.level === level));
}

export function levelName(t: TFunction, level: EscalationLevel): string {
  return t(`escalations.levelNames.level${level}`);
}

/** Formats a calendar date such as `2026-03-31` in the user's locale, the same in every time zone. */
export function formatCalendarDate(date: CalendarDate, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** Facts about the escalation's service level that the history sentences read. */
export interface HistoryContext {
  readonly kpi: Pick<KpiDefinition, 'unit' | 'direction'> | null;
  readonly serviceLevel: Pick<ServiceLevel, 'expected' | 'minimum' | 'goLive' | 'glidePath'> | null;
  /** The service level's results by month. */
  readonly results: ReadonlyMap<Period, Pick<Measurement, 'value'>>;
  readonly locale: string;
}

function percent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** Returns the month's minimum and result as text, or `null` when the month has no result now. */
function monthFacts(period: Period, history: HistoryContext): { minimum: string; value: string; shortfall: string } | null {
  const { kpi, serviceLevel } = history;
  const value = history.results.get(period)?.value ?? null;
  if (kpi === null || serviceLevel === null || value === null) return null;
  const applying = effectiveLevel(serviceLevel, period);
  const relative = shortfall(kpi, applying, value);
  return {
    minimum: formatKpiValue(applying.minimum, kpi.unit, history.locale),
    value: formatKpiValue(value, kpi.unit, history.locale),
    shortfall: relative === null ? '' : percent(relative * 100, history.locale),
  };
}

/** Turns one history event into a sentence, such as "Raised to level 2 by rule: 2 missed months within 3 months." */
export function describeEscalationEvent(t: TFunction, event: EscalationEvent, history: HistoryContext): string {
  const user = event.user.trim() === '' ? t('escalations.someone') : event.user;
  const note = event.note.trim();
  const month = event.period === null ? '' : formatPeriod(event.period, history.locale, 'long');
  const facts = event.period === null ? null : monthFacts(event.period, history);
  const level = event.level;

  switch (event.kind) {
    case 'opened':
      if (event.rule === 'severity') {
        const shortfallText = percent(event.amount ?? 0, history.locale);
        return facts === null
          ? t('escalations.events.openedSevere', { context: 'noValue', level, month, shortfall: shortfallText })
          : t('escalations.events.openedSevere', { level, month, shortfall: shortfallText, minimum: facts.minimum, value: facts.value });
      }
      return facts === null
        ? t('escalations.events.opened', { context: 'noValue', level, month })
        : t('escalations.events.opened', { level, month, minimum: facts.minimum, value: facts.value });
    case 'repeatMiss':
      return facts === null
        ? t('escalations.events.repeatMiss', { context: 'noValue', month })
        : t('escalations.events.repeatMiss', { month, minimum: facts.minimum, value: facts.value });
    case 'raised':
      return describeRaise(t, event, user, note, history.locale);
    case 'lowered':
      return t('escalations.events.lowered', { level, user, note });
    case 'ownerChanged':
      return t('escalations.events.ownerChanged', { user, owner: note });
    case 'dueDateChanged':
      return t('escalations.events.dueDateChanged', { user, date: formatCalendarDate(note, history.locale) });
    case 'closed':
      return t('escalations.events.closed', { user, note });
    case 'reopened':
      return note === '' ? t('escalations.events.reopened', { user }) : t('escalations.events.reopened', { context: 'note', user, note });
    case 'note':
      return t('escalations.events.note', { user, note });
  }
}

function describeRaise(t: TFunction, event: EscalationEvent, user: string, note: string, locale: string): string {
  const level = event.level;
  const amount = event.amount ?? 0;
  switch (event.rule) {
    case 'repeats': {
      // NOTE: events store the count, not the window, so the window is read from the current rules.
      const rule = defaultEscalationRules.repeats.find((candidate) => candidate.level === level);
      return rule === undefined
        ? t('escalations.events.raisedRepeats', { context: 'noWindow', level, count: amount })
        : t('escalations.events.raisedRepeats', { level, count: amount, months: rule.withinMonths });
    }
    case 'severity':
      return t('escalations.events.raisedSeverity', { level, shortfall: percent(amount, locale) });
    case 'age':
      return t('escalations.events.raisedAge', { level, count: amount });
    case 'manual':
    case null:
      return note === '' ? t('escalations.events.raisedManual', { level, user }) : t('escalations.events.raisedManual', { context: 'note', level, user, note });
  }
}

/** Event kinds that the notification list reports: what the rules found, and raises by anyone. */
const notifiedKinds: ReadonlySet<EscalationEvent['kind']> = new Set(['opened', 'raised', 'repeatMiss']);

/** Lists the events reported as new since `lastSeen` (every one when `null`), newest first. */
export function newNotificationEvents(events: readonly EscalationEvent[], lastSeen: Instant | null): EscalationEvent[] {
  return events
    .filter((event) => notifiedKinds.has(event.kind) && (lastSeen === null || event.at > lastSeen))
    .sort((a, b) => compareEvents(b, a));
}

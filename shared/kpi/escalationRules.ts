/**
 * Escalation rules: which escalations to open, which misses to record and which escalations to
 * raise, given the critical service levels, their measurements and the escalations stored so far.
 * The result is a list of actions that `renderer/src/db/escalations.ts` writes. Computing again
 * after applying them gives no action, so the rules can run after every import and on every
 * screen open.
 *
 * What the rules do:
 * - Only critical service levels escalate. A month is missed when its result is worse than the
 *   minimum that applies in that month (the glide path step, see `effectiveLevel`). A month
 *   without a result is a gap: never a miss.
 * - A missed month that no escalation of its service level records yet opens an escalation for
 *   that month, unless the service level has an open escalation: then it is recorded on that one
 *   as a repeat miss. A closed escalation is never reopened by a rule, so a miss after closing
 *   opens a new escalation.
 * - Open escalations rise by repeats, severity and age (see `EscalationRuleConfig`). Rules never
 *   lower a level. After a person lowers an escalation, the rules count only misses recorded after
 *   that moment and measure age from it, so the person's decision stands until something new
 *   happens.
 */
import type { Escalation, EscalationEvent, EscalationLevel, EscalationRule } from '../domain/escalation';
import { isBreach, shortfall } from '../domain/kpiMath';
import { periodToMonthIndex } from '../domain/period';
import type { CalendarDate, Id, Instant, KpiDefinition, Measurement, Period, ServiceLevel } from '../domain/types';
import { fromDayNumber, toDayNumber } from '../schedule/days';
import { effectiveLevel } from './effectiveLevel';

/** The escalation reaches `level` once `misses` of its missed months fall within `withinMonths` consecutive calendar months. */
export interface RepeatRule {
  readonly level: EscalationLevel;
  readonly misses: number;
  readonly withinMonths: number;
}

/** The escalation reaches `level` when a missed month falls short of its minimum by more than `shortfallPercent`, relative to the minimum. */
export interface SeverityRule {
  readonly level: EscalationLevel;
  readonly shortfallPercent: number;
}

/** The escalation reaches `level` once it has been open for more than `days` whole days. */
export interface AgeRule {
  readonly level: EscalationLevel;
  readonly days: number;
}

/** Settings of the rules, kept as data so that a later settings screen can edit them. */
export interface EscalationRuleConfig {
  readonly repeats: readonly RepeatRule[];
  readonly severity: readonly SeverityRule[];
  readonly age: readonly AgeRule[];
  /** Calendar days from the day an escalation opens, is raised or is reopened to its due date, by the level it then has. */
  readonly dueDays: Readonly<Record<EscalationLevel, number>>;
}

/**
 * Defaults in the shape of a usual outsourcing contract's escalation clause:
 * - repeats: 2 missed months within 3 go to management, 3 within 6 to the steering committee;
 * - severity: a month more than 10% worse than its minimum (below 85.5% against a 95% minimum)
 *   goes to management at once;
 * - age: an escalation still open after 30 days goes to management, after 60 days to the
 *   steering committee;
 * - due dates: operations 14 days (two weekly operations meetings), management 30 days (the next
 *   monthly management meeting), steering committee 60 days.
 */
export const defaultEscalationRules: EscalationRuleConfig = {
  repeats: [
    { level: 2, misses: 2, withinMonths: 3 },
    { level: 3, misses: 3, withinMonths: 6 },
  ],
  severity: [{ level: 2, shortfallPercent: 10 }],
  age: [
    { level: 2, days: 30 },
    { level: 3, days: 60 },
  ],
  dueDays: { 1: 14, 2: 30, 3: 60 },
};

export interface EscalationRuleInput {
  readonly serviceLevels: readonly ServiceLevel[];
  readonly kpis: readonly Pick<KpiDefinition, 'id' | 'direction'>[];
  readonly measurements: readonly Pick<Measurement, 'providerId' | 'kpiId' | 'period' | 'value'>[];
  readonly escalations: readonly Escalation[];
  readonly events: readonly EscalationEvent[];
  /** Current instant; the age rule counts whole days up to it. */
  readonly now: Instant;
  /** Today's date where the user is; due dates count from it. */
  readonly today: CalendarDate;
}

/** Names the escalation an action is about by its natural key, so an action can refer to one opened earlier in the same list. */
export interface EscalationKey {
  readonly serviceLevelId: Id;
  readonly openedPeriod: Period;
}

/**
 * One change the rules make:
 * - `open`: a new escalation for the missed month `openedPeriod`, at `level`; `rule` is
 *   `severity` (with the shortfall in percent as `amount`) when the miss was severe enough to
 *   start above level 1, else `null`;
 * - `repeatMiss`: a later missed month `period` recorded on the open escalation;
 * - `raise`: the escalation goes up to `level` because of `rule`, with the number behind it as
 *   `amount` (missed months, shortfall in percent, or days open) and a new due date.
 */
export type EscalationAction =
  | (EscalationKey & {
      readonly kind: 'open';
      readonly providerId: Id;
      readonly level: EscalationLevel;
      readonly rule: 'severity' | null;
      readonly amount: number | null;
      readonly dueDate: CalendarDate;
    })
  | (EscalationKey & { readonly kind: 'repeatMiss'; readonly period: Period })
  | (EscalationKey & {
      readonly kind: 'raise';
      readonly level: EscalationLevel;
      readonly rule: Exclude<EscalationRule, 'manual'>;
      readonly amount: number;
      readonly dueDate: CalendarDate;
    });

const dayMs = 86_400_000;

/** A missed month of a service level, with how far it fell short in percent of the minimum (`null` for a minimum of 0). */
interface Miss {
  readonly period: Period;
  readonly shortfallPercent: number | null;
}

/** A miss an escalation records, with the instant it was recorded. */
interface RecordedMiss extends Miss {
  readonly recordedAt: Instant;
}

/** An escalation as the rules see it while they work through one service level. */
interface WorkingEscalation {
  readonly key: EscalationKey;
  readonly status: Escalation['status'];
  readonly openedAt: Instant;
  level: EscalationLevel;
  /** Every month the escalation records as missed, including months whose result was corrected since. */
  readonly recordedPeriods: Set<Period>;
  /** The recorded months that are still missed; only these count for the raise rules. */
  readonly misses: RecordedMiss[];
  /** Instant of the latest lowering by a person, or `null`. */
  readonly loweredAt: Instant | null;
}

/** Returns `date` moved by `days` calendar days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Returns the due date of an escalation that reaches `level` on `today`. */
export function dueDateFor(
  level: EscalationLevel,
  today: CalendarDate,
  config: EscalationRuleConfig = defaultEscalationRules,
): CalendarDate {
  return addDays(today, config.dueDays[level]);
}

/** Counts the whole days from `from` to `to`; 0 when `to` is earlier. */
export function wholeDaysBetween(from: Instant, to: Instant): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / dayMs));
}

/** Sorts events in the order they happened: by instant, then by clock, which breaks ties the same way on every laptop. */
export function compareEvents(a: Pick<EscalationEvent, 'at' | 'clock'>, b: Pick<EscalationEvent, 'at' | 'clock'>): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.clock !== b.clock) return a.clock < b.clock ? -1 : 1;
  return 0;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

function seriesKey(providerId: Id, kpiId: Id): string {
  return `${providerId}\u001f${kpiId}`;
}

/** Lists the missed months of one critical service level in period order; gaps are never misses. */
function missedMonths(
  level: ServiceLevel,
  kpi: Pick<KpiDefinition, 'direction'>,
  months: readonly Pick<Measurement, 'period' | 'value'>[],
): Miss[] {
  const misses: Miss[] = [];
  for (const month of months) {
    if (month.value === null) continue;
    const applying = effectiveLevel(level, month.period);
    if (!isBreach(kpi, applying, month.value)) continue;
    // A relative shortfall means nothing against a minimum of 0, so the severity rule skips such months.
    const relative = applying.minimum === 0 ? null : shortfall(kpi, applying, month.value);
    misses.push({ period: month.period, shortfallPercent: relative === null ? null : relative * 100 });
  }
  return misses.sort((a, b) => a.period.localeCompare(b.period));
}

/** Builds the working view of a stored escalation from its events. */
function workingOf(escalation: Escalation, events: readonly EscalationEvent[], missByPeriod: ReadonlyMap<Period, Miss>): WorkingEscalation {
  const misses: RecordedMiss[] = [];
  const recordedPeriods = new Set<Period>();
  let loweredAt: Instant | null = null;
  const record = (period: Period, recordedAt: Instant) => {
    if (recordedPeriods.has(period)) return;
    recordedPeriods.add(period);
    // A month whose result was corrected so that it no longer misses stays recorded but no longer counts.
    const miss = missByPeriod.get(period);
    if (miss !== undefined) misses.push({ ...miss, recordedAt });
  };

  for (const event of events) {
    if ((event.kind === 'opened' || event.kind === 'repeatMiss') && event.period !== null) record(event.period, event.at);
    if (event.kind === 'lowered') loweredAt = event.at;
  }
  // An escalation whose events have not arrived yet (a merge in progress) still records its opening month.
  record(escalation.openedPeriod, escalation.openedAt);

  return {
    key: { serviceLevelId: escalation.serviceLevelId, openedPeriod: escalation.openedPeriod },
    status: escalation.status,
    openedAt: escalation.openedAt,
    level: escalation.level,
    recordedPeriods,
    misses,
    loweredAt,
  };
}

/** Returns the level a severe miss calls for, or 1. */
function severityLevel(miss: Miss, config: EscalationRuleConfig): { level: EscalationLevel; rule: SeverityRule | null } {
  let best: { level: EscalationLevel; rule: SeverityRule | null } = { level: 1, rule: null };
  if (miss.shortfallPercent === null) return best;
  for (const rule of config.severity) {
    if (miss.shortfallPercent > rule.shortfallPercent && rule.level > best.level) best = { level: rule.level, rule };
  }
  return best;
}

/** Counts the maximum number of misses that fall within any `withinMonths` consecutive months. */
function maxMissesWithin(periods: readonly Period[], withinMonths: number): number {
  const indexes = periods.map(periodToMonthIndex).sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < indexes.length; end += 1) {
    const last = indexes[end] ?? 0;
    while ((indexes[start] ?? last) <= last - withinMonths) start += 1;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

interface RaiseCandidate {
  readonly level: EscalationLevel;
  readonly rule: Exclude<EscalationRule, 'manual'>;
  readonly amount: number;
}

/**
 * Finds the highest level the rules call for on an open escalation. Ties go to repeats, then
 * severity, then age, the order in which the candidates are listed.
 */
function raiseFor(escalation: WorkingEscalation, now: Instant, config: EscalationRuleConfig): RaiseCandidate | null {
  const since = escalation.loweredAt;
  const counted = since === null ? escalation.misses : escalation.misses.filter((miss) => miss.recordedAt > since);
  const candidates: RaiseCandidate[] = [];

  for (const rule of config.repeats) {
    const count = maxMissesWithin(
      counted.map((miss) => miss.period),
      rule.withinMonths,
    );
    if (count >= rule.misses) candidates.push({ level: rule.level, rule: 'repeats', amount: count });
  }
  for (const rule of config.severity) {
    const worst = Math.max(...counted.map((miss) => miss.shortfallPercent ?? Number.NEGATIVE_INFINITY));
    if (worst > rule.shortfallPercent) candidates.push({ level: rule.level, rule: 'severity', amount: worst });
  }
  const days = wholeDaysBetween(since ?? escalation.openedAt, now);
  for (const rule of config.age) {
    if (days > rule.days) candidates.push({ level: rule.level, rule: 'age', amount: days });
  }

  let best: RaiseCandidate | null = null;
  for (const candidate of candidates) {
    if (candidate.level > escalation.level && (best === null || candidate.level > best.level)) best = candidate;
  }
  return best;
}

/** Picks the open escalation that takes new misses: the one opened for the latest month. */
function currentOpen(escalations: readonly WorkingEscalation[]): WorkingEscalation | null {
  let current: WorkingEscalation | null = null;
  for (const escalation of escalations) {
    if (escalation.status !== 'open') continue;
    if (current === null || escalation.key.openedPeriod > current.key.openedPeriod) current = escalation;
  }
  return current;
}

/** Works out the actions for one critical service level, in the order they must be written. */
function actionsForLevel(
  level: ServiceLevel,
  misses: readonly Miss[],
  stored: readonly WorkingEscalation[],
  input: EscalationRuleInput,
  config: EscalationRuleConfig,
): EscalationAction[] {
  const actions: EscalationAction[] = [];
  const escalations = [...stored];
  const recorded = new Set(escalations.flatMap((escalation) => [...escalation.recordedPeriods]));
  let open = currentOpen(escalations);

  for (const miss of misses) {
    if (recorded.has(miss.period)) continue;
    recorded.add(miss.period);
    if (open !== null) {
      open.recordedPeriods.add(miss.period);
      open.misses.push({ ...miss, recordedAt: input.now });
      actions.push({ kind: 'repeatMiss', ...open.key, period: miss.period });
      continue;
    }
    const start = severityLevel(miss, config);
    const key: EscalationKey = { serviceLevelId: level.id, openedPeriod: miss.period };
    open = {
      key,
      status: 'open',
      openedAt: input.now,
      level: start.level,
      recordedPeriods: new Set([miss.period]),
      misses: [{ ...miss, recordedAt: input.now }],
      loweredAt: null,
    };
    escalations.push(open);
    actions.push({
      kind: 'open',
      ...key,
      providerId: level.providerId,
      level: start.level,
      rule: start.rule === null ? null : 'severity',
      amount: start.rule === null ? null : miss.shortfallPercent,
      dueDate: dueDateFor(start.level, input.today, config),
    });
  }

  for (const escalation of escalations) {
    if (escalation.status !== 'open') continue;
    const raise = raiseFor(escalation, input.now, config);
    if (raise === null) continue;
    escalation.level = raise.level;
    actions.push({ kind: 'raise', ...escalation.key, ...raise, dueDate: dueDateFor(raise.level, input.today, config) });
  }
  return actions;
}

/**
 * Computes what the rules change, in write order: for each critical service level, its opens and
 * repeat misses by month, then its raises. Returns an empty list when everything is up to date.
 * Service levels whose KPI is unknown are skipped.
 */
export function computeEscalationActions(
  input: EscalationRuleInput,
  config: EscalationRuleConfig = defaultEscalationRules,
): EscalationAction[] {
  const kpis = new Map(input.kpis.map((kpi) => [kpi.id, kpi]));
  const measurements = groupBy(input.measurements, (measurement) => seriesKey(measurement.providerId, measurement.kpiId));
  const escalationsByLevel = groupBy(input.escalations, (escalation) => escalation.serviceLevelId);
  const eventsByEscalation = groupBy(input.events, (event) => event.escalationId);
  for (const events of eventsByEscalation.values()) events.sort(compareEvents);

  const actions: EscalationAction[] = [];
  for (const level of input.serviceLevels) {
    if (!level.critical) continue;
    const kpi = kpis.get(level.kpiId);
    if (kpi === undefined) continue;

    const misses = missedMonths(level, kpi, measurements.get(seriesKey(level.providerId, level.kpiId)) ?? []);
    const missByPeriod = new Map(misses.map((miss) => [miss.period, miss]));
    const stored = (escalationsByLevel.get(level.id) ?? []).map((escalation) =>
      workingOf(escalation, eventsByEscalation.get(escalation.id) ?? [], missByPeriod),
    );
    actions.push(...actionsForLevel(level, misses, stored, input, config));
  }
  return actions;
}

/**
 * Escalation writes: the actions of the escalation rules, and the actions of a person (raise,
 * lower, owner, due date, close, reopen, note). Every action changes the escalation record and
 * adds one event, and all of one call runs in one transaction. Each record gets its own clock and
 * audit entry as `insertRecord` and `updateRecord` give them. A person's action goes through
 * those functions, and a rule run stamps its new records the same way but stores them in bulk.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Escalation, EscalationData, EscalationEvent, EscalationEventData, EscalationLevel } from '@shared/domain/escalation';
import type { AuditEntry, CalendarDate, HlcString, Id, SyncFields } from '@shared/domain/types';
import type { VersionVector } from '@shared/sync/snapshot';
import { AppFailure } from '@shared/errors';
import { computeEscalationActions, dueDateFor } from '@shared/kpi/escalationRules';
import type { EscalationAction } from '@shared/kpi/escalationRules';
import { isCalendarDate } from '@shared/schedule/days';
import { recordAuditEntry } from './auditEntries';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { insertRecord, updateRecord } from './repository';
import { toStorageFailure } from './storageErrors';
import { raiseVersionVector, readVersionVector } from './versionVector';

/** Returns the calendar date of `instant` in this computer's time zone. */
export function localDateOf(instant: string): CalendarDate {
  const date = new Date(instant);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** Tables that a rule run reads and writes; `applyImportPlan` lists them too, because it runs the rules inside its transaction. */
export function escalationRuleTables(db: PortfolioDb) {
  return [db.serviceLevels, db.kpis, db.measurements, db.escalations, db.escalationEvents, db.audit, db.meta];
}

type EventFields = Omit<EscalationEventData, 'escalationId' | 'at' | 'user'>;

/** New records and their audit entries, collected so that a rule run writes them with one bulk call per table. */
class RuleWrites {
  readonly escalations = new Map<string, Escalation>();
  readonly events: EscalationEvent[] = [];
  /** Audit entries by record id, so that a record stamped again keeps one entry. */
  readonly audit = new Map<Id, AuditEntry>();
  lastClock: HlcString | null = null;

  constructor(private readonly context: DeviceContext) {}

  /** Stamps a new record with its own clock and sets its audit entry, as `insertRecord` does. */
  stamp<T extends object>(table: 'escalations' | 'escalationEvents', data: T, id: Id = uuidv7()): T & SyncFields {
    const clock = this.context.tick();
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const [field, value] of Object.entries(data)) changes[field] = { old: null, new: value };
    this.audit.set(id, recordAuditEntry(this.context, clock, 'insert', table, id, changes));
    this.lastClock = clock;
    return { ...data, id, clock, fieldClocks: {} };
  }

  addEvent(escalationId: Id, fields: EventFields): void {
    const data: EscalationEventData = { escalationId, at: this.context.now(), user: this.context.user, ...fields };
    this.events.push(this.stamp('escalationEvents', data));
  }
}

function naturalKey(escalation: Pick<EscalationAction, 'serviceLevelId' | 'openedPeriod'>): string {
  return `${escalation.serviceLevelId}|${escalation.openedPeriod}`;
}

/**
 * Finds the escalation an action is about: one opened earlier in the same run, or a stored one.
 * Rejects with `storage.notFound` when there is neither, which means the rules and the stored
 * records disagree.
 */
function escalationOf(
  stored: ReadonlyMap<string, Escalation>,
  writes: RuleWrites,
  action: EscalationAction,
): { escalation: Escalation; isNew: boolean } {
  const opened = writes.escalations.get(naturalKey(action));
  if (opened !== undefined) return { escalation: opened, isNew: true };
  const found = stored.get(naturalKey(action));
  if (found === undefined) {
    throw new AppFailure({ code: 'storage.notFound', detail: { table: 'escalations', id: naturalKey(action) } });
  }
  return { escalation: found, isNew: false };
}

/**
 * Adds the records of one action to `writes`, and returns the raise of a stored escalation, which
 * is written later through `updateRecord`. It awaits nothing, because Dexie may commit a
 * transaction early when thousands of plain promises pass between two requests.
 */
function collectAction(
  stored: ReadonlyMap<string, Escalation>,
  writes: RuleWrites,
  action: EscalationAction,
  context: DeviceContext,
): { readonly id: Id; readonly patch: Pick<EscalationData, 'level' | 'dueDate'> } | null {
  if (action.kind === 'open') {
    const data: EscalationData = {
      providerId: action.providerId,
      serviceLevelId: action.serviceLevelId,
      openedPeriod: action.openedPeriod,
      level: action.level,
      status: 'open',
      owner: '',
      dueDate: action.dueDate,
      openedAt: context.now(),
    };
    const escalation = writes.stamp('escalations', data);
    writes.escalations.set(naturalKey(action), escalation);
    writes.addEvent(escalation.id, {
      kind: 'opened',
      level: action.level,
      rule: action.rule,
      period: action.openedPeriod,
      amount: action.amount,
      note: '',
    });
    return null;
  }

  const { escalation, isNew } = escalationOf(stored, writes, action);
  if (action.kind === 'repeatMiss') {
    writes.addEvent(escalation.id, {
      kind: 'repeatMiss',
      level: escalation.level,
      rule: null,
      period: action.period,
      amount: null,
      note: '',
    });
    return null;
  }
  writes.addEvent(escalation.id, { kind: 'raised', level: action.level, rule: action.rule, period: null, amount: action.amount, note: '' });
  if (isNew) {
    // Not stored yet, so the record is stamped again at its raised level and stored as one insert.
    const data: EscalationData = {
      providerId: escalation.providerId,
      serviceLevelId: escalation.serviceLevelId,
      openedPeriod: escalation.openedPeriod,
      level: action.level,
      status: escalation.status,
      owner: escalation.owner,
      dueDate: action.dueDate,
      openedAt: escalation.openedAt,
    };
    writes.escalations.set(naturalKey(action), writes.stamp('escalations', data, escalation.id));
    return null;
  }
  return { id: escalation.id, patch: { level: action.level, dueDate: action.dueDate } };
}

/**
 * Runs the escalation rules and writes their actions. Call it inside a transaction that covers
 * `escalationRuleTables`, or through `runEscalationRules`, which opens one. Returns the actions
 * written, an empty list when everything was up to date.
 */
export async function applyEscalationRules(db: PortfolioDb, context: DeviceContext, today: CalendarDate): Promise<EscalationAction[]> {
  const levels = await db.serviceLevels.toArray();
  const critical = levels.filter((level) => level.critical);
  if (critical.length === 0) return [];

  const providerIds = [...new Set(critical.map((level) => level.providerId))];
  const criticalKpis = new Set(critical.map((level) => level.kpiId));
  // One query per provider, because `anyOf` over 50 providers took 15 s for 9,000 measurements under fake-indexeddb.
  const [kpis, perProvider, allEscalations, allEvents] = await Promise.all([
    db.kpis.toArray(),
    Promise.all(providerIds.map((id) => db.measurements.where('providerId').equals(id).toArray())),
    db.escalations.toArray(),
    db.escalationEvents.toArray(),
  ]);
  const measurements = perProvider.flat();
  const criticalIds = new Set(critical.map((level) => level.id));
  const escalations = allEscalations.filter((escalation) => criticalIds.has(escalation.serviceLevelId));
  const escalationIds = new Set(escalations.map((escalation) => escalation.id));
  const events = allEvents.filter((event) => escalationIds.has(event.escalationId));
  const actions = computeEscalationActions({
    serviceLevels: critical,
    kpis,
    measurements: measurements.filter((measurement) => criticalKpis.has(measurement.kpiId)),
    escalations,
    events,
    now: context.now(),
    today,
  });
  await writeEscalationActions(db, context, actions, escalations);
  return actions;
}

/**
 * Writes `actions` against the stored `escalations` they refer to. Call it inside a transaction
 * that covers `escalationRuleTables`.
 */
async function writeEscalationActions(
  db: PortfolioDb,
  context: DeviceContext,
  actions: readonly EscalationAction[],
  escalations: readonly Escalation[],
): Promise<void> {
  const writes = new RuleWrites(context);
  const stored = new Map(escalations.map((escalation) => [naturalKey(escalation), escalation]));
  const raises = actions.flatMap((action) => collectAction(stored, writes, action, context) ?? []);
  for (const raise of raises) await updateRecord(db, 'escalations', raise.id, raise.patch, context);
  // One bulk call per table: a first run over years of history can write tens of thousands of records.
  if (writes.escalations.size > 0) await db.escalations.bulkAdd([...writes.escalations.values()]);
  if (writes.events.length > 0) await db.escalationEvents.bulkAdd(writes.events);
  if (writes.audit.size > 0) await db.audit.bulkAdd([...writes.audit.values()]);
  if (writes.lastClock !== null) await raiseVersionVector(db, writes.lastClock);
}

/**
 * Runs the escalation rules in one transaction and returns the actions written. A portfolio
 * without critical service levels costs one read and no transaction that writes.
 */
export async function runEscalationRules(
  db: PortfolioDb,
  context: DeviceContext,
  today: CalendarDate = localDateOf(context.now()),
): Promise<EscalationAction[]> {
  try {
    if (
      !(await db.serviceLevels
        .toCollection()
        .filter((level) => level.critical)
        .first())
    )
      return [];
    return await db.transaction('rw', escalationRuleTables(db), () => applyEscalationRules(db, context, today));
  } catch (error) {
    throw toStorageFailure(error, { table: 'escalations' });
  }
}

/** Checks two version vectors for the same clock per device, whatever the order of their keys. */
function sameVersionVector(a: VersionVector, b: VersionVector): boolean {
  const devices = Object.keys(a);
  return devices.length === Object.keys(b).length && devices.every((device) => Object.hasOwn(b, device) && a[device] === b[device]);
}

/**
 * Writes escalation rule actions that were computed elsewhere (in a worker) from the records at
 * version vector `basedOn`. They are written only when the stored vector still equals `basedOn`,
 * because a write since that read may have made them wrong. Returns the actions written, or
 * `null` when the data changed and nothing was written, so the caller computes them again. An
 * empty `pending` opens no transaction.
 */
export async function applyPendingEscalationActions(
  db: PortfolioDb,
  context: DeviceContext,
  pending: readonly EscalationAction[],
  basedOn: VersionVector,
): Promise<EscalationAction[] | null> {
  if (pending.length === 0) return [];
  try {
    return await db.transaction('rw', escalationRuleTables(db), async () => {
      if (!sameVersionVector(await readVersionVector(db), basedOn)) return null;
      const levelIds = new Set(pending.map((action) => action.serviceLevelId));
      const escalations = (await db.escalations.toArray()).filter((escalation) => levelIds.has(escalation.serviceLevelId));
      await writeEscalationActions(db, context, pending, escalations);
      return [...pending];
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'escalations' });
  }
}

/** Action of a person on an escalation. Each adds one event with the person's name and `note`. */
export type ManualEscalationAction =
  | { readonly kind: 'raise'; readonly note: string }
  | { readonly kind: 'lower'; readonly note: string }
  | { readonly kind: 'setOwner'; readonly owner: string }
  | { readonly kind: 'setDueDate'; readonly dueDate: CalendarDate }
  | { readonly kind: 'close'; readonly note: string }
  | { readonly kind: 'reopen'; readonly note: string }
  | { readonly kind: 'note'; readonly note: string };

/**
 * Describes why `action` cannot apply to `escalation`, as a key under `escalations.invalid` in
 * the translations, or returns `null` when it can. The screen shows the same checks before it
 * offers an action.
 */
export function manualActionProblem(
  escalation: Pick<Escalation, 'status' | 'level' | 'owner'>,
  action: ManualEscalationAction,
): string | null {
  const open = escalation.status === 'open';
  switch (action.kind) {
    case 'raise':
      if (!open) return 'closed';
      return escalation.level === 3 ? 'highestLevel' : null;
    case 'lower':
      if (!open) return 'closed';
      if (escalation.level === 1) return 'lowestLevel';
      return action.note.trim() === '' ? 'reasonRequired' : null;
    case 'setOwner':
      return action.owner.trim() === '' ? 'ownerRequired' : null;
    case 'setDueDate':
      return isCalendarDate(action.dueDate) ? null : 'invalidDate';
    case 'close':
      if (!open) return 'closed';
      if (escalation.owner.trim() === '') return 'ownerBeforeClose';
      return action.note.trim() === '' ? 'resolutionRequired' : null;
    case 'reopen':
      return open ? 'alreadyOpen' : null;
    case 'note':
      return action.note.trim() === '' ? 'noteRequired' : null;
  }
}

function addEvent(db: PortfolioDb, escalation: Escalation, fields: EventFields, context: DeviceContext) {
  return insertRecord(db, 'escalationEvents', { escalationId: escalation.id, at: context.now(), user: context.user, ...fields }, context);
}

function manualChange(
  escalation: Escalation,
  action: ManualEscalationAction,
  today: CalendarDate,
): { patch: Partial<Escalation>; event: EventFields } {
  const base = { rule: null, period: null, amount: null, note: '' } as const;
  switch (action.kind) {
    case 'raise': {
      const level = (escalation.level + 1) as EscalationLevel;
      return {
        patch: { level, dueDate: dueDateFor(level, today) },
        event: { ...base, kind: 'raised', level, rule: 'manual', note: action.note.trim() },
      };
    }
    case 'lower': {
      const level = (escalation.level - 1) as EscalationLevel;
      return { patch: { level }, event: { ...base, kind: 'lowered', level, rule: 'manual', note: action.note.trim() } };
    }
    case 'setOwner': {
      const owner = action.owner.trim();
      return { patch: { owner }, event: { ...base, kind: 'ownerChanged', level: escalation.level, note: owner } };
    }
    case 'setDueDate':
      return {
        patch: { dueDate: action.dueDate },
        event: { ...base, kind: 'dueDateChanged', level: escalation.level, note: action.dueDate },
      };
    case 'close':
      return { patch: { status: 'closed' }, event: { ...base, kind: 'closed', level: escalation.level, note: action.note.trim() } };
    case 'reopen':
      return {
        patch: { status: 'open', dueDate: dueDateFor(escalation.level, today) },
        event: { ...base, kind: 'reopened', level: escalation.level, note: action.note.trim() },
      };
    case 'note':
      return { patch: {}, event: { ...base, kind: 'note', level: escalation.level, note: action.note.trim() } };
  }
}

/**
 * Applies a person's action in one transaction: the escalation's changed fields and one event.
 * A raise sets the due date to `today` plus the days of the new level. A reopen does the same
 * with the current level, and a lowering keeps the due date.
 * Rejects with `storage.notFound` when the escalation is gone. Rejects with a `RangeError` that
 * names the problem when `manualActionProblem` finds one, which the screen checks first.
 */
export async function applyManualEscalationAction(
  db: PortfolioDb,
  escalationId: Id,
  action: ManualEscalationAction,
  context: DeviceContext,
  today: CalendarDate = localDateOf(context.now()),
): Promise<Escalation> {
  try {
    return await db.transaction('rw', [db.escalations, db.escalationEvents, db.audit, db.meta], async () => {
      const escalation = await db.escalations.get(escalationId);
      if (escalation === undefined) throw new AppFailure({ code: 'storage.notFound', detail: { table: 'escalations', id: escalationId } });
      const problem = manualActionProblem(escalation, action);
      if (problem !== null) throw new RangeError(`Escalation ${escalationId}: ${action.kind} rejected (${problem})`);

      const { patch, event } = manualChange(escalation, action, today);
      const updated = Object.keys(patch).length === 0 ? escalation : await updateRecord(db, 'escalations', escalation.id, patch, context);
      await addEvent(db, updated, event, context);
      return updated;
    });
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw toStorageFailure(error, { table: 'escalations', id: escalationId });
  }
}

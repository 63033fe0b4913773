/**
 * Writes of the Governance screen: cadences, the meetings they generate, meetings added by hand,
 * and the agenda, minutes, decisions and action items of a meeting. Every write goes through the
 * generic repository, which stamps clocks and adds audit entries.
 */
import type {
  ActionItem,
  ActionItemData,
  Decision,
  DecisionData,
  Meeting,
  MeetingCadence,
  MeetingCadenceData,
  MeetingData,
} from '@shared/domain/governance';
import type { CalendarDate, Id } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import { meetingsToCreate } from '@shared/governance/cadence';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../db/repository';
import type { RecordPatch } from '../../db/repository';
import { toStorageFailure } from '../../db/storageErrors';
import type { CheckedActionFields, CheckedDecisionFields } from '@shared/forms/meeting';

export function addCadence(db: PortfolioDb, cadence: MeetingCadenceData, context: DeviceContext): Promise<MeetingCadence> {
  return insertRecord(db, 'meetingCadences', cadence, context);
}

/** Stores the changed fields of a cadence. Meetings it generated before keep their own title, time and attendees. */
export function updateCadence(
  db: PortfolioDb,
  cadenceId: Id,
  cadence: MeetingCadenceData,
  context: DeviceContext,
): Promise<MeetingCadence> {
  return updateRecord(db, 'meetingCadences', cadenceId, cadence, context);
}

/**
 * Deletes a cadence. The meetings it generated stay, with their agenda, minutes, decisions and
 * actions, and keep its id as `cadenceId`, so they still fold with the same meetings on another
 * laptop when the two merge.
 */
export async function deleteCadence(db: PortfolioDb, cadenceId: Id, context: DeviceContext): Promise<void> {
  await deleteRecord(db, 'meetingCadences', cadenceId, context);
}

/**
 * Creates the planned meetings of a cadence from `from` to `to`, both included, that do not exist
 * yet, in one transaction, and returns them. Planning again creates nothing new. Rejects with
 * `storage.notFound` when the cadence no longer exists.
 */
export async function planMeetings(
  db: PortfolioDb,
  cadenceId: Id,
  from: CalendarDate,
  to: CalendarDate,
  context: DeviceContext,
): Promise<Meeting[]> {
  try {
    return await db.transaction('rw', ['meetingCadences', 'meetings', 'audit', 'meta'], async () => {
      const cadence = await db.meetingCadences.get(cadenceId);
      if (cadence === undefined) {
        throw new AppFailure({ code: 'storage.notFound', detail: { table: 'meetingCadences', id: cadenceId } });
      }
      const existing = await db.meetings.where('cadenceId').equals(cadenceId).toArray();
      const created: Meeting[] = [];
      for (const meeting of meetingsToCreate(cadence, existing, from, to)) {
        created.push(await insertRecord(db, 'meetings', meeting, context));
      }
      return created;
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'meetings', id: cadenceId });
  }
}

export function addMeeting(db: PortfolioDb, meeting: MeetingData, context: DeviceContext): Promise<Meeting> {
  return insertRecord(db, 'meetings', meeting, context);
}

/**
 * Stores changed fields of a meeting: its details, status, agenda or minutes. Rejects with
 * `storage.naturalKeyEdit` when the patch moves a generated meeting to another date; use
 * `saveMeetingDetails` for that.
 */
export function updateMeeting(db: PortfolioDb, meetingId: Id, patch: RecordPatch<'meetings'>, context: DeviceContext): Promise<Meeting> {
  return updateRecord(db, 'meetings', meetingId, patch, context);
}

/**
 * Stores a meeting's details from its form and returns the meeting record they are now in.
 *
 * A generated meeting moved to another date cannot change its own date, because its cadence and
 * date are the natural key by which planning and the merge find the occurrence. So the
 * generated record stays on its date, cancelled, and keeps the occurrence: planning again, here
 * or on a laptop that merges this one, finds it and creates nothing. A new meeting without a
 * cadence, of the same kind, takes the new date, the details, status, agenda and minutes, and
 * the decisions and action items of the meeting move to it. All of it is one transaction.
 * Rejects with `storage.notFound` when the meeting no longer exists.
 */
export async function saveMeetingDetails(
  db: PortfolioDb,
  meetingId: Id,
  details: Omit<RecordPatch<'meetings'>, 'cadenceId'>,
  context: DeviceContext,
): Promise<Meeting> {
  try {
    return await db.transaction('rw', ['meetings', 'decisions', 'actionItems', 'audit', 'meta'], async () => {
      const meeting = await db.meetings.get(meetingId);
      if (meeting === undefined) {
        throw new AppFailure({ code: 'storage.notFound', detail: { table: 'meetings', id: meetingId } });
      }
      const moved = meeting.cadenceId !== null && details.date !== undefined && details.date !== meeting.date;
      if (!moved) return updateRecord(db, 'meetings', meetingId, details, context);

      const continued: MeetingData = {
        providerId: meeting.providerId,
        cadenceId: null,
        kind: meeting.kind,
        title: details.title ?? meeting.title,
        date: details.date,
        startTime: details.startTime ?? meeting.startTime,
        durationMinutes: details.durationMinutes ?? meeting.durationMinutes,
        timeZone: details.timeZone ?? meeting.timeZone,
        status: details.status ?? meeting.status,
        agenda: details.agenda ?? meeting.agenda,
        attendees: details.attendees ?? meeting.attendees,
        minutes: details.minutes ?? meeting.minutes,
      };
      const replacement = await insertRecord(db, 'meetings', continued, context);
      await updateRecord(db, 'meetings', meetingId, { status: 'cancelled' }, context);
      for (const decision of await db.decisions.where('meetingId').equals(meetingId).toArray()) {
        await updateRecord(db, 'decisions', decision.id, { meetingId: replacement.id }, context);
      }
      for (const action of await db.actionItems.where('meetingId').equals(meetingId).toArray()) {
        await updateRecord(db, 'actionItems', action.id, { meetingId: replacement.id }, context);
      }
      return replacement;
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'meetings', id: meetingId });
  }
}

export function addDecision(db: PortfolioDb, decision: DecisionData, context: DeviceContext): Promise<Decision> {
  return insertRecord(db, 'decisions', decision, context);
}

export function addActionItem(db: PortfolioDb, action: ActionItemData, context: DeviceContext): Promise<ActionItem> {
  return insertRecord(db, 'actionItems', action, context);
}

export function updateDecision(db: PortfolioDb, decisionId: Id, fields: CheckedDecisionFields, context: DeviceContext): Promise<Decision> {
  return updateRecord(db, 'decisions', decisionId, fields, context);
}

/** Deletes a decision and leaves a tombstone, so the deletion reaches other laptops at the next merge. */
export async function deleteDecision(db: PortfolioDb, decisionId: Id, context: DeviceContext): Promise<void> {
  await deleteRecord(db, 'decisions', decisionId, context);
}

/**
 * Stores an action item's edited details. An action that becomes done is done on `today`, one
 * that reopens loses its completion day, and one that stays done keeps it. Rejects with
 * `storage.notFound` when the action no longer exists.
 */
export async function updateActionItem(
  db: PortfolioDb,
  actionId: Id,
  fields: CheckedActionFields,
  today: CalendarDate,
  context: DeviceContext,
): Promise<ActionItem> {
  try {
    return await db.transaction('rw', ['actionItems', 'audit', 'meta'], async () => {
      const stored = await db.actionItems.get(actionId);
      if (stored === undefined) {
        throw new AppFailure({ code: 'storage.notFound', detail: { table: 'actionItems', id: actionId } });
      }
      let completedOn: CalendarDate | null = null;
      if (fields.status === 'done') completedOn = stored.status === 'done' ? stored.completedOn : today;
      return updateRecord(db, 'actionItems', actionId, { ...fields, completedOn }, context);
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'actionItems', id: actionId });
  }
}

/** Deletes an action item and leaves a tombstone, so the deletion reaches other laptops at the next merge. */
export async function deleteActionItem(db: PortfolioDb, actionId: Id, context: DeviceContext): Promise<void> {
  await deleteRecord(db, 'actionItems', actionId, context);
}

/** Marks an action done on `today`, or reopens it and clears its completion day. */
export function setActionDone(
  db: PortfolioDb,
  actionId: Id,
  done: boolean,
  today: CalendarDate,
  context: DeviceContext,
): Promise<ActionItem> {
  const patch: RecordPatch<'actionItems'> = done ? { status: 'done', completedOn: today } : { status: 'open', completedOn: null };
  return updateRecord(db, 'actionItems', actionId, patch, context);
}

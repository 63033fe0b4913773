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
 * `storage.naturalKeyEdit` when the patch moves a generated meeting to another date.
 */
export function updateMeeting(db: PortfolioDb, meetingId: Id, patch: RecordPatch<'meetings'>, context: DeviceContext): Promise<Meeting> {
  return updateRecord(db, 'meetings', meetingId, patch, context);
}

export function addDecision(db: PortfolioDb, decision: DecisionData, context: DeviceContext): Promise<Decision> {
  return insertRecord(db, 'decisions', decision, context);
}

export function addActionItem(db: PortfolioDb, action: ActionItemData, context: DeviceContext): Promise<ActionItem> {
  return insertRecord(db, 'actionItems', action, context);
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

/**
 * Moving a generated meeting: the occurrence stays cancelled on its date so planning does not
 * create it again, on this laptop or on one that merges the portfolio file.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { MeetingCadenceData } from '../../../../../../shared/domain/governance';
import {
  addActionItem,
  addCadence,
  addDecision,
  addMeeting,
  planMeetings,
  saveMeetingDetails,
} from '../../../../../../renderer/src/features/meetings/meetingWrites';
import { adHocMeeting } from '../../../../../../shared/forms/meeting';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { useLaptops } from '../../../db/laptops';

const monthly: MeetingCadenceData = {
  providerId: 'p1',
  contractId: null,
  kind: 'monthlyManagement',
  title: 'Monthly service review',
  firstDate: '2026-01-15',
  untilDate: null,
  startTime: '10:00',
  durationMinutes: 60,
  timeZone: 'Europe/London',
  attendees: 'Service delivery manager',
};

const portfolio = { id: uuidv7(), name: 'Payroll BPO' };
const { laptop, exchange } = useLaptops(portfolio, 'steerwise-meeting-move-');

/** Meetings as `[date, status, has a cadence]`, in date order. */
async function meetingRows(db: PortfolioDb): Promise<[string, string, boolean][]> {
  const meetings = await db.meetings.orderBy('date').toArray();
  return meetings.map((meeting) => [meeting.date, meeting.status, meeting.cadenceId !== null]);
}

const startMs = Date.UTC(2026, 0, 5, 9, 0, 0);
const minute = 60_000;

describe('saveMeetingDetails', () => {
  it('keeps a moved occurrence cancelled', async () => {
    const lead = await laptop('lead00000001', startMs);
    const cadence = await addCadence(lead.db, monthly, lead.context);
    const [january] = await planMeetings(lead.db, cadence.id, '2026-01-01', '2026-02-28', lead.context);
    if (january === undefined) throw new Error('no meeting planned');

    const moved = await saveMeetingDetails(lead.db, january.id, { date: '2026-01-19', title: 'Monthly review (moved)' }, lead.context);

    expect(moved.id).not.toBe(january.id);
    expect(moved).toMatchObject({ cadenceId: null, kind: 'monthlyManagement', date: '2026-01-19', title: 'Monthly review (moved)' });
    expect(await lead.db.meetings.get(january.id)).toMatchObject({ date: '2026-01-15', status: 'cancelled', cadenceId: cadence.id });
    expect(await planMeetings(lead.db, cadence.id, '2026-01-01', '2026-02-28', lead.context)).toEqual([]);
  });

  it('moves decisions and actions along', async () => {
    const lead = await laptop('lead00000001', startMs);
    const cadence = await addCadence(lead.db, monthly, lead.context);
    const [january] = await planMeetings(lead.db, cadence.id, '2026-01-01', '2026-01-31', lead.context);
    if (january === undefined) throw new Error('no meeting planned');
    const decision = await addDecision(
      lead.db,
      { meetingId: january.id, providerId: 'p1', text: 'Approve the Q1 staffing plan', decidedOn: '2026-01-15', decidedBy: 'Steering' },
      lead.context,
    );
    const action = await addActionItem(
      lead.db,
      {
        meetingId: january.id,
        providerId: 'p1',
        title: 'Send the staffing plan',
        owner: 'Ana',
        dueDate: null,
        status: 'open',
        completedOn: null,
      },
      lead.context,
    );

    const moved = await saveMeetingDetails(lead.db, january.id, { date: '2026-01-20' }, lead.context);

    expect((await lead.db.decisions.get(decision.id))?.meetingId).toBe(moved.id);
    expect((await lead.db.actionItems.get(action.id))?.meetingId).toBe(moved.id);
  });

  it('edits the date of a hand-added meeting in place', async () => {
    const lead = await laptop('lead00000001', startMs);
    const fields = {
      providerId: 'p1',
      title: 'Pricing workshop',
      date: '2026-02-02',
      startTime: '14:00',
      durationMinutes: 90,
      timeZone: 'Europe/London',
      attendees: '',
    };
    const meeting = await addMeeting(lead.db, adHocMeeting(fields), lead.context);

    const saved = await saveMeetingDetails(lead.db, meeting.id, { date: '2026-02-04' }, lead.context);

    expect(saved.id).toBe(meeting.id);
    expect(await meetingRows(lead.db)).toEqual([['2026-02-04', 'planned', false]]);
  });

  it('edits a generated meeting on its date in place', async () => {
    const lead = await laptop('lead00000001', startMs);
    const cadence = await addCadence(lead.db, monthly, lead.context);
    const [january] = await planMeetings(lead.db, cadence.id, '2026-01-01', '2026-01-31', lead.context);
    if (january === undefined) throw new Error('no meeting planned');

    const saved = await saveMeetingDetails(lead.db, january.id, { date: january.date, startTime: '11:30' }, lead.context);

    expect(saved.id).toBe(january.id);
    expect(saved.startTime).toBe('11:30');
  });
});

describe('moved meeting merged by file', () => {
  it('is not planned again on either laptop', async () => {
    const lead = await laptop('lead00000001', startMs);
    const deputy = await laptop('dep000000001', startMs + minute);
    const cadence = await addCadence(lead.db, monthly, lead.context);
    await exchange(lead, deputy, 'cadence.steerwise');

    // Both laptops plan the same months before they exchange again, so each stores its own copy of every occurrence.
    const [january] = await planMeetings(lead.db, cadence.id, '2026-01-01', '2026-03-31', lead.context);
    await planMeetings(deputy.db, cadence.id, '2026-01-01', '2026-03-31', deputy.context);
    if (january === undefined) throw new Error('no meeting planned');
    lead.wall.set(startMs + 10 * minute);
    await saveMeetingDetails(lead.db, january.id, { date: '2026-01-22' }, lead.context);

    deputy.wall.set(startMs + 20 * minute);
    await exchange(lead, deputy, 'lead.steerwise');
    lead.wall.set(startMs + 30 * minute);
    await exchange(deputy, lead, 'deputy.steerwise');

    expect(await planMeetings(deputy.db, cadence.id, '2026-01-01', '2026-03-31', deputy.context)).toEqual([]);
    expect(await planMeetings(lead.db, cadence.id, '2026-01-01', '2026-03-31', lead.context)).toEqual([]);
    const expected: [string, string, boolean][] = [
      ['2026-01-15', 'cancelled', true],
      ['2026-01-22', 'planned', false],
      ['2026-02-15', 'planned', true],
      ['2026-03-15', 'planned', true],
    ];
    expect(await meetingRows(lead.db)).toEqual(expected);
    expect(await meetingRows(deputy.db)).toEqual(expected);
  });
});

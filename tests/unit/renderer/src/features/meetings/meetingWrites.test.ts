import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingCadenceData } from '../../../../../../shared/domain/governance';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import {
  addActionItem,
  addCadence,
  addDecision,
  addMeeting,
  deleteActionItem,
  deleteCadence,
  deleteDecision,
  planMeetings,
  setActionDone,
  updateActionItem,
  updateDecision,
  updateMeeting,
} from '../../../../../../renderer/src/features/meetings/meetingWrites';
import { openTestDb, rejection, testContext } from '../../../db/factories';

const steering: MeetingCadenceData = {
  providerId: 'p1',
  contractId: null,
  kind: 'quarterlySteering',
  title: 'Joint steering committee',
  firstDate: '2024-01-31',
  untilDate: null,
  startTime: '10:00',
  durationMinutes: 90,
  timeZone: 'Europe/London',
  attendees: 'CIO',
};

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

describe('planMeetings', () => {
  it('creates the cadence meetings in range', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);

    const created = await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-08-31', context);

    expect(created.map((m) => m.date)).toEqual(['2024-01-31', '2024-04-30', '2024-07-31']);
    const stored = await portfolio.meetings.orderBy('date').toArray();
    expect(stored.map((m) => [m.date, m.status, m.title, m.cadenceId])).toEqual([
      ['2024-01-31', 'planned', 'Joint steering committee', cadence.id],
      ['2024-04-30', 'planned', 'Joint steering committee', cadence.id],
      ['2024-07-31', 'planned', 'Joint steering committee', cadence.id],
    ]);
  });

  it('creates nothing the second time', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);
    await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-08-31', context);

    const again = await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-08-31', context);

    expect(again).toEqual([]);
    expect(await portfolio.meetings.count()).toBe(3);
  });

  it('adds only the new dates of a longer range', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);
    await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-05-31', context);

    const more = await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-11-30', context);

    expect(more.map((m) => m.date)).toEqual(['2024-07-31', '2024-10-31']);
  });

  it('writes one audit entry per meeting', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);
    await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-05-31', context);

    const entries = await portfolio.audit.where('table').equals('meetings').toArray();
    expect(entries).toHaveLength(2);
  });

  it('rejects a deleted cadence', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);
    await deleteCadence(portfolio, cadence.id, context);

    const failure = await rejection(planMeetings(portfolio, cadence.id, '2024-01-01', '2024-05-31', context));
    expect(failure.appError.code).toBe('storage.notFound');
  });
});

describe('deleteCadence', () => {
  it('keeps the meetings it generated', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);
    await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-05-31', context);

    await deleteCadence(portfolio, cadence.id, context);

    expect(await portfolio.meetingCadences.count()).toBe(0);
    expect(await portfolio.meetings.count()).toBe(2);
  });
});

describe('updateMeeting', () => {
  it('rejects moving a generated meeting', async () => {
    const portfolio = await open();
    const context = testContext();
    const cadence = await addCadence(portfolio, steering, context);
    const [first] = await planMeetings(portfolio, cadence.id, '2024-01-01', '2024-02-28', context);
    if (first === undefined) throw new Error('no meeting planned');

    const failure = await rejection(updateMeeting(portfolio, first.id, { date: '2024-02-01' }, context));
    expect(failure.appError.code).toBe('storage.naturalKeyEdit');
  });

  it('stores agenda, minutes and status', async () => {
    const portfolio = await open();
    const context = testContext();
    const meeting = await addMeeting(
      portfolio,
      {
        providerId: 'p1',
        cadenceId: null,
        kind: 'adHoc',
        title: 'Exit workshop',
        date: '2024-03-01',
        startTime: '09:00',
        durationMinutes: 60,
        timeZone: 'UTC',
        status: 'planned',
        agenda: [],
        attendees: '',
        minutes: '',
      },
      context,
    );

    await updateMeeting(
      portfolio,
      meeting.id,
      { agenda: [{ source: 'note', recordId: null, text: 'Exit plan' }], minutes: 'Agreed.', status: 'held' },
      context,
    );

    const stored = await portfolio.meetings.get(meeting.id);
    expect(stored?.agenda).toEqual([{ source: 'note', recordId: null, text: 'Exit plan' }]);
    expect(stored?.minutes).toBe('Agreed.');
    expect(stored?.status).toBe('held');
  });
});

describe('setActionDone', () => {
  it('marks done on the day and reopens', async () => {
    const portfolio = await open();
    const context = testContext();
    const action = await addActionItem(
      portfolio,
      { meetingId: null, providerId: 'p1', title: 'Send plan', owner: 'Sam', dueDate: '2024-03-01', status: 'open', completedOn: null },
      context,
    );

    const done = await setActionDone(portfolio, action.id, true, '2024-02-20', context);
    expect([done.status, done.completedOn]).toEqual(['done', '2024-02-20']);

    const reopened = await setActionDone(portfolio, action.id, false, '2024-02-21', context);
    expect([reopened.status, reopened.completedOn]).toEqual(['open', null]);
  });
});

describe('updateActionItem', () => {
  const fields = { providerId: 'p1', title: 'Send plan', owner: 'Sam', dueDate: '2024-03-01' } as const;

  it('sets the completion day once', async () => {
    const portfolio = await open();
    const context = testContext();
    const action = await addActionItem(portfolio, { ...fields, meetingId: null, status: 'open', completedOn: null }, context);

    const done = await updateActionItem(portfolio, action.id, { ...fields, status: 'done' }, '2024-02-20', context);
    const edited = await updateActionItem(portfolio, action.id, { ...fields, owner: 'Ana', status: 'done' }, '2024-02-25', context);
    const reopened = await updateActionItem(portfolio, action.id, { ...fields, status: 'open' }, '2024-02-26', context);

    expect(done.completedOn).toBe('2024-02-20');
    expect([edited.owner, edited.completedOn]).toEqual(['Ana', '2024-02-20']);
    expect([reopened.status, reopened.completedOn]).toEqual(['open', null]);
  });

  it('rejects a deleted action', async () => {
    const portfolio = await open();
    const context = testContext();
    const action = await addActionItem(portfolio, { ...fields, meetingId: null, status: 'open', completedOn: null }, context);
    await deleteActionItem(portfolio, action.id, context);

    const failure = await rejection(updateActionItem(portfolio, action.id, { ...fields, status: 'open' }, '2024-02-26', context));
    expect(failure.appError.code).toBe('storage.notFound');
  });
});

describe('decision edits', () => {
  it('updates and deletes with a tombstone', async () => {
    const portfolio = await open();
    const context = testContext();
    const decision = await addDecision(
      portfolio,
      { meetingId: null, providerId: 'p1', text: 'Extend the pilot', decidedOn: '2024-04-30', decidedBy: '' },
      context,
    );

    const updated = await updateDecision(
      portfolio,
      decision.id,
      { text: 'Extend the pilot by a month', decidedBy: 'JSC', decidedOn: '2024-04-30' },
      context,
    );
    await deleteDecision(portfolio, decision.id, context);

    expect(updated.text).toBe('Extend the pilot by a month');
    expect(await portfolio.decisions.count()).toBe(0);
    expect(await portfolio.tombstones.get(decision.id)).toMatchObject({ table: 'decisions' });
  });
});

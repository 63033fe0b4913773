import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildAgenda, defaultAlertLeadDays, type AgendaRecords, type CalendarEntry } from '../../../../shared/calendar/agenda';
import { makeRisk } from '../governance/factories';
import { makeAction, makeCertification, makeContract, makeMeeting, providers } from './factories';

function records(parts: Partial<AgendaRecords>): AgendaRecords {
  return { contracts: [], certifications: [], meetings: [], actionItems: [], risks: [], providers, ...parts };
}

/** Short labels `kind date`, enough to compare an agenda's content and order. */
function labels(entries: readonly CalendarEntry[]): string[] {
  return entries.map((entry) => `${entry.kind} ${entry.date}`);
}

const autoRenewing = makeContract('contract-payroll', {
  title: 'Payroll services',
  endDate: '2026-12-31',
  noticePeriod: { amount: 3, unit: 'months' },
  autoRenewal: true,
  renewalMonths: 12,
});

describe('agenda contracts', () => {
  test('notice deadline and renewal', () => {
    const agenda = buildAgenda(records({ contracts: [autoRenewing] }), { today: '2026-09-01', horizonDays: 365 });
    expect(labels(agenda)).toEqual(['noticeDeadline 2026-09-30', 'renewal 2026-12-31']);
    expect(agenda[0]).toEqual({
      kind: 'noticeDeadline',
      table: 'contracts',
      recordId: 'contract-payroll',
      providerId: 'provider-acme',
      providerName: 'Acme Outsourcing',
      title: 'Payroll services',
      date: '2026-09-30',
      daysUntil: 29,
      overdue: false,
      leadDays: 90,
      alert: true,
      renewal: 0,
      termEndDate: '2026-12-31',
      noticePeriod: { amount: 3, unit: 'months' },
      autoRenewal: true,
    });
    expect(agenda[1]).toMatchObject({
      kind: 'renewal',
      daysUntil: 121,
      alert: false,
      autoRenewal: true,
      renewalMonths: 12,
      noticeDeadline: '2026-09-30',
    });
  });

  test('next term after renewal without notice', () => {
    const agenda = buildAgenda(records({ contracts: [autoRenewing] }), { today: '2027-01-05', horizonDays: 365 });
    expect(labels(agenda)).toEqual(['noticeDeadline 2027-09-30', 'renewal 2027-12-31']);
    expect(agenda.map((entry) => (entry.kind === 'renewal' || entry.kind === 'noticeDeadline' ? entry.renewal : null))).toEqual([1, 1]);
  });

  test('several renewals in long horizon', () => {
    const monthly = makeContract('contract-monthly', {
      endDate: '2026-10-31',
      autoRenewal: true,
      renewalMonths: 1,
      noticePeriod: { amount: 10, unit: 'days' },
    });
    const agenda = buildAgenda(records({ contracts: [monthly] }), { today: '2026-10-01', horizonDays: 70 });
    expect(labels(agenda)).toEqual(['noticeDeadline 2026-10-21', 'renewal 2026-10-31', 'noticeDeadline 2026-11-20', 'renewal 2026-11-30']);
  });

  test('passed deadline shows until term ends', () => {
    const agenda = buildAgenda(records({ contracts: [autoRenewing] }), { today: '2026-10-15', horizonDays: 30 });
    expect(labels(agenda)).toEqual(['noticeDeadline 2026-09-30']);
    expect(agenda[0]).toMatchObject({ daysUntil: -15, overdue: true, alert: true });
  });

  test('deadline in horizon before term end', () => {
    const agenda = buildAgenda(records({ contracts: [autoRenewing] }), { today: '2026-09-01', horizonDays: 60 });
    expect(labels(agenda)).toEqual(['noticeDeadline 2026-09-30']);
  });

  test('fixed-term contract ends once', () => {
    const fixedTerm = makeContract('contract-fixed', {
      endDate: '2026-11-30',
      autoRenewal: false,
      renewalMonths: null,
      noticePeriod: null,
    });
    const before = buildAgenda(records({ contracts: [fixedTerm] }), { today: '2026-09-01', horizonDays: 365 });
    expect(labels(before)).toEqual(['renewal 2026-11-30']);
    expect(before[0]).toMatchObject({ autoRenewal: false, noticeDeadline: null, alert: true, daysUntil: 90 });
    const after = buildAgenda(records({ contracts: [fixedTerm] }), { today: '2026-12-01', horizonDays: 365 });
    expect(after).toEqual([]);
  });

  test('contract without end date has no entries', () => {
    const openEnded = makeContract('contract-open', {
      endDate: null,
      noticePeriod: { amount: 6, unit: 'months' },
      autoRenewal: true,
      renewalMonths: 12,
    });
    expect(buildAgenda(records({ contracts: [openEnded] }), { today: '2026-09-01', horizonDays: 3650 })).toEqual([]);
  });

  test('auto-renewal without length stops at end', () => {
    const unknownLength = makeContract('contract-unknown', { endDate: '2026-12-31', autoRenewal: true, renewalMonths: null });
    expect(labels(buildAgenda(records({ contracts: [unknownLength] }), { today: '2026-09-01', horizonDays: 3650 }))).toEqual([
      'renewal 2026-12-31',
    ]);
    expect(buildAgenda(records({ contracts: [unknownLength] }), { today: '2027-01-01', horizonDays: 3650 })).toEqual([]);
  });

  test('zero notice deadline is end date', () => {
    const zeroNotice = makeContract('contract-zero', { endDate: '2026-12-31', noticePeriod: { amount: 0, unit: 'days' } });
    expect(labels(buildAgenda(records({ contracts: [zeroNotice] }), { today: '2026-12-01', horizonDays: 60 }))).toEqual([
      'noticeDeadline 2026-12-31',
      'renewal 2026-12-31',
    ]);
  });
});

describe('agenda certifications', () => {
  const today = '2026-09-01';

  test('upcoming and expired expiries', () => {
    const soon = makeCertification('cert-soon', { standard: 'soc2Type2', expiresOn: '2026-10-16' });
    const later = makeCertification('cert-later', { standard: 'pciDss', expiresOn: '2026-12-10' });
    const expired = makeCertification('cert-expired', { standard: 'iso27001', expiresOn: '2026-08-01' });
    const agenda = buildAgenda(records({ certifications: [later, expired, soon] }), { today, horizonDays: 365 });
    expect(agenda.map((entry) => [entry.recordId, entry.overdue, entry.alert])).toEqual([
      ['cert-expired', true, true],
      ['cert-soon', false, true],
      ['cert-later', false, false],
    ]);
    expect(agenda[0]).toMatchObject({ kind: 'certificationExpiry', table: 'certifications', standard: 'iso27001', daysUntil: -31 });
  });

  test('expired certification stays until replaced', () => {
    const old = makeCertification('cert-old', { expiresOn: '2025-06-30' });
    const renewed = makeCertification('cert-new', { issuedOn: '2025-06-15', expiresOn: '2028-06-30' });
    const agenda = buildAgenda(records({ certifications: [old, renewed] }), { today, horizonDays: 90 });
    expect(agenda).toEqual([]);
    const withoutRenewal = buildAgenda(records({ certifications: [old] }), { today, horizonDays: 90 });
    expect(withoutRenewal.map((entry) => entry.recordId)).toEqual(['cert-old']);
  });

  test('replaced upcoming expiry left out', () => {
    const current = makeCertification('cert-current', { standard: 'soc2Type2', expiresOn: '2026-10-31' });
    const nextReport = makeCertification('cert-next', { standard: 'soc2Type2', issuedOn: '2026-08-15', expiresOn: '2027-10-31' });
    const agenda = buildAgenda(records({ certifications: [current, nextReport] }), { today, horizonDays: 90 });
    expect(agenda).toEqual([]);
  });

  test('replacement needs same provider, standard and name', () => {
    const old = makeCertification('cert-old', { name: 'Pune site', expiresOn: '2026-08-15' });
    const others = [
      makeCertification('other-provider', { providerId: 'provider-beta', name: 'Pune site', expiresOn: '2029-01-01' }),
      makeCertification('other-standard', { standard: 'iso9001', name: 'Pune site', expiresOn: '2029-01-01' }),
      makeCertification('other-site', { name: 'Manila site', expiresOn: '2029-01-01' }),
      makeCertification('not-yet-issued', { name: 'Pune site', issuedOn: '2026-09-15', expiresOn: '2029-09-15' }),
    ];
    const agenda = buildAgenda(records({ certifications: [old, ...others] }), { today, horizonDays: 30 });
    expect(agenda.map((entry) => entry.recordId)).toEqual(['cert-old']);
    const renewed = makeCertification('cert-renewed', { name: ' pune SITE ', issuedOn: null, expiresOn: null });
    expect(buildAgenda(records({ certifications: [old, renewed] }), { today, horizonDays: 30 })).toEqual([]);
  });

  test('no expiry or beyond horizon is left out', () => {
    const permanent = makeCertification('cert-permanent', { expiresOn: null });
    const distant = makeCertification('cert-distant', { expiresOn: '2027-09-02' });
    expect(buildAgenda(records({ certifications: [permanent, distant] }), { today, horizonDays: 365 })).toEqual([]);
  });
});

describe('agenda meetings', () => {
  const today = '2026-10-01';

  test('planned meetings with UTC instants', () => {
    const steering = makeMeeting('meeting-jsc', { kind: 'quarterlySteering', date: '2026-10-26', startTime: '10:00', durationMinutes: 90 });
    const agenda = buildAgenda(records({ meetings: [steering] }), { today, horizonDays: 60 });
    expect(agenda).toEqual([
      {
        kind: 'meeting',
        table: 'meetings',
        recordId: 'meeting-jsc',
        providerId: 'provider-acme',
        providerName: 'Acme Outsourcing',
        title: 'Meeting meeting-jsc',
        meetingKind: 'quarterlySteering',
        startTime: '10:00',
        durationMinutes: 90,
        timeZone: 'Europe/London',
        startsAt: '2026-10-26T10:00:00.000Z',
        endsAt: '2026-10-26T11:30:00.000Z',
        date: '2026-10-26',
        daysUntil: 25,
        overdue: false,
        leadDays: 1,
        alert: false,
      },
    ]);
  });

  test('held, cancelled and past meetings are left out', () => {
    const meetings = [
      makeMeeting('held', { status: 'held', date: '2026-10-05' }),
      makeMeeting('cancelled', { status: 'cancelled', date: '2026-10-05' }),
      makeMeeting('past', { date: '2026-09-30' }),
      makeMeeting('beyond', { date: '2026-12-01' }),
      makeMeeting('today', { date: '2026-10-01' }),
    ];
    const agenda = buildAgenda(records({ meetings }), { today, horizonDays: 60 });
    expect(agenda.map((entry) => entry.recordId)).toEqual(['today']);
  });

  test('meeting alert one day ahead', () => {
    const meetings = [
      makeMeeting('today', { date: '2026-10-01' }),
      makeMeeting('tomorrow', { date: '2026-10-02' }),
      makeMeeting('later', { date: '2026-10-03' }),
    ];
    const agenda = buildAgenda(records({ meetings }), { today, horizonDays: 60 });
    expect(agenda.map((entry) => [entry.recordId, entry.alert])).toEqual([
      ['today', true],
      ['tomorrow', true],
      ['later', false],
    ]);
  });

  test('invalid time zone keeps meeting undated in time', () => {
    const broken = makeMeeting('broken', { timeZone: 'Mars/Olympus_Mons' });
    const agenda = buildAgenda(records({ meetings: [broken] }), { today, horizonDays: 60 });
    expect(agenda[0]).toMatchObject({ recordId: 'broken', startsAt: null, endsAt: null });
  });
});

describe('agenda action items', () => {
  const today = '2026-10-01';

  test('open actions by due date with overdue', () => {
    const actions = [
      makeAction('soon', { dueDate: '2026-10-06' }),
      makeAction('later', { dueDate: '2026-10-11' }),
      makeAction('long-overdue', { dueDate: '2025-01-15', providerId: null }),
    ];
    const agenda = buildAgenda(records({ actionItems: actions }), { today, horizonDays: 30 });
    expect(agenda.map((entry) => [entry.recordId, entry.overdue, entry.alert])).toEqual([
      ['long-overdue', true, true],
      ['soon', false, true],
      ['later', false, false],
    ]);
    expect(agenda[0]).toMatchObject({
      kind: 'actionDue',
      table: 'actionItems',
      providerId: null,
      providerName: null,
      owner: 'Priya',
      daysUntil: -624,
    });
  });

  test('done, undated and distant actions are left out', () => {
    const actions = [
      makeAction('done', { status: 'done', completedOn: '2026-09-20', dueDate: '2026-09-25' }),
      makeAction('undated', { dueDate: null }),
      makeAction('distant', { dueDate: '2026-11-01' }),
    ];
    expect(buildAgenda(records({ actionItems: actions }), { today, horizonDays: 30 })).toEqual([]);
  });

  test('unknown provider has no name', () => {
    const agenda = buildAgenda(records({ actionItems: [makeAction('orphan', { providerId: 'provider-gone' })] }), {
      today,
      horizonDays: 30,
    });
    expect(agenda[0]).toMatchObject({ providerId: 'provider-gone', providerName: null });
  });
});

describe('agenda order and options', () => {
  const today = '2026-10-01';
  const sameDay = '2026-10-20';
  const mixed = records({
    contracts: [
      makeContract('contract-beta', { providerId: 'provider-beta', endDate: sameDay }),
      makeContract('contract-acme', { endDate: '2027-01-20', noticePeriod: { amount: 3, unit: 'months' } }),
    ],
    certifications: [makeCertification('cert', { expiresOn: sameDay })],
    meetings: [
      makeMeeting('meeting-late', { date: sameDay, startTime: '15:00', timeZone: 'Europe/London' }),
      makeMeeting('meeting-early', { date: sameDay, startTime: '10:00', timeZone: 'Asia/Kolkata' }),
    ],
    actionItems: [
      makeAction('action-beta', { providerId: 'provider-beta', dueDate: sameDay }),
      makeAction('action-acme', { dueDate: sameDay }),
    ],
  });

  test('kinds, times and providers within a day', () => {
    const agenda = buildAgenda(mixed, { today, horizonDays: 30 });
    expect(agenda.map((entry) => `${entry.kind} ${entry.recordId}`)).toEqual([
      'noticeDeadline contract-acme',
      'renewal contract-beta',
      'certificationExpiry cert',
      'actionDue action-acme',
      'actionDue action-beta',
      'meeting meeting-early',
      'meeting meeting-late',
    ]);
  });

  test('order ignores input order', () => {
    const expected = buildAgenda(mixed, { today, horizonDays: 30 });
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...mixed.contracts], { minLength: 2 }),
        fc.shuffledSubarray([...mixed.meetings], { minLength: 2 }),
        fc.shuffledSubarray([...mixed.actionItems], { minLength: 2 }),
        (contracts, meetings, actionItems) => {
          expect(buildAgenda({ ...mixed, contracts, meetings, actionItems }, { today, horizonDays: 30 })).toEqual(expected);
        },
      ),
    );
  });

  test('lead times can be replaced', () => {
    const actions = [makeAction('in-three-days', { dueDate: '2026-10-04' })];
    expect(buildAgenda(records({ actionItems: actions }), { today, horizonDays: 30 })[0]?.alert).toBe(true);
    const custom = buildAgenda(records({ actionItems: actions }), { today, horizonDays: 30, alertLeadDays: { actionDue: 2 } });
    expect(custom[0]).toMatchObject({ leadDays: 2, alert: false });
    expect(defaultAlertLeadDays).toEqual({ noticeDeadline: 90, renewal: 90, certificationExpiry: 60, riskReview: 14, meeting: 1, actionDue: 7 });
  });

  test('zero horizon keeps today and overdue', () => {
    const actions = [
      makeAction('today', { dueDate: today }),
      makeAction('tomorrow', { dueDate: '2026-10-02' }),
      makeAction('overdue', { dueDate: '2026-09-01' }),
    ];
    const agenda = buildAgenda(records({ actionItems: actions }), { today, horizonDays: 0 });
    expect(agenda.map((entry) => entry.recordId)).toEqual(['overdue', 'today']);
  });

  test('rejects invalid options', () => {
    expect(() => buildAgenda(records({}), { today: '2026-13-01', horizonDays: 30 })).toThrow(/Invalid today/);
    expect(() => buildAgenda(records({}), { today, horizonDays: -1 })).toThrow(/horizonDays/);
    expect(() => buildAgenda(records({}), { today, horizonDays: 1.5 })).toThrow(RangeError);
    expect(() => buildAgenda(records({}), { today, horizonDays: 30, alertLeadDays: { meeting: -1 } })).toThrow(/alertLeadDays.meeting/);
  });
});

describe('risk reviews', () => {
  test('open risks listed by review date', () => {
    const risks = [
      makeRisk('risk-attrition', { title: 'Attrition', reviewDate: '2026-09-20', owner: 'Ana Cruz', likelihood: 4, impact: 3 }),
      makeRisk('risk-closed', { reviewDate: '2026-09-10', status: 'closed' }),
      makeRisk('risk-unplanned', { reviewDate: null }),
      makeRisk('risk-late', { reviewDate: '2027-01-10' }),
    ];
    const agenda = buildAgenda(records({ risks }), { today: '2026-09-01', horizonDays: 60 });

    expect(labels(agenda)).toEqual(['riskReview 2026-09-20']);
    expect(agenda[0]).toMatchObject({
      kind: 'riskReview',
      table: 'risks',
      recordId: 'risk-attrition',
      title: 'Attrition',
      owner: 'Ana Cruz',
      status: 'open',
      score: 12,
      daysUntil: 19,
      leadDays: defaultAlertLeadDays.riskReview,
      alert: false,
    });
  });

  test('overdue review stays listed', () => {
    const agenda = buildAgenda(records({ risks: [makeRisk('risk-old', { reviewDate: '2026-03-31', status: 'mitigating' })] }), {
      today: '2026-09-01',
      horizonDays: 30,
    });
    expect(agenda[0]).toMatchObject({ kind: 'riskReview', status: 'mitigating', overdue: true, alert: true, daysUntil: -154 });
  });

  test('review sorts after expiries that day', () => {
    const agenda = buildAgenda(
      records({
        risks: [makeRisk('risk-same-day', { reviewDate: '2026-09-15' })],
        certifications: [makeCertification('cert-same-day', { expiresOn: '2026-09-15' })],
        actionItems: [makeAction('action-same-day', { dueDate: '2026-09-15' })],
      }),
      { today: '2026-09-01', horizonDays: 30 },
    );
    expect(agenda.map((entry) => entry.kind)).toEqual(['certificationExpiry', 'riskReview', 'actionDue']);
  });
});

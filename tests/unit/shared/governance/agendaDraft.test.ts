import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingKind } from '../../../../shared/domain/governance';
import type { ServiceLevel } from '../../../../shared/domain/types';
import {
  agendaScopes,
  draftAgenda,
  previousMeetingDate,
  riskChangesFor,
  selectAgendaEntries,
  type AgendaDraftInput,
  type AgendaEntry,
  type AgendaTexts,
} from '../../../../shared/governance/agendaDraft';
import { fromDayNumber, toDayNumber } from '../../../../shared/schedule/days';
import { packHlc } from '../../../../shared/sync/hlc';
import { nextMeetingDate } from '../../../../shared/governance/agendaNotices';
import { makeContract } from '../calendar/factories';
import { makeKpi, makeMeasurement, makeServiceLevel } from '../domain/factories';
import { makeAction, makeEscalation, makeRisk } from './factories';

function critical(level: ServiceLevel): ServiceLevel {
  return { ...level, critical: true };
}

const answered = makeKpi('answered', { name: 'Calls answered in 60 s' });
const abandoned = makeKpi('abandoned', { name: 'Calls abandoned', direction: 'lowerIsBetter' });
const callbacks = makeKpi('callbacks', { name: 'Call-backs in 10 min' });
const accuracy = makeKpi('accuracy', { name: 'Payment accuracy' });

const levels = [
  critical(makeServiceLevel('slAnswered', 'p1', 'answered', 95, 97)),
  makeServiceLevel('slAbandoned', 'p1', 'abandoned', 5, 3),
  critical(makeServiceLevel('slCallbacks', 'p1', 'callbacks', 90)),
  // In its first month after go-live the glide path allows 80%, so 85% in March is no miss.
  {
    ...critical(makeServiceLevel('slAccuracy', 'p1', 'accuracy', 99)),
    goLive: '2024-03',
    glidePath: [{ month: 1, expected: 90, minimum: 80 }],
  },
  critical(makeServiceLevel('slOther', 'p2', 'answered', 95)),
];

const measurements = [
  makeMeasurement('p1', 'answered', '2024-02', 96),
  makeMeasurement('p1', 'answered', '2024-03', 90),
  // A month after the meeting: a draft for a meeting in April must not read May.
  makeMeasurement('p1', 'answered', '2024-05', 98),
  makeMeasurement('p1', 'abandoned', '2024-03', 7),
  // Missed in February but not measured in March, the latest month.
  makeMeasurement('p1', 'callbacks', '2024-02', 70),
  makeMeasurement('p1', 'accuracy', '2024-03', 85),
  makeMeasurement('p2', 'answered', '2024-03', 50),
];

const escalations = [
  makeEscalation('e1', { level: 1, openedPeriod: '2024-02', serviceLevelId: 'slAbandoned' }),
  makeEscalation('e3', { level: 3, openedPeriod: '2023-11', serviceLevelId: 'slAnswered' }),
  makeEscalation('e2old', { level: 2, openedPeriod: '2023-12' }),
  makeEscalation('e2new', { level: 2, openedPeriod: '2024-01' }),
  makeEscalation('eClosed', { level: 3, status: 'closed' }),
  makeEscalation('eOther', { level: 3, providerId: 'p2' }),
];

const risks = [
  makeRisk('rCriticalLater', { likelihood: 5, impact: 5, reviewDate: '2024-06-30' }),
  makeRisk('rLowDue', { likelihood: 2, impact: 2, reviewDate: '2024-04-01' }),
  makeRisk('rHighDueToday', { likelihood: 4, impact: 4, reviewDate: '2024-04-10' }),
  makeRisk('rHighNoDate', { likelihood: 3, impact: 4, reviewDate: null }),
  makeRisk('rClosed', { likelihood: 5, impact: 5, reviewDate: '2024-03-01', status: 'closed' }),
  makeRisk('rOther', { providerId: 'p2', reviewDate: '2024-03-01' }),
  makeRisk('rPortfolio', { providerId: null, reviewDate: '2024-03-01' }),
];

const actionItems = [
  makeAction('aOnDay', { dueDate: '2024-04-10' }),
  makeAction('aOverdue', { dueDate: '2024-04-01' }),
  makeAction('aLater', { dueDate: '2024-04-20' }),
  makeAction('aDone', { dueDate: '2024-03-01', status: 'done', completedOn: '2024-03-01' }),
  makeAction('aNoDate', { dueDate: null }),
  makeAction('aOther', { providerId: 'p2', dueDate: '2024-04-01' }),
];

function inputFor(kind: MeetingKind): AgendaDraftInput {
  return {
    meeting: { providerId: 'p1', kind, date: '2024-04-10' },
    escalations,
    serviceLevels: levels,
    kpis: [answered, abandoned, callbacks, accuracy],
    measurements,
    risks,
    actionItems,
    contracts: [],
    cadence: null,
  };
}

function recordIds(entries: readonly AgendaEntry[]): string[] {
  return entries.map((entry) => {
    switch (entry.source) {
      case 'escalation':
        return entry.escalation.id;
      case 'serviceLevel':
        return entry.serviceLevel.id;
      case 'noticeDeadline':
        return `${entry.contract.id} ${entry.deadline}`;
      case 'risk':
        return entry.risk.id;
      case 'action':
        return entry.action.id;
    }
  });
}

describe('selectAgendaEntries', () => {
  it('drafts a monthly management agenda in order', () => {
    expect(recordIds(selectAgendaEntries(inputFor('monthlyManagement')))).toEqual([
      'e3',
      'e2old',
      'e2new',
      'e1',
      'slAnswered',
      'slAbandoned',
      'rHighDueToday',
      'rLowDue',
      'aOverdue',
      'aOnDay',
    ]);
  });

  it('leaves risks off a weekly operational agenda', () => {
    expect(recordIds(selectAgendaEntries(inputFor('weeklyOperational')))).toEqual([
      'e3',
      'e2old',
      'e2new',
      'e1',
      'slAnswered',
      'slAbandoned',
      'aOverdue',
      'aOnDay',
    ]);
  });

  it('narrows a steering committee agenda', () => {
    expect(recordIds(selectAgendaEntries(inputFor('quarterlySteering')))).toEqual([
      'e3',
      'e2old',
      'e2new',
      'rCriticalLater',
      'rHighDueToday',
      'rHighNoDate',
      'rLowDue',
      'aOverdue',
      'aOnDay',
    ]);
  });

  it('takes steering risks changed since the last meeting', () => {
    const changedOn = new Map([
      ['rCriticalLater', '2024-01-09'],
      ['rHighDueToday', '2024-01-09'],
      ['rHighNoDate', '2024-01-10'],
      ['rLowDue', '2023-06-01'],
    ]);
    const input = { ...inputFor('quarterlySteering'), riskChanges: { previousMeetingDate: '2024-01-10', changedOn } };
    const riskIds = recordIds(selectAgendaEntries(input).filter((entry) => entry.source === 'risk'));
    expect(riskIds).toEqual(['rHighDueToday', 'rHighNoDate', 'rLowDue']);
  });

  it('treats an ad hoc meeting as a management meeting', () => {
    expect(selectAgendaEntries(inputFor('adHoc'))).toEqual(selectAgendaEntries(inputFor('monthlyManagement')));
    // Only the notice deadlines differ: an ad hoc meeting has no next meeting to look ahead to.
    expect({ ...agendaScopes.adHoc, noticeDeadlines: true }).toEqual(agendaScopes.monthlyManagement);
  });

  it('gives the facts of a missed level', () => {
    const missed = selectAgendaEntries(inputFor('weeklyOperational')).filter((entry) => entry.source === 'serviceLevel');
    expect(missed[0]).toMatchObject({ period: '2024-03', result: 90, minimum: 95, expected: 97 });
    expect(missed[0]?.shortfall).toBeCloseTo(5 / 95, 10);
    expect(missed[1]).toMatchObject({ period: '2024-03', result: 7, minimum: 5, expected: 3, kpi: { id: 'abandoned' } });
    expect(missed[1]?.shortfall).toBeCloseTo(0.4, 10);
  });

  it('reads months up to the meeting', () => {
    const later: AgendaDraftInput = {
      ...inputFor('weeklyOperational'),
      meeting: { providerId: 'p1', kind: 'weeklyOperational', date: '2024-06-05' },
    };
    const missed = selectAgendaEntries(later).filter((entry) => entry.source === 'serviceLevel');
    expect(missed).toEqual([]);
  });

  it('gives the service level and KPI of an escalation', () => {
    const [first] = selectAgendaEntries(inputFor('quarterlySteering'));
    expect(first).toMatchObject({ source: 'escalation', serviceLevel: { id: 'slAnswered' }, kpi: { id: 'answered' } });
    const unknown = selectAgendaEntries({ ...inputFor('quarterlySteering'), serviceLevels: [] });
    expect(unknown[0]).toMatchObject({ source: 'escalation', serviceLevel: null, kpi: null });
  });

  it('marks overdue actions and due risks', () => {
    const entries = selectAgendaEntries(inputFor('quarterlySteering'));
    const actionFacts = entries.flatMap((entry) => (entry.source === 'action' ? [[entry.action.id, entry.overdue]] : []));
    expect(actionFacts).toEqual([
      ['aOverdue', true],
      ['aOnDay', false],
    ]);
    const riskFacts = entries.flatMap((entry) =>
      entry.source === 'risk' ? [[entry.risk.id, entry.score, entry.rating, entry.dueForReview]] : [],
    );
    expect(riskFacts).toEqual([
      ['rCriticalLater', 25, 'critical', false],
      ['rHighDueToday', 16, 'high', true],
      ['rHighNoDate', 12, 'high', false],
      ['rLowDue', 4, 'low', true],
    ]);
  });

  it('takes a scope in place of the kind', () => {
    const scope = { minEscalationLevel: 3, missedServiceLevels: false, risks: 'none', actions: 'none', noticeDeadlines: false } as const;
    expect(recordIds(selectAgendaEntries(inputFor('weeklyOperational'), scope))).toEqual(['e3']);
  });

  it('drafts nothing for a quiet provider', () => {
    const quiet: AgendaDraftInput = {
      ...inputFor('monthlyManagement'),
      meeting: { providerId: 'p9', kind: 'monthlyManagement', date: '2024-04-10' },
    };
    expect(selectAgendaEntries(quiet)).toEqual([]);
  });
});

describe('notice deadlines on the agenda', () => {
  const threeMonths = { amount: 3, unit: 'months' } as const;
  const contracts = [
    // Notice by 30 April 2024: before the next monthly meeting on 10 May.
    makeContract('cSoon', { providerId: 'p1', title: 'Payroll', endDate: '2024-07-31', noticePeriod: threeMonths }),
    // Notice by 30 June 2024: after the next monthly meeting, before the next quarterly one.
    makeContract('cLater', { providerId: 'p1', title: 'Accounts payable', endDate: '2024-09-30', noticePeriod: threeMonths }),
    // Notice was due on 30 March 2024, before the meeting.
    makeContract('cPassed', { providerId: 'p1', title: 'Service desk', endDate: '2024-06-30', noticePeriod: threeMonths }),
    // Notice by 30 April 2024 too, but another provider's contract.
    makeContract('cOther', { providerId: 'p2', endDate: '2024-07-31', noticePeriod: threeMonths }),
  ];
  const withContracts = (kind: MeetingKind, cadence: AgendaDraftInput['cadence'] = null): AgendaDraftInput => ({
    ...inputFor(kind),
    escalations: [],
    measurements: [],
    risks: [],
    actionItems: [],
    contracts,
    cadence,
  });

  it('monthly lists deadlines before next meeting', () => {
    const entries = selectAgendaEntries(withContracts('monthlyManagement'));
    expect(recordIds(entries)).toEqual(['cSoon 2024-04-30']);
    expect(entries[0]).toMatchObject({ source: 'noticeDeadline', termEndDate: '2024-07-31', nextMeetingDate: '2024-05-10' });
  });

  it('quarterly looks three months ahead', () => {
    expect(recordIds(selectAgendaEntries(withContracts('quarterlySteering')))).toEqual(['cSoon 2024-04-30', 'cLater 2024-06-30']);
  });

  it('weekly and ad hoc list none', () => {
    expect(selectAgendaEntries(withContracts('weeklyOperational'))).toEqual([]);
    expect(selectAgendaEntries(withContracts('adHoc'))).toEqual([]);
  });

  it('cadence dates the next meeting', () => {
    // A monthly cadence on the 10th, so the next meeting after 10 April is 10 May, as without it.
    const monthly = { kind: 'monthlyManagement', firstDate: '2024-01-10', untilDate: null } as const;
    expect(selectAgendaEntries(withContracts('monthlyManagement', monthly))[0]).toMatchObject({ nextMeetingDate: '2024-05-10' });
    // From 25 March, a cadence on the 25th meets again on 25 April: the deadline of 30 March is
    // on this agenda, and that of 30 April is left to the April meeting.
    const late = { kind: 'monthlyManagement', firstDate: '2024-01-25', untilDate: null } as const;
    const march = {
      ...withContracts('monthlyManagement', late),
      meeting: { providerId: 'p1', kind: 'monthlyManagement', date: '2024-03-25' },
    } as const;
    expect(recordIds(selectAgendaEntries(march))).toEqual(['cPassed 2024-03-30']);
    expect(nextMeetingDate('monthlyManagement', '2024-04-25', late)).toBe('2024-05-25');
  });

  it('ended cadence falls back to its interval', () => {
    const ended = { kind: 'quarterlySteering', firstDate: '2023-01-10', untilDate: '2024-04-10' } as const;
    expect(nextMeetingDate('quarterlySteering', '2024-04-10', ended)).toBe('2024-07-10');
    expect(nextMeetingDate('weeklyOperational', '2024-04-10', null)).toBeNull();
  });

  it('renewing contract adds later terms', () => {
    const monthlyRenewal = makeContract('cMonthly', {
      providerId: 'p1',
      endDate: '2024-04-20',
      noticePeriod: { amount: 5, unit: 'days' },
      autoRenewal: true,
      renewalMonths: 1,
    });
    const input = { ...withContracts('quarterlySteering'), contracts: [monthlyRenewal] };
    expect(recordIds(selectAgendaEntries(input))).toEqual(['cMonthly 2024-04-15', 'cMonthly 2024-05-15', 'cMonthly 2024-06-15']);
  });

  it('deadline on next meeting day is left out', () => {
    const onNextMeeting = makeContract('cEdge', { providerId: 'p1', endDate: '2024-08-10', noticePeriod: threeMonths });
    expect(selectAgendaEntries({ ...withContracts('monthlyManagement'), contracts: [onNextMeeting] })).toEqual([]);
  });
});

describe('draftAgenda', () => {
  const texts: AgendaTexts = {
    escalation: (entry) => `Escalation level ${String(entry.escalation.level)} since ${entry.escalation.openedPeriod}`,
    serviceLevel: (entry) => `${entry.kpi.name} missed in ${entry.period}: ${String(entry.result)}`,
    noticeDeadline: (entry) => `Notice for ${entry.contract.title} by ${entry.deadline}`,
    risk: (entry) => `${entry.risk.title} (${entry.rating})`,
    action: (entry) => `${entry.action.title}${entry.overdue ? ' (overdue)' : ''}`,
  };

  it('builds items with record ids and texts', () => {
    const agenda = draftAgenda(inputFor('monthlyManagement'), texts);
    expect(agenda[0]).toEqual({ source: 'escalation', recordId: 'e3', text: 'Escalation level 3 since 2023-11' });
    expect(agenda[4]).toEqual({ source: 'serviceLevel', recordId: 'slAnswered', text: 'Calls answered in 60 s missed in 2024-03: 90' });
    expect(agenda[6]).toEqual({ source: 'risk', recordId: 'rHighDueToday', text: 'Risk rHighDueToday (high)' });
    expect(agenda[8]).toEqual({ source: 'action', recordId: 'aOverdue', text: 'Action aOverdue (overdue)' });
    expect(agenda[9]).toEqual({ source: 'action', recordId: 'aOnDay', text: 'Action aOnDay' });
    expect(agenda).toHaveLength(10);
  });
});

describe('steering committee scope', () => {
  const meetingDate = '2024-04-10';
  const previous = '2024-01-10';

  // One row per case: review date, score, last change, and whether the risk is drafted.
  const riskCases: readonly {
    readonly name: string;
    readonly reviewDate: string | null;
    readonly likelihood: 1 | 2 | 3 | 4 | 5;
    readonly impact: 1 | 2 | 3 | 4 | 5;
    readonly changedOn: string;
    readonly drafted: boolean;
  }[] = [
    { name: 'low, due before', reviewDate: '2024-03-01', likelihood: 1, impact: 2, changedOn: '2023-01-01', drafted: true },
    { name: 'low, due on the day', reviewDate: meetingDate, likelihood: 1, impact: 2, changedOn: '2023-01-01', drafted: true },
    { name: 'low, due after', reviewDate: '2024-04-11', likelihood: 1, impact: 2, changedOn: '2024-04-01', drafted: false },
    { name: 'high, unchanged, due later', reviewDate: '2024-09-01', likelihood: 4, impact: 4, changedOn: '2024-01-09', drafted: false },
    { name: 'high, changed on the last day', reviewDate: '2024-09-01', likelihood: 4, impact: 4, changedOn: previous, drafted: true },
    { name: 'critical, changed after', reviewDate: null, likelihood: 5, impact: 4, changedOn: '2024-02-01', drafted: true },
    { name: 'medium, changed after', reviewDate: null, likelihood: 3, impact: 3, changedOn: '2024-02-01', drafted: false },
  ];

  it.each(riskCases)('risk $name', ({ reviewDate, likelihood, impact, changedOn, drafted }) => {
    const risk = makeRisk('r', { reviewDate, likelihood, impact });
    const input: AgendaDraftInput = {
      ...inputFor('quarterlySteering'),
      meeting: { providerId: 'p1', kind: 'quarterlySteering', date: meetingDate },
      risks: [risk],
      riskChanges: { previousMeetingDate: previous, changedOn: new Map([['r', changedOn]]) },
    };
    const riskIds = recordIds(selectAgendaEntries(input).filter((entry) => entry.source === 'risk'));
    expect(riskIds).toEqual(drafted ? ['r'] : []);
  });

  it('drafts every due action up to the day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40, max: 40 }),
        fc.constantFrom<MeetingKind>('quarterlySteering', 'monthlyManagement', 'weeklyOperational'),
        (offset, kind) => {
          const dueDate = fromDayNumber(toDayNumber(meetingDate) + offset);
          const input: AgendaDraftInput = {
            ...inputFor(kind),
            meeting: { providerId: 'p1', kind, date: meetingDate },
            actionItems: [makeAction('a', { dueDate })],
          };
          const actions = selectAgendaEntries(input).filter((entry) => entry.source === 'action');
          expect(actions.length).toBe(offset <= 0 ? 1 : 0);
        },
      ),
    );
  });
});

describe('previousMeetingDate', () => {
  const base = { providerId: 'p1', kind: 'quarterlySteering' as const };
  const meetings = [
    { ...base, id: 'm1', cadenceId: 'c1', date: '2023-10-10', status: 'held' as const },
    { ...base, id: 'm2', cadenceId: 'c1', date: '2024-01-10', status: 'cancelled' as const },
    { ...base, id: 'm3', cadenceId: 'c1', date: '2024-04-10', status: 'planned' as const },
    { ...base, id: 'm4', cadenceId: 'c2', date: '2024-03-01', status: 'held' as const },
    { ...base, id: 'm5', cadenceId: null, date: '2024-02-01', status: 'held' as const },
  ];

  it('skips cancelled and other cadences', () => {
    const meeting = meetings[2];
    expect(meeting === undefined ? null : previousMeetingDate(meeting, meetings)).toBe('2023-10-10');
  });

  it('returns null for the first meeting', () => {
    const meeting = meetings[0];
    expect(meeting === undefined ? 'missing' : previousMeetingDate(meeting, meetings)).toBeNull();
  });

  it('pairs hand-added meetings by kind', () => {
    const handAdded = { ...base, id: 'm6', cadenceId: null, date: '2024-05-01' };
    expect(previousMeetingDate(handAdded, meetings)).toBe('2024-02-01');
  });
});

describe('riskChangesFor', () => {
  it('dates a risk by its newest clock', () => {
    const risk = {
      ...makeRisk('r'),
      clock: packHlc({ wallMs: Date.UTC(2024, 0, 5, 12), counter: 0, deviceId: 'aaaaaaaaaaaa' }),
      fieldClocks: { title: packHlc({ wallMs: Date.UTC(2024, 1, 7, 12), counter: 0, deviceId: 'aaaaaaaaaaaa' }) },
    };
    const meeting = { id: 'm', providerId: 'p1', cadenceId: 'c1', kind: 'quarterlySteering' as const, date: '2024-04-10' };
    const changes = riskChangesFor(meeting, [], [risk], (wallMs) => new Date(wallMs).toISOString().slice(0, 10));
    expect(changes.changedOn.get('r')).toBe('2024-02-07');
    expect(changes.previousMeetingDate).toBeNull();
  });
});

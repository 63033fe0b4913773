import { describe, expect, it } from 'vitest';
import type { Decision, Meeting } from '../../../../../../shared/domain/governance';
import {
  addMonthsToDate,
  filterActions,
  filterDecisions,
  isOverdue,
  moveItem,
  nameSuggestions,
  planningRange,
  splitMeetings,
} from '../../../../../../renderer/src/features/meetings/meetingLists';
import { makeAction } from '../../../../shared/governance/factories';

const syncFields = { clock: '0000000000000-0000-test', fieldClocks: {} } as const;

function meeting(id: string, date: string, startTime = '10:00'): Meeting {
  return {
    ...syncFields,
    id,
    providerId: 'p1',
    cadenceId: null,
    kind: 'adHoc',
    title: `Meeting ${id}`,
    date,
    startTime,
    durationMinutes: 60,
    timeZone: 'Europe/London',
    status: 'planned',
    agenda: [],
    attendees: '',
    minutes: '',
  };
}

function decision(id: string, decidedOn: string, data: Partial<Decision> = {}): Decision {
  return { ...syncFields, id, meetingId: null, providerId: 'p1', text: `Decision ${id}`, decidedOn, decidedBy: '', ...data };
}

describe('addMonthsToDate', () => {
  it('keeps the day of the month', () => {
    expect(addMonthsToDate('2024-05-15', 3)).toBe('2024-08-15');
  });

  it('clamps to a shorter month', () => {
    expect(addMonthsToDate('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonthsToDate('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('crosses the year end', () => {
    expect(addMonthsToDate('2024-12-31', 1)).toBe('2025-01-31');
  });
});

describe('planningRange', () => {
  it('covers three months from today', () => {
    expect(planningRange('2024-01-31')).toEqual({ from: '2024-01-31', to: '2024-04-30' });
  });
});

describe('splitMeetings', () => {
  it('lists upcoming soonest first and past latest first', () => {
    const meetings = [
      meeting('a', '2024-03-01'),
      meeting('b', '2024-05-01'),
      meeting('c', '2024-04-10', '14:00'),
      meeting('d', '2024-04-10', '09:00'),
      meeting('e', '2024-02-01'),
    ];
    const { upcoming, past } = splitMeetings(meetings, '2024-04-10');
    expect(upcoming.map((m) => m.id)).toEqual(['d', 'c', 'b']);
    expect(past.map((m) => m.id)).toEqual(['a', 'e']);
  });
});

describe('filterDecisions', () => {
  const decisions = [
    decision('old', '2024-01-10', { decidedBy: 'Steering committee' }),
    decision('new', '2024-03-05', { providerId: 'p2', text: 'Approve the second wave' }),
    decision('mid', '2024-02-20', { text: 'Extend the pilot' }),
  ];

  it('orders newest first', () => {
    expect(filterDecisions(decisions, { providerId: null, search: '' }).map((d) => d.id)).toEqual(['new', 'mid', 'old']);
  });

  it('filters by provider', () => {
    expect(filterDecisions(decisions, { providerId: 'p1', search: '' }).map((d) => d.id)).toEqual(['mid', 'old']);
  });

  it('searches text and decider ignoring case', () => {
    expect(filterDecisions(decisions, { providerId: null, search: ' PILOT ' }).map((d) => d.id)).toEqual(['mid']);
    expect(filterDecisions(decisions, { providerId: null, search: 'steering' }).map((d) => d.id)).toEqual(['old']);
  });

  it('orders same-day decisions by clock', () => {
    const sameDay = [
      decision('first', '2024-01-10', { clock: '0000000000001-0000-test' }),
      decision('second', '2024-01-10', { clock: '0000000000002-0000-test' }),
    ];
    expect(filterDecisions(sameDay, { providerId: null, search: '' }).map((d) => d.id)).toEqual(['second', 'first']);
  });
});

describe('isOverdue', () => {
  it('flags an open action due before today', () => {
    expect(isOverdue(makeAction('a', { dueDate: '2024-04-09' }), '2024-04-10')).toBe(true);
  });

  it('does not flag one due today, done or undated', () => {
    expect(isOverdue(makeAction('a', { dueDate: '2024-04-10' }), '2024-04-10')).toBe(false);
    expect(isOverdue(makeAction('b', { dueDate: '2024-04-01', status: 'done' }), '2024-04-10')).toBe(false);
    expect(isOverdue(makeAction('c'), '2024-04-10')).toBe(false);
  });
});

describe('filterActions', () => {
  const actions = [
    makeAction('late', { owner: 'Priya Shah', dueDate: '2024-06-01' }),
    makeAction('undated', { owner: 'priya  shah' }),
    makeAction('early', { owner: 'Sam Lee', dueDate: '2024-05-01', providerId: 'p2' }),
    makeAction('done', { owner: 'Priya Shah', dueDate: '2024-01-01', status: 'done' }),
  ];

  it('orders open first, then by due date with none last', () => {
    const all = { owner: null, providerId: null, status: null };
    expect(filterActions(actions, all).map((a) => a.id)).toEqual(['early', 'late', 'undated', 'done']);
  });

  it('matches owners ignoring case and spacing', () => {
    expect(filterActions(actions, { owner: 'Priya Shah', providerId: null, status: null }).map((a) => a.id)).toEqual([
      'late',
      'undated',
      'done',
    ]);
  });

  it('filters by provider and status', () => {
    expect(filterActions(actions, { owner: null, providerId: 'p2', status: null }).map((a) => a.id)).toEqual(['early']);
    expect(filterActions(actions, { owner: null, providerId: null, status: 'done' }).map((a) => a.id)).toEqual(['done']);
  });
});

describe('nameSuggestions', () => {
  it('merges sources without repeats or blanks', () => {
    expect(nameSuggestions(['Sam Lee', ' priya shah'], ['Priya  Shah', '', 'Alex Kim'])).toEqual(['Alex Kim', 'priya shah', 'Sam Lee']);
  });
});

describe('moveItem', () => {
  it('moves an item up and down', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list when the move falls outside it', () => {
    const items = ['a', 'b'];
    expect(moveItem(items, 0, -1)).toBe(items);
    expect(moveItem(items, 1, 1)).toBe(items);
  });
});

import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Escalation, EscalationEvent, EscalationEventData } from '../../../../../../shared/domain/escalation';
import {
  buildEscalationRows,
  describeEscalationEvent,
  filterEscalationRows,
  levelNamesOf,
  newNotificationEvents,
} from '../../../../../../renderer/src/features/escalations/escalationView';
import type { HistoryContext } from '../../../../../../renderer/src/features/escalations/escalationView';
import { en } from '../../../../../../renderer/src/i18n/en';
import { makeKpi, makeMeasurement, makeProvider, makeServiceLevel } from '../../../../shared/domain/factories';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const kpi = makeKpi('answered', { name: 'Calls answered within 60 seconds' });
const level = { ...makeServiceLevel('sl1', 'p1', 'answered', 95, 97), critical: true };

const history: HistoryContext = {
  kpi,
  serviceLevel: level,
  results: new Map([
    ['2016-03', makeMeasurement('p1', 'answered', '2016-03', 91.2)],
    ['2016-04', makeMeasurement('p1', 'answered', '2016-04', 80)],
  ]),
  locale: 'en-GB',
};

function event(data: Partial<EscalationEventData>, at = '2016-05-01T10:00:00.000Z'): EscalationEvent {
  return {
    id: `ev-${at}-${data.kind ?? 'opened'}`,
    clock: at,
    fieldClocks: {},
    escalationId: 'e1',
    at,
    user: 'Priya Shah',
    kind: 'opened',
    level: 1,
    rule: null,
    period: null,
    amount: null,
    note: '',
    ...data,
  };
}

function escalation(id: string, data: Partial<Escalation> = {}): Escalation {
  return {
    id,
    clock: id,
    fieldClocks: {},
    providerId: 'p1',
    serviceLevelId: 'sl1',
    openedPeriod: '2016-03',
    level: 1,
    status: 'open',
    owner: '',
    dueDate: '2016-05-15',
    openedAt: '2016-05-01T10:00:00.000Z',
    ...data,
  };
}

describe('describeEscalationEvent', () => {
  const cases: [string, Partial<EscalationEventData>, string][] = [
    ['opened', { kind: 'opened', period: '2016-03' }, 'Opened at level 1: March 2016 missed the 95.00% minimum at 91.20%.'],
    ['opened without result', { kind: 'opened', period: '2016-01' }, 'Opened at level 1: January 2016 missed the minimum.'],
    [
      'opened by severity',
      { kind: 'opened', period: '2016-04', level: 2, rule: 'severity', amount: 15.79 },
      'Opened at level 2 by rule: April 2016 fell 15.8% short of the 95.00% minimum at 80.00%.',
    ],
    ['repeat miss', { kind: 'repeatMiss', period: '2016-04' }, 'April 2016 missed the 95.00% minimum too, at 80.00%.'],
    ['raised by repeats', { kind: 'raised', level: 2, rule: 'repeats', amount: 2 }, 'Raised to level 2 by rule: 2 missed months within 3 months.'],
    ['raised by age', { kind: 'raised', level: 3, rule: 'age', amount: 61 }, 'Raised to level 3 by rule: open for 61 days.'],
    ['raised by severity', { kind: 'raised', level: 2, rule: 'severity', amount: 12.5 }, 'Raised to level 2 by rule: a month fell 12.5% short of its minimum.'],
    ['raised by a person', { kind: 'raised', level: 3, rule: 'manual', note: 'Third miss' }, 'Raised to level 3 by Priya Shah: Third miss'],
    ['raised without note', { kind: 'raised', level: 2, rule: 'manual', user: '' }, 'Raised to level 2 by someone.'],
    ['lowered', { kind: 'lowered', level: 1, rule: 'manual', note: 'Recovery plan agreed' }, 'Lowered to level 1 by Priya Shah: Recovery plan agreed'],
    ['owner', { kind: 'ownerChanged', note: 'Sam Okafor' }, 'Owner set to Sam Okafor by Priya Shah.'],
    ['due date', { kind: 'dueDateChanged', note: '2016-06-30' }, 'Due date set to 30 Jun 2016 by Priya Shah.'],
    ['closed', { kind: 'closed', note: 'Back above the minimum' }, 'Closed by Priya Shah: Back above the minimum'],
    ['reopened', { kind: 'reopened' }, 'Reopened by Priya Shah.'],
    ['note', { kind: 'note', note: 'Call on Friday' }, 'Note by Priya Shah: Call on Friday'],
  ];
  it.each(cases)('%s', (_name, data, expected) => {
    expect(describeEscalationEvent(t, event(data), history)).toBe(expected);
  });
});

describe('buildEscalationRows', () => {
  // Built in each test, because `t` exists only once `beforeAll` has run.
  const names = () => levelNamesOf(t, [level], [makeProvider('p1', 'North 111')], [kpi]);

  it('flags overdue open escalations and counts age', () => {
    const rows = buildEscalationRows(
      t,
      [escalation('e1'), escalation('e2', { status: 'closed', dueDate: '2016-05-01' })],
      names(),
      '2016-05-20T09:00:00.000Z',
      '2016-05-20',
    );
    expect(rows[0]).toMatchObject({ providerName: 'North 111', kpiName: 'Calls answered within 60 seconds', overdue: true, ageDays: 18 });
    expect(rows[1]?.overdue).toBe(false);
  });

  it('filters by status and level', () => {
    const rows = buildEscalationRows(
      t,
      [escalation('e1'), escalation('e2', { level: 2 }), escalation('e3', { status: 'closed', level: 2 })],
      names(),
      '2016-05-20T09:00:00.000Z',
      '2016-05-20',
    );
    expect(filterEscalationRows(rows, 'open', 'all').map((row) => row.id)).toEqual(['e1', 'e2']);
    expect(filterEscalationRows(rows, 'all', 2).map((row) => row.id)).toEqual(['e2', 'e3']);
    expect(filterEscalationRows(rows, 'closed', 1)).toEqual([]);
  });
});

describe('newNotificationEvents', () => {
  it('lists rule events after the mark, newest first', () => {
    const events = [
      event({ kind: 'opened', period: '2016-03' }, '2016-05-01T10:00:00.000Z'),
      event({ kind: 'repeatMiss', period: '2016-04' }, '2016-05-02T10:00:00.000Z'),
      event({ kind: 'note', note: 'x' }, '2016-05-03T10:00:00.000Z'),
      event({ kind: 'raised', level: 2, rule: 'repeats', amount: 2 }, '2016-05-04T10:00:00.000Z'),
    ];
    expect(newNotificationEvents(events, null).map((item) => item.kind)).toEqual(['raised', 'repeatMiss', 'opened']);
    expect(newNotificationEvents(events, '2016-05-02T10:00:00.000Z').map((item) => item.kind)).toEqual(['raised']);
  });
});

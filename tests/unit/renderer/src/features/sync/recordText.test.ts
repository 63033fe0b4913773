import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFieldNames } from '@shared/sync/fieldClocks';
import { en } from '../../../../../../renderer/src/i18n/en';
import type { ConflictRow } from '../../../../../../renderer/src/features/sync/mergeView';
import {
  describeClockSkew,
  describeField,
  describeKept,
  describeOrigin,
  describeRecord,
  describeValue,
  formatMinorUnits,
} from '../../../../../../renderer/src/features/sync/recordText';
import type { TextFormat } from '../../../../../../renderer/src/features/sync/recordText';
import { at, baseWallMs, contract, kpi, measurement, provider, score, serviceLevel, snapshot } from '../../../../shared/sync/mergeTestKit';
import { goldenRfpIds } from '../../../../shared/file/goldenRfp';
import { goldenIds, goldenSnapshot } from '../../../../shared/file/goldenSnapshot';
import type { RecordTable } from '@shared/domain/types';
import { planTables, profileTables, rfpTables } from '@shared/sync/snapshot';
import { goldenPlanIds } from '../../../../shared/file/goldenPlan';
import { createRecordLookup, recordLabelOf, referencedTableOf } from '../../../../../../renderer/src/features/sync/recordLabels';

const format: TextFormat = { locale: 'en-GB', timeZone: 'UTC' };
const answered = { key: 'nhs111.answeredWithin60s', name: 'Answered in 60 s' };

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

function conflictRow(winner: 'local' | 'remote', localByThisDevice: boolean, remoteByThisDevice = false): ConflictRow {
  return {
    key: 'providers/p1/name',
    table: 'providers',
    recordId: 'p1',
    record: { kind: 'provider', name: 'North', code: null },
    field: 'name',
    local: { value: { kind: 'text', text: 'North A' }, changedAtMs: baseWallMs, deviceId: 'laptopa', byThisDevice: localByThisDevice },
    remote: {
      value: { kind: 'text', text: 'North B' },
      changedAtMs: baseWallMs + 1000,
      deviceId: 'laptopb',
      byThisDevice: remoteByThisDevice,
    },
    winner,
  };
}

describe('describeRecord', () => {
  it('names a provider', () => {
    expect(describeRecord(i18next.t, { kind: 'provider', name: 'North', code: null }, format)).toBe('North');
  });

  it('adds the provider code', () => {
    expect(describeRecord(i18next.t, { kind: 'provider', name: 'North', code: 'RX1' }, format)).toBe('North (code RX1)');
  });

  it('translates a built-in KPI', () => {
    expect(describeRecord(i18next.t, { kind: 'kpi', kpi: answered }, format)).toBe('Calls answered within 60 seconds');
  });

  it('names a measurement by KPI, provider and month', () => {
    const label = { kind: 'measurement', providerName: 'North', kpi: answered, period: '2015-04' } as const;
    expect(describeRecord(i18next.t, label, format)).toBe('Calls answered within 60 seconds for North, Apr 2015');
  });

  it('names a service level', () => {
    const label = { kind: 'serviceLevel', providerName: 'North', kpi: { key: 'custom.backlog', name: 'Backlog' } } as const;
    expect(describeRecord(i18next.t, label, format)).toBe('Service level for Backlog at North');
  });

  it('names a contract with its provider', () => {
    expect(describeRecord(i18next.t, { kind: 'contract', title: 'Core hours', providerName: 'North' }, format)).toBe('Core hours (North)');
  });

  it('says when the provider is unknown', () => {
    const label = { kind: 'measurement', providerName: null, kpi: null, period: '2015-04' } as const;
    expect(describeRecord(i18next.t, label, format)).toBe('unknown KPI for unknown provider, Apr 2015');
  });

  it('names a missing record by table and id', () => {
    expect(describeRecord(i18next.t, { kind: 'missing', table: 'kpis', recordId: 'k9' }, format)).toBe(
      'KPIs record k9, found in neither copy',
    );
  });
});

describe('describeField', () => {
  it('translates a known field', () => {
    expect(describeField(i18next.t, 'formerNames')).toBe('Former names');
  });

  it('keeps an unknown field name', () => {
    expect(describeField(i18next.t, 'legacyNote')).toBe('legacyNote');
  });

  it.each<readonly [string, object]>([
    ['providers', provider('p1', { clock: at(1, 'devL') })],
    ['contracts', contract('c1', { clock: at(1, 'devL') }, 'p1')],
    ['kpis', kpi('k1', { clock: at(1, 'devL') })],
    ['serviceLevels', serviceLevel('s1', { clock: at(1, 'devL') }, 'p1', 'k1')],
    ['measurements', measurement('m1', { clock: at(1, 'devL') }, 'p1', 'k1', '2015-04')],
    ...goldenSnapshot.records.escalations.map((record) => ['escalations', record] as const),
    ...goldenSnapshot.records.escalationEvents.map((record) => ['escalationEvents', record] as const),
  ])('labels every field of %s', (_table, record) => {
    for (const field of dataFieldNames(record)) expect(i18next.exists(`sync.fields.${field}`), field).toBe(true);
  });

  it.each([...rfpTables, ...planTables, ...profileTables])('labels every field of %s', (table) => {
    const [record] = goldenSnapshot.records[table];
    expect(record).toBeDefined();
    for (const field of dataFieldNames(record ?? {})) expect(i18next.exists(`sync.fields.${field}`), `${table}.${field}`).toBe(true);
  });
});

describe('profile and governance record names', () => {
  const lookup = createRecordLookup([goldenSnapshot]);
  const name = (table: RecordTable, id: string) => describeRecord(i18next.t, recordLabelOf(lookup, table, id), format);
  const idOf = (table: RecordTable, index = 0) => goldenSnapshot.records[table][index]?.id ?? '';

  it('names a site by city, country and provider', () => {
    expect(name('providerSites', idOf('providerSites', 1))).toBe('Site Pune, IN of NORTH EAST ENGLAND NHS 111');
  });

  it('names a certification by its standard and qualifier', () => {
    expect(name('certifications', idOf('certifications'))).toBe('ISO/IEC 27001 (Certificate 4471) certification of NORTH EAST ENGLAND NHS 111');
    expect(name('certifications', idOf('certifications', 1))).toBe('SOC 2 Type II certification of NORTH EAST ENGLAND NHS 111');
  });

  it('names a portfolio-wide risk without a provider', () => {
    expect(name('risks', idOf('risks', 1))).toBe('Risk Two providers handle all NHS 111 calls');
  });

  it('names a meeting by title and date', () => {
    expect(name('meetings', idOf('meetings'))).toBe('Meeting North East monthly management review, 31 Jan 2026 with NORTH EAST ENGLAND NHS 111');
  });
});

describe('RFP record names', () => {
  const lookup = createRecordLookup([goldenSnapshot]);
  const name = (table: RecordTable, id: string) => describeRecord(i18next.t, recordLabelOf(lookup, table, id), format);

  it('names an RFP by title', () => {
    expect(name('rfpEvents', goldenRfpIds.rfp)).toBe('RFP NHS 111 call handling re-procurement');
  });

  it('names a bidder with its RFP', () => {
    expect(name('rfpBidders', goldenRfpIds.prospect)).toBe('Bidder Coastal Contact Ltd in RFP NHS 111 call handling re-procurement');
  });

  it('names a score by evaluator, bidder and criterion', () => {
    const [score] = goldenSnapshot.records.rfpScores;
    expect(name('rfpScores', score?.id ?? '')).toBe('Ann Okafor’s score of NORTH EAST ENGLAND NHS 111 on Calls answered within 60 seconds');
  });

  it('names a consensus score and a price bid', () => {
    const [consensus] = goldenSnapshot.records.rfpConsensusScores;
    const [bid] = goldenSnapshot.records.rfpPriceBids;
    expect(name('rfpConsensusScores', consensus?.id ?? '')).toBe(
      'Consensus score of NORTH EAST ENGLAND NHS 111 on Calls answered within 60 seconds',
    );
    expect(name('rfpPriceBids', bid?.id ?? '')).toBe('Price bid of NORTH EAST ENGLAND NHS 111, round 1');
  });

  it('says when the referenced records are missing', () => {
    const orphan = createRecordLookup([snapshot({ records: { rfpScores: [score('s1', { clock: at(1, 'devL') }, ['e9', 'b9', 'c9'])] } })]);
    const label = recordLabelOf(orphan, 'rfpScores', 's1');
    expect(describeRecord(i18next.t, label, format)).toBe('unknown evaluator’s score of unknown bidder on unknown criterion');
  });

  it('shows a referenced bidder by name', () => {
    expect(referencedTableOf('bidderId')).toBe('rfpBidders');
    expect(referencedTableOf('awardedContractId')).toBe('contracts');
    expect(referencedTableOf('sectionIds')).toBeNull();
  });

  it('names a missing RFP record by table', () => {
    expect(name('rfpCriteria', 'gone')).toBe('RFP criteria record gone, found in neither copy');
  });
});

describe('plan record names', () => {
  const lookup = createRecordLookup([goldenSnapshot]);
  const name = (table: RecordTable, id: string) => describeRecord(i18next.t, recordLabelOf(lookup, table, id), format);

  it('names a plan by title', () => {
    expect(name('plans', goldenPlanIds.northEastPlan)).toBe('Transition plan NHS 111 North East call handling transition');
  });

  it('names a task with its plan', () => {
    expect(name('planTasks', goldenPlanIds.goLive)).toBe('Task Go-live of plan NHS 111 North East call handling transition');
  });

  it('names a link by its two tasks', () => {
    const [dependency] = goldenSnapshot.records.planDependencies;
    expect(name('planDependencies', dependency?.id ?? '')).toBe(
      'Link from Process documentation review to Shadowing at the Pune site in plan NHS 111 North East call handling transition',
    );
  });

  it('names a site calendar with its site', () => {
    expect(name('planCalendars', goldenPlanIds.puneCalendar)).toBe('Calendar Pune delivery centre of site Pune');
    expect(name('planCalendars', goldenPlanIds.englandCalendar)).toBe('Calendar England and Wales');
  });

  it('names a baseline with its plan', () => {
    const [baseline] = goldenSnapshot.records.planBaselines;
    expect(name('planBaselines', baseline?.id ?? '')).toBe(
      'Baseline Contract baseline of plan NHS 111 North East call handling transition',
    );
  });

  it('shows a referenced task by name', () => {
    expect(referencedTableOf('predecessorId')).toBe('planTasks');
    expect(referencedTableOf('planId')).toBe('plans');
  });

  it('names an escalation by KPI, provider and the month that opened it', () => {
    expect(name('escalations', goldenIds.escalation)).toBe(
      'Escalation of Calls answered within 60 seconds at NORTH EAST ENGLAND NHS 111, opened for Apr 2015',
    );
  });

  it('names an entry of an escalation history by its escalation', () => {
    const [event] = goldenSnapshot.records.escalationEvents;
    expect(name('escalationEvents', event?.id ?? '')).toBe(
      'History entry of the escalation of Calls answered within 60 seconds at NORTH EAST ENGLAND NHS 111, opened for Apr 2015',
    );
  });

  it('names a missing plan record by table', () => {
    expect(name('planTasks', 'gone')).toBe('Plan tasks record gone, found in neither copy');
  });
});

describe('describeValue', () => {
  it('shows empty as a word', () => {
    expect(describeValue(i18next.t, { kind: 'empty' }, format)).toBe('(empty)');
  });

  it('formats a number in the locale', () => {
    expect(describeValue(i18next.t, { kind: 'number', value: 1234.56789 }, format)).toBe('1,234.5679');
  });

  it('joins list items', () => {
    expect(describeValue(i18next.t, { kind: 'list', items: ['Old North', 'Older North'] }, format)).toBe('Old North, Older North');
  });

  it('names a referenced record', () => {
    expect(describeValue(i18next.t, { kind: 'record', label: { kind: 'provider', name: 'North', code: null } }, format)).toBe('North');
  });
});

describe('formatMinorUnits', () => {
  it('divides pence into pounds', () => {
    expect(formatMinorUnits(1_250_050, 'GBP', 'en-GB')).toBe('£12,500.50');
  });

  it('keeps yen whole', () => {
    expect(formatMinorUnits(1500, 'JPY', 'en-GB')).toBe('JP¥1,500');
  });

  it('falls back for an invalid code', () => {
    expect(formatMinorUnits(1500, 'not a code', 'en-GB')).toBe('1,500 not a code');
  });
});

describe('describeOrigin', () => {
  it('names this laptop', () => {
    const origin = { changedAtMs: baseWallMs + 5000, deviceId: 'laptopa', byThisDevice: true };
    expect(describeOrigin(i18next.t, origin, format)).toBe('1 Jan 2026, 00:00:05 on this laptop');
  });

  it('names another device by id', () => {
    const origin = { changedAtMs: baseWallMs, deviceId: 'laptopb', byThisDevice: false };
    expect(describeOrigin(i18next.t, origin, format)).toBe('1 Jan 2026, 00:00:00 on device laptopb');
  });
});

describe('describeKept', () => {
  it('gives the rule for a file value', () => {
    expect(describeKept(i18next.t, conflictRow('remote', true), false)).toBe('The file’s value: it was changed later, on device laptopb.');
  });

  it('gives the rule for a value changed here', () => {
    expect(describeKept(i18next.t, conflictRow('local', true), false)).toBe('This laptop’s value: it was changed later, on this laptop.');
  });

  it('names the device of a value merged earlier', () => {
    expect(describeKept(i18next.t, conflictRow('local', false), false)).toBe(
      'This laptop’s value: it was changed later, on device laptopa.',
    );
  });

  it('names the file value changed on this laptop', () => {
    expect(describeKept(i18next.t, conflictRow('remote', false, true), false)).toBe(
      'The file’s value: it was changed later, on this laptop.',
    );
  });

  it('shows the choice to keep the other value', () => {
    expect(describeKept(i18next.t, conflictRow('remote', true), true)).toBe('This laptop’s value, as you chose.');
    expect(describeKept(i18next.t, conflictRow('local', true), true)).toBe('The file’s value, as you chose.');
  });
});

describe('describeClockSkew', () => {
  it('names time ahead and device', () => {
    const sentence = describeClockSkew(i18next.t, { aheadMs: 3 * 3_600_000, deviceIds: ['laptopb'] }, format);
    expect(sentence).toContain('up to 3 hours ahead of this computer’s clock, from device laptopb.');
    expect(sentence).toContain('The merge is still deterministic');
    expect(sentence).toContain('Check the date and time on the other laptop.');
  });

  it('lists several devices', () => {
    const sentence = describeClockSkew(i18next.t, { aheadMs: 20 * 60_000, deviceIds: ['laptopb', 'laptopc'] }, format);
    expect(sentence).toContain('up to 20 minutes ahead of this computer’s clock, from devices laptopb and laptopc.');
  });
});

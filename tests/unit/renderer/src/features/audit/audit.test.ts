import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import type { MeetingData } from '../../../../../../shared/domain/governance';
import type { ContractData, ProviderData, RecordTable } from '../../../../../../shared/domain/types';
import { parseCsv } from '../../../../../../shared/import/csv';
import { buildProviderContractPlan, guessProviderContractMapping } from '../../../../../../shared/import/providerContracts';
import type { CsvTable } from '../../../../../../shared/import/types';
import { applyProviderContractPlan } from '../../../../../../renderer/src/db/importProviderContracts';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../../../../../renderer/src/db/repository';
import type { RecordData } from '../../../../../../renderer/src/db/repository';
import { loadRecordLookup } from '../../../../../../renderer/src/features/audit/auditLookup';
import { activityRange, readActivityPage, readAuditUsers, readRecordHistory } from '../../../../../../renderer/src/features/audit/auditQuery';
import {
  auditChangeTexts,
  auditRecordName,
  importedFromText,
  touchAuditRecords,
} from '../../../../../../renderer/src/features/audit/auditText';
import { recordScreenOf } from '../../../../../../renderer/src/features/audit/recordLink';
import { en } from '../../../../../../renderer/src/i18n/en';
import { manualWall, openTestDb, testContext } from '../../../db/factories';

const northData: ProviderData = { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults };
const format = { locale: 'en-GB', timeZone: 'UTC' };

let db: PortfolioDb | null = null;

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

afterEach(() => {
  db?.close();
  db = null;
});

async function open(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

function contractOf(providerId: string): ContractData {
  return {
    providerId,
    title: 'Contact centre services',
    startDate: '2025-01-01',
    endDate: null,
    currency: 'GBP',
    annualValueMinor: null,
    monthlyChargesMinor: 120_000,
    atRiskPercent: null,
    ...contractGovernanceDefaults,
  };
}

describe('readRecordHistory', () => {
  it('lists one record newest first', async () => {
    const portfolio = await open();
    const wall = manualWall();
    const context = testContext(wall);
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    wall.set(wall() + 60_000);
    await updateRecord(portfolio, 'providers', provider.id, { name: 'North Calls' }, context);
    await insertRecord(portfolio, 'providers', { ...northData, code: 'RX2', name: 'South' }, context);

    const history = await readRecordHistory(portfolio, 'providers', provider.id);
    expect(history).toHaveLength(2);
    expect(history[0]?.changes).toEqual({ name: { old: 'North Contact Centre', new: 'North Calls' } });
    expect(history[1]?.changes.code).toEqual({ old: null, new: 'RX1' });
  });
});

describe('readActivityPage', () => {
  it('pages newest first with a next-page flag', async () => {
    const portfolio = await open();
    const wall = manualWall();
    const context = testContext(wall);
    for (let index = 0; index < 5; index += 1) {
      wall.set(wall() + 1_000);
      await insertRecord(portfolio, 'providers', { ...northData, code: `RX${index}`, name: `Provider ${index}` }, context);
    }
    const first = await readActivityPage(portfolio, { user: null, table: null, from: null, to: null }, 0, 2);
    expect(first.entries.map((entry) => entry.changes.name?.new)).toEqual(['Provider 4', 'Provider 3']);
    expect(first.hasMore).toBe(true);
    const last = await readActivityPage(portfolio, { user: null, table: null, from: null, to: null }, 2, 2);
    expect(last.entries.map((entry) => entry.changes.name?.new)).toEqual(['Provider 0']);
    expect(last.hasMore).toBe(false);
  });

  it('filters by user and table before paging', async () => {
    const portfolio = await open();
    const wall = manualWall();
    const ann = testContext(wall, 'dev000000001', 'Ann');
    const bob = testContext(wall, 'dev000000002', 'Bob');
    const provider = await insertRecord(portfolio, 'providers', northData, ann);
    wall.set(wall() + 1_000);
    await insertRecord(portfolio, 'contracts', contractOf(provider.id), bob);
    wall.set(wall() + 1_000);
    await updateRecord(portfolio, 'providers', provider.id, { name: 'North Calls' }, bob);
    wall.set(wall() + 1_000);
    await insertRecord(portfolio, 'contracts', { ...contractOf(provider.id), title: 'Second' }, ann);

    const bobProviders = await readActivityPage(portfolio, { user: 'Bob', table: 'providers', from: null, to: null }, 0, 1);
    expect(bobProviders.entries).toHaveLength(1);
    expect(bobProviders.entries[0]?.changes.name?.new).toBe('North Calls');
    expect(bobProviders.hasMore).toBe(false);

    const annPageTwo = await readActivityPage(portfolio, { user: 'Ann', table: null, from: null, to: null }, 1, 1);
    expect(annPageTwo.entries[0]?.table).toBe('providers');
    expect(await readAuditUsers(portfolio)).toEqual(['Ann', 'Bob']);
  });

  it('filters by local date range', async () => {
    const portfolio = await open();
    const wall = manualWall(new Date(2026, 0, 10, 12).getTime());
    const context = testContext(wall);
    await insertRecord(portfolio, 'providers', northData, context);
    wall.set(wall() + 2 * 86_400_000);
    await insertRecord(portfolio, 'providers', { ...northData, code: 'RX2', name: 'South' }, context);

    const onTenth = await readActivityPage(portfolio, { user: null, table: null, from: '2026-01-10', to: '2026-01-10' }, 0, 10);
    expect(onTenth.entries.map((entry) => entry.changes.name?.new)).toEqual(['North Contact Centre']);
    const fromEleventh = await readActivityPage(portfolio, { user: null, table: null, from: '2026-01-11', to: null }, 0, 10);
    expect(fromEleventh.entries.map((entry) => entry.changes.name?.new)).toEqual(['South']);
  });
});

describe('activityRange', () => {
  it('ends after the last day', () => {
    const range = activityRange({ from: '2026-03-01', to: '2026-03-31' });
    expect(range.lower).toBe(new Date(2026, 2, 1).toISOString());
    expect(range.upper).toBe(new Date(2026, 3, 1).toISOString());
  });

  it('leaves open ends unbounded', () => {
    const range = activityRange({ from: null, to: null });
    expect(range.lower).toBe('');
    expect(new Date().toISOString() < range.upper).toBe(true);
  });
});

describe('audit texts', () => {
  it('names values and referenced records', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const contract = await insertRecord(portfolio, 'contracts', contractOf(provider.id), context);
    const [entry] = await readRecordHistory(portfolio, 'contracts', contract.id);
    if (entry === undefined) throw new Error('no audit entry');

    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([entry], candidate);
    });
    const texts = auditChangeTexts(i18next.t, entry, lookup, format);
    const byField = new Map(texts.map((text) => [text.field, text]));
    expect(byField.get('providerId')?.newValue).toBe('North Contact Centre (code RX1)');
    expect(byField.get('providerId')?.oldValue).toBe(en.sync.emptyValue);
    expect(byField.get('monthlyChargesMinor')?.newValue).toBe('£1,200.00');
    expect(byField.get('title')?.label).toBe(en.sync.fields.title);
    expect(auditRecordName(i18next.t, entry, lookup, format)).toBe('Contact centre services (North Contact Centre)');
    expect(recordScreenOf(lookup, 'contracts', contract.id)).toEqual({ name: 'provider', providerId: provider.id });
  });

  it('added record lists its initial values only', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const [entry] = await readRecordHistory(portfolio, 'providers', provider.id);
    if (entry === undefined) throw new Error('no audit entry');

    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([entry], candidate);
    });
    const texts = auditChangeTexts(i18next.t, entry, lookup, format);
    expect(entry.kind).toBe('insert');
    expect(en.audit.kinds.insert).toBe('Added');
    expect(texts.map((text) => text.field)).toContain('name');
    expect(texts.find((text) => text.field === 'name')?.newValue).toBe('North Contact Centre');
    // The profile defaults leave fields such as the legal entity empty, and those are left out.
    expect(texts.map((text) => text.field)).not.toContain('legalEntity');
    expect(texts.filter((text) => text.newValue === en.sync.emptyValue)).toEqual([]);
  });

  it('change leaves out fields empty on both sides', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    await updateRecord(portfolio, 'providers', provider.id, { name: 'North Calls' }, context);
    const [entry] = await readRecordHistory(portfolio, 'providers', provider.id);
    if (entry === undefined) throw new Error('no audit entry');
    const changed = { ...entry, changes: { ...entry.changes, legalEntity: { old: null, new: '' } } };

    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([changed], candidate);
    });
    const texts = auditChangeTexts(i18next.t, changed, lookup, format);
    expect(texts.map((text) => text.field)).toEqual(['name']);
  });

  it('names a deleted record from its old values', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    await deleteRecord(portfolio, 'providers', provider.id, context);
    const [deletion] = await readRecordHistory(portfolio, 'providers', provider.id);
    if (deletion === undefined) throw new Error('no audit entry');

    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([deletion], candidate);
    });
    expect(deletion.kind).toBe('delete');
    expect(auditRecordName(i18next.t, deletion, lookup, format)).toBe('North Contact Centre (code RX1) (deleted)');
    expect(recordScreenOf(lookup, 'providers', provider.id)).toBeNull();
  });
});

describe('deleted record names', () => {
  /** Inserts a record of `table` for the provider, deletes it, and returns the name its deletion entry shows in Activity. */
  async function deletedName<T extends 'certifications' | 'contracts' | 'risks' | 'meetings' | 'contacts'>(
    table: T,
    data: (providerId: string) => RecordData<T>,
  ): Promise<string | null> {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const record = await insertRecord(portfolio, table, data(provider.id), context);
    await deleteRecord(portfolio, table, record.id, context);
    const [deletion] = await readRecordHistory(portfolio, table, record.id);
    if (deletion === undefined) throw new Error('no audit entry');
    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([deletion], candidate);
    });
    db?.close();
    db = null;
    return auditRecordName(i18next.t, deletion, lookup, format);
  }

  it('certification names its standard once', async () => {
    const name = await deletedName('certifications', (providerId): RecordData<'certifications'> => ({
      providerId,
      standard: 'iso27001',
      name: 'v4.0',
      issuedOn: null,
      expiresOn: '2027-01-31',
      evidence: '',
    }));
    expect(name).toBe('ISO/IEC 27001 (v4.0) certification of North Contact Centre (deleted)');
  });

  it('contract names title and provider', async () => {
    expect(await deletedName('contracts', contractOf)).toBe('Contact centre services (North Contact Centre) (deleted)');
  });

  it('risk names title and provider', async () => {
    const name = await deletedName('risks', (providerId): RecordData<'risks'> => ({
      providerId,
      title: 'Attrition at Manila site',
      category: 'attrition',
      description: '',
      likelihood: 3,
      impact: 4,
      owner: '',
      mitigation: '',
      status: 'open',
      reviewDate: null,
    }));
    expect(name).toBe('Risk Attrition at Manila site at North Contact Centre (deleted)');
  });

  it('meeting shows its date formatted', async () => {
    const name = await deletedName('meetings', (providerId) => meetingOf(providerId, []));
    expect(name).toBe('Meeting Steering committee, 31 Mar 2026 with North Contact Centre (deleted)');
  });

  it('contact names the person', async () => {
    const name = await deletedName('contacts', (providerId): RecordData<'contacts'> => ({
      providerId,
      side: 'provider',
      role: 'accountManager',
      name: 'Ana Cruz',
      email: '',
      phone: '',
    }));
    expect(name).toBe('Contact Ana Cruz of North Contact Centre (deleted)');
  });
});

function meetingOf(providerId: string, agenda: MeetingData['agenda']): MeetingData {
  return {
    providerId,
    cadenceId: null,
    kind: 'quarterlySteering',
    title: 'Steering committee',
    date: '2026-03-31',
    startTime: '10:00',
    durationMinutes: 90,
    timeZone: 'Europe/London',
    status: 'planned',
    agenda,
    attendees: '',
    minutes: '',
  };
}

describe('audit change values', () => {
  /** Returns the old and new text of each changed field of the newest entry of the record. */
  async function changeTexts(table: RecordTable, recordId: string): Promise<Record<string, [string, string, string | null]>> {
    const portfolio = db;
    if (portfolio === null) throw new Error('no database');
    const [newest] = await readRecordHistory(portfolio, table, recordId);
    if (newest === undefined) throw new Error('no audit entry');
    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([newest], candidate);
    });
    const texts = auditChangeTexts(i18next.t, newest, lookup, format);
    return Object.fromEntries(texts.map((text) => [text.field, [text.oldValue, text.newValue, text.difference]]));
  }

  it('shows enum labels and dates', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    await updateRecord(portfolio, 'providers', provider.id, { tier: 1, lifecycle: 'exiting', criticality: 'high' }, context);
    expect(await changeTexts('providers', provider.id)).toEqual({
      tier: ['(empty)', 'Tier 1 (strategic)', null],
      lifecycle: ['Active', 'Exiting', null],
      criticality: ['(empty)', 'High', null],
    });
  });

  it('shows site country and languages', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const siteData = {
      providerId: provider.id,
      country: 'IN',
      city: 'Pune',
      deliveryModel: 'offshore' as const,
      fte: 120,
      languages: ['en'],
      timeZone: 'Asia/Kolkata',
      calendarId: null,
    };
    const site = await insertRecord(portfolio, 'providerSites', siteData, context);
    await updateRecord(portfolio, 'providerSites', site.id, { country: 'PH', languages: ['en-GB', 'fil'] }, context);
    expect(await changeTexts('providerSites', site.id)).toEqual({
      country: ['India', 'Philippines', null],
      languages: ['English', 'British English, Filipino', null],
    });
  });

  it('shows meeting status and kind labels', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const meeting = await insertRecord(portfolio, 'meetings', meetingOf(provider.id, []), context);
    await updateRecord(portfolio, 'meetings', meeting.id, { status: 'held', kind: 'monthlyManagement' }, context);
    expect(await changeTexts('meetings', meeting.id)).toEqual({
      status: ['Planned', 'Held', null],
      kind: ['Quarterly joint steering committee', 'Monthly management review', null],
    });
  });

  it('shows risk status and review date', async () => {
    const portfolio = await open();
    const context = testContext();
    const risk: RecordData<'risks'> = {
      providerId: null,
      title: 'Provider concentration',
      category: 'providerConcentration',
      description: '',
      likelihood: 3,
      impact: 4,
      owner: '',
      mitigation: '',
      status: 'open',
      reviewDate: '2026-03-31',
    };
    const stored = await insertRecord(portfolio, 'risks', risk, context);
    await updateRecord(portfolio, 'risks', stored.id, { status: 'mitigating', reviewDate: '2026-06-30' }, context);
    expect(await changeTexts('risks', stored.id)).toEqual({
      status: ['Open', 'Being mitigated', null],
      reviewDate: ['31 Mar 2026', '30 Jun 2026', null],
    });
  });

  it('shows contract terms in words', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const contract = await insertRecord(portfolio, 'contracts', contractOf(provider.id), context);
    const patch = {
      endDate: '2027-12-31',
      noticePeriod: { amount: 3, unit: 'months' },
      autoRenewal: true,
      pricingModel: 'fteBased',
      exitProvisions: { exitPlan: true, dataReturn: true, knowledgeTransferBack: false, stepInRights: false },
    } as const;
    await updateRecord(portfolio, 'contracts', contract.id, patch, context);
    const texts = await changeTexts('contracts', contract.id);
    expect(texts.endDate).toEqual(['(empty)', '31 Dec 2027', null]);
    expect(texts.noticePeriod).toEqual(['(empty)', '3 months', null]);
    expect(texts.autoRenewal).toEqual(['No', 'Yes', null]);
    expect(texts.pricingModel).toEqual(['(empty)', 'FTE-based', null]);
    expect(texts.exitProvisions).toEqual(['(empty)', 'Exit plan, Data return', null]);
  });

  it('shows agenda items and their difference', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const riskId = '01900000-0000-7000-8000-000000000001';
    const before = [
      { source: 'risk', recordId: riskId, text: 'Attrition at Manila site' },
      { source: 'note', recordId: null, text: 'Budget for 2027' },
    ] as const;
    const after = [
      { source: 'risk', recordId: riskId, text: 'Attrition at Manila site' },
      { source: 'action', recordId: '01900000-0000-7000-8000-000000000002', text: 'Send the exit plan' },
    ] as const;
    const meeting = await insertRecord(portfolio, 'meetings', meetingOf(provider.id, [...before]), context);
    await updateRecord(portfolio, 'meetings', meeting.id, { agenda: [...after] }, context);
    const [oldText = '', newText = '', difference] = (await changeTexts('meetings', meeting.id)).agenda ?? [];

    expect(oldText).toBe('Risk review: “Attrition at Manila site”, Other item: “Budget for 2027”');
    expect(newText).toBe('Risk review: “Attrition at Manila site”, Action item: “Send the exit plan”');
    expect(difference).toBe('Added: Action item: “Send the exit plan” Removed: Other item: “Budget for 2027”');
    for (const text of [oldText, newText, difference ?? '']) {
      expect(text).not.toContain('{');
      expect(text).not.toContain(riskId);
    }
  });

  it('import entry names file and date', async () => {
    const portfolio = await open();
    const wall = manualWall(Date.UTC(2026, 2, 4, 10, 15));
    const context = testContext(wall);
    const plan = buildProviderContractPlan(providersTable(), guessProviderContractMapping(providersTable().header));
    await applyProviderContractPlan(portfolio, plan, context);
    const provider = await portfolio.providers.where('code').equals('NW1').first();
    const [entry] = await readRecordHistory(portfolio, 'providers', provider?.id ?? '');
    if (entry === undefined) throw new Error('no audit entry');

    expect(importedFromText(i18next.t, entry, format)).toBe('Imported from firms.csv on 4 Mar 2026');
    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      touchAuditRecords([entry], candidate);
    });
    const texts = auditChangeTexts(i18next.t, entry, lookup, format);
    expect(texts.find((text) => text.field === 'tier')?.newValue).toBe('Tier 1 (strategic)');
  });
});

/** Parses a one-provider CSV file of the providers-and-contracts import, named firms.csv. */
function providersTable(): CsvTable {
  const text = 'Provider code,Provider name,Tier\nNW1,Northwind Contact,1\n';
  const parsed = parseCsv(new TextEncoder().encode(text), 'firms.csv');
  if (!parsed.ok) throw new Error('the CSV did not parse');
  return parsed.value;
}

describe('loadRecordLookup', () => {
  it('follows references across rounds', async () => {
    const portfolio = await open();
    const context = testContext();
    const provider = await insertRecord(portfolio, 'providers', northData, context);
    const contract = await insertRecord(portfolio, 'contracts', contractOf(provider.id), context);
    let rounds = 0;
    const lookup = await loadRecordLookup(portfolio, (candidate) => {
      rounds += 1;
      const found = candidate.find('contracts', contract.id);
      if (found !== undefined) candidate.find('providers', found.providerId);
    });
    expect(rounds).toBe(3);
    expect(lookup.find('providers', provider.id)?.name).toBe('North Contact Centre');
    expect(lookup.find('providers', 'missing-id')).toBeUndefined();
  });
});

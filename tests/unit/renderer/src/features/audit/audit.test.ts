import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import type { ContractData, ProviderData } from '../../../../../../shared/domain/types';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../../../../../renderer/src/db/repository';
import { loadRecordLookup } from '../../../../../../renderer/src/features/audit/auditLookup';
import { activityRange, readActivityPage, readAuditUsers, readRecordHistory } from '../../../../../../renderer/src/features/audit/auditQuery';
import { auditChangeTexts, auditRecordName, touchAuditRecords } from '../../../../../../renderer/src/features/audit/auditText';
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
    expect(auditRecordName(i18next.t, deletion, lookup, format)).toBe('Providers: North Contact Centre (deleted)');
    expect(recordScreenOf(lookup, 'providers', provider.id)).toBeNull();
  });
});

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

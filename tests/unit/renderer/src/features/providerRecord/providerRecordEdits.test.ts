import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { providerProfileOf } from '../../../../../../shared/domain/profileDefaults';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import {
  addCertification,
  addContact,
  addProvider,
  addSite,
  changedFields,
  deleteProviderPart,
  saveProfile,
  updateSite,
} from '../../../../../../renderer/src/features/providerRecord/providerRecordEdits';
import { openTestDb, rejection, testContext } from '../../../db/factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function opened(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

const puneSite = {
  country: 'IN',
  city: 'Pune',
  deliveryModel: 'offshore' as const,
  fte: 40,
  languages: ['en', 'hi'],
  timeZone: 'Asia/Kolkata',
  calendarId: null,
};

describe('addProvider', () => {
  it('inserts a provider with an empty profile', async () => {
    const portfolio = await opened();
    const result = await addProvider(portfolio, { name: ' Pune Partners ', code: 'PP1', lifecycle: 'prospect' }, testContext());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const stored = await portfolio.providers.get(result.value.id);
    expect(stored?.name).toBe('Pune Partners');
    expect(stored?.code).toBe('PP1');
    expect(stored?.lifecycle).toBe('prospect');
    expect(stored?.legalEntity).toBe('');
    expect(stored?.tier).toBeNull();
    expect(await portfolio.audit.count()).toBe(1);
  });

  it('rejects a stored name and code', async () => {
    const portfolio = await opened();
    await addProvider(portfolio, { name: 'Pune Partners', code: 'PP1', lifecycle: 'prospect' }, testContext());
    const second = await addProvider(portfolio, { name: 'pune partners', code: 'pp1', lifecycle: 'active' }, testContext());
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.name?.key).toBe('providerRecord.errors.nameTaken');
    expect(second.errors.code?.key).toBe('providerRecord.errors.codeTaken');
    expect(await portfolio.providers.count()).toBe(1);
  });
});

describe('changedFields', () => {
  it('keeps only changed fields', () => {
    expect(changedFields({ a: 1, b: ['x'], c: null }, { a: 1, b: ['x', 'y'], c: null })).toEqual({ b: ['x', 'y'] });
  });

  it('returns nothing when unchanged', () => {
    expect(changedFields({ a: 'x', b: [1] }, { a: 'x', b: [1] })).toEqual({});
  });
});

describe('saveProfile', () => {
  it('writes the patch and keeps a merged field', async () => {
    const portfolio = await opened();
    const added = await addProvider(portfolio, { name: 'Pune Partners', code: '', lifecycle: 'prospect' }, testContext());
    if (!added.ok) throw new Error('provider not added');
    const shown = providerProfileOf(added.value);
    // Another write, such as a merge, sets the parent company while the form is open.
    await saveProfile(portfolio, added.value.id, { parentCompany: 'Global BPO plc' }, testContext());

    const edited = { ...shown, legalEntity: 'Pune Partners Pvt Ltd', tier: 1 as const };
    const patch = changedFields(shown, edited);
    expect(patch).toEqual({ legalEntity: 'Pune Partners Pvt Ltd', tier: 1 });
    const saved = await saveProfile(portfolio, added.value.id, patch, testContext());

    expect(saved.legalEntity).toBe('Pune Partners Pvt Ltd');
    expect(saved.tier).toBe(1);
    expect(saved.parentCompany).toBe('Global BPO plc');
    const last = (await portfolio.audit.orderBy('at').toArray()).at(-1);
    expect(Object.keys(last?.changes ?? {}).sort()).toEqual(['legalEntity', 'tier']);
  });
});

describe('sites, certifications and contacts', () => {
  it('adds, updates and deletes a site', async () => {
    const portfolio = await opened();
    const site = await addSite(portfolio, 'provider-1', puneSite, testContext());
    expect(await portfolio.providerSites.where('providerId').equals('provider-1').count()).toBe(1);

    const updated = await updateSite(portfolio, site.id, { fte: 55 }, testContext());
    expect(updated.fte).toBe(55);
    expect(updated.languages).toEqual(['en', 'hi']);

    await deleteProviderPart(portfolio, 'providerSites', site.id, testContext());
    expect(await portfolio.providerSites.count()).toBe(0);
    expect(await portfolio.tombstones.get(site.id)).toMatchObject({ table: 'providerSites' });
  });

  it('rejects deleting twice', async () => {
    const portfolio = await opened();
    const contact = await addContact(
      portfolio,
      'provider-1',
      { side: 'client', role: 'programmeManager', name: 'Sam Lee', email: '', phone: '' },
      testContext(),
    );
    await deleteProviderPart(portfolio, 'contacts', contact.id, testContext());
    const failure = await rejection(deleteProviderPart(portfolio, 'contacts', contact.id, testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
  });

  it('stores a certification for the provider', async () => {
    const portfolio = await opened();
    const certification = await addCertification(
      portfolio,
      'provider-1',
      { standard: 'iso27001', name: '', issuedOn: '2024-01-10', expiresOn: '2027-01-09', evidence: 'Certificate PDF' },
      testContext(),
    );
    expect(await portfolio.certifications.get(certification.id)).toMatchObject({ providerId: 'provider-1', expiresOn: '2027-01-09' });
  });
});

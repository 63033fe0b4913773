/** Rows of the providers-and-contracts import review, worded in English. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRecordChange } from '../../../../../../renderer/src/db/importProviderContracts';
import { importReviewRows } from '../../../../../../renderer/src/features/import/importReviewRows';
import { en } from '../../../../../../renderer/src/i18n/en';

const format = { locale: 'en-GB', timeZone: 'UTC' };

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const updatedProvider: PlannedRecordChange = {
  table: 'providers',
  recordId: 'p1',
  outcome: 'changed',
  name: 'Fabrikam Finance',
  providerName: null,
  currency: null,
  changes: { tier: { old: 3, new: 2 }, lifecycle: { old: 'active', new: 'onboarding' } },
};

const addedContract: PlannedRecordChange = {
  table: 'contracts',
  recordId: 'c1',
  outcome: 'added',
  name: 'Customer service',
  providerName: 'Northwind Contact',
  currency: 'GBP',
  changes: {
    providerId: { old: null, new: 'p2' },
    title: { old: null, new: 'Customer service' },
    endDate: { old: null, new: '2027-12-31' },
    annualValueMinor: { old: null, new: 120_000_050 },
    noticePeriod: { old: null, new: { amount: 90, unit: 'days' } },
    autoRenewal: { old: null, new: true },
    pricingModel: { old: null, new: 'fteBased' },
  },
};

describe('importReviewRows', () => {
  it('updated provider shows old and new labels', () => {
    const [row] = importReviewRows(i18next.t, [updatedProvider], format);
    expect(row?.name).toBe('Fabrikam Finance');
    expect(row?.outcome).toBe('changed');
    expect(row?.fields).toEqual([
      { field: 'tier', label: 'Tier', oldValue: 'Tier 3 (transactional)', newValue: 'Tier 2 (important)' },
      { field: 'lifecycle', label: 'Lifecycle status', oldValue: 'Active', newValue: 'Onboarding' },
    ]);
  });

  it('added contract names its provider', () => {
    const [row] = importReviewRows(i18next.t, [addedContract], format);
    expect(row?.name).toBe('Customer service (Northwind Contact)');
  });

  it('added contract fields are worded', () => {
    const [row] = importReviewRows(i18next.t, [addedContract], format);
    const values = Object.fromEntries((row?.fields ?? []).map((field) => [field.field, field.newValue]));
    expect(values).toEqual({
      title: 'Customer service',
      endDate: '31 Dec 2027',
      annualValueMinor: '£1,200,000.50',
      noticePeriod: '90 days',
      autoRenewal: 'Yes',
      pricingModel: 'FTE-based',
    });
    expect(row?.fields.every((field) => field.oldValue === null)).toBe(true);
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { overloadReasons, ownerContactText } from '../../../../../../renderer/src/features/workload/workloadText';
import { en } from '../../../../../../renderer/src/i18n/en';

const thresholds = { maxOpenItems: 8, maxOverdue: 2 };

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('overloadReasons', () => {
  it('is empty within both thresholds', () => {
    expect(overloadReasons(i18next.t, { openItems: 8, overdue: 2 }, thresholds)).toEqual([]);
  });

  it('names each exceeded threshold', () => {
    expect(overloadReasons(i18next.t, { openItems: 9, overdue: 3 }, thresholds)).toEqual([
      '9 open items, more than 8.',
      '3 overdue items, more than 2.',
    ]);
  });
});

describe('ownerContactText', () => {
  it('is null without a matching contact', () => {
    expect(ownerContactText(i18next.t, { contacts: [] })).toBeNull();
  });

  it('lists side and role once each', () => {
    const contact = { id: 'c1', providerId: 'p1', side: 'provider', role: 'processOwner' } as const;
    expect(ownerContactText(i18next.t, { contacts: [contact, { ...contact, id: 'c2' }] })).toBe('Provider side, Process owner');
  });
});

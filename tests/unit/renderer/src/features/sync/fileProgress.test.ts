import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordTables } from '@shared/sync/snapshot';
import { en } from '../../../../../../renderer/src/i18n/en';
import { progressViewOf } from '../../../../../../renderer/src/features/sync/fileProgress';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('progressViewOf', () => {
  it('labels serializing with table and counts', () => {
    const view = progressViewOf(i18next.t, { stage: 'serializing', entry: 'records/measurements.json', done: 60_000, total: 150_000 });
    expect(view.label).toBe('Serializing measurements: 60,000 of 150,000');
    expect(view.fraction).toBeCloseTo(0.4);
  });

  it('labels compressing in megabytes', () => {
    const view = progressViewOf(i18next.t, {
      stage: 'compressing',
      entry: 'records/measurements.json',
      done: 12 * 1024 * 1024,
      total: 48 * 1024 * 1024,
    });
    expect(view.label).toBe('Compressing measurements: 12 of 48 MB');
    expect(view.fraction).toBeCloseTo(0.25);
  });

  it('names deletions and file details', () => {
    const tombstones = progressViewOf(i18next.t, { stage: 'serializing', entry: 'tombstones.json', done: 3, total: 3 });
    const manifest = progressViewOf(i18next.t, { stage: 'compressing', entry: 'manifest.json', done: 10, total: 10 });
    expect(tombstones.label).toBe('Serializing deletions: 3 of 3');
    expect(manifest.label).toBe('Compressing file details: 0 of 0 MB');
  });

  it.each(recordTables)('names table %s', (table) => {
    const view = progressViewOf(i18next.t, { stage: 'serializing', entry: `records/${table}.json`, done: 1, total: 2 });
    expect(i18next.exists(`sync.progress.entries.${table}`)).toBe(true);
    expect(view.label).not.toContain('sync.progress');
  });

  it('counts inflated entries', () => {
    const view = progressViewOf(i18next.t, { stage: 'inflating', done: 4, total: 16 });
    expect(view.label).toBe('Inflating and checking the file’s entries: 4 of 16');
    expect(view.fraction).toBe(0.25);
  });

  it.each([
    [{ stage: 'reading' } as const, 'Reading the portfolio…'],
    [{ stage: 'encrypting' } as const, 'Encrypting the file…'],
    [{ stage: 'decrypting' } as const, 'Decrypting the file…'],
    [{ stage: 'validating' } as const, 'Validating the records…'],
  ])('stage $stage has no fraction', (progress, label) => {
    const view = progressViewOf(i18next.t, progress);
    expect(view.label).toBe(label);
    expect(view.fraction).toBeNull();
  });

  it('treats an empty table as done', () => {
    const view = progressViewOf(i18next.t, { stage: 'serializing', entry: 'records/contracts.json', done: 0, total: 0 });
    expect(view.fraction).toBe(1);
  });

  it('keeps the fraction within 0 and 1', () => {
    const view = progressViewOf(i18next.t, { stage: 'inflating', done: 20, total: 16 });
    expect(view.fraction).toBe(1);
  });
});

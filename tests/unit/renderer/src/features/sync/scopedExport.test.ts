/**
 * The Sync screen's export step with a scope: a portfolio of two providers, North with a valued
 * contract, and South with one deleted month, exported as North only and without commercial
 * terms, then read back with the shared reader.
 */
import { contractGovernanceDefaults } from '../../../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Provider } from '../../../../../../shared/domain/types';
import { readPortfolioFile } from '../../../../../../shared/file';
import type { ExportScope, ParsedFile } from '../../../../../../shared/file';
import { createPortfolio } from '../../../../../../renderer/src/db/catalogue';
import type { PortfolioEntry } from '../../../../../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { contractRepository, measurementRepository } from '../../../../../../renderer/src/db/records';
import { makePlan, testContext } from '../../../db/factories';

vi.hoisted(() => {
  // The platform module reads `window.steerwise`, and Node has no `window`. With `window` as the
  // global object, the module picks the browser-mode platform, and Dexie still finds fake-indexeddb.
  vi.stubGlobal('window', globalThis);
});

const { exportPortfolioBytes } = await import('../../../../../../renderer/src/features/sync/syncActions');

let entry: PortfolioEntry;
let north: Provider;
let south: Provider;
let deletedMonthId: string;

beforeAll(async () => {
  entry = await createPortfolio('Contact centres');
  const db = await openPortfolioDb(entry.id);
  try {
    const context = testContext();
    await applyImportPlan(db, makePlan({ fileName: 'calls.csv' }), context);
    const providers = await db.providers.orderBy('name').toArray();
    [north, south] = providers as [Provider, Provider];
    await contractRepository.insert(
      db,
      {
        providerId: north.id,
        title: 'Core hours',
        startDate: '2025-01-01',
        endDate: null,
        currency: 'GBP',
        annualValueMinor: 125_000_000,
        monthlyChargesMinor: null,
        atRiskPercent: null,
        ...contractGovernanceDefaults,
      },
      context,
    );
    const [southMonth] = await db.measurements.where('providerId').equals(south.id).toArray();
    if (southMonth === undefined) throw new Error('the plan has no months for South');
    deletedMonthId = southMonth.id;
    await measurementRepository.remove(db, southMonth.id, context);
  } finally {
    db.close();
  }
});

async function exportWith(scope?: ExportScope): Promise<Uint8Array> {
  const db = await openPortfolioDb(entry.id);
  try {
    const result = await exportPortfolioBytes(db, { id: entry.id, name: entry.name }, null, scope);
    if (!result.ok) throw new Error(`export failed: ${result.error.code}`);
    return result.value;
  } finally {
    db.close();
  }
}

async function parsed(bytes: Uint8Array): Promise<ParsedFile> {
  const result = await readPortfolioFile(bytes, 'export.steerwise');
  if (!result.ok) throw new Error(`export does not read: ${result.error.code}`);
  return result.value;
}

function rawText(zipBytes: Uint8Array): string {
  return Object.values(unzipSync(zipBytes))
    .map((item) => strFromU8(item))
    .join('\n');
}

describe('exportPortfolioBytes with one provider and without commercial terms', () => {
  const scope: ExportScope = { withoutCommercialTerms: true };

  it('records the scope in the manifest', async () => {
    const fullScope = { ...scope, providerIds: [north.id] };
    const { manifest } = await parsed(await exportWith(fullScope));
    expect(manifest.scope).toEqual(fullScope);
  });

  it('holds North and none of South', async () => {
    const bytes = await exportWith({ ...scope, providerIds: [north.id] });
    const { snapshot } = await parsed(bytes);
    expect(snapshot.records.providers.map((provider) => provider.name)).toEqual([north.name]);
    expect(snapshot.records.measurements.length).toBeGreaterThan(0);
    expect(snapshot.records.measurements.every((measurement) => measurement.providerId === north.id)).toBe(true);
    expect(snapshot.records.serviceLevels.every((level) => level.providerId === north.id)).toBe(true);
    const text = rawText(bytes);
    expect(text).not.toContain(south.id);
    expect(text).not.toContain(south.name);
  });

  it('carries no tombstone and no contract value', async () => {
    const bytes = await exportWith({ ...scope, providerIds: [north.id] });
    const text = rawText(bytes);
    expect(text).not.toContain(deletedMonthId);
    expect(text).not.toContain('annualValueMinor');
    expect(text).not.toContain('125000000');
  });

  it('keeps every provider without a provider scope', async () => {
    const { snapshot } = await parsed(await exportWith(scope));
    expect(snapshot.records.providers).toHaveLength(2);
    expect(snapshot.tombstones).toEqual([]);
    expect(snapshot.records.contracts[0]?.annualValueMinor).toBeNull();
  });
});

describe('exportPortfolioBytes of the whole portfolio', () => {
  it('writes no scope, the value and the tombstone', async () => {
    const { manifest, snapshot } = await parsed(await exportWith({}));
    expect(manifest.scope).toBeUndefined();
    expect(snapshot.records.contracts[0]?.annualValueMinor).toBe(125_000_000);
    expect(snapshot.tombstones.map((tombstone) => tombstone.id)).toEqual([deletedMonthId]);
  });

  it('is the default', async () => {
    const { manifest } = await parsed(await exportWith());
    expect(manifest.scope).toBeUndefined();
  });
});

describe('exportPortfolioBytes with a provider that is gone', () => {
  it('returns storage.notFound naming the provider', async () => {
    const db = await openPortfolioDb(entry.id);
    try {
      const missingProviderId = '019c1d94-0000-7000-8000-00000000dead';
      const result = await exportPortfolioBytes(db, { id: entry.id, name: entry.name }, null, { providerIds: [missingProviderId] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('storage.notFound');
      expect(result.error.detail).toEqual({ table: 'providers', id: missingProviderId, reason: 'exportScope' });
    } finally {
      db.close();
    }
  });
});

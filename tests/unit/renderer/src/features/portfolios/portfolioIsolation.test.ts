/**
 * Two portfolios on one machine: the NHS 111 sample in A and a few providers in B. An export of A,
 * made by the Sync screen's own export step, must not contain any record, id or name of B, and
 * deleting B must leave A exactly as it was.
 */
import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KpiDefinitionData } from '../../../../../../shared/domain/types';
import { decryptContainer, openPortfolioFile, readPortfolioFile } from '../../../../../../shared/file';
import type { PortfolioSnapshot } from '../../../../../../shared/sync/snapshot';
import { recordTables } from '../../../../../../shared/sync/snapshot';
import { readBackupBytes } from '../../../../../../renderer/src/db/backups';
import { createPortfolio, getDeviceContext, listPortfolios } from '../../../../../../renderer/src/db/catalogue';
import type { PortfolioEntry } from '../../../../../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { readSnapshot } from '../../../../../../renderer/src/db/snapshot';
import { makePlan, months, testContext } from '../../../db/factories';

vi.hoisted(() => {
  // The platform module reads `window.steerwise`, and Node has no `window`. With `window` as the
  // global object, the module picks the browser-mode platform, and Dexie still finds fake-indexeddb.
  vi.stubGlobal('window', globalThis);
});

const { exportPortfolioBytes } = await import('../../../../../../renderer/src/features/sync/syncActions');
const { openSamplePortfolio } = await import('../../../../../../renderer/src/features/portfolio/samplePortfolio');
const { deletePortfolioWithBackup } = await import('../../../../../../renderer/src/features/portfolios/portfolioActions');

const backlogKpi: KpiDefinitionData = {
  key: 'bravo.backlogCleared',
  name: 'Bravo backlog cleared within 5 days',
  description: 'Share of backlog items cleared within five working days.',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};

let sampleEntry: PortfolioEntry;
let bravoEntry: PortfolioEntry;
/** Every id and name in portfolio B: its own id and name, record ids, provider names and codes, KPI key and name. */
let bravoMarkers: string[];

function idsOf(snapshot: PortfolioSnapshot): Set<string> {
  return new Set(recordTables.flatMap((table) => snapshot.records[table].map((record) => record.id)));
}

async function snapshotOf(entry: PortfolioEntry): Promise<PortfolioSnapshot> {
  const db = await openPortfolioDb(entry.id);
  try {
    return await readSnapshot(db, { id: entry.id, name: entry.name }, (await getDeviceContext()).deviceId);
  } finally {
    db.close();
  }
}

async function exportSample(passphrase: string | null): Promise<Uint8Array> {
  const db = await openPortfolioDb(sampleEntry.id);
  try {
    const result = await exportPortfolioBytes(db, { id: sampleEntry.id, name: sampleEntry.name }, passphrase);
    if (!result.ok) throw new Error(`export failed: ${result.error.code}`);
    return result.value;
  } finally {
    db.close();
  }
}

/** Inflates every entry of a `.steerwise` ZIP and joins their text, so that a text search covers the raw JSON. */
function rawText(zipBytes: Uint8Array): string {
  return Object.values(unzipSync(zipBytes))
    .map((entry) => strFromU8(entry))
    .join('\n');
}

beforeAll(async () => {
  const sampleId = await openSamplePortfolio('NHS 111 sample', null);
  bravoEntry = await createPortfolio('Bravo Outsourcing Client');
  const db = await openPortfolioDb(bravoEntry.id);
  try {
    const plan = makePlan({
      fileName: 'bravo.csv',
      providers: [
        { code: 'BRV-001', name: 'Bravo Payroll Services Kraków' },
        { code: 'BRV-002', name: 'Bravo Accounts Payable Manila' },
        { code: 'BRV-003', name: 'Bravo Service Desk Cebu' },
      ],
      periods: months(2, 2027),
      kpis: [backlogKpi],
      serviceLevels: [{ kpiKey: backlogKpi.key, expected: 97, minimum: 93 }],
    });
    await applyImportPlan(db, plan, testContext());
  } finally {
    db.close();
  }

  const entries = await listPortfolios();
  const sample = entries.find((entry) => entry.id === sampleId);
  if (sample === undefined) throw new Error('sample portfolio is not catalogued');
  sampleEntry = sample;

  const bravo = await snapshotOf(bravoEntry);
  bravoMarkers = [
    bravoEntry.id,
    bravoEntry.name,
    ...idsOf(bravo),
    ...bravo.records.providers.flatMap((provider) => [provider.name, provider.code ?? '']),
    backlogKpi.key,
    backlogKpi.name,
  ].filter((marker) => marker !== '');
}, 60_000);

describe('export of portfolio A', () => {
  it('B has records to leak', () => {
    // 3 providers, 1 KPI, 3 service levels and 3 x 2 measurements, plus the portfolio id and name,
    // 3 provider names and codes, and the KPI key and name.
    expect(bravoMarkers.length).toBe(13 + 2 + 6 + 2);
  });

  it('holds A and none of B', async () => {
    const parsed = await readPortfolioFile(await exportSample(null), 'sample.steerwise');
    if (!parsed.ok) throw new Error(`export does not read: ${parsed.error.code}`);
    const { snapshot, manifest } = parsed.value;

    expect(snapshot.portfolioId).toBe(sampleEntry.id);
    expect(manifest.portfolioName).toBe(sampleEntry.name);
    expect(snapshot.records.providers).toHaveLength(46);
    const bravoIds = new Set(bravoMarkers);
    for (const id of idsOf(snapshot)) expect(bravoIds.has(id), `record ${id} belongs to B`).toBe(false);
    for (const provider of snapshot.records.providers) expect(provider.name).not.toMatch(/^Bravo/);
  });

  it('raw JSON never mentions B', async () => {
    const text = rawText(await exportSample(null));

    expect(text).toContain(sampleEntry.id);
    for (const marker of bravoMarkers) expect(text.includes(marker), `export contains “${marker}” of B`).toBe(false);
  });

  it('encrypted export never mentions B', async () => {
    const encrypted = await exportSample('isolation check 7');
    const decrypted = await decryptContainer(encrypted, 'isolation check 7');
    if (!decrypted.ok) throw new Error(`export does not decrypt: ${decrypted.error.code}`);
    const text = rawText(decrypted.value);

    expect(text).toContain(sampleEntry.id);
    for (const marker of bravoMarkers) expect(text.includes(marker), `export contains “${marker}” of B`).toBe(false);
    const opened = await openPortfolioFile(encrypted, 'sample.steerwise', 'isolation check 7');
    if (!opened.ok) throw new Error(`encrypted export does not open: ${opened.error.code}`);
    expect(opened.value.snapshot.portfolioId).toBe(sampleEntry.id);
  });
});

describe('deleting portfolio B', () => {
  it('leaves A intact and backs up only B', async () => {
    const before = await snapshotOf(sampleEntry);
    const bravoBefore = await snapshotOf(bravoEntry);

    const backup = await deletePortfolioWithBackup({ id: bravoEntry.id, name: bravoEntry.name }, () => Promise.resolve());

    expect(await snapshotOf(sampleEntry)).toEqual(before);
    expect((await listPortfolios()).map((entry) => entry.id)).toEqual([sampleEntry.id]);

    const backupText = rawText(await readBackupBytes(backup.id));
    const sampleIds = [...idsOf(before)];
    expect(sampleIds.some((id) => backupText.includes(id))).toBe(false);
    for (const id of idsOf(bravoBefore)) expect(backupText).toContain(id);

    const exported = await readPortfolioFile(await exportSample(null), 'after.steerwise');
    if (!exported.ok) throw new Error(`export after the delete does not read: ${exported.error.code}`);
    expect(exported.value.snapshot.records).toEqual(before.records);
  });
});

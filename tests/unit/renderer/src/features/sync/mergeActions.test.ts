import { providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '@shared/errors';
import { packHlc } from '@shared/sync/hlc';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { listBackups } from '../../../../../../renderer/src/db/backups';
import { CatalogueDb, createPortfolio, getDeviceContext, openCatalogue } from '../../../../../../renderer/src/db/catalogue';
import { openChecked } from '../../../../../../renderer/src/db/openDatabase';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { providerRepository } from '../../../../../../renderer/src/db/records';
import { readSnapshot } from '../../../../../../renderer/src/db/snapshot';
import type { PortfolioIdentity } from '../../../../../../renderer/src/db/snapshot';
import { applyMerge, previewMerge, undoImport } from '../../../../../../renderer/src/features/sync/mergeActions';
import { failingWrites, freshName, rejection } from '../../../db/factories';

const opened: { close(): void }[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

interface Setup {
  readonly catalogue: CatalogueDb;
  readonly portfolio: PortfolioIdentity;
  readonly db: PortfolioDb;
  /** The file from laptop B: North renamed a minute from now, and West added. */
  readonly remote: PortfolioSnapshot;
}

async function namesOf(db: PortfolioDb): Promise<string[]> {
  return (await db.providers.toArray()).map((provider) => provider.name).sort();
}

/**
 * Creates a portfolio with providers North and South and the file of laptop B, which saw this
 * state, then renamed North and added West. After that this laptop renames North too, so North's
 * name is a conflict that the file wins by its later clock.
 */
async function setup(catalogue?: CatalogueDb): Promise<Setup> {
  const catalogueDb = catalogue ?? (await openCatalogue(freshName('catalogue')));
  opened.push(catalogueDb);
  const entry = await createPortfolio('Client A', catalogueDb);
  const portfolio = { id: entry.id, name: entry.name };
  const db = await openPortfolioDb(entry.id);
  opened.push(db);
  const context = await getDeviceContext(catalogueDb);
  const north = await providerRepository.insert(db, { code: 'RX1', name: 'North', formerNames: [], ...providerProfileDefaults }, context);
  await providerRepository.insert(db, { code: 'RX2', name: 'South', formerNames: [], ...providerProfileDefaults }, context);

  const seen = await readSnapshot(db, portfolio, context.deviceId);
  const laterClock = packHlc({ wallMs: Date.now() + 60_000, counter: 0, deviceId: 'laptopb' });
  const remote: PortfolioSnapshot = {
    ...seen,
    deviceId: 'laptopb',
    records: {
      ...seen.records,
      providers: [
        ...seen.records.providers.map((provider) =>
          provider.id === north.id ? { ...provider, name: 'North (laptop B)', fieldClocks: { name: laterClock } } : provider,
        ),
        {
          id: '0196a000-0000-7000-8000-00000000000b',
          clock: laterClock,
          fieldClocks: {},
          code: 'RX3',
          name: 'West',
          formerNames: [],
          ...providerProfileDefaults,
        },
      ],
    },
    versionVector: { ...seen.versionVector, laptopb: laterClock },
  };

  await providerRepository.update(db, north.id, { name: 'North (this laptop)' }, context);
  return { catalogue: catalogueDb, portfolio, db, remote };
}

describe('previewMerge', () => {
  it('shows the conflict with both names', async () => {
    const { catalogue, portfolio, db, remote } = await setup();

    const { view } = await previewMerge(db, portfolio, remote, catalogue);

    expect(view.outcome).toBe('changes');
    expect(view.conflicts.map((row) => [row.local.value, row.remote.value, row.winner])).toEqual([
      [{ kind: 'text', text: 'North (this laptop)' }, { kind: 'text', text: 'North (laptop B)' }, 'remote'],
    ]);
  });
});

describe('applyMerge', () => {
  it('merges the file after a backup', async () => {
    const { catalogue, portfolio, db, remote } = await setup();

    const outcome = await applyMerge(db, portfolio, 'laptop-b.steerwise', remote, [], catalogue);

    expect(outcome.kind).toBe('applied');
    expect(await namesOf(db)).toEqual(['North (laptop B)', 'South', 'West']);
    const backups = await listBackups(portfolio.id, catalogue);
    expect(backups.map((backup) => [backup.reason, backup.sourceFile, backup.recordCount])).toEqual([
      ['beforeImport', 'laptop-b.steerwise', 2],
    ]);
    expect(outcome.kind === 'applied' ? outcome.backup.id : null).toBe(backups[0]?.id);
  });

  it('keeps the chosen other value', async () => {
    const { catalogue, portfolio, db, remote } = await setup();
    const { merge } = await previewMerge(db, portfolio, remote, catalogue);

    const outcome = await applyMerge(db, portfolio, 'laptop-b.steerwise', remote, merge.preview.conflicts, catalogue);

    expect(outcome.kind === 'applied' ? outcome.keptCount : null).toBe(1);
    expect(await namesOf(db)).toEqual(['North (this laptop)', 'South', 'West']);
  });

  it('merges nothing when the backup fails', async () => {
    const catalogue = new CatalogueDb(freshName('catalogue'));
    catalogue.use(failingWrites('backupFiles'));
    const { portfolio, db, remote } = await setup(await openChecked(catalogue));
    const before = await readSnapshot(db, portfolio, 'check');

    const outcome = await applyMerge(db, portfolio, 'laptop-b.steerwise', remote, [], catalogue);

    expect(outcome.kind).toBe('backupFailed');
    const thrown = outcome.kind === 'backupFailed' ? outcome.thrown : null;
    expect(thrown).toBeInstanceOf(AppFailure);
    expect((thrown as AppFailure).appError.code).toBe('storage.quotaExceeded');
    expect(await readSnapshot(db, portfolio, 'check')).toEqual(before);
    expect(await listBackups(portfolio.id, catalogue)).toEqual([]);
  });

  it('stops when a chosen conflict changed', async () => {
    const { catalogue, portfolio, db, remote } = await setup();
    const { merge } = await previewMerge(db, portfolio, remote, catalogue);
    const context = await getDeviceContext(catalogue);
    const north = (await db.providers.toArray()).find((provider) => provider.code === 'RX1');
    await providerRepository.update(db, north?.id ?? '', { name: 'North (edited during the preview)' }, context);

    const outcome = await applyMerge(db, portfolio, 'laptop-b.steerwise', remote, merge.preview.conflicts, catalogue);

    expect(outcome.kind).toBe('previewChanged');
    const rows = outcome.kind === 'previewChanged' ? outcome.plan.view.conflicts : [];
    expect(rows.map((row) => row.local.value)).toEqual([{ kind: 'text', text: 'North (edited during the preview)' }]);
    expect(await namesOf(db)).toEqual(['North (edited during the preview)', 'South']);
    expect(await listBackups(portfolio.id, catalogue)).toEqual([]);
  });
});

describe('undoImport', () => {
  it('restores the data from before the merge', async () => {
    const { catalogue, portfolio, db, remote } = await setup();
    const before = await readSnapshot(db, portfolio, 'check');
    const outcome = await applyMerge(db, portfolio, 'laptop-b.steerwise', remote, [], catalogue);
    if (outcome.kind !== 'applied') throw new Error(`merge not applied: ${outcome.kind}`);

    await undoImport(outcome.backup.id, catalogue);

    expect(await namesOf(db)).toEqual(['North (this laptop)', 'South']);
    expect(await readSnapshot(db, portfolio, 'check')).toEqual(before);
  });

  it('reports a missing backup', async () => {
    const { catalogue } = await setup();

    const failure = await rejection(undoImport('0196a000-0000-7000-8000-0000000000ff', catalogue));

    expect(failure.appError.code).toBe('storage.notFound');
    expect(failure.appError.detail?.table).toBe('backups');
  });
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../../../shared/errors';
import type { BackupEntry, NewBackup } from '../../../../../../shared/ipc/contract';
import { readPortfolioFile } from '../../../../../../shared/file';
import { createPortfolio, deletePortfolio, listPortfolios } from '../../../../../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { makePlan, manualWall, testContext } from '../../../db/factories';

/** The host's backups folder, in memory: what `saveBackup` received, newest first. */
const host = vi.hoisted(() => ({ saved: [] as { backup: NewBackup; entry: BackupEntry }[], clock: Date.UTC(2026, 11, 1, 18, 0, 0) }));

vi.mock('../../../../../../renderer/src/platform', () => ({
  platform: {
    host: 'electron',
    log: () => undefined,
    appInfo: () => Promise.resolve(ok({ version: '9.9.9', host: 'electron' })),
    listBackups: () => {
      const latestContentKeys: Record<string, string> = {};
      for (const { backup } of [...host.saved].reverse()) latestContentKeys[backup.portfolioId] ??= backup.contentKey;
      return Promise.resolve(ok({ supported: true, backups: host.saved.map((saved) => saved.entry), latestContentKeys }));
    },
    saveBackup: (backup: NewBackup) => {
      const entry: BackupEntry = {
        portfolioId: backup.portfolioId,
        portfolioName: backup.portfolioName,
        fileName: `backup-${String(host.saved.length)}.steerwise`,
        createdAt: new Date(host.clock).toISOString(),
        sizeBytes: backup.bytes.byteLength,
      };
      host.saved.unshift({ backup, entry });
      return Promise.resolve(ok(entry));
    },
  },
}));

const { backUpPortfolios } = await import('../../../../../../renderer/src/features/backups/backUpPortfolios');

const hourMs = 60 * 60 * 1000;

beforeEach(async () => {
  host.saved.length = 0;
  for (const portfolio of await listPortfolios()) await deletePortfolio(portfolio.id);
});

async function portfolioWithData(name: string) {
  const entry = await createPortfolio(name);
  const db = await openPortfolioDb(entry.id);
  await applyImportPlan(db, makePlan(), testContext(manualWall()));
  db.close();
  return entry;
}

describe('backUpPortfolios', () => {
  it('backs up a portfolio with data', async () => {
    const portfolio = await portfolioWithData('North');

    const summary = await backUpPortfolios('quit', new Date(host.clock));

    expect(summary).toEqual({ written: 1, skipped: 0, failed: 0 });
    expect(host.saved[0]?.backup.portfolioId).toBe(portfolio.id);
    const parsed = await readPortfolioFile(host.saved[0]!.backup.bytes, 'backup.steerwise');
    if (!parsed.ok) throw new Error(`the backup did not open: ${parsed.error.code}`);
    expect(parsed.value.snapshot.portfolioName).toBe('North');
    expect(parsed.value.snapshot.records.providers).toHaveLength(2);
  });

  it('skips an empty portfolio', async () => {
    await createPortfolio('Empty');

    expect(await backUpPortfolios('quit')).toEqual({ written: 0, skipped: 1, failed: 0 });
    expect(host.saved).toEqual([]);
  });

  it('skips an unchanged portfolio on quit', async () => {
    await portfolioWithData('North');
    await backUpPortfolios('quit');

    expect(await backUpPortfolios('quit')).toEqual({ written: 0, skipped: 1, failed: 0 });
    expect(host.saved).toHaveLength(1);
  });

  it('backs up again after an edit', async () => {
    const portfolio = await portfolioWithData('North');
    await backUpPortfolios('quit');
    const db = await openPortfolioDb(portfolio.id);
    await applyImportPlan(db, makePlan({ providers: [{ code: 'NEW', name: 'New provider' }] }), testContext(manualWall(Date.UTC(2026, 5, 1))));
    db.close();

    expect(await backUpPortfolios('quit')).toEqual({ written: 1, skipped: 0, failed: 0 });
  });

  it('backs up again after a rename', async () => {
    const portfolio = await portfolioWithData('North');
    await backUpPortfolios('quit');
    const { renamePortfolio } = await import('../../../../../../renderer/src/db/catalogue');
    await renamePortfolio(portfolio.id, 'North region');

    await backUpPortfolios('quit');

    expect(host.saved.map((saved) => saved.backup.portfolioName)).toEqual(['North region', 'North']);
  });

  it('waits a day between daily backups', async () => {
    const portfolio = await portfolioWithData('North');
    await backUpPortfolios('daily', new Date(host.clock));
    const db = await openPortfolioDb(portfolio.id);
    await applyImportPlan(db, makePlan({ providers: [{ code: 'NEW', name: 'New provider' }] }), testContext(manualWall(Date.UTC(2026, 5, 1))));
    db.close();

    expect(await backUpPortfolios('daily', new Date(host.clock + 23 * hourMs))).toEqual({ written: 0, skipped: 1, failed: 0 });
    expect(await backUpPortfolios('daily', new Date(host.clock + 24 * hourMs))).toEqual({ written: 1, skipped: 0, failed: 0 });
  });
});

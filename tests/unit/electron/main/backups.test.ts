import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupContentKey, backupKeepCount, isBackupDue } from '../../../../shared/backups';
import { backupFileName, backupTimeOf, listBackups, readBackup, writeBackup } from '../../../../electron/main/backups';
import { createRecordingLogger } from '../../../support/node/recordingLogger';
import { errorOf, valueOf } from '../../../support/node/results';

const portfolioId = '019c1d94-8000-7000-8000-000000000001';
const otherPortfolioId = '019c1d94-8000-7000-8000-000000000002';

function backupOf(id: string, text: string) {
  return { portfolioId: id, portfolioName: `Portfolio ${id.slice(-1)}`, contentKey: `key ${text}`, bytes: new TextEncoder().encode(text) };
}

/** Returns the `index`-th day of December 2026 at 18:00 UTC. */
function day(index: number): Date {
  return new Date(Date.UTC(2026, 11, index, 18, 0, 0, 0));
}

describe('backup names', () => {
  it('names a backup by its UTC time', () => {
    expect(backupFileName(new Date('2026-12-05T10:38:00.123Z'))).toBe('backup-2026-12-05T10-38-00-123Z.steerwise');
  });

  it('reads the time back from the name', () => {
    expect(backupTimeOf('backup-2026-12-05T10-38-00-123Z.steerwise')?.toISOString()).toBe('2026-12-05T10:38:00.123Z');
  });

  it('rejects other names', () => {
    expect(backupTimeOf('portfolio.json')).toBeUndefined();
    expect(backupTimeOf('backup-2026-13-45T10-38-00-123Z.steerwise')).toBeUndefined();
    expect(backupTimeOf('../backup-2026-12-05T10-38-00-123Z.steerwise')).toBeUndefined();
  });

  it('sorts names by age', () => {
    const names = [day(3), day(1), day(20), day(2)].map(backupFileName);

    expect([...names].sort()).toEqual([day(1), day(2), day(3), day(20)].map(backupFileName));
  });
});

describe('backup rules', () => {
  it('makes a daily backup after a day', () => {
    expect(isBackupDue(undefined, day(1))).toBe(true);
    expect(isBackupDue(day(1), new Date(day(2).getTime() - 1))).toBe(false);
    expect(isBackupDue(day(1), day(2))).toBe(true);
  });

  it('keys content by name and version vector', () => {
    const key = backupContentKey('North', { deviceA: 'clock 1', deviceB: 'clock 2' });

    expect(backupContentKey('North', { deviceB: 'clock 2', deviceA: 'clock 1' })).toBe(key);
    expect(backupContentKey('North', { deviceA: 'clock 3', deviceB: 'clock 2' })).not.toBe(key);
    expect(backupContentKey('South', { deviceA: 'clock 1', deviceB: 'clock 2' })).not.toBe(key);
  });
});

describe('backups folder', () => {
  let root: string;

  beforeEach(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'steerwise-backups-')), 'backups');
  });

  afterEach(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('writes a backup in the portfolio folder', async () => {
    const result = await writeBackup(root, backupOf(portfolioId, 'first'), day(1), createRecordingLogger());

    expect(valueOf(result)).toEqual({
      portfolioId,
      portfolioName: 'Portfolio 1',
      fileName: backupFileName(day(1)),
      createdAt: day(1).toISOString(),
      sizeBytes: 5,
    });
    expect(await readFile(join(root, portfolioId, backupFileName(day(1))), 'utf8')).toBe('first');
  });

  it('keeps the newest fourteen', async () => {
    const logger = createRecordingLogger();
    for (let index = 1; index <= backupKeepCount + 3; index += 1) {
      await writeBackup(root, backupOf(portfolioId, `day ${String(index)}`), day(index), logger);
    }

    const names = (await readdir(join(root, portfolioId))).filter((name) => name.endsWith('.steerwise')).sort();

    expect(names).toHaveLength(14);
    expect(names[0]).toBe(backupFileName(day(4)));
    expect(names.at(-1)).toBe(backupFileName(day(17)));
  });

  it('prunes each portfolio on its own', async () => {
    const logger = createRecordingLogger();
    await writeBackup(root, backupOf(otherPortfolioId, 'other'), day(1), logger);
    for (let index = 2; index <= backupKeepCount + 2; index += 1) {
      await writeBackup(root, backupOf(portfolioId, 'again'), day(index), logger);
    }

    expect(await readdir(join(root, otherPortfolioId))).toContain(backupFileName(day(1)));
  });

  it('leaves other files in the folder', async () => {
    await mkdir(join(root, portfolioId), { recursive: true });
    await writeFile(join(root, portfolioId, 'notes.txt'), 'kept');
    for (let index = 1; index <= backupKeepCount + 1; index += 1) {
      await writeBackup(root, backupOf(portfolioId, 'x'), day(index), createRecordingLogger());
    }

    expect(await readFile(join(root, portfolioId, 'notes.txt'), 'utf8')).toBe('kept');
  });

  it('rejects a portfolio id with a path', async () => {
    const result = await writeBackup(root, backupOf('../../etc', 'x'), day(1), createRecordingLogger());

    expect(errorOf(result).code).toBe('file.invalidPath');
    await expect(readdir(root)).rejects.toThrow('ENOENT');
  });

  it('lists every backup newest first', async () => {
    const logger = createRecordingLogger();
    await writeBackup(root, backupOf(portfolioId, 'one'), day(1), logger);
    await writeBackup(root, backupOf(otherPortfolioId, 'two!'), day(2), logger);
    await writeBackup(root, backupOf(portfolioId, 'three'), day(3), logger);

    const list = await listBackups(root, logger);

    expect(list.backups.map((backup) => [backup.portfolioName, backup.createdAt, backup.sizeBytes])).toEqual([
      ['Portfolio 1', day(3).toISOString(), 5],
      ['Portfolio 2', day(2).toISOString(), 4],
      ['Portfolio 1', day(1).toISOString(), 3],
    ]);
    expect(list.latestContentKeys).toEqual({ [portfolioId]: 'key three', [otherPortfolioId]: 'key two!' });
    expect(list.supported).toBe(true);
    expect(list.folder).toBe(root);
  });

  it('lists a missing folder as empty', async () => {
    const logger = createRecordingLogger();

    expect((await listBackups(root, logger)).backups).toEqual([]);
    expect(logger.entries).toEqual([]);
  });

  it('reads a backup back', async () => {
    await writeBackup(root, backupOf(portfolioId, 'bytes'), day(1), createRecordingLogger());

    const read = await readBackup(root, portfolioId, backupFileName(day(1)));

    expect(new TextDecoder().decode(valueOf(read).bytes)).toBe('bytes');
    expect(valueOf(read).name).toBe(backupFileName(day(1)));
  });

  it('rejects reading another file', async () => {
    await mkdir(join(root, portfolioId), { recursive: true });
    await writeFile(join(root, portfolioId, 'portfolio.json'), '{}');

    expect(errorOf(await readBackup(root, portfolioId, 'portfolio.json')).code).toBe('file.invalidPath');
    expect(errorOf(await readBackup(root, '..', backupFileName(day(1)))).code).toBe('file.invalidPath');
  });
});

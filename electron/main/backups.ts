/**
 * Automatic portfolio backups in `<userData>/backups/<portfolio id>/`: one `.steerwise` file
 * per backup, named by its UTC time so that names sort by age, and a `portfolio.json` with the
 * portfolio's name and the content key of its newest backup. Only the newest `keepCount`
 * backups of a portfolio are kept.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { backupKeepCount } from '../../shared/backups';
import { fail, ok } from '../../shared/errors';
import type { Result } from '../../shared/errors';
import { maxOpenFileBytes } from '../../shared/ipc/contract';
import type { BackupEntry, BackupList, NewBackup, OpenedFile } from '../../shared/ipc/contract';
import { readFileLimited, writeFileAtomic } from './files';
import { readJsonFile, writeJsonFile } from './jsonFile';
import type { Logger } from './logger';


/** Portfolio ids are UUIDs; anything else could name a folder outside the backups folder. */
const portfolioIdPattern = /^[A-Za-z0-9-]{1,64}$/;
/** `backup-2026-12-05T10-38-00-123Z.steerwise`: an ISO time with `-` for `:` and `.`, which Windows forbids in names. */
const backupNamePattern = /^backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.steerwise$/;

const portfolioMetaSchema = z.object({ portfolioName: z.string(), latestContentKey: z.string().optional() });
const metaFileName = 'portfolio.json';

/** Returns the file name of a backup made at `time`. */
export function backupFileName(time: Date): string {
  return `backup-${time.toISOString().replace(/[:.]/g, '-')}.steerwise`;
}

/** Returns the time encoded in a backup's file name, or `undefined` for any other name. */
export function backupTimeOf(fileName: string): Date | undefined {
  const match = backupNamePattern.exec(fileName);
  if (match === null) return undefined;
  const [, day, hours, minutes, seconds, milliseconds] = match;
  const time = new Date(`${day ?? ''}T${hours ?? ''}:${minutes ?? ''}:${seconds ?? ''}.${milliseconds ?? ''}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/**
 * Writes one backup atomically, records the portfolio's name and content key, and deletes the
 * portfolio's backups beyond the newest `keepCount`. Fails with `file.invalidPath` for a
 * portfolio id that is not a plain id, and `file.writeFailed` when the disk write fails.
 */
export async function writeBackup(root: string, backup: NewBackup, now: Date, logger: Logger, keepCount = backupKeepCount): Promise<Result<BackupEntry>> {
  if (!portfolioIdPattern.test(backup.portfolioId)) {
    return fail('file.invalidPath', { file: backup.portfolioId, reason: 'portfolioId' });
  }
  const folder = join(root, backup.portfolioId);
  const fileName = backupFileName(now);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    return fail('file.writeFailed', { file: fileName }, `${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const written = await writeFileAtomic(join(folder, fileName), backup.bytes);
  if (!written.ok) return written;
  await writeJsonFile(join(folder, metaFileName), { portfolioName: backup.portfolioName, latestContentKey: backup.contentKey }, logger);
  await pruneBackups(folder, keepCount, logger);

  logger.info('Backup written', { portfolioId: backup.portfolioId, file: fileName, sizeBytes: backup.bytes.byteLength });
  return ok({
    portfolioId: backup.portfolioId,
    portfolioName: backup.portfolioName,
    fileName,
    createdAt: now.toISOString(),
    sizeBytes: backup.bytes.byteLength,
  });
}

/** Deletes the backups of one portfolio folder beyond the newest `keepCount`; other files stay. */
export async function pruneBackups(folder: string, keepCount: number, logger: Logger): Promise<void> {
  const names = (await readdir(folder)).filter((name) => backupTimeOf(name) !== undefined).sort().reverse();
  for (const name of names.slice(keepCount)) {
    try {
      await rm(join(folder, name), { force: true });
    } catch (error) {
      logger.warn('Deleting an old backup failed', { file: name, cause: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** Lists every backup under `root`, newest first. A missing folder lists as empty. */
export async function listBackups(root: string, logger: Logger): Promise<BackupList> {
  let portfolioIds: string[];
  try {
    portfolioIds = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory() && portfolioIdPattern.test(entry.name)).map((entry) => entry.name);
  } catch (error) {
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) {
      logger.warn('Listing the backups folder failed', { cause: error instanceof Error ? error.message : String(error) });
    }
    return { supported: true, folder: root, backups: [], latestContentKeys: {} };
  }

  const backups: BackupEntry[] = [];
  const latestContentKeys: Record<string, string> = {};
  for (const portfolioId of portfolioIds) {
    const folder = join(root, portfolioId);
    const meta = await readJsonFile(join(folder, metaFileName), portfolioMetaSchema, logger);
    if (meta?.latestContentKey !== undefined) latestContentKeys[portfolioId] = meta.latestContentKey;
    for (const fileName of await readdir(folder)) {
      const createdAt = backupTimeOf(fileName);
      if (createdAt === undefined) continue;
      try {
        const { size } = await stat(join(folder, fileName));
        backups.push({ portfolioId, portfolioName: meta?.portfolioName ?? portfolioId, fileName, createdAt: createdAt.toISOString(), sizeBytes: size });
      } catch {
        // Deleted between the listing and the stat, for example by a concurrent prune.
      }
    }
  }
  backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.portfolioId.localeCompare(b.portfolioId));
  return { supported: true, folder: root, backups, latestContentKeys };
}

/** Reads one backup with the app's file limits. Names that are not a backup of a plain portfolio id are rejected. */
export function readBackup(root: string, portfolioId: string, fileName: string): Promise<Result<OpenedFile>> {
  if (!portfolioIdPattern.test(portfolioId) || backupTimeOf(fileName) === undefined) {
    return Promise.resolve(fail('file.invalidPath', { file: fileName, reason: 'backupName' }));
  }
  return readFileLimited(join(root, portfolioId, fileName), maxOpenFileBytes);
}

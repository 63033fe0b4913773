/**
 * Pure view model of the Portfolios screen: the rows of the portfolio and backup tables, the
 * checks behind create, rename and delete, and the name of a backup saved as a file.
 */
import type { Id, Instant } from '@shared/domain/types';
import { fileExtension } from '@shared/file';
import type { BackupEntry, BackupReason } from '../../db/backups';
import type { PortfolioEntry } from '../../db/catalogue';
import { exportFileNameOf } from '../sync/syncPreview';

/** Record count and latest change, read from a portfolio's own database. */
export interface PortfolioStats {
  /** Records in the five record tables; tombstones do not count. */
  readonly recordCount: number;
  /** Wall time of the latest clock in the version vector, or `null` for a portfolio never written. */
  readonly latestChangeAt: Instant | null;
}

export interface PortfolioRow {
  readonly id: Id;
  readonly name: string;
  readonly createdAt: Instant;
  /** The later of the last rename and the latest change to the data. */
  readonly lastChangedAt: Instant;
  /** `null` while the database has not been read, or when it could not be opened. */
  readonly recordCount: number | null;
  readonly isOpen: boolean;
}

/** Compares portfolio names as a user sorts them: by the user's language, ignoring case and accents. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' });
}

function laterInstant(a: Instant, b: Instant | null): Instant {
  return b !== null && b > a ? b : a;
}

/** Builds one row per catalogued portfolio, by name. */
export function buildPortfolioRows(
  entries: readonly PortfolioEntry[],
  stats: ReadonlyMap<Id, PortfolioStats>,
  openPortfolioId: Id | null,
): PortfolioRow[] {
  return [...entries]
    .sort((a, b) => compareNames(a.name, b.name))
    .map((entry) => {
      const read = stats.get(entry.id);
      return {
        id: entry.id,
        name: entry.name,
        createdAt: entry.createdAt,
        lastChangedAt: laterInstant(entry.updatedAt, read?.latestChangeAt ?? null),
        recordCount: read?.recordCount ?? null,
        isOpen: entry.id === openPortfolioId,
      };
    });
}

/**
 * Returns a portfolio other than `exceptId` that already has `name`, or `null` when the name is
 * free. Surrounding spaces, case and accents do not count, because two such names are easy to
 * mix up in the switcher.
 */
export function portfolioWithName(name: string, entries: readonly PortfolioEntry[], exceptId: Id | null): PortfolioEntry | null {
  const trimmed = name.trim();
  return entries.find((entry) => entry.id !== exceptId && compareNames(entry.name, trimmed) === 0) ?? null;
}

/** Returns whether the text typed to confirm a delete is the portfolio's name; surrounding spaces are ignored. */
export function isDeleteConfirmed(typed: string, portfolioName: string): boolean {
  return typed.trim() === portfolioName.trim();
}

/** Returns the portfolio to open after `deletedId` is deleted: the first other one by name, or `null` when none is left. */
export function portfolioAfterDelete(entries: readonly PortfolioEntry[], deletedId: Id): PortfolioEntry | null {
  const others = entries.filter((entry) => entry.id !== deletedId).sort((a, b) => compareNames(a.name, b.name));
  return others[0] ?? null;
}

export interface BackupRow {
  readonly id: Id;
  readonly portfolioId: Id;
  /** The portfolio's current name, or the name it had in the backup when it is no longer on this machine. */
  readonly portfolioName: string;
  /** Whether the portfolio is no longer on this machine, so a restore brings it back. */
  readonly portfolioDeleted: boolean;
  readonly reason: BackupReason;
  readonly createdAt: Instant;
  readonly sourceFile: string | null;
  readonly recordCount: number;
  readonly byteLength: number;
}

/** Builds one row per backup, keeping the order of `backups` (newest first from `listBackups`). */
export function buildBackupRows(backups: readonly BackupEntry[], entries: readonly PortfolioEntry[]): BackupRow[] {
  const names = new Map(entries.map((entry) => [entry.id, entry.name]));
  return backups.map((backup) => {
    const currentName = names.get(backup.portfolioId);
    return {
      id: backup.id,
      portfolioId: backup.portfolioId,
      portfolioName: currentName ?? backup.portfolioName,
      portfolioDeleted: currentName === undefined,
      reason: backup.reason,
      createdAt: backup.createdAt,
      sourceFile: backup.sourceFile,
      recordCount: backup.recordCount,
      byteLength: backup.byteLength,
    };
  });
}

function partOf(parts: readonly Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((part) => part.type === type)?.value ?? '';
}

/**
 * Builds the suggested file name of a saved backup, such as `Acme backup 2026-01-15 09-30.steerwise`:
 * the portfolio name, then the date and time the backup was taken in `timeZone` (the user's own
 * when not given). The time has a `-` in place of `:`, which Windows rejects in file names.
 */
export function backupFileNameOf(portfolioName: string, createdAt: Instant, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).formatToParts(new Date(createdAt));
  const stamp = `${partOf(parts, 'year')}-${partOf(parts, 'month')}-${partOf(parts, 'day')} ${partOf(parts, 'hour')}-${partOf(parts, 'minute')}`;
  return exportFileNameOf(`${portfolioName.trim()} backup ${stamp}`, fileExtension);
}

const bytesPerKilobyte = 1000;
const bytesPerMegabyte = 1000 * 1000;

/** Formats a size in bytes as bytes, kB or MB, in decimal units (1 kB is 1,000 bytes). */
export function formatByteSize(byteLength: number, locale: string): string {
  if (byteLength < bytesPerKilobyte) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(byteLength);
  }
  if (byteLength < bytesPerMegabyte) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
      byteLength / bytesPerKilobyte,
    );
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    byteLength / bytesPerMegabyte,
  );
}

/** Formats an instant as a medium date and short time in `locale`, in `timeZone` (the user's own when not given). */
export function formatInstant(instant: Instant, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(instant));
}

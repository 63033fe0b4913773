/** Pure view model of the progress bar that the Sync screen shows while it exports or opens a file. */
import type { TFunction } from 'i18next';
import { classifyEntry } from '@shared/file/layout';
import { translateDynamic } from '../../i18n/dynamic';
import type { FileProgress } from './fileTasks';

/** The bar is shown only for work that takes longer than this, so quick exports do not flash it. */
export const progressDelayMs = 300;

const bytesPerMegabyte = 1024 * 1024;

export interface ProgressView {
  /** Sentence naming the stage and, where it has them, its counts. */
  readonly label: string;
  /** Share of the stage done, from 0 to 1, or `null` for a stage without counts (an indeterminate bar). */
  readonly fraction: number | null;
}

/** Name of the table or part of the file that a ZIP entry holds, for the progress sentence. */
function entryName(t: TFunction, entry: string): string {
  const kind = classifyEntry(entry);
  if (kind.kind === 'records') return translateDynamic(t, `sync.progress.entries.${kind.table}`);
  if (kind.kind === 'tombstones') return t('sync.progress.entries.tombstones');
  return t('sync.progress.entries.fileDetails');
}

function fractionOf(done: number, total: number): number {
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, done / total));
}

/** Megabytes with one decimal, for the compressing stage. */
function megabytes(bytes: number): number {
  return Math.round((bytes / bytesPerMegabyte) * 10) / 10;
}

/** Builds the label and bar position for `progress`. */
export function progressViewOf(t: TFunction, progress: FileProgress): ProgressView {
  switch (progress.stage) {
    case 'reading':
      return { label: t('sync.progress.reading'), fraction: null };
    case 'serializing':
      return {
        label: t('sync.progress.serializing', { entry: entryName(t, progress.entry), done: progress.done, total: progress.total }),
        fraction: fractionOf(progress.done, progress.total),
      };
    case 'compressing':
      return {
        label: t('sync.progress.compressing', {
          entry: entryName(t, progress.entry),
          done: megabytes(progress.done),
          total: megabytes(progress.total),
        }),
        fraction: fractionOf(progress.done, progress.total),
      };
    case 'encrypting':
      return { label: t('sync.progress.encrypting'), fraction: null };
    case 'decrypting':
      return { label: t('sync.progress.decrypting'), fraction: null };
    case 'inflating':
      return {
        label: t('sync.progress.inflating', { done: progress.done, total: progress.total }),
        fraction: fractionOf(progress.done, progress.total),
      };
    case 'validating':
      return { label: t('sync.progress.validating'), fraction: null };
  }
}

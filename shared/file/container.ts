/**
 * The ZIP container on the reading side: recognise it, check its central directory against the
 * limits before anything is inflated, and inflate one entry at a time.
 *
 * fflate's `unzipSync` calls its `filter` with each central directory record (name, compressed
 * size, declared inflated size, method) and inflates only the entries for which it returns
 * true. A first pass that always returns false therefore lists the entries without inflating
 * any. When it inflates, fflate 0.8 allocates exactly the declared size and does not grow the
 * buffer, so an entry that inflates to more than it declared comes out cut short (and then
 * fails its checksum) instead of taking more memory.
 */
import { unzipSync } from 'fflate';
import { AppFailure } from '../errors';
import { fileLimits } from './constants';

/** One entry as its central directory record declares it. Sizes in bytes. */
export interface EntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly inflatedSize: number;
  /** ZIP compression method: 0 stored, 8 deflate. */
  readonly method: number;
}

const storedMethod = 0;
const deflateMethod = 8;

/** Checks whether `bytes` start like a ZIP file: a local file header, or the end record of an empty archive. */
export function hasZipSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const third = bytes[2];
  const fourth = bytes[3];
  return (third === 0x03 && fourth === 0x04) || (third === 0x05 && fourth === 0x06);
}

class TooManyEntries extends Error {}

function corrupt(fileName: string, reason: string, entry: string | null, cause: unknown): AppFailure {
  const detail = entry === null ? { file: fileName, reason } : { file: fileName, reason, entry };
  return new AppFailure({ code: 'portfolioFile.corrupt', detail, cause: String(cause) });
}

/** Reads the central directory without inflating anything. Throws `AppFailure` when it is unreadable or over `maxEntries`. */
function listEntries(bytes: Uint8Array, fileName: string): EntryInfo[] {
  const entries: EntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedSize: file.size, inflatedSize: file.originalSize, method: file.compression });
        // Throwing stops the walk early: a damaged end record can declare billions of entries.
        if (entries.length > fileLimits.maxEntries) throw new TooManyEntries();
        return false;
      },
    });
  } catch (error) {
    if (error instanceof TooManyEntries) {
      throw new AppFailure({ code: 'portfolioFile.tooManyEntries', detail: { file: fileName, maxEntries: fileLimits.maxEntries } });
    }
    // fflate reports a missing end of central directory record as "invalid zip data": a truncated file.
    throw corrupt(fileName, 'centralDirectory', null, error);
  }
  return entries;
}

function ratioOf(inflated: number, compressed: number): number {
  return inflated / Math.max(compressed, 1);
}

/** Rejects entries over the size and ratio limits; every check uses declared sizes only. */
function checkLimits(entries: readonly EntryInfo[], fileBytes: number, fileName: string): void {
  const seen = new Set<string>();
  let totalInflated = 0;

  for (const entry of entries) {
    if (seen.has(entry.name)) throw corrupt(fileName, 'duplicateEntry', entry.name, `entry ${entry.name} appears twice`);
    seen.add(entry.name);

    if (entry.method !== storedMethod && entry.method !== deflateMethod) {
      throw corrupt(fileName, 'unsupportedMethod', entry.name, `compression method ${entry.method}`);
    }
    if (entry.inflatedSize > fileLimits.maxEntryInflatedBytes) {
      throw new AppFailure({
        code: 'portfolioFile.entryTooLarge',
        detail: { file: fileName, entry: entry.name, sizeBytes: entry.inflatedSize, maxBytes: fileLimits.maxEntryInflatedBytes },
      });
    }
    const ratio = ratioOf(entry.inflatedSize, entry.compressedSize);
    if (entry.inflatedSize > fileLimits.ratioCheckMinInflatedBytes && ratio > fileLimits.maxEntryRatio) {
      throw new AppFailure({
        code: 'portfolioFile.entryRatioTooHigh',
        detail: { file: fileName, entry: entry.name, ratio: Math.round(ratio), maxRatio: fileLimits.maxEntryRatio },
        cause: `${entry.name} declares ${entry.inflatedSize} bytes from ${entry.compressedSize}`,
      });
    }
    totalInflated += entry.inflatedSize;
  }

  if (totalInflated > fileLimits.maxTotalInflatedBytes) {
    throw new AppFailure({
      code: 'portfolioFile.totalTooLarge',
      detail: { file: fileName, sizeBytes: totalInflated, maxBytes: fileLimits.maxTotalInflatedBytes },
    });
  }
  const totalRatio = ratioOf(totalInflated, fileBytes);
  if (totalInflated > fileLimits.ratioCheckMinInflatedBytes && totalRatio > fileLimits.maxTotalRatio) {
    throw new AppFailure({
      code: 'portfolioFile.totalRatioTooHigh',
      detail: { file: fileName, ratio: Math.round(totalRatio), maxRatio: fileLimits.maxTotalRatio },
    });
  }
}

/**
 * Lists a ZIP file's entries and checks them against `fileLimits` without inflating any.
 * Throws `AppFailure` with the first limit or structure problem.
 */
export function scanContainer(bytes: Uint8Array, fileName: string): EntryInfo[] {
  const entries = listEntries(bytes, fileName);
  checkLimits(entries, bytes.length, fileName);
  return entries;
}

/**
 * Inflates one entry that `scanContainer` listed. Throws `AppFailure` with `portfolioFile.corrupt`
 * when the compressed data is damaged or cut short.
 */
export function inflateEntry(bytes: Uint8Array, entry: EntryInfo, fileName: string): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === entry.name });
  } catch (error) {
    throw corrupt(fileName, 'inflate', entry.name, error);
  }
  const data = Object.hasOwn(files, entry.name) ? files[entry.name] : undefined;
  if (data === undefined) throw corrupt(fileName, 'inflate', entry.name, `entry ${entry.name} was not inflated`);
  return data;
}

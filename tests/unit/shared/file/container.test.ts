import { beforeEach, describe, expect, test, vi } from 'vitest';
import type * as Fflate from 'fflate';
import { fileLimits, readPortfolioFile } from '../../../../shared/file';
import { hasZipSignature } from '../../../../shared/file/container';
import { errorOf } from '../../../support/node/results';
import { bytesOf, entryDataRange, patchCentralDirectory, zipEntries } from './craft';
import { readFixture } from './fixtureFiles';

/** Names of the entries that fflate was allowed to inflate, in order. */
const inflated = vi.hoisted(() => [] as string[]);

// fflate inflates exactly the entries whose `filter` call returns true, so recording those
// calls shows whether anything was inflated before a rejection.
vi.mock('fflate', async (importOriginal) => {
  const original = await importOriginal<typeof Fflate>();
  const unzipSync: typeof original.unzipSync = (data, options) => {
    const filter = options?.filter;
    if (filter === undefined) return original.unzipSync(data, options);
    return original.unzipSync(data, {
      filter: (file) => {
        const accepted = filter(file);
        if (accepted) inflated.push(file.name);
        return accepted;
      },
    });
  };
  return { ...original, unzipSync };
});

beforeEach(() => {
  inflated.length = 0;
});

const mebibyte = 1024 * 1024;

describe('compression bomb', () => {
  test('is rejected by its ratio', async () => {
    const error = errorOf(await readPortfolioFile(readFixture('compression-bomb.steerwise'), 'bomb.steerwise'));
    expect(error.code).toBe('portfolioFile.entryRatioTooHigh');
  });

  test('is rejected before anything is inflated', async () => {
    await readPortfolioFile(readFixture('compression-bomb.steerwise'), 'bomb.steerwise');
    expect(inflated).toEqual([]);
  });

  test('control: the golden file is inflated entry by entry', async () => {
    await readPortfolioFile(readFixture('golden.steerwise'), 'golden.steerwise');
    expect(inflated).toContain('records/measurements.json');
  });
});

describe('declared sizes', () => {
  test('entry over the size limit is rejected uninflated', async () => {
    const zip = patchCentralDirectory(readFixture('golden.steerwise'), 'records/kpis.json', {
      inflatedSize: 300 * mebibyte,
      compressedSize: 200 * mebibyte,
    });
    const error = errorOf(await readPortfolioFile(zip, 'big.steerwise'));
    expect(error.code).toBe('portfolioFile.entryTooLarge');
    expect(error.detail).toEqual({
      file: 'big.steerwise',
      entry: 'records/kpis.json',
      sizeBytes: 300 * mebibyte,
      maxBytes: fileLimits.maxEntryInflatedBytes,
    });
    expect(inflated).toEqual([]);
  });

  test('total over the limit is rejected uninflated', async () => {
    let zip = readFixture('golden.steerwise');
    for (const name of [
      'records/providers.json',
      'records/contracts.json',
      'records/kpis.json',
      'records/serviceLevels.json',
      'records/measurements.json',
    ]) {
      zip = patchCentralDirectory(zip, name, { inflatedSize: 250 * mebibyte, compressedSize: 200 * mebibyte });
    }
    const error = errorOf(await readPortfolioFile(zip, 'total.steerwise'));
    expect(error.code).toBe('portfolioFile.totalTooLarge');
    expect(error.detail?.sizeBytes).toBeGreaterThan(fileLimits.maxTotalInflatedBytes);
    expect(inflated).toEqual([]);
  });

  test('many small entries over the total ratio are rejected', async () => {
    const zeros = new Uint8Array(mebibyte);
    const zip = zipEntries(
      Array.from({ length: 8 }, (_, index) => [`part${index}.bin`, zeros] as const),
      9,
    );
    const error = errorOf(await readPortfolioFile(zip, 'parts.steerwise'));
    expect(error.code).toBe('portfolioFile.totalRatioTooHigh');
    expect(error.detail?.maxRatio).toBe(fileLimits.maxTotalRatio);
    expect(inflated).toEqual([]);
  });

  test('small entry at a high ratio is allowed', async () => {
    // 64 KiB of spaces and `[]` deflate about 500:1, but the entry is below the ratio check size.
    const zip = zipEntries([['manifest.json', bytesOf(`${' '.repeat(64 * 1024)}[]`)]], 9);
    const error = errorOf(await readPortfolioFile(zip, 'spaces.steerwise'));
    expect(error.code).toBe('portfolioFile.notSteerwise');
    expect(inflated).toEqual(['manifest.json']);
  });

  test('understated size is cut short and fails its checksum', async () => {
    const zip = patchCentralDirectory(readFixture('golden.steerwise'), 'records/measurements.json', { inflatedSize: 100 });
    const error = errorOf(await readPortfolioFile(zip, 'understated.steerwise'));
    expect(error.code).toBe('portfolioFile.checksumMismatch');
    expect(error.detail).toEqual({ file: 'understated.steerwise', entry: 'records/measurements.json' });
  });
});

describe('container structure', () => {
  test('too many entries are rejected', async () => {
    const zip = zipEntries(Array.from({ length: fileLimits.maxEntries + 1 }, (_, index) => [`note${index}.txt`, bytesOf('x')] as const));
    const error = errorOf(await readPortfolioFile(zip, 'many.steerwise'));
    expect(error.code).toBe('portfolioFile.tooManyEntries');
    expect(error.detail).toEqual({ file: 'many.steerwise', maxEntries: fileLimits.maxEntries });
  });

  test('unknown compression method is rejected', async () => {
    const zip = patchCentralDirectory(readFixture('golden.steerwise'), 'tombstones.json', { method: 12 });
    const error = errorOf(await readPortfolioFile(zip, 'bzip2.steerwise'));
    expect(error.code).toBe('portfolioFile.corrupt');
    expect(error.detail).toEqual({ file: 'bzip2.steerwise', reason: 'unsupportedMethod', entry: 'tombstones.json' });
  });

  test('duplicate entry names are rejected', async () => {
    const zip = patchCentralDirectory(
      zipEntries([
        ['a.json', bytesOf('[]')],
        ['b.json', bytesOf('{}')],
      ]),
      'b.json',
      { name: 'a.json' },
    );
    const error = errorOf(await readPortfolioFile(zip, 'twice.steerwise'));
    expect(error.code).toBe('portfolioFile.corrupt');
    expect(error.detail).toEqual({ file: 'twice.steerwise', reason: 'duplicateEntry', entry: 'a.json' });
  });

  test('damaged deflate data is reported as corrupt', async () => {
    const zip = readFixture('golden.steerwise').slice();
    const range = entryDataRange(zip, 'records/measurements.json');
    // Every block header becomes "final block of type 3", which no deflate stream may contain.
    zip.fill(0xff, range.start, range.start + range.length);
    const error = errorOf(await readPortfolioFile(zip, 'damaged.steerwise'));
    expect(error.code).toBe('portfolioFile.corrupt');
    expect(error.detail).toEqual({ file: 'damaged.steerwise', reason: 'inflate', entry: 'records/measurements.json' });
  });
});

describe('hasZipSignature', () => {
  test.each([
    ['local file header', [0x50, 0x4b, 0x03, 0x04], true],
    ['empty archive', [0x50, 0x4b, 0x05, 0x06], true],
    ['spanned archive marker', [0x50, 0x4b, 0x07, 0x08], false],
    ['too short', [0x50, 0x4b], false],
    ['text', [0x7b, 0x22, 0x61, 0x22], false],
  ])('%s', (_name, bytes, expected) => {
    expect(hasZipSignature(new Uint8Array(bytes))).toBe(expected);
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileFilter } from '../../../../shared/ipc/contract';
import { checkSavePath } from '../../../../electron/main/savePath';
import { errorOf, valueOf } from '../../../support/node/results';

const portfolioFilter: readonly FileFilter[] = [{ name: 'Steerwise portfolio', extensions: ['steerwise'] }];
const spreadsheetFilters: readonly FileFilter[] = [
  { name: 'Excel workbook', extensions: ['xlsx'] },
  { name: 'CSV', extensions: ['csv', 'txt'] },
];

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-save-path-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('checkSavePath extension', () => {
  it('adds the missing extension', async () => {
    const result = await checkSavePath(join(folder, 'acme'), portfolioFilter);

    expect(valueOf(result)).toBe(join(folder, 'acme.steerwise'));
  });

  it('adds it after another extension', async () => {
    const result = await checkSavePath(join(folder, 'acme.backup'), portfolioFilter);

    expect(valueOf(result)).toBe(join(folder, 'acme.backup.steerwise'));
  });

  it('keeps an extension in another case', async () => {
    const result = await checkSavePath(join(folder, 'ACME.Steerwise'), portfolioFilter);

    expect(valueOf(result)).toBe(join(folder, 'ACME.Steerwise'));
  });

  it('keeps any extension of any filter', async () => {
    const result = await checkSavePath(join(folder, 'scores.txt'), spreadsheetFilters);

    expect(valueOf(result)).toBe(join(folder, 'scores.txt'));
  });

  it('adds the first filter extension', async () => {
    const result = await checkSavePath(join(folder, 'scores'), spreadsheetFilters);

    expect(valueOf(result)).toBe(join(folder, 'scores.xlsx'));
  });

  it('adds nothing with an all-files filter', async () => {
    const filters: readonly FileFilter[] = [...portfolioFilter, { name: 'All files', extensions: ['*'] }];

    const result = await checkSavePath(join(folder, 'acme'), filters);

    expect(valueOf(result)).toBe(join(folder, 'acme'));
  });

  it('adds nothing without filters', async () => {
    const result = await checkSavePath(join(folder, 'acme'), []);

    expect(valueOf(result)).toBe(join(folder, 'acme'));
  });

  it('normalizes dot segments', async () => {
    await mkdir(join(folder, 'exports'));

    const result = await checkSavePath(join(folder, 'exports') + '/../exports/./acme.steerwise', portfolioFilter);

    expect(valueOf(result)).toBe(join(folder, 'exports', 'acme.steerwise'));
  });
});

describe('checkSavePath existing entries', () => {
  it('accepts an existing file the user chose', async () => {
    const path = join(folder, 'acme.steerwise');
    await writeFile(path, 'old export');

    const result = await checkSavePath(path, portfolioFilter);

    expect(valueOf(result)).toBe(path);
  });

  it('rejects replacing a file under the added extension', async () => {
    await writeFile(join(folder, 'acme.steerwise'), 'old export');

    const result = await checkSavePath(join(folder, 'acme'), portfolioFilter);

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file: 'acme.steerwise', reason: 'exists', extension: 'steerwise' });
  });

  it('rejects a folder', async () => {
    await mkdir(join(folder, 'exports.steerwise'));

    const result = await checkSavePath(join(folder, 'exports.steerwise'), portfolioFilter);

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file: 'exports.steerwise', reason: 'folder' });
  });

  it('rejects a folder under the added extension', async () => {
    await mkdir(join(folder, 'exports.steerwise'));

    const result = await checkSavePath(join(folder, 'exports'), portfolioFilter);

    expect(errorOf(result).detail).toEqual({ file: 'exports.steerwise', reason: 'folder' });
  });

  it('rejects a path ending with a separator', async () => {
    const result = await checkSavePath(`${folder}/`, portfolioFilter);

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail?.['reason']).toBe('folder');
  });

  it('rejects a link to a folder', async () => {
    await mkdir(join(folder, 'target'));
    await symlink(join(folder, 'target'), join(folder, 'link.steerwise'));

    const result = await checkSavePath(join(folder, 'link.steerwise'), portfolioFilter);

    expect(errorOf(result).detail).toEqual({ file: 'link.steerwise', reason: 'folder' });
  });

  it('accepts a link to a file', async () => {
    await writeFile(join(folder, 'target.steerwise'), 'old export');
    await symlink(join(folder, 'target.steerwise'), join(folder, 'link.steerwise'));

    const result = await checkSavePath(join(folder, 'link.steerwise'), portfolioFilter);

    expect(valueOf(result)).toBe(join(folder, 'link.steerwise'));
  });

  it.runIf(process.platform !== 'win32')('rejects a device', async () => {
    const result = await checkSavePath('/dev/null', []);

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file: 'null', reason: 'notFile' });
  });

  it('leaves a missing folder to the write', async () => {
    const path = join(folder, 'missing', 'acme.steerwise');

    const result = await checkSavePath(path, portfolioFilter);

    expect(valueOf(result)).toBe(path);
  });
});

describe('checkSavePath path form', () => {
  it.each([
    ['a bare name', 'acme.steerwise', 'acme.steerwise'],
    ['a relative path', 'exports/acme.steerwise', 'acme.steerwise'],
    ['a parent reference', '../acme.steerwise', 'acme.steerwise'],
    ['an empty path', '', ''],
  ])('rejects %s', async (_case, path, file) => {
    const result = await checkSavePath(path, portfolioFilter);

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file, reason: 'notAbsolute' });
  });

  it('rejects a NUL character', async () => {
    const result = await checkSavePath(join(folder, 'acme\0.steerwise'), portfolioFilter);

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file: 'acme\0.steerwise' });
  });

  it('keeps the full path in the cause', async () => {
    const result = await checkSavePath('exports/acme.steerwise', portfolioFilter);

    expect(errorOf(result).cause).toBe('exports/acme.steerwise');
  });
});

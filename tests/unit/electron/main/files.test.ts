import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileLimited, writeFileAtomic } from '../../../../electron/main/files';
import { errorOf, valueOf } from '../../../support/node/results';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-files-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readFileLimited', () => {
  it('returns bytes and base name', async () => {
    const path = join(folder, 'calls.csv');
    await writeFile(path, 'period,calls\n2015-04,100\n');

    const result = await readFileLimited(path, 1024);

    expect(valueOf(result).name).toBe('calls.csv');
    expect(new TextDecoder().decode(valueOf(result).bytes)).toBe('period,calls\n2015-04,100\n');
  });

  it('returns a plain Uint8Array, not a Buffer', async () => {
    const path = join(folder, 'plain.bin');
    await writeFile(path, 'abc');

    const result = await readFileLimited(path, 1024);

    expect(Object.getPrototypeOf(valueOf(result).bytes)).toBe(Uint8Array.prototype);
  });

  it('accepts a file exactly at the limit', async () => {
    const path = join(folder, 'exact.bin');
    await writeFile(path, new Uint8Array(100));

    const result = await readFileLimited(path, 100);

    expect(valueOf(result).bytes.byteLength).toBe(100);
  });

  it('rejects a file one byte over the limit', async () => {
    const path = join(folder, 'big.bin');
    await writeFile(path, new Uint8Array(101));

    const result = await readFileLimited(path, 100);

    expect(errorOf(result).code).toBe('file.tooLarge');
    expect(errorOf(result).detail).toEqual({ file: 'big.bin', sizeBytes: 101, maxBytes: 100 });
  });

  it('reads a file larger than one read chunk', async () => {
    const path = join(folder, 'large.bin');
    const content = new Uint8Array(3 * 1024 * 1024 + 17).map((_, index) => index % 251);
    await writeFile(path, content);

    const result = await readFileLimited(path, 4 * 1024 * 1024);

    expect(valueOf(result).bytes.byteLength).toBe(content.byteLength);
    expect(Buffer.from(valueOf(result).bytes).equals(Buffer.from(content))).toBe(true);
  });

  it('rejects an empty file', async () => {
    const path = join(folder, 'empty.csv');
    await writeFile(path, '');

    const result = await readFileLimited(path, 100);

    expect(errorOf(result).code).toBe('file.empty');
    expect(errorOf(result).detail).toEqual({ file: 'empty.csv' });
  });

  it('reports a missing file as not found', async () => {
    const path = join(folder, 'missing.csv');

    const result = await readFileLimited(path, 100);

    expect(errorOf(result).code).toBe('file.notFound');
    expect(errorOf(result).detail).toEqual({ file: 'missing.csv' });
    expect(errorOf(result).cause).toContain(path);
  });

  it('reports a folder as a failed read', async () => {
    const path = join(folder, 'a-folder');
    await mkdir(path);

    const result = await readFileLimited(path, 100);

    expect(errorOf(result).code).toBe('file.readFailed');
    expect(errorOf(result).detail).toEqual({ file: 'a-folder' });
  });
});

describe('writeFileAtomic', () => {
  it('creates a new file', async () => {
    const path = join(folder, 'portfolio.steerwise');

    const result = await writeFileAtomic(path, bytesOf('new'));

    expect(result.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('replaces an existing file', async () => {
    const path = join(folder, 'portfolio.steerwise');
    await writeFile(path, 'old content that is longer than the new one');

    const result = await writeFileAtomic(path, bytesOf('new'));

    expect(result.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('leaves no temp file after success', async () => {
    const path = join(folder, 'portfolio.steerwise');

    await writeFileAtomic(path, bytesOf('one'));
    await writeFileAtomic(path, bytesOf('two'));

    expect(await readdir(folder)).toEqual(['portfolio.steerwise']);
  });

  it('keeps the permission bits of the replaced file', async () => {
    const path = join(folder, 'private.steerwise');
    await writeFile(path, 'old');
    await chmod(path, 0o640);

    await writeFileAtomic(path, bytesOf('new'));

    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('replaces the target of a symbolic link', async () => {
    const realPath = join(folder, 'real.steerwise');
    const linkPath = join(folder, 'link.steerwise');
    await writeFile(realPath, 'old');
    await symlink(realPath, linkPath);

    const result = await writeFileAtomic(linkPath, bytesOf('new'));

    expect(result.ok).toBe(true);
    expect((await lstat(linkPath)).isSymbolicLink()).toBe(true);
    expect(await readlink(linkPath)).toBe(realPath);
    expect(await readFile(realPath, 'utf8')).toBe('new');
  });

  it('fails when the folder does not exist', async () => {
    const path = join(folder, 'missing-folder', 'portfolio.steerwise');

    const result = await writeFileAtomic(path, bytesOf('new'));

    expect(errorOf(result).code).toBe('file.writeFailed');
    expect(errorOf(result).detail).toEqual({ file: 'portfolio.steerwise' });
    expect(errorOf(result).cause).toContain(path);
  });

  it('removes the temp file when the rename fails', async () => {
    // Renaming a file over a non-empty folder fails after the temp file is complete.
    const path = join(folder, 'occupied');
    await mkdir(path);
    await writeFile(join(path, 'inside.txt'), 'keep');

    const result = await writeFileAtomic(path, bytesOf('new'));

    expect(errorOf(result).code).toBe('file.writeFailed');
    expect(await readdir(folder)).toEqual(['occupied']);
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('keep');
  });

  it('ends with one whole payload after concurrent writes', async () => {
    const path = join(folder, 'contended.steerwise');
    const payloads = Array.from({ length: 8 }, (_, index) => bytesOf(`payload ${index} `.repeat(10_000)));

    const results = await Promise.all(payloads.map((payload) => writeFileAtomic(path, payload)));

    expect(results.every((result) => result.ok)).toBe(true);
    const written = await readFile(path, 'utf8');
    expect(payloads.map((payload) => new TextDecoder().decode(payload))).toContain(written);
    expect(await readdir(folder)).toEqual(['contended.steerwise']);
  });
});

/**
 * Files on disk for the main process: size-limited reads and atomic writes. Plain Node, no
 * Electron, so it is tested on real folders.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, ok } from '../../shared/errors';
import type { Result } from '../../shared/errors';
import type { OpenedFile } from '../../shared/ipc/contract';

/**
 * Reads a whole file of at most `maxBytes` bytes.
 *
 * The size is checked on the open handle before any byte is read. The read then stops one byte
 * past the limit, so a file that grows after the check is still rejected with `file.tooLarge`
 * instead of being loaded into memory. Errors name the file by its base name in `detail.file`
 * and keep the full path and the OS error in `cause`.
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Result<OpenedFile>> {
  const name = basename(path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) {
      return fail('file.readFailed', { file: name }, `${path} is not a regular file`);
    }
    if (info.size > maxBytes) {
      return fail('file.tooLarge', { file: name, sizeBytes: info.size, maxBytes });
    }

    const bytes = await readAtMost(handle, maxBytes + 1);
    if (bytes.byteLength > maxBytes) {
      // The file grew between the size check and the read.
      const grownSize = (await handle.stat()).size;
      return fail('file.tooLarge', { file: name, sizeBytes: Math.max(grownSize, bytes.byteLength), maxBytes });
    }
    if (bytes.byteLength === 0) {
      return fail('file.empty', { file: name });
    }
    return ok({ name, bytes });
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return fail('file.notFound', { file: name }, `${path}: ${describeError(error)}`);
    }
    return fail('file.readFailed', { file: name }, `${path}: ${describeError(error)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads from the start of the file until end of file or `limit` bytes, whichever comes first. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunkBytes = 1024 * 1024;
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = new Uint8Array(Math.min(chunkBytes, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, total);
    if (bytesRead === 0) {
      break;
    }
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return concatenate(chunks, total);
}

function concatenate(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const [first] = chunks;
  if (chunks.length === 1 && first !== undefined && first.byteLength === first.buffer.byteLength) {
    return first;
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

/**
 * Replaces the file at `path` with `bytes` so that a crash at any moment leaves either the
 * complete old file or the complete new one.
 *
 * Steps: write a uniquely named temp file in the target's folder (a rename is atomic only
 * within one file system), fsync it, rename it over the target, then fsync the folder so the
 * rename itself is durable. A symbolic link at `path` is followed, so the link stays in place
 * and its target is replaced. An existing target's permission bits are kept. On failure the
 * temp file is removed and the result is `file.writeFailed` with the base name in
 * `detail.file`.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<Result<void>> {
  const name = basename(path);
  let tempPath: string | undefined;
  try {
    const target = await resolveSymbolicLink(path);
    const folder = dirname(target);
    tempPath = join(folder, `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
    const existingMode = await modeOf(target);

    // `wx` fails if the name exists, so two writers never share one temp file.
    const handle = await open(tempPath, 'wx', existingMode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }

    await rename(tempPath, target);
    tempPath = undefined;
    await syncFolder(folder);
    return ok(undefined);
  } catch (error) {
    if (tempPath !== undefined) {
      await rm(tempPath, { force: true }).catch(() => undefined);
    }
    return fail('file.writeFailed', { file: name }, `${path}: ${describeError(error)}`);
  }
}

async function resolveSymbolicLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') {
      return path;
    }
    throw error;
  }
}

async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Flushes a folder's entries to disk so that a completed rename survives a power loss.
 *
 * Windows cannot open a folder as a file, so the step is skipped there; NTFS journals the
 * rename's metadata itself. Some file systems (certain network and FUSE mounts) reject
 * fsync on a folder with EINVAL or ENOTSUP; there the rename is already complete and only
 * its durability is unconfirmed, so those two codes are ignored and any other error fails.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') {
    return;
  }
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    const code = errorCodeOf(error);
    if (code !== 'EINVAL' && code !== 'ENOTSUP') {
      throw error;
    }
  } finally {
    await handle.close();
  }
}

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

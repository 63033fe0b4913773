/**
 * Checks the path a native save dialog returned before anything is written there. Plain Node, no
 * Electron, so it is tested on real folders.
 *
 * The dialogs differ by platform: Windows and macOS append the filter's extension to a typed name,
 * the GTK dialog on Linux does not. So the extension is added here when the name lacks one.
 */
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, normalize, sep } from 'node:path';
import { fail, ok } from '../../shared/errors';
import type { Result } from '../../shared/errors';
import type { FileFilter } from '../../shared/ipc/contract';

/** Why a save path was rejected: the `reason` detail of `file.invalidPath`. */
export type InvalidSavePathReason = 'notAbsolute' | 'folder' | 'notFile' | 'exists';

/**
 * Returns the path to write for `chosenPath`, or `file.invalidPath` with the base name in
 * `detail.file` and, except for a path that contains a NUL character, a `detail.reason`:
 * - `notAbsolute`: the path is relative;
 * - `folder`: the path ends with a separator or names an existing folder;
 * - `notFile`: the path names something that is neither a file nor a folder, such as a device;
 * - `exists`: the extension was added and a file with the longer name already exists, which the
 *   user never confirmed replacing (`detail.extension` names the added extension).
 *
 * The extension added is the first one of the first filter, and only when every filter names
 * concrete extensions (no `*`) and the name ends with none of them, compared without case.
 * Symbolic links are followed, as the write follows them. A `stat` failure other than "not
 * found" is left to the write, which reports it as `file.writeFailed` with the OS error.
 */
export async function checkSavePath(chosenPath: string, filters: readonly FileFilter[]): Promise<Result<string>> {
  if (chosenPath.includes('\0')) {
    return fail('file.invalidPath', { file: basename(chosenPath) }, 'the path contains a NUL character');
  }
  if (!isAbsolute(chosenPath)) {
    return invalid(chosenPath, 'notAbsolute');
  }
  if (chosenPath.endsWith(sep) || chosenPath.endsWith('/')) {
    return invalid(chosenPath, 'folder');
  }

  const missingExtension = extensionToAdd(basename(chosenPath), filters);
  const path = normalize(missingExtension === null ? chosenPath : `${chosenPath}.${missingExtension}`);

  const kind = await entryKind(path);
  if (kind === 'folder') {
    return invalid(path, 'folder');
  }
  if (kind === 'other') {
    return invalid(path, 'notFile');
  }
  if (kind === 'file' && missingExtension !== null) {
    return fail('file.invalidPath', { file: basename(path), reason: 'exists', extension: missingExtension }, path);
  }
  return ok(path);
}

function invalid(path: string, reason: InvalidSavePathReason): Result<string> {
  // A path that ends with a separator has an empty base name, so the folder name is shown instead.
  const name = basename(path) || path;
  return fail('file.invalidPath', { file: name, reason }, path);
}

/** Returns the extension to append to `name`, without the dot, or `null` when none is needed. */
function extensionToAdd(name: string, filters: readonly FileFilter[]): string | null {
  const extensions = filters.flatMap((filter) => filter.extensions);
  const [first] = extensions;
  if (first === undefined || extensions.includes('*')) {
    return null;
  }
  const lowerName = name.toLowerCase();
  const hasOne = extensions.some((extension) => lowerName.endsWith(`.${extension.toLowerCase()}`));
  return hasOne ? null : first;
}

type EntryKind = 'missing' | 'file' | 'folder' | 'other' | 'unknown';

async function entryKind(path: string): Promise<EntryKind> {
  try {
    const info = await stat(path);
    if (info.isFile()) return 'file';
    if (info.isDirectory()) return 'folder';
    return 'other';
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    return code === 'ENOENT' ? 'missing' : 'unknown';
  }
}

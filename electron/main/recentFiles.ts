/**
 * The recent portfolio files list: the last 10 `.steerwise` files opened or saved, newest
 * first, without repeats, kept in `recent-files.json` under the user data folder. Files deleted
 * or moved since are dropped when the list is read.
 */
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonFile';
import type { Logger } from './logger';

export const maxRecentFiles = 10;

const recentFilesSchema = z.object({ paths: z.array(z.string().min(1)).max(100) });

/**
 * Returns `paths` with `path` first and any earlier entry for the same file removed, cut to
 * `maxRecentFiles`. Windows and macOS file systems ignore case by default, so paths that differ
 * only in case are one file there.
 */
export function withRecentFile(paths: readonly string[], path: string, platform: NodeJS.Platform): string[] {
  const key = (value: string) => (platform === 'linux' ? value : value.toLowerCase());
  const rest = paths.filter((entry) => key(entry) !== key(path));
  return [path, ...rest].slice(0, maxRecentFiles);
}

/** Returns the paths whose file still exists, in the same order. */
export async function existingFiles(paths: readonly string[], exists: (path: string) => Promise<boolean> = fileExists): Promise<string[]> {
  const checks = await Promise.all(paths.map(async (path) => ((await exists(path)) ? path : undefined)));
  return checks.filter((path): path is string => path !== undefined);
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export interface RecentFilesOptions {
  readonly filePath: string;
  readonly platform: NodeJS.Platform;
  readonly logger: Logger;
  /** Called after every change with the new list, for example to rebuild File > Open Recent. */
  readonly onChange?: (paths: readonly string[]) => void;
  readonly exists?: (path: string) => Promise<boolean>;
}

export interface RecentFiles {
  /** Reads the saved list and drops missing files; call once at start. */
  load(): Promise<readonly string[]>;
  list(): readonly string[];
  add(path: string): Promise<void>;
  clear(): Promise<void>;
  /** Checks whether `path` is on the list, so a renderer request can open only a listed file. */
  includes(path: string): boolean;
}

/** Creates the list, stored atomically in `options.filePath`. Changes are written one after another. */
export function createRecentFiles(options: RecentFilesOptions): RecentFiles {
  let paths: readonly string[] = [];
  let writing: Promise<unknown> = Promise.resolve();

  const replace = (next: readonly string[]): Promise<void> => {
    paths = next;
    options.onChange?.(paths);
    const snapshot = { paths: [...paths] };
    const write = writing.then(() => writeJsonFile(options.filePath, snapshot, options.logger));
    writing = write;
    return write.then(() => undefined);
  };

  return {
    load: async () => {
      const saved = await readJsonFile(options.filePath, recentFilesSchema, options.logger);
      const present = await existingFiles((saved?.paths ?? []).slice(0, maxRecentFiles), options.exists);
      paths = present;
      if (saved !== undefined && present.length !== saved.paths.length) await replace(present);
      else options.onChange?.(paths);
      return paths;
    },
    list: () => paths,
    add: (path) => replace(withRecentFile(paths, path, options.platform)),
    clear: () => replace([]),
    includes: (path) => paths.includes(path),
  };
}

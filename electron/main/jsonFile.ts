/**
 * Small JSON files of the main process in the user data folder, such as the window state and
 * the recent files list. Writes are atomic, and a missing, unreadable or invalid file reads as
 * absent so that a damaged file never stops the app from starting.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './files';
import type { Logger } from './logger';

/** Reads `path` and validates it with `schema`; returns `undefined` when it is missing or invalid. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S, logger: Logger): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) {
      logger.warn('Reading a settings file failed', { file: basename(path), cause: error instanceof Error ? error.message : String(error) });
    }
    return undefined;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    logger.warn('A settings file is not valid JSON and was ignored', { file: basename(path), cause: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    logger.warn('A settings file has invalid content and was ignored', { file: basename(path), cause: parsed.error.issues[0]?.message ?? '' });
    return undefined;
  }
  return parsed.data;
}

/** Writes `value` as JSON to `path` atomically, creating the folder. Failures are logged, not thrown. */
export async function writeJsonFile(path: string, value: unknown, logger: Logger): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    logger.warn('Creating a settings folder failed', { file: basename(path), cause: error instanceof Error ? error.message : String(error) });
    return false;
  }
  const written = await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
  if (!written.ok) {
    logger.warn('Writing a settings file failed', { file: basename(path), cause: written.error.cause ?? '' });
  }
  return written.ok;
}

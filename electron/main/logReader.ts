/**
 * Reads back the newest warnings and errors of the log files, for "Copy diagnostics". Only the
 * time, level, tag and message of each entry are returned: entry contexts may contain file
 * names and ids, and are left out.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DiagnosticLogEntry } from '../../shared/ipc/contract';

const entrySchema = z.object({
  time: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  tag: z.string(),
  message: z.string(),
});

/**
 * Returns the newest `maxEntries` warnings and errors of the log files in `filePaths` (for
 * example `main.log` and `main.log.1`), newest first. Missing files and lines that are not log
 * entries are skipped.
 */
export async function readRecentProblems(filePaths: readonly string[], maxEntries: number): Promise<DiagnosticLogEntry[]> {
  const entries: DiagnosticLogEntry[] = [];
  for (const path of filePaths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const entry = parseLine(line);
      if (entry !== undefined && (entry.level === 'warn' || entry.level === 'error')) entries.push(entry);
    }
  }
  entries.sort((a, b) => b.time.localeCompare(a.time));
  return entries.slice(0, maxEntries);
}

function parseLine(line: string): DiagnosticLogEntry | undefined {
  if (line.trim() === '') return undefined;
  try {
    const parsed = entrySchema.safeParse(JSON.parse(line));
    return parsed.success ? { time: parsed.data.time, level: parsed.data.level, tag: parsed.data.tag, message: parsed.data.message } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Copy diagnostics": versions, settings and recent problems as plain text for a support
 * request, with no portfolio data. Problem messages can quote names and files, so every text
 * stored in the portfolios, and every file name and path, is replaced before the text leaves.
 * Then every word outside the app's own vocabulary is masked too, for text that no portfolio
 * stores any more or never stored.
 */
import type { TFunction } from 'i18next';
import type { Result } from '@shared/errors';
import type { DiagnosticsInfo } from '@shared/ipc/contract';
import { listPortfolios, readUserName } from '../../db/catalogue';
import { openPortfolioDb } from '../../db/portfolioDb';
import { platform } from '../../platform';
import { diagnosticsVocabulary } from './vocabulary';

export interface DiagnosticsSettings {
  readonly host: string;
  readonly language: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly portfolioCount: number;
  /** Whether the browser granted persistent storage, or `unknown` where it cannot tell. */
  readonly persistentStorage: 'granted' | 'not granted' | 'unknown';
}

/** Tables whose records contain no text a user typed or imported, so they add no terms. */
const tablesWithoutText: ReadonlySet<string> = new Set(['measurements', 'tombstones', 'meta']);

/** Keys whose values are ids, clocks or instants rather than portfolio text. */
const nonTextKey = /^(id|key|period|clock)$|Id$|Ids$|At$|Clocks?$/;

/** Shortest stored text treated as portfolio data; shorter strings are units and flags such as `%`. */
const minTermLength = 3;

/** Collects every text stored in the portfolios of this computer, and the user's name. */
export async function collectPortfolioTerms(): Promise<string[]> {
  const terms = new Set<string>();
  const add = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length >= minTermLength && /\p{L}/u.test(trimmed)) terms.add(trimmed);
  };

  add(await readUserName());
  for (const portfolio of await listPortfolios()) {
    add(portfolio.name);
    const db = await openPortfolioDb(portfolio.id);
    try {
      for (const table of db.tables) {
        if (tablesWithoutText.has(table.name)) continue;
        for (const record of await table.toArray()) collectStrings(record, add);
      }
    } finally {
      db.close();
    }
  }
  return [...terms];
}

function collectStrings(value: unknown, add: (text: string) => void, key = ''): void {
  if (nonTextKey.test(key)) return;
  if (typeof value === 'string') {
    add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, add);
  } else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    for (const [childKey, child] of Object.entries(value)) collectStrings(child, add, childKey);
  }
}

const fileNamePattern = /[^\s"'“”‘’()[\]]+\.(steerwise|csv|xlsx|xls|ics|xml|mpx|gan|json|txt|log)\b/giu;
// Only at the start of a word, so that `and/or` stays as written.
const pathPattern = /(?<=^|\s)(?:[A-Za-z]:)?[\\/][^\s"'“”]+/g;
const quotedPattern = /“[^”]*”|"[^"]*"|‘[^’]*’/g;

/**
 * Replaces portfolio data in `text`: each of `terms` (case-insensitive, as whole words), quoted
 * text, file names and paths. Terms go first, longest first, so a name inside a longer name is
 * not left half. A term that is a word of `vocabulary`, such as the stored value `write`,
 * identifies nothing in the portfolio, so it stays and error codes such as `storage.writeFailed`
 * remain readable.
 */
export function redactPortfolioData(text: string, terms: readonly string[], vocabulary: ReadonlySet<string> = new Set()): string {
  let result = text;
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (vocabulary.has(term.toLowerCase())) continue;
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu'), '[redacted]');
  }
  return result.replace(quotedPattern, '[text]').replace(fileNamePattern, '[file]').replace(pathPattern, '[path]');
}

/** A word, number or dotted code such as `file.readFailed`, with inner dots, hyphens or underscores. */
const tokenPattern = /[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*/gu;
// Two masks with only capitalised words between them, such as `[redacted] Contact [redacted]`,
// are most likely one name, so the words between them are masked with them.
const maskedRun = /\[redacted\](?:[\s,;:]+(?:\p{Lu}\p{L}*[\s,;:]+)*\[redacted\])+/gu;

/**
 * Replaces each word of `text` that `vocabulary` lacks with `[redacted]`, and a run of such words
 * with one. A token with a digit is masked unless the vocabulary has it, since numbers in a
 * message are mostly codes, amounts or counts from the data.
 */
export function maskUnknownWords(text: string, vocabulary: ReadonlySet<string>): string {
  const masked = text.replace(tokenPattern, (token) => (isKnownToken(token, vocabulary) ? token : '[redacted]'));
  return masked.replace(maskedRun, '[redacted]');
}

function isKnownToken(token: string, vocabulary: ReadonlySet<string>): boolean {
  const lower = token.toLowerCase();
  if (vocabulary.has(lower)) return true;
  if (/\p{N}/u.test(token)) return false;
  // A compound such as `half-created` passes when each of its words does.
  const parts = lower.split(/[._-]/);
  return parts.length > 1 && parts.every((part) => vocabulary.has(part));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Formats the diagnostics text; problem messages are redacted with `terms`. */
export function buildDiagnosticsText(
  t: TFunction,
  info: DiagnosticsInfo,
  settings: DiagnosticsSettings,
  terms: readonly string[],
  now: Date,
): string {
  const lines = [t('diagnostics.heading'), t('diagnostics.createdAt', { time: now.toISOString() }), '', t('diagnostics.versions')];
  for (const [component, version] of Object.entries(info.versions)) lines.push(`  ${component}: ${version}`);

  lines.push('', t('diagnostics.settings'));
  lines.push(`  host: ${settings.host}`);
  lines.push(`  language: ${settings.language}`);
  lines.push(`  locale: ${settings.locale}`);
  lines.push(`  timeZone: ${settings.timeZone}`);
  lines.push(`  portfolios: ${String(settings.portfolioCount)}`);
  lines.push(`  persistentStorage: ${settings.persistentStorage}`);

  lines.push('', t('diagnostics.recentProblems'));
  if (info.recentProblems.length === 0) lines.push(`  ${t('diagnostics.noProblems')}`);
  const vocabulary = diagnosticsVocabulary();
  for (const problem of info.recentProblems) {
    const redacted = maskUnknownWords(redactPortfolioData(problem.message, terms, vocabulary), vocabulary);
    lines.push(`  ${problem.time} ${problem.level} ${problem.tag}: ${redacted}`);
  }
  return `${lines.join('\n')}\n`;
}

async function readSettings(language: string): Promise<DiagnosticsSettings> {
  let persistentStorage: DiagnosticsSettings['persistentStorage'] = 'unknown';
  try {
    if (typeof navigator.storage.persisted === 'function')
      persistentStorage = (await navigator.storage.persisted()) ? 'granted' : 'not granted';
  } catch {
    // Left `unknown`: some pages may not query storage persistence.
  }
  return {
    host: platform.host,
    language,
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    portfolioCount: (await listPortfolios()).length,
    persistentStorage,
  };
}

/** Builds the diagnostics text and copies it to the clipboard. */
export async function copyDiagnostics(t: TFunction, language: string): Promise<Result<void>> {
  const info = await platform.diagnosticsInfo();
  if (!info.ok) return info;
  const [settings, terms] = await Promise.all([readSettings(language), collectPortfolioTerms()]);
  return platform.copyText(buildDiagnosticsText(t, info.value, settings, terms, new Date()));
}

/** Expected facts about the bundled NHS 111 sample, computed from the file independently of the app. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';

export const sampleCsvPath = resolve(import.meta.dirname, '../../resources/sample/nhs111_calls_2015-16.csv');

interface SampleRow {
  readonly code: string;
  readonly name: string;
  readonly period: string;
  readonly answered: number;
  readonly answeredWithin60s: number;
  readonly offered: number;
  readonly abandoned: number;
}

const monthNumbers: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

export function sampleRows(): SampleRow[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(sampleCsvPath, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => {
    const [month = '', year = ''] = (row.Periodname ?? '').split('-');
    return {
      code: row['Provider Org Code'] ?? '',
      name: row['Provider Name'] ?? '',
      period: `20${year}-${monthNumbers[month] ?? '??'}`,
      answered: Number(row['Nhs1 Answered Calls SUM']),
      answeredWithin60s: Number(row['Nhs1 Answered 60sec SUM']),
      offered: Number(row['Nhs1 Number Calls Offered SUM']),
      abandoned: Number(row['Nhs1 Abandoned Calls SUM']),
    };
  });
}

/** Provider code to the name of its latest month. */
export function sampleProviders(): Map<string, string> {
  const latest = new Map<string, { period: string; name: string }>();
  for (const row of sampleRows()) {
    const seen = latest.get(row.code);
    if (!seen || row.period > seen.period) latest.set(row.code, { period: row.period, name: row.name });
  }
  return new Map([...latest].map(([code, { name }]) => [code, name]));
}

/** Provider-months below 95% answered within 60 s plus those above 5% abandoned. */
export function sampleBreachCount(): { answered: number; abandoned: number } {
  let answered = 0;
  let abandoned = 0;
  for (const row of sampleRows()) {
    if (row.answered > 0 && (100 * row.answeredWithin60s) / row.answered < 95) answered += 1;
    if (row.offered > 0 && (100 * row.abandoned) / row.offered > 5) abandoned += 1;
  }
  return { answered, abandoned };
}

/** Returns the breach with the largest shortfall relative to its minimum, over both service levels. */
export function sampleWorstBreach(): { name: string; period: string } {
  let worst = { shortfall: -Infinity, code: '', period: '' };
  for (const row of sampleRows()) {
    const answered = row.answered > 0 ? (95 - (100 * row.answeredWithin60s) / row.answered) / 95 : -Infinity;
    const abandoned = row.offered > 0 ? ((100 * row.abandoned) / row.offered - 5) / 5 : -Infinity;
    const shortfall = Math.max(answered, abandoned);
    if (shortfall > worst.shortfall) worst = { shortfall, code: row.code, period: row.period };
  }
  return { name: sampleProviders().get(worst.code) ?? worst.code, period: worst.period };
}

/** Codes of providers with no month below 95% answered within 60 s and none above 5% abandoned. */
export function sampleProvidersWithoutBreaches(): string[] {
  const breached = new Set<string>();
  for (const row of sampleRows()) {
    if (row.answered > 0 && (100 * row.answeredWithin60s) / row.answered < 95) breached.add(row.code);
    if (row.offered > 0 && (100 * row.abandoned) / row.offered > 5) breached.add(row.code);
  }
  return [...sampleProviders().keys()].filter((code) => !breached.has(code)).sort();
}

import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../../../shared/errors';
import { createPortfolio, deletePortfolio, listPortfolios, setUserName } from '../../../../../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { i18next, initI18n } from '../../../../../../renderer/src/i18n';
import { makePlan, manualWall, testContext } from '../../../db/factories';

/** What the host returns and receives: its recent problems, and the text put on the clipboard. */
const host = vi.hoisted(() => ({
  problems: [] as { time: string; level: 'warn' | 'error'; tag: string; message: string }[],
  copied: [] as string[],
}));

vi.mock('../../../../../../renderer/src/platform', () => ({
  platform: {
    host: 'electron',
    log: () => undefined,
    diagnosticsInfo: () => Promise.resolve(ok({ versions: { app: '9.9.9', electron: '41.10.7' }, recentProblems: host.problems })),
    copyText: (text: string) => {
      host.copied.push(text);
      return Promise.resolve(ok(undefined));
    },
  },
}));

vi.hoisted(() => {
  // `readSettings` reads `navigator`, which Node 20 lacks.
  vi.stubGlobal('navigator', { language: 'en-GB', storage: {} });
});

const { collectPortfolioTerms, copyDiagnostics, maskUnknownWords, redactPortfolioData } =
  await import('../../../../../../renderer/src/features/diagnostics/diagnostics');
const { diagnosticsVocabulary } = await import('../../../../../../renderer/src/features/diagnostics/vocabulary');

const providerName = 'Meridian Contact Solutions';

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(async () => {
  host.problems.length = 0;
  host.copied.length = 0;
  for (const portfolio of await listPortfolios()) await deletePortfolio(portfolio.id);
});

async function portfolioWithProvider(portfolioName: string, name: string) {
  const entry = await createPortfolio(portfolioName);
  const db = await openPortfolioDb(entry.id);
  await applyImportPlan(db, makePlan({ providers: [{ code: 'MCS01', name }] }), testContext(manualWall()));
  db.close();
  return entry;
}

describe('copyDiagnostics', () => {
  it('never includes a provider name from the database', async () => {
    await portfolioWithProvider('Outsourcing 2027', providerName);
    host.problems.push(
      { time: '2026-12-05T09:00:02.000Z', level: 'error', tag: 'renderer', message: `Applying ${providerName} export failed: TypeError` },
      { time: '2026-12-05T09:00:01.000Z', level: 'warn', tag: 'renderer', message: `Merge of ${providerName.toUpperCase()} skipped` },
    );

    const copied = await copyDiagnostics(i18next.t, 'en');

    expect(copied.ok).toBe(true);
    expect(host.copied).toHaveLength(1);
    expect(host.copied[0]).not.toMatch(/meridian/i);
    expect(host.copied[0]).not.toContain('Outsourcing 2027');
    expect(host.copied[0]).not.toContain('MCS01');
  });

  it('keeps versions, settings and the problems', async () => {
    await portfolioWithProvider('Outsourcing 2027', providerName);
    host.problems.push({ time: '2026-12-05T09:00:02.000Z', level: 'error', tag: 'main', message: 'IPC handler failed' });

    await copyDiagnostics(i18next.t, 'en');

    const text = host.copied[0] ?? '';
    expect(text).toContain('Steerwise diagnostics');
    expect(text).toContain('  app: 9.9.9');
    expect(text).toContain('  electron: 41.10.7');
    expect(text).toContain('  portfolios: 1');
    expect(text).toContain('  locale: en-GB');
    expect(text).toContain('2026-12-05T09:00:02.000Z error main: IPC handler failed');
  });

  it('masks a name of a deleted portfolio', async () => {
    const entry = await portfolioWithProvider('Outsourcing 2027', providerName);
    host.problems.push({
      time: '2026-12-05T09:00:02.000Z',
      level: 'error',
      tag: 'renderer',
      message: `Uncaught error: Handler failed for ${providerName} (code MCS01)`,
    });
    await deletePortfolio(entry.id);

    await copyDiagnostics(i18next.t, 'en');

    expect(host.copied[0]).toContain('error renderer: Uncaught error: Handler failed for [redacted] (code [redacted])');
    expect(host.copied[0]).not.toMatch(/meridian/i);
    expect(host.copied[0]).not.toContain('MCS01');
  });

  it('leaves out the user name', async () => {
    await setUserName('Priya Shah');
    host.problems.push({ time: '2026-12-05T09:00:02.000Z', level: 'warn', tag: 'renderer', message: 'Audit entry by Priya Shah failed' });

    await copyDiagnostics(i18next.t, 'en');

    expect(host.copied[0]).not.toContain('Priya');
  });
});

describe('collectPortfolioTerms', () => {
  it('collects names but not ids or clocks', async () => {
    const entry = await portfolioWithProvider('Outsourcing 2027', providerName);

    const terms = await collectPortfolioTerms();

    expect(terms).toContain(providerName);
    expect(terms).toContain('Outsourcing 2027');
    expect(terms).not.toContain(entry.id);
  });
});

describe('maskUnknownWords', () => {
  const vocabulary = diagnosticsVocabulary();

  it('masks a name no portfolio stores', () => {
    expect(maskUnknownWords('Uncaught error: Handler failed for Bedfordshire Ambulance (code 111AF3)', vocabulary)).toBe(
      'Uncaught error: Handler failed for [redacted] (code [redacted])',
    );
  });

  it('keeps the app and error vocabulary', () => {
    const message = "Rendering failed: TypeError: Cannot read properties of undefined (reading 'name')";

    expect(maskUnknownWords(message, vocabulary)).toBe(message);
  });

  it('keeps error codes and log messages', () => {
    expect(maskUnknownWords('The import task failed with file.readFailed', vocabulary)).toBe('The import task failed with file.readFailed');
    expect(maskUnknownWords('IPC message from a foreign sender rejected', vocabulary)).toBe('IPC message from a foreign sender rejected');
    expect(maskUnknownWords('Removing the half-created portfolio failed', vocabulary)).toBe('Removing the half-created portfolio failed');
  });

  it('merges a run of masked words', () => {
    expect(maskUnknownWords('Saving Zephyrine Okonkwo-Blythe, 4471 failed', vocabulary)).toBe('Saving [redacted] failed');
  });

  it('masks a known word inside a name', () => {
    expect(maskUnknownWords('Merge of Meridian Contact Solutions skipped', vocabulary)).toBe('Merge of [redacted] skipped');
  });

  it('keeps a lower-case word between masks', () => {
    expect(maskUnknownWords('Sending Zephyrine to Okonkwo failed', vocabulary)).toBe('Sending [redacted] to [redacted] failed');
  });
});

describe('redactPortfolioData', () => {
  it('keeps error codes when stored values are common words', () => {
    // Audit entries store kinds such as `write`; they must not eat into `storage.writeFailed`.
    const text = 'Adding a meeting failed: storage.writeFailed: the write did not commit';
    expect(redactPortfolioData(text, ['write', 'insert', 'Acme Outsourcing'], diagnosticsVocabulary())).toBe(text);
    expect(redactPortfolioData('Saving Acme Outsourcing failed', ['Acme Outsourcing'], diagnosticsVocabulary())).toBe(
      'Saving [redacted] failed',
    );
  });

  it('replaces a term only as a whole word', () => {
    expect(redactPortfolioData('Northwind and Northwinds failed', ['Northwind'])).toBe('[redacted] and Northwinds failed');
  });

  it('replaces file names, paths and quoted text', () => {
    const text = 'Opening “North region” from /home/ana/reviews/q3 and C:\\Users\\ana\\north.xlsx failed for north.steerwise, and/or later';

    expect(redactPortfolioData(text, [])).toBe('Opening [text] from [path] and [file] failed for [file], and/or later');
  });

  it('replaces the longer of two nested terms whole', () => {
    expect(redactPortfolioData('North East Ambulance failed', ['North', 'North East Ambulance'])).toBe('[redacted] failed');
  });

  it('treats terms as plain text', () => {
    expect(redactPortfolioData('Provider A+B (UK) failed', ['A+B (UK)'])).toBe('Provider [redacted] failed');
  });
});

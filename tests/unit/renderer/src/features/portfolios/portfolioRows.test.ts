import { describe, expect, test } from 'vitest';
import type { BackupEntry } from '../../../../../../renderer/src/db/backups';
import type { PortfolioEntry } from '../../../../../../renderer/src/db/catalogue';
import {
  backupFileNameOf,
  buildBackupRows,
  buildPortfolioRows,
  formatByteSize,
  formatInstant,
  isDeleteConfirmed,
  portfolioAfterDelete,
  portfolioWithName,
} from '../../../../../../renderer/src/features/portfolios/portfolioRows';
import type { PortfolioStats } from '../../../../../../renderer/src/features/portfolios/portfolioRows';

function entry(id: string, name: string, createdAt = '2026-01-10T08:00:00.000Z', updatedAt = createdAt): PortfolioEntry {
  return { id, name, createdAt, updatedAt };
}

function backup(id: string, portfolioId: string, portfolioName: string, createdAt: string): BackupEntry {
  return { id, portfolioId, portfolioName, reason: 'beforeDelete', createdAt, sourceFile: null, recordCount: 12, byteLength: 2048 };
}

describe('buildPortfolioRows', () => {
  test('sorts by name ignoring case', () => {
    const rows = buildPortfolioRows([entry('1', 'zeta Bank'), entry('2', 'Acme'), entry('3', 'beta Insurance')], new Map(), null);
    expect(rows.map((row) => row.name)).toEqual(['Acme', 'beta Insurance', 'zeta Bank']);
  });

  test('marks only the open portfolio', () => {
    const rows = buildPortfolioRows([entry('1', 'Acme'), entry('2', 'Bravo')], new Map(), '2');
    expect(rows.map((row) => row.isOpen)).toEqual([false, true]);
  });

  test('count is null until read', () => {
    const stats = new Map<string, PortfolioStats>([['1', { recordCount: 1520, latestChangeAt: null }]]);
    const rows = buildPortfolioRows([entry('1', 'Acme'), entry('2', 'Bravo')], stats, null);
    expect(rows.map((row) => row.recordCount)).toEqual([1520, null]);
  });

  test('last change is the later of rename and data change', () => {
    const renamedLater = entry('1', 'Acme', '2026-01-10T08:00:00.000Z', '2026-03-01T10:00:00.000Z');
    const editedLater = entry('2', 'Bravo', '2026-01-10T08:00:00.000Z', '2026-01-11T10:00:00.000Z');
    const stats = new Map<string, PortfolioStats>([
      ['1', { recordCount: 3, latestChangeAt: '2026-02-01T10:00:00.000Z' }],
      ['2', { recordCount: 3, latestChangeAt: '2026-02-02T10:00:00.000Z' }],
    ]);
    const [acme, bravo] = buildPortfolioRows([renamedLater, editedLater], stats, null);
    expect(acme?.lastChangedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(bravo?.lastChangedAt).toBe('2026-02-02T10:00:00.000Z');
  });
});

describe('portfolioWithName', () => {
  const entries = [entry('1', 'Acme Insurance'), entry('2', 'Bravo Bank')];

  test('finds a name in another case', () => {
    expect(portfolioWithName('  acme insurance ', entries, null)?.id).toBe('1');
  });

  test('ignores the portfolio being renamed', () => {
    expect(portfolioWithName('ACME insurance', entries, '1')).toBeNull();
  });

  test('free name returns null', () => {
    expect(portfolioWithName('Charlie Telecom', entries, null)).toBeNull();
  });
});

describe('isDeleteConfirmed', () => {
  test('exact name confirms', () => {
    expect(isDeleteConfirmed('Acme Insurance', 'Acme Insurance')).toBe(true);
  });

  test('surrounding spaces are ignored', () => {
    expect(isDeleteConfirmed('  Acme Insurance ', 'Acme Insurance')).toBe(true);
  });

  test.each(['', 'Acme', 'acme insurance', 'Acme Insurance Ltd'])('“%s” does not confirm', (typed) => {
    expect(isDeleteConfirmed(typed, 'Acme Insurance')).toBe(false);
  });
});

describe('portfolioAfterDelete', () => {
  test('picks the first other by name', () => {
    const entries = [entry('1', 'Zeta'), entry('2', 'Acme'), entry('3', 'Bravo')];
    expect(portfolioAfterDelete(entries, '2')?.id).toBe('3');
  });

  test('returns null for the last portfolio', () => {
    expect(portfolioAfterDelete([entry('1', 'Acme')], '1')).toBeNull();
  });
});

describe('buildBackupRows', () => {
  const backups = [backup('b2', 'gone', 'Old Client', '2026-02-02T10:00:00.000Z'), backup('b1', '1', 'Acme', '2026-02-01T10:00:00.000Z')];

  test('keeps the given order', () => {
    expect(buildBackupRows(backups, [entry('1', 'Acme')]).map((row) => row.id)).toEqual(['b2', 'b1']);
  });

  test('uses the current name of a renamed portfolio', () => {
    const row = buildBackupRows(backups, [entry('1', 'Acme Group')]).find((item) => item.id === 'b1');
    expect(row?.portfolioName).toBe('Acme Group');
    expect(row?.portfolioDeleted).toBe(false);
  });

  test('deleted portfolio keeps its backup name', () => {
    const row = buildBackupRows(backups, [entry('1', 'Acme')]).find((item) => item.id === 'b2');
    expect(row?.portfolioName).toBe('Old Client');
    expect(row?.portfolioDeleted).toBe(true);
  });
});

describe('backupFileNameOf', () => {
  test('names portfolio, date and time', () => {
    expect(backupFileNameOf('Acme', '2026-01-15T09:30:00.000Z', 'UTC')).toBe('Acme backup 2026-01-15 09-30.steerwise');
  });

  test('uses the given time zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin (UTC+1 in winter).
    expect(backupFileNameOf('Acme', '2025-12-31T23:30:00.000Z', 'Europe/Berlin')).toBe('Acme backup 2026-01-01 00-30.steerwise');
  });

  test('replaces characters unsafe in file names', () => {
    expect(backupFileNameOf('Acme: EMEA/APAC', '2026-01-15T09:30:00.000Z', 'UTC')).toBe(
      'Acme- EMEA-APAC backup 2026-01-15 09-30.steerwise',
    );
  });
});

describe('formatByteSize', () => {
  test.each([
    [512, '512 bytes'],
    [2048, '2 kB'],
    [1_536_000, '1.5 MB'],
  ])('%d bytes read as %s', (bytes, expected) => {
    expect(formatByteSize(bytes, 'en-GB')).toBe(expected);
  });
});

describe('formatInstant', () => {
  test('formats date and time in the zone', () => {
    expect(formatInstant('2026-01-15T09:30:00.000Z', 'en-GB', 'UTC')).toBe('15 Jan 2026, 09:30');
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordTable } from '@shared/domain/types';
import type { MergePreview, TableChangeCounts } from '@shared/sync/mergeTypes';
import { recordTables } from '@shared/sync/snapshot';
import { describeAppError } from '../../../../../../renderer/src/errorMessage';
import { en } from '../../../../../../renderer/src/i18n/en';
import {
  asPortfolioFileError,
  capList,
  changedTableRows,
  emptySnapshotOf,
  exportFileNameOf,
  fileTargetOf,
  mergeTotalsOf,
  namesakeOf,
  recordCountOf,
  tableCountRows,
} from '../../../../../../renderer/src/features/sync/syncPreview';

const zero: TableChangeCounts = { added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0 };

function previewWith(tables: Partial<Record<RecordTable, TableChangeCounts>>): MergePreview {
  return {
    tables: { ...(Object.fromEntries(recordTables.map((table) => [table, zero])) as Record<RecordTable, TableChangeCounts>), ...tables },
    conflicts: [],
    deletedEdits: [],
    clockSkew: { maxClockSkewMs: 300_000, aheadCount: 0, maxAheadMs: 0, deviceIds: [] },
  };
}

describe('fileTargetOf', () => {
  it('matches the open portfolio', () => {
    expect(fileTargetOf('p1', 'p1', ['p1', 'p2'])).toBe('currentPortfolio');
  });

  it('finds another catalogued portfolio', () => {
    expect(fileTargetOf('p2', 'p1', ['p1', 'p2'])).toBe('otherPortfolio');
  });

  it('treats an unknown id as new', () => {
    expect(fileTargetOf('p3', 'p1', ['p1', 'p2'])).toBe('newPortfolio');
  });

  it('treats any id as new without an open portfolio', () => {
    expect(fileTargetOf('p3', null, [])).toBe('newPortfolio');
  });
});

describe('changedTableRows', () => {
  it('drops tables without changes', () => {
    const rows = changedTableRows(previewWith({ kpis: { ...zero, changed: 2 }, providers: { ...zero, mergedByNaturalKey: 1 } }));
    expect(rows).toEqual([
      { table: 'providers', added: 0, changed: 0, deleted: 1 },
      { table: 'kpis', added: 0, changed: 2, deleted: 0 },
    ]);
  });

  it('is empty when all counts are zero', () => {
    expect(changedTableRows(previewWith({}))).toEqual([]);
  });
});

describe('capList', () => {
  it('keeps a short list whole', () => {
    expect(capList(['a', 'b'], 3)).toEqual({ shown: ['a', 'b'], more: 0 });
  });

  it('counts the rest of a long list', () => {
    expect(capList(['a', 'b', 'c', 'd'], 3)).toEqual({ shown: ['a', 'b', 'c'], more: 1 });
  });

  it('lists 50 by default', () => {
    const result = capList(Array.from({ length: 120 }, (_, index) => index));
    expect(result.shown).toHaveLength(50);
    expect(result.more).toBe(70);
  });
});

describe('asPortfolioFileError', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  });

  it('marks an empty file', () => {
    const error = asPortfolioFileError({ code: 'file.empty', detail: { file: 'a.steerwise' } });
    expect(error.detail).toEqual({ file: 'a.steerwise', reason: 'portfolioFile' });
  });

  it('marks an oversized file', () => {
    const error = asPortfolioFileError({
      code: 'file.tooLarge',
      detail: { file: 'a.steerwise', sizeBytes: 70_000_000, maxBytes: 67_108_864 },
    });
    expect(error.detail?.reason).toBe('portfolioFile');
    expect(describeAppError(i18next.t, error)).toMatch(
      /^a\.steerwise is 66\.8 MB, over the 64 MB limit for a portfolio file\. Ask the sender/,
    );
  });

  it('keeps an existing reason', () => {
    const error = { code: 'file.empty', detail: { file: 'a.steerwise', reason: 'other' } } as const;
    expect(asPortfolioFileError(error)).toBe(error);
  });

  it('leaves other codes alone', () => {
    const error = { code: 'file.readFailed', detail: { file: 'a.steerwise' } } as const;
    expect(asPortfolioFileError(error)).toBe(error);
  });
});

describe('namesakeOf', () => {
  const catalogued = [
    { id: 'p1', name: 'Portfolio 1' },
    { id: 'p2', name: 'Client  Alpha ' },
  ];

  it('ignores case and white space', () => {
    expect(namesakeOf('new', ' client alpha', catalogued)).toEqual({ id: 'p2', name: 'Client  Alpha ' });
  });

  it('ignores accents', () => {
    expect(namesakeOf('new', 'Portfólio 1', catalogued)?.id).toBe('p1');
  });

  it('skips the file portfolio itself', () => {
    expect(namesakeOf('p1', 'Portfolio 1', catalogued)).toBeNull();
  });

  it('returns null for another name', () => {
    expect(namesakeOf('new', 'Client Beta', catalogued)).toBeNull();
  });
});

describe('tableCountRows', () => {
  it('lists tables in table order', () => {
    const rows = tableCountRows(previewWith({}));
    expect(rows.map((row) => row.table)).toEqual([
      'providers',
      'contracts',
      'kpis',
      'serviceLevels',
      'measurements',
      'rfpEvents',
      'rfpSections',
      'rfpCriteria',
      'rfpBidders',
      'rfpEvaluators',
      'rfpScores',
      'rfpConsensusScores',
      'rfpPriceBids',
      'planCalendars',
      'plans',
      'planTasks',
      'planDependencies',
      'planBaselines',
      'escalations',
      'escalationEvents',
      'providerSites',
      'certifications',
      'contacts',
      'processes',
      'risks',
      'meetingCadences',
      'meetings',
      'decisions',
      'actionItems',
    ]);
  });

  it('counts natural-key folds as deleted', () => {
    const rows = tableCountRows(previewWith({ kpis: { added: 1, changed: 2, deleted: 3, mergedByNaturalKey: 4 } }));
    const kpis = rows.find((row) => row.table === 'kpis');
    expect(kpis).toEqual({ table: 'kpis', added: 1, changed: 2, deleted: 7 });
  });
});

describe('mergeTotalsOf', () => {
  it('sums every table', () => {
    const totals = mergeTotalsOf(
      previewWith({
        providers: { added: 1, changed: 2, deleted: 0, mergedByNaturalKey: 0 },
        measurements: { added: 10, changed: 0, deleted: 3, mergedByNaturalKey: 1 },
      }),
    );
    expect(totals).toEqual({ added: 11, changed: 2, deleted: 4 });
  });

  it('is zero for an empty preview', () => {
    expect(mergeTotalsOf(previewWith({}))).toEqual({ added: 0, changed: 0, deleted: 0 });
  });
});

describe('recordCountOf and emptySnapshotOf', () => {
  it('counts no records in an empty snapshot', () => {
    expect(recordCountOf(emptySnapshotOf('p1', 'Portfolio', 'dev-a'))).toBe(0);
  });

  it('keeps the given portfolio id', () => {
    expect(emptySnapshotOf('p1', 'Portfolio', 'dev-a').portfolioId).toBe('p1');
  });
});

describe('exportFileNameOf', () => {
  it('appends the extension', () => {
    expect(exportFileNameOf('NHS 111 sample (2015-16)', '.steerwise')).toBe('NHS 111 sample (2015-16).steerwise');
  });

  it('replaces characters unsafe in file names', () => {
    expect(exportFileNameOf('North/South: A|B', '.steerwise')).toBe('North-South- A-B.steerwise');
  });

  it('names a blank portfolio', () => {
    expect(exportFileNameOf('  ', '.steerwise')).toBe('portfolio.steerwise');
  });
});

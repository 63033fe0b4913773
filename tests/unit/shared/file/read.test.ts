import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { currentFormatVersion, fileLimits, readPortfolioFile, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import type { ReadProgress } from '../../../../shared/file';
import { recordTables } from '../../../../shared/sync/snapshot';
import type { PortfolioSnapshot, RecordsByTable } from '../../../../shared/sync/snapshot';
import { errorOf, valueOf } from '../../../support/node/results';
import { snapshotArbitrary } from './arbitraries';
import { bytesOf, editEntryText, editRecord, repack, unzipEntries, zipEntries } from './craft';
import type { ManifestObject } from './craft';
import { readFixture } from './fixtureFiles';
import { goldenMetadata, goldenSnapshot } from './goldenSnapshot';

const golden = readFixture('golden.steerwise');

/** `snapshot` with each table's records sorted by id, the order of a file. */
function inIdOrder(snapshot: PortfolioSnapshot): PortfolioSnapshot {
  const records = Object.fromEntries(
    recordTables.map((table) => [table, [...snapshot.records[table]].sort((a, b) => (a.id < b.id ? -1 : 1))]),
  ) as unknown as RecordsByTable;
  return { ...snapshot, records };
}

function goldenWith(edit: (entries: Map<string, Uint8Array>) => void, editManifest?: (manifest: ManifestObject) => void): Uint8Array {
  const entries = unzipEntries(golden);
  edit(entries);
  return repack(entries, editManifest);
}

async function errorFor(bytes: Uint8Array) {
  return errorOf(await readPortfolioFile(bytes, 'case.steerwise'));
}

describe('readPortfolioFile round trip', () => {
  test('returns the written snapshot', async () => {
    const parsed = valueOf(await readPortfolioFile(await writePortfolioFile(goldenSnapshot, goldenMetadata), 'x.steerwise'));
    expect(parsed.snapshot).toEqual(goldenSnapshot);
  });

  test('reports the source version', async () => {
    const parsed = valueOf(await readPortfolioFile(golden, 'golden.steerwise'));
    expect(parsed.sourceFormatVersion).toBe(currentFormatVersion);
  });

  test('returns the scope of a scoped export', async () => {
    const scope = { withoutCommercialTerms: true };
    const bytes = await writePortfolioFile(scopeSnapshot(goldenSnapshot, scope), { ...goldenMetadata, scope });
    expect(valueOf(await readPortfolioFile(bytes, 'scoped.steerwise')).manifest.scope).toEqual(scope);
  });

  test('returns any small snapshot unchanged, with records in id order', async () => {
    await fc.assert(
      fc.asyncProperty(snapshotArbitrary, async (snapshot) => {
        const bytes = await writePortfolioFile(snapshot, goldenMetadata);
        const parsed = valueOf(await readPortfolioFile(bytes, 'random.steerwise'));
        expect(parsed.snapshot).toEqual(inIdOrder(snapshot));
      }),
      { numRuns: 60 },
    );
  });

  test('reports progress up to finished', async () => {
    const progress: ReadProgress[] = [];
    valueOf(await readPortfolioFile(golden, 'golden.steerwise', { onProgress: (step) => progress.push(step) }));
    expect(progress.map((step) => step.stage)).toEqual([...Array<string>(32).fill('inflating'), 'validating', 'finished']);
    expect(progress.at(-1)).toEqual({ stage: 'finished', entry: '', done: 32, total: 32 });
  });

  test('handles 150,000 measurements', async () => {
    const template = goldenSnapshot.records.measurements[0]!;
    // 1,000 KPIs over 150 months, so that no two measurements share provider, KPI and month.
    const monthOf = (index: number): string => {
      const months = 2010 * 12 + Math.floor(index / 1000);
      return `${String(Math.floor(months / 12))}-${String((months % 12) + 1).padStart(2, '0')}`;
    };
    const measurements = Array.from({ length: 150_000 }, (_, index) => ({
      ...template,
      id: `019c1d94-0000-7000-8000-${index.toString(16).padStart(12, '0')}`,
      kpiId: `019c1d94-9638-757a-a720-${(index % 1000).toString(16).padStart(12, '0')}`,
      period: monthOf(index),
      numerator: index,
      value: (100 * index) / 56339,
    }));
    const snapshot = { ...goldenSnapshot, records: { ...goldenSnapshot.records, measurements } };
    const parsed = valueOf(await readPortfolioFile(await writePortfolioFile(snapshot, goldenMetadata), 'large.steerwise'));
    expect(parsed.snapshot.records.measurements).toHaveLength(150_000);
    expect(parsed.snapshot.records.measurements[149_999]).toEqual(measurements[149_999]);
  });
});

describe('readPortfolioFile rejects the container', () => {
  test('empty file is not a ZIP', async () => {
    const error = await errorFor(new Uint8Array(0));
    expect(error.code).toBe('portfolioFile.notZip');
  });

  test('file over the size limit is rejected first', async () => {
    const bytes = new Uint8Array(4);
    Object.defineProperty(bytes, 'length', { value: fileLimits.maxFileBytes + 1 });
    const error = await errorFor(bytes);
    expect(error.code).toBe('portfolioFile.tooLarge');
    expect(error.detail).toEqual({ file: 'case.steerwise', sizeBytes: fileLimits.maxFileBytes + 1, maxBytes: fileLimits.maxFileBytes });
  });

  test('empty archive is not a Steerwise file', async () => {
    const error = await errorFor(zipEntries([]));
    expect(error.code).toBe('portfolioFile.notSteerwise');
  });
});

describe('readPortfolioFile rejects the manifest', () => {
  test('JSON syntax error', async () => {
    const entries = unzipEntries(golden);
    editEntryText(entries, 'manifest.json', `"formatVersion": ${currentFormatVersion},`, `"formatVersion": ${currentFormatVersion}`);
    const error = await errorFor(zipEntries(entries));
    expect(error.code).toBe('portfolioFile.invalidJson');
    expect(error.detail).toEqual({ file: 'case.steerwise', entry: 'manifest.json', reason: 'syntax' });
  });

  test('another format type', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.formatType = 'excalidraw'),
      ),
    );
    expect(error.code).toBe('portfolioFile.notSteerwise');
    expect(error.detail).toEqual({ file: 'case.steerwise', reason: 'formatType', formatType: 'excalidraw' });
  });

  test('manifest that is an array', async () => {
    const entries = unzipEntries(golden);
    entries.set('manifest.json', bytesOf('[]'));
    const error = await errorFor(zipEntries(entries));
    expect(error.code).toBe('portfolioFile.notSteerwise');
  });

  test('fractional format version', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.formatVersion = 1.5),
      ),
    );
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail?.field).toBe('formatVersion');
  });

  test('version 0 without a migration', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.formatVersion = 0),
      ),
    );
    expect(error.code).toBe('portfolioFile.versionTooOld');
    expect(error.detail).toEqual({ file: 'case.steerwise', formatVersion: 0, supportedVersion: currentFormatVersion });
  });

  test('export time without zone', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.exportedAt = '2026-02-11T09:15:00'),
      ),
    );
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail?.field).toBe('exportedAt');
  });

  test('unknown manifest field', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.comment = 'hello'),
      ),
    );
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail?.field).toBe('comment');
  });

  test('negative record count', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.recordCounts.providers = -1),
      ),
    );
    expect(error.detail?.field).toBe('recordCounts.providers');
  });

  test('entry without a checksum', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => delete manifest.sha256['tombstones.json'],
      ),
    );
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail).toEqual({ file: 'case.steerwise', field: 'sha256', entry: 'tombstones.json' });
  });

  test('uppercase checksum', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.sha256['tombstones.json'] = (manifest.sha256['tombstones.json'] ?? '').toUpperCase()),
      ),
    );
    expect(error.detail?.field).toBe('sha256.tombstones.json');
  });
});

describe('readPortfolioFile rejects entries', () => {
  test('missing entry', async () => {
    const error = await errorFor(goldenWith((entries) => entries.delete('tombstones.json')));
    expect(error.code).toBe('portfolioFile.missingEntry');
    expect(error.detail).toEqual({ file: 'case.steerwise', entry: 'tombstones.json' });
  });

  test('unknown entry', async () => {
    const error = await errorFor(goldenWith((entries) => entries.set('notes.txt', bytesOf('hello'))));
    expect(error.code).toBe('portfolioFile.unknownEntry');
    expect(error.detail).toEqual({ file: 'case.steerwise', entry: 'notes.txt' });
  });

  test('invalid UTF-8', async () => {
    const error = await errorFor(goldenWith((entries) => entries.set('tombstones.json', new Uint8Array([0x5b, 0xff, 0x5d]))));
    expect(error.code).toBe('portfolioFile.invalidJson');
    expect(error.detail).toEqual({ file: 'case.steerwise', entry: 'tombstones.json', reason: 'encoding' });
  });

  test('records entry that is an object', async () => {
    const error = await errorFor(goldenWith((entries) => entries.set('records/kpis.json', bytesOf('{}'))));
    expect(error.code).toBe('portfolioFile.invalidJson');
    expect(error.detail).toEqual({ file: 'case.steerwise', entry: 'records/kpis.json', reason: 'shape' });
  });

  test('deeply nested array gives an error, not a crash', async () => {
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = await errorFor(goldenWith((entries) => entries.set('records/kpis.json', bytesOf(nested))));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail?.reason).toBe('object');
  });

  test('prototype key in the version vector', async () => {
    const error = await errorFor(
      goldenWith((entries) => entries.set('versionVector.json', bytesOf('{"prototype":"019c1d948a80-0000-prototype"}'))),
    );
    expect(error.code).toBe('portfolioFile.forbiddenKey');
    expect(error.detail).toEqual({
      file: 'case.steerwise',
      entry: 'versionVector.json',
      key: 'prototype',
      path: 'prototype',
      recordId: '',
    });
  });
});

const measurementId = '019c1d94-ada8-705c-b16d-ee8a229f1b3a';
const contractId = '019c1d94-9250-7284-8a03-2d84eb45df9e';
const kpiId = '019c1d94-9638-757a-a720-98ccfc276b24';

/** Record edits with the field and rule each must be reported with. */
const recordCases: readonly {
  readonly name: string;
  readonly entry: string;
  readonly id: string;
  readonly edit: (record: Record<string, unknown>) => void;
  readonly field: string;
  readonly reason: string;
  readonly value: string;
}[] = [
  {
    name: 'unknown field',
    entry: 'records/measurements.json',
    id: measurementId,
    edit: (r) => (r.comment = 'late'),
    field: 'comment',
    reason: 'unknownField',
    value: 'late',
  },
  {
    name: 'missing field',
    entry: 'records/measurements.json',
    id: measurementId,
    edit: (r) => delete r.sourceFile,
    field: 'sourceFile',
    reason: 'required',
    value: 'undefined',
  },
  {
    name: 'malformed clock',
    entry: 'records/measurements.json',
    id: measurementId,
    edit: (r) => (r.clock = '2026-02-02T09:00'),
    field: 'clock',
    reason: 'hlc',
    value: '2026-02-02T09:00',
  },
  {
    name: 'clock for a missing field',
    entry: 'records/measurements.json',
    id: measurementId,
    edit: (r) => (r.fieldClocks = { colour: '019c1d948a80-0000-a1b2c3d4e5f6' }),
    field: 'fieldClocks.colour',
    reason: 'unknownField',
    value: '019c1d948a80-0000-a1b2c3d4e5f6',
  },
  {
    name: 'value as text',
    entry: 'records/measurements.json',
    id: measurementId,
    edit: (r) => (r.value = '93.5'),
    field: 'value',
    reason: 'finiteNumberOrNull',
    value: '93.5',
  },
  {
    name: 'empty provider id',
    entry: 'records/measurements.json',
    id: measurementId,
    edit: (r) => (r.providerId = ''),
    field: 'providerId',
    reason: 'nonEmptyText',
    value: '',
  },
  {
    name: 'lowercase currency',
    entry: 'records/contracts.json',
    id: contractId,
    edit: (r) => (r.currency = 'gbp'),
    field: 'currency',
    reason: 'currency',
    value: 'gbp',
  },
  {
    name: 'missing contract value',
    entry: 'records/contracts.json',
    id: contractId,
    edit: (r) => delete r.annualValueMinor,
    field: 'annualValueMinor',
    reason: 'required',
    value: 'undefined',
  },
  {
    name: 'fractional contract value',
    entry: 'records/contracts.json',
    id: contractId,
    edit: (r) => (r.annualValueMinor = 315_000_000.5),
    field: 'annualValueMinor',
    reason: 'minorUnitsOrNull',
    value: '315000000.5',
  },
  {
    name: 'negative contract value',
    entry: 'records/contracts.json',
    id: contractId,
    edit: (r) => (r.annualValueMinor = -1),
    field: 'annualValueMinor',
    reason: 'minorUnitsOrNull',
    value: '-1',
  },
  {
    name: 'contract value as text',
    entry: 'records/contracts.json',
    id: contractId,
    edit: (r) => (r.annualValueMinor = '315000000'),
    field: 'annualValueMinor',
    reason: 'minorUnitsOrNull',
    value: '315000000',
  },
  {
    name: 'day that does not exist',
    entry: 'records/contracts.json',
    id: contractId,
    edit: (r) => (r.endDate = '2018-02-29'),
    field: 'endDate',
    reason: 'calendarDateOrNull',
    value: '2018-02-29',
  },
  {
    name: 'unknown KPI unit',
    entry: 'records/kpis.json',
    id: kpiId,
    edit: (r) => (r.unit = 'minutes'),
    field: 'unit',
    reason: 'oneOf',
    value: 'minutes',
  },
];

describe.each(recordCases)('readPortfolioFile rejects record with $name', ({ entry, id, edit, field, reason, value }) => {
  test('with invalidRecord', async () => {
    const error = await errorFor(
      goldenWith((entries) => {
        editRecord(entries, entry, id, edit);
      }),
    );
    expect(error.code).toBe('portfolioFile.invalidRecord');
  });

  test('naming table, record, field and value', async () => {
    const error = await errorFor(
      goldenWith((entries) => {
        editRecord(entries, entry, id, edit);
      }),
    );
    expect(error.detail).toMatchObject({ file: 'case.steerwise', entry, recordId: id, field, reason, value });
  });
});

describe('readPortfolioFile rejects tombstones and version vector', () => {
  const tombstoneId = goldenSnapshot.tombstones[0]!.id;

  test('tombstone of an unknown table', async () => {
    const error = await errorFor(
      goldenWith((entries) => {
        editRecord(entries, 'tombstones.json', tombstoneId, (r) => (r.table = 'invoices'));
      }),
    );
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({
      entry: 'tombstones.json',
      table: 'tombstones',
      recordId: tombstoneId,
      field: 'table',
      reason: 'oneOf',
    });
  });

  test('two measurements with one provider, KPI and month', async () => {
    const [first, second] = goldenSnapshot.records.measurements;
    if (first === undefined || second === undefined) throw new Error('The golden snapshot needs two measurements');
    const error = await errorFor(
      goldenWith((entries) => {
        editRecord(entries, 'records/measurements.json', second.id, (record) => {
          record.providerId = first.providerId;
          record.kpiId = first.kpiId;
          record.period = first.period;
        });
      }),
    );
    expect(error.code).toBe('portfolioFile.duplicateNaturalKey');
    expect(error.detail).toEqual({
      file: 'case.steerwise',
      entry: 'records/measurements.json',
      table: 'measurements',
      recordId: [first.id, second.id].sort()[0],
      otherRecordId: [first.id, second.id].sort()[1],
      key: `providerId ${first.providerId}, kpiId ${first.kpiId}, period ${first.period}`,
    });
  });

  test('duplicate tombstone', async () => {
    const text = `[\n${JSON.stringify(goldenSnapshot.tombstones[0])},\n${JSON.stringify(goldenSnapshot.tombstones[0])}\n]\n`;
    const error = await errorFor(
      goldenWith(
        (entries) => entries.set('tombstones.json', bytesOf(text)),
        (manifest) => (manifest.tombstoneCount = 2),
      ),
    );
    expect(error.code).toBe('portfolioFile.duplicateId');
    expect(error.detail).toEqual({
      file: 'case.steerwise',
      entry: 'tombstones.json',
      table: 'tombstones',
      recordId: tombstoneId,
      firstIndex: 0,
      index: 1,
    });
  });

  test('tombstone count that disagrees', async () => {
    const error = await errorFor(
      goldenWith(
        () => undefined,
        (manifest) => (manifest.tombstoneCount = 0),
      ),
    );
    expect(error.code).toBe('portfolioFile.countMismatch');
    expect(error.detail).toEqual({ file: 'case.steerwise', table: 'tombstones', expected: 0, actual: 1 });
  });

  test('version vector clock of another device', async () => {
    const error = await errorFor(
      goldenWith((entries) => entries.set('versionVector.json', bytesOf('{"a1b2c3d4e5f6":"019c1d948a80-0000-0f1e2d3c4b5a"}'))),
    );
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({
      entry: 'versionVector.json',
      table: 'versionVector',
      recordId: 'a1b2c3d4e5f6',
      reason: 'deviceMismatch',
    });
  });

  test('version vector that is an array', async () => {
    const error = await errorFor(goldenWith((entries) => entries.set('versionVector.json', bytesOf('[]'))));
    expect(error.detail).toEqual({ file: 'case.steerwise', entry: 'versionVector.json', reason: 'shape' });
  });
});

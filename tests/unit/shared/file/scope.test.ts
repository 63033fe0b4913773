import { describe, expect, test } from 'vitest';
import type { CommercialTermsRegistry } from '../../../../shared/domain/commercialTerms';
import { commercialTerms } from '../../../../shared/domain/commercialTerms';
import type { Contract, KpiDefinition } from '../../../../shared/domain/types';
import { readPortfolioFile, scopeSnapshot, withCommercialPlaceholders, writePortfolioFile } from '../../../../shared/file';
import type { ExportScope } from '../../../../shared/file';
import { placeholderClock } from '../../../../shared/sync/fieldClocks';
import { packHlc } from '../../../../shared/sync/hlc';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { errorOf, valueOf } from '../../../support/node/results';
import { bytesOf, editRecord, repack, unzipEntries } from './craft';
import { exportingDevice, goldenIds, goldenMetadata, goldenSnapshot } from './goldenSnapshot';

const northEastOnly: ExportScope = { providerIds: [goldenIds.northEast] };
const withoutCommercialTerms: ExportScope = { withoutCommercialTerms: true };

/** A KPI that no service level or measurement refers to. */
const unusedKpi: KpiDefinition = {
  ...goldenSnapshot.records.kpis[0]!,
  id: '019c1d94-d0d0-7000-8000-0000000000aa',
  key: 'nhs111.callBacks',
};
const portfolio: PortfolioSnapshot = {
  ...goldenSnapshot,
  records: { ...goldenSnapshot.records, kpis: [...goldenSnapshot.records.kpis, unusedKpi] },
};

function ids(records: readonly { readonly id: string }[]): string[] {
  return records.map((record) => record.id);
}

describe('scopeSnapshot with one provider', () => {
  const scoped = scopeSnapshot(portfolio, northEastOnly);

  test('keeps the provider only', () => {
    expect(ids(scoped.records.providers)).toEqual([goldenIds.northEast]);
  });

  test('keeps its contracts, service levels and measurements', () => {
    expect(ids(scoped.records.contracts)).toEqual([goldenIds.contract]);
    expect(scoped.records.serviceLevels).toEqual(
      portfolio.records.serviceLevels.filter((level) => level.providerId === goldenIds.northEast),
    );
    expect(scoped.records.measurements).toEqual(
      portfolio.records.measurements.filter((measurement) => measurement.providerId === goldenIds.northEast),
    );
    expect(scoped.records.measurements).toHaveLength(4);
  });

  test('keeps only the KPIs they refer to', () => {
    expect(ids(scoped.records.kpis)).toEqual([goldenIds.answered60s, goldenIds.abandoned]);
  });

  test('keeps nothing of the other provider', () => {
    const text = JSON.stringify(scoped.records);
    expect(text).not.toContain(goldenIds.lincolnshire);
    expect(text).not.toContain('LINCOLNSHIRE');
  });

  test('drops every tombstone', () => {
    expect(scoped.tombstones).toEqual([]);
  });

  test('is marked scoped and keeps the exporter vector', () => {
    expect(scoped.scoped).toBe(true);
    expect(scoped.versionVector).toEqual(portfolio.versionVector);
  });

  test('keeps the commercial terms', () => {
    expect(scoped.records.contracts[0]?.annualValueMinor).toBe(315_000_000);
  });

  test('of a provider without records keeps nothing', () => {
    const empty = scopeSnapshot(portfolio, { providerIds: ['019c1d94-0000-7000-8000-00000000dead'] });
    expect(Object.values(empty.records).every((records) => records.length === 0)).toBe(true);
  });
});

describe('scopeSnapshot without commercial terms', () => {
  const scoped = scopeSnapshot(portfolio, withoutCommercialTerms);
  const contract = scoped.records.contracts[0] as Partial<Contract> | undefined;

  test('removes the contract value and its clock', () => {
    expect(contract).toBeDefined();
    expect(Object.hasOwn(contract ?? {}, 'annualValueMinor')).toBe(false);
    const commercial = new Set(['annualValueMinor', 'monthlyChargesMinor', 'atRiskPercent']);
    const kept = Object.fromEntries(
      Object.entries(goldenSnapshot.records.contracts[0]!.fieldClocks).filter(([field]) => !commercial.has(field)),
    );
    expect(contract?.fieldClocks).toEqual(kept);
    expect(Object.keys(kept)).toContain('noticePeriod');
  });

  test('keeps every other contract field', () => {
    const original = goldenSnapshot.records.contracts[0]!;
    expect(contract).toMatchObject({
      id: original.id,
      providerId: original.providerId,
      title: original.title,
      startDate: original.startDate,
      endDate: original.endDate,
      currency: original.currency,
    });
  });

  test('keeps the records of every provider', () => {
    expect(ids(scoped.records.providers)).toEqual(ids(portfolio.records.providers));
    expect(scoped.records.measurements).toBe(portfolio.records.measurements);
  });

  test('drops the clock that only the value had', () => {
    const valued = packHlc({ wallMs: Date.parse('2026-01-05T10:00:00.000Z'), counter: 0, deviceId: exportingDevice });
    const later = packHlc({ wallMs: Date.parse('2026-01-06T10:00:00.000Z'), counter: 0, deviceId: exportingDevice });
    const only: Contract = {
      ...goldenSnapshot.records.contracts[0]!,
      clock: valued,
      fieldClocks: Object.fromEntries(
        [
          'providerId',
          'title',
          'startDate',
          'endDate',
          'currency',
          'noticePeriod',
          'autoRenewal',
          'renewalMonths',
          'pricingModel',
          'exitProvisions',
        ].map((field) => [field, later]),
      ),
    };
    const [scopedContract] = scopeSnapshot({ ...portfolio, records: { ...portfolio.records, contracts: [only] } }, withoutCommercialTerms)
      .records.contracts;
    expect(scopedContract?.clock).toBe(later);
    expect(scopedContract?.fieldClocks).toEqual({});
  });

  test('empties a table that the registry lists as commercial', () => {
    const registry: CommercialTermsRegistry = { ...commercialTerms, tables: ['serviceLevels'] };
    const scopedWithTable = scopeSnapshot(portfolio, withoutCommercialTerms, registry);
    expect(scopedWithTable.records.serviceLevels).toEqual([]);
    expect(scopedWithTable.records.measurements).toHaveLength(8);
  });

  test('removes a field that the registry lists on another table', () => {
    const registry: CommercialTermsRegistry = { ...commercialTerms, fields: { ...commercialTerms.fields, serviceLevels: ['expected'] } };
    const [level] = scopeSnapshot(portfolio, withoutCommercialTerms, registry).records.serviceLevels;
    expect(level).toBeDefined();
    expect(Object.hasOwn(level ?? {}, 'expected')).toBe(false);
    expect(level?.minimum).toBe(95);
  });
});

describe('withCommercialPlaceholders', () => {
  const scoped = scopeSnapshot(portfolio, withoutCommercialTerms);
  const [filled] = withCommercialPlaceholders(scoped.records).contracts;

  test('sets a left-out value to null', () => {
    expect(filled?.annualValueMinor).toBeNull();
  });

  test('stamps it with the placeholder clock, earlier than every other', () => {
    expect(filled?.clock).toBe(placeholderClock);
    const original = goldenSnapshot.records.contracts[0]!;
    expect(filled?.fieldClocks).toEqual({
      providerId: original.clock,
      title: original.clock,
      startDate: original.clock,
      currency: original.clock,
      endDate: original.fieldClocks.endDate,
      noticePeriod: original.fieldClocks.noticePeriod,
      autoRenewal: original.fieldClocks.autoRenewal,
      renewalMonths: original.fieldClocks.renewalMonths,
      pricingModel: original.fieldClocks.pricingModel,
      exitProvisions: original.fieldClocks.exitProvisions,
    });
  });

  test('keeps a present value', () => {
    expect(withCommercialPlaceholders(goldenSnapshot.records).contracts[0]).toBe(goldenSnapshot.records.contracts[0]);
  });
});

async function writeScoped(scope: ExportScope): Promise<Uint8Array> {
  return writePortfolioFile(scopeSnapshot(portfolio, scope), { ...goldenMetadata, scope });
}

describe('readPortfolioFile of a scoped file', () => {
  test('returns the scope and a scoped snapshot', async () => {
    const scope = { ...northEastOnly, withoutCommercialTerms: true };
    const parsed = valueOf(await readPortfolioFile(await writeScoped(scope), 'scoped.steerwise'));
    expect(parsed.manifest.scope).toEqual(scope);
    expect(parsed.snapshot.scoped).toBe(true);
  });

  test('fills the left-out value with a placeholder', async () => {
    const parsed = valueOf(await readPortfolioFile(await writeScoped(withoutCommercialTerms), 'scoped.steerwise'));
    expect(parsed.snapshot.records).toEqual(withCommercialPlaceholders(scopeSnapshot(portfolio, withoutCommercialTerms).records));
  });

  test('keeps the value of a file with commercial terms', async () => {
    const parsed = valueOf(await readPortfolioFile(await writeScoped(northEastOnly), 'scoped.steerwise'));
    expect(parsed.snapshot.records.contracts[0]?.annualValueMinor).toBe(315_000_000);
  });

  test('of a full file is not scoped', async () => {
    const parsed = valueOf(await readPortfolioFile(await writePortfolioFile(goldenSnapshot, goldenMetadata), 'full.steerwise'));
    expect(Object.hasOwn(parsed.snapshot, 'scoped')).toBe(false);
  });
});

describe('readPortfolioFile rejects a scoped file', () => {
  test('that holds a contract value it declares left out', async () => {
    const entries = unzipEntries(await writeScoped(withoutCommercialTerms));
    editRecord(entries, 'records/contracts.json', goldenIds.contract, (record) => (record.annualValueMinor = 315_000_000));
    const error = errorOf(await readPortfolioFile(repack(entries), 'case.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({
      table: 'contracts',
      recordId: goldenIds.contract,
      field: 'annualValueMinor',
      reason: 'commercialTerm',
    });
  });

  test('that holds a clock of a left-out value', async () => {
    const entries = unzipEntries(await writeScoped(withoutCommercialTerms));
    editRecord(
      entries,
      'records/contracts.json',
      goldenIds.contract,
      (record) => (record.fieldClocks = { annualValueMinor: goldenSnapshot.versionVector[exportingDevice] }),
    );
    const error = errorOf(await readPortfolioFile(repack(entries), 'case.steerwise'));
    expect(error.detail).toMatchObject({ field: 'fieldClocks.annualValueMinor', reason: 'commercialTerm' });
  });

  test('with a tombstone', async () => {
    const entries = unzipEntries(await writeScoped(northEastOnly));
    entries.set('tombstones.json', bytesOf(`[\n${JSON.stringify(goldenSnapshot.tombstones[0])}\n]\n`));
    const error = errorOf(
      await readPortfolioFile(
        repack(entries, (manifest) => (manifest.tombstoneCount = 1)),
        'case.steerwise',
      ),
    );
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({
      entry: 'tombstones.json',
      table: 'tombstones',
      index: 0,
      recordId: goldenSnapshot.tombstones[0]!.id,
      reason: 'outOfScope',
    });
  });

  test('with a measurement of another provider', async () => {
    const entries = unzipEntries(await writeScoped(northEastOnly));
    const measurementId = goldenSnapshot.records.measurements[0]!.id;
    editRecord(entries, 'records/measurements.json', measurementId, (record) => (record.providerId = goldenIds.lincolnshire));
    const error = errorOf(await readPortfolioFile(repack(entries), 'case.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toEqual({
      file: 'case.steerwise',
      entry: 'records/measurements.json',
      table: 'measurements',
      index: 0,
      recordId: measurementId,
      field: 'providerId',
      reason: 'outOfScope',
      value: goldenIds.lincolnshire,
    });
  });

  test('with another provider', async () => {
    const entries = unzipEntries(await writeScoped(northEastOnly));
    editRecord(entries, 'records/providers.json', goldenIds.northEast, (record) => (record.id = goldenIds.lincolnshire));
    const error = errorOf(await readPortfolioFile(repack(entries), 'case.steerwise'));
    expect(error.detail).toMatchObject({ table: 'providers', recordId: goldenIds.lincolnshire, field: 'id', reason: 'outOfScope' });
  });
});

describe('readPortfolioFile of a full file', () => {
  test('rejects a missing contract value, naming record and field', async () => {
    const entries = unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata));
    editRecord(entries, 'records/contracts.json', goldenIds.contract, (record) => delete record.annualValueMinor);
    const error = errorOf(await readPortfolioFile(repack(entries), 'case.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ table: 'contracts', recordId: goldenIds.contract, field: 'annualValueMinor', reason: 'required' });
  });
});

/** fast-check arbitraries of small, valid portfolio snapshots for round-trip properties. */
import fc from 'fast-check';
import type { Contract, KpiDefinition, Measurement, Provider, ServiceLevel, Tombstone } from '../../../../shared/domain/types';
import { makePeriod } from '../../../../shared/domain/period';
import { maxCounter, maxWallMs, packHlc } from '../../../../shared/sync/hlc';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';

const forbiddenNames = new Set(['__proto__', 'constructor', 'prototype']);

export const deviceIdArbitrary = fc.stringMatching(/^[0-9A-Za-z_-]{1,32}$/).filter((id) => !forbiddenNames.has(id));

const clockParts = fc.record({
  wallMs: fc.integer({ min: 0, max: maxWallMs }),
  counter: fc.integer({ min: 0, max: maxCounter }),
  deviceId: deviceIdArbitrary,
});
const hlcArbitrary = clockParts.map(packHlc);

/** Text with the characters JSON and UTF-8 get wrong most easily: lone surrogates, quotes, NUL, U+2028. */
const textArbitrary = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\ud800', '\udfff', '"', '\\', '\u0000', '\u2028', 'é', '😀', '/'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const nonEmptyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
const idArbitrary = fc.oneof(fc.uuid({ version: 7 }), nonEmptyText);
/** Finite doubles; -0 becomes 0 because JSON writes it as `0`. */
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const periodArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }))
  .map(([year, month]) => makePeriod(year, month));
const calendarDate = fc
  .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T00:00:00.000Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Sync fields with clocks on a random subset of the data fields. */
function syncFields(dataFields: readonly string[]) {
  return fc.record({
    id: idArbitrary,
    clock: hlcArbitrary,
    fieldClocks: fc
      .tuple(fc.subarray([...dataFields]), fc.array(hlcArbitrary, { minLength: dataFields.length, maxLength: dataFields.length }))
      .map(([fields, clocks]) => Object.fromEntries(fields.map((field, index) => [field, clocks[index] ?? '']))),
  });
}

const providerArbitrary: fc.Arbitrary<Provider> = fc
  .tuple(
    syncFields(['code', 'name', 'formerNames']),
    fc.record({ code: fc.option(textArbitrary), name: textArbitrary, formerNames: fc.array(textArbitrary, { maxLength: 3 }) }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const contractArbitrary: fc.Arbitrary<Contract> = fc
  .tuple(
    syncFields(['providerId', 'title', 'startDate', 'endDate', 'currency', 'annualValueMinor']),
    fc.record({
      providerId: idArbitrary,
      title: textArbitrary,
      startDate: fc.option(calendarDate),
      endDate: fc.option(calendarDate),
      currency: fc.stringMatching(/^[A-Z]{3}$/),
      annualValueMinor: fc.option(fc.maxSafeNat()),
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const kpiArbitrary: fc.Arbitrary<KpiDefinition> = fc
  .tuple(
    syncFields(['key', 'name', 'description', 'unit', 'direction', 'kind', 'aggregation']),
    fc.record({
      key: nonEmptyText,
      name: textArbitrary,
      description: textArbitrary,
      unit: fc.constantFrom('percent', 'seconds', 'number'),
      direction: fc.constantFrom('higherIsBetter', 'lowerIsBetter'),
      kind: fc.constantFrom('ratio', 'value', 'duration', 'count'),
      aggregation: fc.constantFrom('ratioOfSums', 'sum', 'mean', 'last'),
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const serviceLevelArbitrary: fc.Arbitrary<ServiceLevel> = fc
  .tuple(
    syncFields(['kpiId', 'providerId', 'contractId', 'expected', 'minimum']),
    fc.record({
      kpiId: idArbitrary,
      providerId: idArbitrary,
      contractId: fc.option(idArbitrary),
      expected: finiteNumber,
      minimum: finiteNumber,
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const measurementArbitrary: fc.Arbitrary<Measurement> = fc
  .tuple(
    syncFields(['providerId', 'kpiId', 'period', 'value', 'numerator', 'denominator', 'sourceFile']),
    fc.record({
      providerId: idArbitrary,
      kpiId: idArbitrary,
      period: periodArbitrary,
      value: fc.option(finiteNumber),
      numerator: fc.option(fc.oneof(fc.nat(), finiteNumber)),
      denominator: fc.option(fc.oneof(fc.nat(), finiteNumber)),
      sourceFile: fc.option(textArbitrary),
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

function uniqueById<T extends { readonly id: string }>(record: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.uniqueArray(record, { selector: (item) => item.id, maxLength: 4 });
}

const tombstoneArbitrary: fc.Arbitrary<Tombstone> = fc.record({
  id: idArbitrary,
  table: fc.constantFrom('providers', 'contracts', 'kpis', 'serviceLevels', 'measurements'),
  clock: hlcArbitrary,
});

const versionVectorArbitrary = fc
  .uniqueArray(clockParts, { selector: (clock) => clock.deviceId, maxLength: 4 })
  .map((clocks) => Object.fromEntries(clocks.map((clock) => [clock.deviceId, packHlc(clock)])));

export const snapshotArbitrary: fc.Arbitrary<PortfolioSnapshot> = fc.record({
  portfolioId: idArbitrary,
  portfolioName: nonEmptyText,
  deviceId: deviceIdArbitrary,
  records: fc.record({
    providers: uniqueById(providerArbitrary),
    contracts: uniqueById(contractArbitrary),
    kpis: uniqueById(kpiArbitrary),
    serviceLevels: uniqueById(serviceLevelArbitrary),
    measurements: uniqueById(measurementArbitrary),
  }),
  tombstones: fc.uniqueArray(tombstoneArbitrary, { selector: (tombstone) => `${tombstone.table}/${tombstone.id}`, maxLength: 4 }),
  versionVector: versionVectorArbitrary,
});

/** Validation of the providers-and-contracts import, from the committed fixtures in tests/fixtures/import. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../../../shared/import/csv';
import {
  buildProviderContractPlan,
  guessProviderContractMapping,
  providerContractMappingProblems,
} from '../../../../shared/import/providerContracts';
import type { ProviderContractMapping } from '../../../../shared/import/providerContracts';
import type { CsvTable } from '../../../../shared/import/types';

const fixtures = join(import.meta.dirname, '../../../fixtures/import');

function csvTable(name: string): CsvTable {
  const parsed = parseCsv(new Uint8Array(readFileSync(join(fixtures, name))), name);
  if (!parsed.ok) throw new Error(`${name} did not parse: ${parsed.error.code}`);
  return parsed.value;
}

/** A one-row table with the fixture's header, for single-cell cases. */
function oneRow(cells: Readonly<Record<string, string>>): CsvTable {
  const table = csvTable('providers-contracts.csv');
  const row = table.header.map((column) => cells[column] ?? '');
  return { ...table, rows: [row], rowNumbers: [2] };
}

const fixtureMapping = (): ProviderContractMapping => guessProviderContractMapping(csvTable('providers-contracts.csv').header);

describe('guessProviderContractMapping', () => {
  test('maps every fixture column', () => {
    const mapping = fixtureMapping();
    expect(Object.values(mapping).every((column) => column !== null)).toBe(true);
    expect(mapping.atRiskPercent).toBe('At-risk %');
    expect(mapping.code).toBe('Provider code');
  });
});

describe('buildProviderContractPlan', () => {
  test('fixture reads with BOM and decimal commas', () => {
    const table = csvTable('providers-contracts.csv');
    expect(table.hadBom).toBe(true);
    expect(table.delimiter).toBe(';');
    const plan = buildProviderContractPlan(table, fixtureMapping());

    expect(plan.issueCounts).toEqual({ errors: 0, warnings: 0 });
    expect(plan.rows).toHaveLength(3);
    const first = plan.rows[0];
    expect(first?.provider).toEqual({
      code: 'NW1',
      name: 'Northwind Contact',
      legalEntity: 'Northwind Contact Ltd',
      parentCompany: 'Northwind Group plc',
      tier: 1,
      criticality: 'high',
      lifecycle: 'active',
      financialRating: 'strong',
    });
    expect(first?.contract).toEqual({
      title: 'Customer service',
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      currency: 'GBP',
      annualValueMinor: 120_000_050,
      monthlyChargesMinor: 10_000_000,
      noticePeriod: { amount: 90, unit: 'days' },
      autoRenewal: true,
      renewalMonths: 12,
      pricingModel: 'fteBased',
      atRiskPercent: 12.5,
    });
  });

  test('blank optional cells are left out', () => {
    const plan = buildProviderContractPlan(csvTable('providers-contracts.csv'), fixtureMapping());
    expect(plan.rows[1]?.contract).not.toHaveProperty('renewalMonths');
    expect(plan.rows[1]?.contract).not.toHaveProperty('atRiskPercent');
    expect(plan.rows[2]?.provider).not.toHaveProperty('parentCompany');
    expect(plan.rows[2]?.provider.tier).toBe(2);
    expect(plan.rows[2]?.contract).toBeNull();
  });

  test('unknown tier names file, row and column', () => {
    const plan = buildProviderContractPlan(csvTable('providers-contracts-bad.csv'), fixtureMapping());
    expect(plan.issueCounts.errors).toBe(1);
    expect(plan.issues[0]).toMatchObject({
      severity: 'error',
      code: 'import.invalidChoice',
      row: 2,
      column: 'Tier',
      detail: { file: 'providers-contracts-bad.csv', value: 'Tier 9' },
    });
    expect(plan.rows).toHaveLength(2);
  });

  test.each([
    ['Tier', '3', 'tier', 3],
    ['Tier', 'tier 2', 'tier', 2],
    ['Criticality', 'LOW', 'criticality', 'low'],
    ['Lifecycle', 'exiting', 'lifecycle', 'exiting'],
    ['Financial rating', 'distressed', 'financialRating', 'distressed'],
  ] as const)('provider %s “%s” is accepted', (column, value, field, expected) => {
    const plan = buildProviderContractPlan(oneRow({ 'Provider name': 'Acme', [column]: value }), fixtureMapping());
    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.rows[0]?.provider[field]).toBe(expected);
  });

  test.each([
    ['Automatic renewal', 'No', 'autoRenewal', false],
    ['Pricing model', 'gainShare', 'pricingModel', 'gainShare'],
    ['Pricing model', 'Outcome-based', 'pricingModel', 'outcomeBased'],
  ] as const)('contract %s “%s” is accepted', (column, value, field, expected) => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'EUR', [column]: value }),
      fixtureMapping(),
    );
    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.rows[0]?.contract?.[field]).toBe(expected);
  });

  test.each([
    ['Automatic renewal', 'maybe', 'import.invalidChoice'],
    ['Start date', '31/12/2025', 'import.invalidDate'],
    ['Annual value', 'lots', 'import.invalidNumber'],
    ['Annual value', '10,555', 'import.invalidAmount'],
    ['Notice period', '2,5', 'import.invalidWholeNumber'],
    ['At-risk %', '120', 'import.invalidPercent'],
    ['Currency', 'POUNDS', 'import.invalidCurrency'],
  ] as const)('contract %s “%s” is rejected', (column, value, code) => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', [column]: value }),
      fixtureMapping(),
    );
    expect(plan.issueCounts.errors).toBe(1);
    expect(plan.issues[0]).toMatchObject({ code, row: 2, column });
  });

  test('row without code and name is rejected', () => {
    const plan = buildProviderContractPlan(oneRow({ Tier: '2' }), fixtureMapping());
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ code: 'import.emptyValue', row: 2, column: 'Provider name' });
  });

  test('row with a code and no name is accepted', () => {
    const plan = buildProviderContractPlan(oneRow({ 'Provider code': 'X1', Tier: '2' }), fixtureMapping());
    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.rows[0]?.provider).toEqual({ code: 'X1', name: null, tier: 2 });
  });

  test('contract cells without title are rejected', () => {
    const plan = buildProviderContractPlan(oneRow({ 'Provider name': 'Acme', Currency: 'GBP' }), fixtureMapping());
    expect(plan.issues[0]).toMatchObject({ code: 'import.missingTitle', column: 'Contract title' });
  });

  test('repeated provider and contract is rejected', () => {
    const table = csvTable('providers-contracts.csv');
    const first = table.rows[0] ?? [];
    const plan = buildProviderContractPlan({ ...table, rows: [first, first], rowNumbers: [2, 3] }, fixtureMapping());
    expect(plan.issues[0]).toMatchObject({ code: 'import.duplicateRow', row: 3, detail: { firstRow: 2 } });
  });

  test('unmapped code and name block the import', () => {
    const mapping = { ...fixtureMapping(), code: null, name: null };
    expect(providerContractMappingProblems(mapping)).toEqual(['providerUnmapped']);
    const plan = buildProviderContractPlan(csvTable('providers-contracts.csv'), mapping);
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ code: 'import.unmappedColumn', row: null, detail: { file: 'providers-contracts.csv' } });
    expect(plan.rows).toHaveLength(0);
  });

  test('unmapped name with a code column is accepted', () => {
    const mapping = { ...fixtureMapping(), name: null };
    expect(providerContractMappingProblems(mapping)).toEqual([]);
    const plan = buildProviderContractPlan(csvTable('providers-contracts.csv'), mapping);
    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.codeColumn).toBe('Provider code');
    expect(plan.rows.map((row) => [row.provider.code, row.provider.name])).toEqual([
      ['NW1', null],
      ['NW1', null],
      ['FB2', null],
    ]);
  });

  test('unmapped name reports a blank code', () => {
    const table = csvTable('providers-contracts.csv');
    const rows = [(table.rows[2] ?? []).map((cell, index) => (index === table.header.indexOf('Provider code') ? '' : cell))];
    const plan = buildProviderContractPlan({ ...table, rows, rowNumbers: [4] }, { ...fixtureMapping(), name: null });
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ code: 'import.emptyValue', row: 4, column: 'Provider code' });
  });

  test('file of contracts by code alone', () => {
    const table = csvTable('contracts-by-code.csv');
    const mapping = guessProviderContractMapping(table.header);
    expect(mapping.name).toBeNull();
    expect(mapping.noticeUnit).toBeNull();
    const plan = buildProviderContractPlan(table, mapping, { noticeUnit: 'months' });

    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.rows.map((row) => row.provider)).toEqual([
      { code: 'NW1', name: null },
      { code: 'FB2', name: null },
    ]);
    expect(plan.rows.map((row) => row.contract?.noticePeriod)).toEqual([
      { amount: 3, unit: 'months' },
      { amount: 2, unit: 'months' },
    ]);
  });

  test.each([
    ['Tier', '4', 'tier'],
    ['Tier', '0', 'tier'],
    ['Tier', 'Tier 4', 'tier'],
    ['Criticality', 'Critical', 'criticality'],
    ['Lifecycle', 'Retired', 'lifecycle'],
    ['Financial rating', 'AAA', 'financialRating'],
    ['Pricing model', 'Cost plus', 'pricingModel'],
    ['Notice unit', 'weeks', 'noticeUnit'],
    ['Automatic renewal', 'maybe', 'autoRenewal'],
  ] as const)('%s “%s” is reported with accepted values', (column, value, field) => {
    const cells = { 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', 'Notice period': '3', 'Notice unit': 'months' };
    const plan = buildProviderContractPlan(oneRow({ ...cells, [column]: value }), fixtureMapping());

    expect(plan.issueCounts.errors).toBe(1);
    expect(plan.issues[0]).toMatchObject({
      code: 'import.invalidChoice',
      row: 2,
      column,
      detail: { file: 'providers-contracts.csv', field, value },
    });
    expect(plan.issues[0]?.detail.accepted).toEqual(expect.stringContaining(','));
    expect(plan.rows).toHaveLength(0);
  });

  test('every problem of a row is reported', () => {
    const cells = { 'Contract title': 'Main', Tier: '4', Criticality: 'urgent', Currency: 'POUNDS', 'Automatic renewal': 'maybe' };
    const plan = buildProviderContractPlan(oneRow(cells), fixtureMapping());
    const columns = plan.issues.map((issue) => issue.column);

    expect(columns).toEqual(['Provider name', 'Tier', 'Criticality', 'Currency', 'Automatic renewal']);
    expect(plan.issues.every((issue) => issue.row === 2)).toBe(true);
  });

  test('invalid choices on several rows are all reported', () => {
    const table = csvTable('providers-contracts.csv');
    const tierIndex = table.header.indexOf('Tier');
    const rows = table.rows.map((row, index) => row.map((cell, column) => (column === tierIndex ? String(index + 4) : cell)));
    const plan = buildProviderContractPlan({ ...table, rows }, fixtureMapping());

    expect(plan.issues.map((issue) => [issue.row, issue.detail.value])).toEqual([
      [2, '4'],
      [3, '5'],
      [4, '6'],
    ]);
  });

  test('notice period without unit points at the amount', () => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', 'Notice period': '90' }),
      fixtureMapping(),
    );
    expect(plan.issues[0]).toMatchObject({ code: 'import.missingNoticeUnit', column: 'Notice period', detail: { value: '90' } });
  });

  test('default notice unit fills a row without one', () => {
    const cells = { 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', 'Notice period': '90' };
    const plan = buildProviderContractPlan(oneRow(cells), fixtureMapping(), { noticeUnit: 'days' });
    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.rows[0]?.contract?.noticePeriod).toEqual({ amount: 90, unit: 'days' });
  });

  test('row unit wins over the default', () => {
    const cells = { 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', 'Notice period': '3', 'Notice unit': 'months' };
    const plan = buildProviderContractPlan(oneRow(cells), fixtureMapping(), { noticeUnit: 'days' });
    expect(plan.rows[0]?.contract?.noticePeriod).toEqual({ amount: 3, unit: 'months' });
  });

  test('default notice unit without notice period sets nothing', () => {
    const cells = { 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP' };
    const plan = buildProviderContractPlan(oneRow(cells), fixtureMapping(), { noticeUnit: 'days' });
    expect(plan.issueCounts.errors).toBe(0);
    expect(plan.rows[0]?.contract).not.toHaveProperty('noticePeriod');
  });

  test('repeated provider without contract is rejected', () => {
    const table = csvTable('providers-contracts.csv');
    const fabrikam = table.rows[2] ?? [];
    const plan = buildProviderContractPlan({ ...table, rows: [fabrikam, fabrikam], rowNumbers: [4, 5] }, fixtureMapping());
    expect(plan.issues[0]).toMatchObject({
      code: 'import.duplicateProvider',
      row: 5,
      detail: { firstRow: 4, provider: 'Fabrikam Finance' },
    });
  });
});

describe('rules the contract form applies', () => {
  test('end date before start date is an error on the end date', () => {
    const plan = buildProviderContractPlan(csvTable('providers-contracts-conflicts.csv'), fixtureMapping());
    expect(plan.issues[0]).toMatchObject({
      code: 'import.endBeforeStart',
      row: 2,
      column: 'End date',
      detail: { value: '2025-12-31', startDate: '2027-01-01', startColumn: 'Start date' },
    });
    expect(plan.rows.map((row) => row.row)).not.toContain(2);
  });

  test('a date on the start day is accepted', () => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', 'Start date': '2026-02-28', 'End date': '2026-02-28' }),
      fixtureMapping(),
    );
    expect(plan.issueCounts.errors).toBe(0);
  });

  test.each([
    ['Notice period', '1000', { 'Notice unit': 'days' }, { min: 0, max: 999 }],
    ['Renewal months', '0', { 'Automatic renewal': 'yes' }, { min: 1, max: 120 }],
    ['Renewal months', '121', { 'Automatic renewal': 'yes' }, { min: 1, max: 120 }],
  ])('%s %s is outside the form limits', (column, value, others, range) => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', [column]: value, ...others }),
      fixtureMapping(),
    );
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ code: 'import.outOfRange', column, detail: { value, ...range } });
  });

  test('renewal months on a contract that does not renew is an error', () => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'Main', Currency: 'GBP', 'Automatic renewal': 'no', 'Renewal months': '12' }),
      fixtureMapping(),
    );
    expect(plan.issues[0]).toMatchObject({
      code: 'import.renewalWithoutAutoRenewal',
      column: 'Renewal months',
      detail: { autoRenewalColumn: 'Automatic renewal' },
    });
  });

  test('a title over the form limit is an error', () => {
    const plan = buildProviderContractPlan(
      oneRow({ 'Provider name': 'Acme', 'Contract title': 'x'.repeat(201), Currency: 'GBP' }),
      fixtureMapping(),
    );
    expect(plan.issues[0]).toMatchObject({ code: 'import.titleTooLong', column: 'Contract title', detail: { length: 201, max: 200 } });
  });
});

describe('rows of one provider that disagree', () => {
  test('same code with another name names both lines', () => {
    // Line 2 also fails on its dates; its provider still counts, so both problems show in one pass.
    const plan = buildProviderContractPlan(csvTable('providers-contracts-conflicts.csv'), fixtureMapping());
    expect(plan.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [2, 'import.endBeforeStart'],
      [3, 'import.conflictingProvider'],
    ]);
    expect(plan.rows.map((row) => row.row)).toEqual([4]);

    const table = csvTable('providers-contracts.csv');
    const renamed = (table.rows[1] ?? []).map((cell, index) =>
      index === table.header.indexOf('Provider name') ? 'Northwind Contact Centre' : cell,
    );
    const second = buildProviderContractPlan({ ...table, rows: [table.rows[0] ?? [], renamed], rowNumbers: [2, 3] }, fixtureMapping());
    expect(second.issues).toHaveLength(1);
    expect(second.issues[0]).toMatchObject({
      code: 'import.conflictingProvider',
      row: 3,
      column: 'Provider name',
      detail: { provider: 'NW1', value: 'Northwind Contact Centre', firstValue: 'Northwind Contact', firstRow: 2 },
    });
    expect(second.rows.map((row) => row.row)).toEqual([2]);
  });

  test('same code with another tier is an error; a blank tier is not', () => {
    const table = csvTable('providers-contracts.csv');
    const tier = table.header.indexOf('Tier');
    const withTier = (text: string) => (table.rows[1] ?? []).map((cell, index) => (index === tier ? text : cell));
    const differs = buildProviderContractPlan(
      { ...table, rows: [table.rows[0] ?? [], withTier('2')], rowNumbers: [2, 3] },
      fixtureMapping(),
    );
    expect(differs.issues).toHaveLength(1);
    expect(differs.issues[0]).toMatchObject({
      code: 'import.conflictingProvider',
      column: 'Tier',
      detail: { value: '2', firstValue: 'Tier 1' },
    });
    const blank = buildProviderContractPlan({ ...table, rows: [table.rows[0] ?? [], withTier('')], rowNumbers: [2, 3] }, fixtureMapping());
    expect(blank.issueCounts.errors).toBe(0);
  });
});

describe('column guesses', () => {
  test('common synonyms of procurement exports map', () => {
    const mapping = guessProviderContractMapping([
      'Supplier ID',
      'Supplier',
      'Agreement',
      'Commencement',
      'Expiry',
      'Evergreen',
      'Monthly fee',
      'Currency',
    ]);
    expect(mapping).toMatchObject({
      code: 'Supplier ID',
      name: 'Supplier',
      title: 'Agreement',
      startDate: 'Commencement',
      endDate: 'Expiry',
      autoRenewal: 'Evergreen',
      monthlyCharges: 'Monthly fee',
      currency: 'Currency',
    });
    expect(guessProviderContractMapping(['Contract reference', 'Auto renew'])).toMatchObject({
      title: 'Contract reference',
      autoRenewal: 'Auto renew',
    });
  });
});

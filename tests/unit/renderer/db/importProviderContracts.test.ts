/** Writing a providers-and-contracts import to a real Dexie database (fake-indexeddb), from the committed fixtures. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { parseCsv } from '../../../../shared/import/csv';
import { buildSheetTable } from '../../../../shared/import/sheetTable';
import { buildProviderContractPlan, guessProviderContractMapping } from '../../../../shared/import/providerContracts';
import type { ProviderContractPlan } from '../../../../shared/import/providerContracts';
import type { ImportTable } from '../../../../shared/import/types';
import { applyProviderContractPlan, previewProviderContractPlan } from '../../../../renderer/src/db/importProviderContracts';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { insertRecord } from '../../../../renderer/src/db/repository';
import { readWorkbook } from '../../../../renderer/src/features/import/readWorkbook';
import { openTestDb, rejection, testContext } from './factories';

const fixtures = join(import.meta.dirname, '../../../fixtures/import');
const context = testContext();
let db: PortfolioDb;

beforeEach(async () => {
  db = await openTestDb();
});

afterEach(() => {
  db.close();
});

function csvPlan(name: string): ProviderContractPlan {
  const parsed = parseCsv(new Uint8Array(readFileSync(join(fixtures, name))), name);
  if (!parsed.ok) throw new Error(`${name} did not parse`);
  return planOf(parsed.value);
}

function planOf(table: ImportTable): ProviderContractPlan {
  return buildProviderContractPlan(table, guessProviderContractMapping(table.header));
}

/** Builds the plan of the fixture's first line alone, read as `fileName`, with `cells` replaced by column name. */
function firstRowPlan(fileName: string, cells: Readonly<Record<string, string>>): ProviderContractPlan {
  const parsed = parseCsv(new Uint8Array(readFileSync(join(fixtures, 'providers-contracts.csv'))), fileName);
  if (!parsed.ok) throw new Error('the fixture did not parse');
  const { header } = parsed.value;
  const row = (parsed.value.rows[0] ?? []).map((cell, index) => {
    const column = header[index] ?? '';
    return Object.hasOwn(cells, column) ? (cells[column] ?? '') : cell;
  });
  return planOf({ ...parsed.value, rows: [row], rowNumbers: [2] });
}

describe('applyProviderContractPlan', () => {
  test('adds providers and contracts', async () => {
    const summary = await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);

    expect(summary.added).toEqual({ providers: 2, contracts: 2 });
    const northwind = await db.providers.where('code').equals('NW1').first();
    expect(northwind?.tier).toBe(1);
    expect(northwind?.legalEntity).toBe('Northwind Contact Ltd');
    const contracts = await db.contracts
      .where('providerId')
      .equals(northwind?.id ?? '')
      .toArray();
    expect(contracts.map((contract) => contract.title).sort()).toEqual(['Back office', 'Customer service']);
    const audit = await db.audit.toArray();
    expect(audit.map((entry) => entry.kind)).toEqual(['import', 'import', 'import', 'import', 'import']);
    expect(audit.filter((entry) => entry.table === null)).toHaveLength(1);
  });

  test('each added record gets an import entry', async () => {
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const northwind = await db.providers.where('code').equals('NW1').first();
    const history = await db.audit
      .where('recordId')
      .equals(northwind?.id ?? '')
      .toArray();

    expect(history).toHaveLength(1);
    expect(history[0]?.kind).toBe('import');
    expect(history[0]?.table).toBe('providers');
    expect(history[0]?.importSummary?.fileName).toBe('providers-contracts.csv');
    expect(history[0]?.changes.tier).toEqual({ old: null, new: 1 });
    expect(history[0]?.changes.name).toEqual({ old: null, new: 'Northwind Contact' });
  });

  test('changed record entry keeps old values', async () => {
    const stored = await insertRecord(
      db,
      'providers',
      { code: 'FB2', name: 'Fabrikam Finance', formerNames: [], ...providerProfileDefaults, tier: 3 },
      context,
    );
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const history = await db.audit.where('recordId').equals(stored.id).toArray();
    const imported = history.find((entry) => entry.kind === 'import');

    expect(imported?.changes.tier).toEqual({ old: 3, new: 2 });
    expect(imported?.changes).not.toHaveProperty('name');
  });

  test('second import changes nothing', async () => {
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const summary = await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);

    expect(summary.added).toEqual({ providers: 0, contracts: 0 });
    expect(summary.changed).toEqual({ providers: 0, contracts: 0 });
    expect(summary.unchanged).toEqual({ providers: 2, contracts: 2 });
    expect(await db.audit.count()).toBe(5);
  });

  test('matches a stored provider by name', async () => {
    const stored = await insertRecord(
      db,
      'providers',
      { code: null, name: 'Fabrikam Finance', formerNames: [], ...providerProfileDefaults, parentCompany: 'Kept Parent' },
      context,
    );
    const preview = await previewProviderContractPlan(db, csvPlan('providers-contracts.csv'));
    expect(preview.summary.changed.providers).toBe(1);
    expect(await db.audit.count()).toBe(1);

    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const fabrikam = await db.providers.get(stored.id);
    expect(fabrikam?.code).toBe('FB2');
    expect(fabrikam?.lifecycle).toBe('onboarding');
    expect(fabrikam?.parentCompany).toBe('Kept Parent');
    expect(await db.providers.count()).toBe(2);
  });

  test('bad row writes nothing', async () => {
    const plan = csvPlan('providers-contracts-bad.csv');
    const failure = await rejection(applyProviderContractPlan(db, plan, context));

    expect(failure.appError.code).toBe('import.invalidChoice');
    expect(failure.appError.detail).toMatchObject({ file: 'providers-contracts-bad.csv', row: 2, column: 'Tier' });
    expect(await db.providers.count()).toBe(0);
    expect(await db.contracts.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  test('end date before the stored start writes nothing', async () => {
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const before = await db.contracts.toArray();
    const auditBefore = await db.audit.count();
    // Line 2 keeps its contract title and gives only an end date, before the stored start 2025-01-01.
    const plan = firstRowPlan('end-only.csv', { 'Start date': '', 'End date': '2024-12-31' });
    expect(plan.issueCounts.errors).toBe(0);

    for (const attempt of [previewProviderContractPlan(db, plan), applyProviderContractPlan(db, plan, context)]) {
      const failure = await rejection(attempt);
      expect(failure.appError.code).toBe('import.endBeforeStoredStart');
      expect(failure.appError.detail).toMatchObject({
        file: 'end-only.csv',
        row: 2,
        title: 'Customer service',
        startDate: '2025-01-01',
        endDate: '2024-12-31',
      });
    }
    expect(await db.contracts.toArray()).toEqual(before);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  test.each([
    ['yes', '', 'import.renewalLengthMissing', {}],
    ['', '12', 'import.renewalLengthUnexpected', { value: 12 }],
  ])('automatic renewal %j with renewal months %j writes nothing', async (autoRenewal, months, code, extra) => {
    const plan = firstRowPlan('renewal.csv', { 'Automatic renewal': autoRenewal, 'Renewal months': months });
    expect(plan.issueCounts.errors).toBe(0);

    const failure = await rejection(previewProviderContractPlan(db, plan));
    expect(failure.appError.code).toBe(code);
    expect(failure.appError.detail).toEqual({ file: 'renewal.csv', row: 2, title: 'Customer service', ...extra });
    expect((await rejection(applyProviderContractPlan(db, plan, context))).appError.code).toBe(code);
    expect(await db.contracts.count()).toBe(0);
    expect(await db.providers.count()).toBe(0);
  });

  test('workbook gives the same records', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'providers-contracts.xlsx')));
    const workbook = await readWorkbook(bytes, 'providers-contracts.xlsx');
    if (!workbook.ok) throw new Error('the workbook did not read');
    const table = buildSheetTable(workbook.value, {});
    if (!table.ok) throw new Error('the sheet did not read');
    const plan = planOf(table.value);
    expect(plan.issueCounts.errors).toBe(0);

    await applyProviderContractPlan(db, plan, context);
    const again = await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    expect(again.unchanged).toEqual({ providers: 2, contracts: 2 });
    const contract = (await db.contracts.toArray()).find((stored) => stored.title === 'Customer service');
    expect(contract?.annualValueMinor).toBe(120_000_050);
    expect(contract?.startDate).toBe('2025-01-01');
  });

  test('workbook issues name sheet and cell', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'providers-contracts.xlsx')));
    const workbook = await readWorkbook(bytes, 'providers-contracts.xlsx');
    if (!workbook.ok) throw new Error('the workbook did not read');
    const table = buildSheetTable(workbook.value, {});
    if (!table.ok) throw new Error('the sheet did not read');
    const tierIndex = table.value.header.indexOf('Tier');
    const rows = table.value.rows.map((row, index) => row.map((cell, column) => (index === 1 && column === tierIndex ? '4' : cell)));
    const plan = planOf({ ...table.value, rows });

    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ code: 'import.invalidChoice', row: 3, column: 'Tier' });
    expect(plan.issues[0]?.detail).toMatchObject({
      file: 'providers-contracts.xlsx',
      sheet: table.value.sheet,
      columnLetter: 'E',
      value: '4',
    });
  });

  test('database checks name sheet and cell', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'providers-contracts.xlsx')));
    const workbook = await readWorkbook(bytes, 'providers-contracts.xlsx');
    if (!workbook.ok) throw new Error('the workbook did not read');
    const table = buildSheetTable(workbook.value, {});
    if (!table.ok) throw new Error('the sheet did not read');
    const { header } = table.value;
    const codeIndex = header.indexOf('Provider code');
    const nameIndex = header.indexOf('Provider name');
    expect(codeIndex).toBeGreaterThanOrEqual(0);
    expect(nameIndex).toBeGreaterThanOrEqual(0);
    // The first row names a provider by a code that the empty portfolio does not have, and no name.
    const rows = table.value.rows.map((row) => [...row]);
    const firstRow = rows[0] ?? [];
    firstRow[codeIndex] = 'ZZ9';
    firstRow[nameIndex] = '';
    const plan = planOf({ ...table.value, rows });
    expect(plan.issueCounts.errors).toBe(0);

    const failure = await rejection(previewProviderContractPlan(db, plan));
    expect(failure.appError.code).toBe('import.unknownProviderCode');
    expect(failure.appError.detail).toEqual({
      file: 'providers-contracts.xlsx',
      row: 2,
      column: 'Provider code',
      code: 'ZZ9',
      sheet: table.value.sheet,
      columnLetter: String.fromCharCode(65 + table.value.firstColumn - 1 + codeIndex),
      reason: 'sheet',
    });
  });
});

describe('rows that give only a provider code', () => {
  test('contracts by code join stored providers', async () => {
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const table = parseCsv(new Uint8Array(readFileSync(join(fixtures, 'contracts-by-code.csv'))), 'contracts-by-code.csv');
    if (!table.ok) throw new Error('the fixture did not parse');
    const plan = buildProviderContractPlan(table.value, guessProviderContractMapping(table.value.header), { noticeUnit: 'months' });
    const summary = await applyProviderContractPlan(db, plan, context);

    expect(summary.added).toEqual({ providers: 0, contracts: 2 });
    expect(summary.unchanged.providers).toBe(2);
    const providers = await db.providers.toArray();
    expect(providers.map((provider) => provider.name).sort()).toEqual(['Fabrikam Finance', 'Northwind Contact']);
    const fabrikam = providers.find((provider) => provider.code === 'FB2');
    const payables = (await db.contracts.toArray()).find((contract) => contract.title === 'Accounts payable');
    expect(payables?.providerId).toBe(fabrikam?.id);
    expect(payables?.currency).toBe('EUR');
    expect(payables?.noticePeriod).toEqual({ amount: 2, unit: 'months' });
  });

  test('unknown code without name writes nothing', async () => {
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const auditBefore = await db.audit.count();
    const plan = csvPlan('contracts-unknown-code.csv');
    expect(plan.issueCounts.errors).toBe(0);

    for (const attempt of [previewProviderContractPlan(db, plan), applyProviderContractPlan(db, plan, context)]) {
      const failure = await rejection(attempt);
      expect(failure.appError.code).toBe('import.unknownProviderCode');
      expect(failure.appError.detail).toEqual({ file: 'contracts-unknown-code.csv', row: 3, column: 'Provider code', code: 'ZZ9' });
    }
    expect(await db.providers.count()).toBe(2);
    expect(await db.contracts.count()).toBe(2);
    expect(await db.audit.count()).toBe(auditBefore);
  });
});

describe('previewProviderContractPlan', () => {
  test('lists added records with their fields', async () => {
    const preview = await previewProviderContractPlan(db, csvPlan('providers-contracts.csv'));

    expect(preview.records.map((record) => [record.table, record.outcome, record.name, record.providerName])).toEqual([
      ['providers', 'added', 'Northwind Contact', null],
      ['providers', 'added', 'Fabrikam Finance', null],
      ['contracts', 'added', 'Customer service', 'Northwind Contact'],
      ['contracts', 'added', 'Back office', 'Northwind Contact'],
    ]);
    expect(preview.records[2]?.changes.noticePeriod).toEqual({ old: null, new: { amount: 90, unit: 'days' } });
    expect(preview.records[2]?.currency).toBe('GBP');
    expect(await db.providers.count()).toBe(0);
  });

  test('lists only changed fields of an update', async () => {
    await applyProviderContractPlan(db, csvPlan('providers-contracts.csv'), context);
    const fabrikam = await db.providers.where('code').equals('FB2').first();
    await db.providers.put({ ...(fabrikam ?? ({} as never)), criticality: 'high' });
    const preview = await previewProviderContractPlan(db, csvPlan('providers-contracts.csv'));

    expect(preview.records).toHaveLength(1);
    expect(preview.records[0]).toMatchObject({ table: 'providers', outcome: 'changed', name: 'Fabrikam Finance' });
    expect(preview.records[0]?.changes).toEqual({ criticality: { old: 'high', new: 'medium' } });
  });
});

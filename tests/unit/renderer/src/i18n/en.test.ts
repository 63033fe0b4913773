import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { errorCodes } from '../../../../../shared/errors';
import { builtInPresets } from '../../../../../shared/import/presets';
import { projectImportNoteCodes } from '../../../../../shared/schedule/io/types';
import { describeError } from '../../../../../renderer/src/errorMessage';
import { en } from '../../../../../renderer/src/i18n/en';
import { kpiName } from '../../../../../renderer/src/features/kpi/kpiName';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('English error sentences', () => {
  test.each(errorCodes)('%s has a sentence', (code) => {
    expect(i18next.exists(`errors.${code}`)).toBe(true);
  });

  test('sentence fills row, column and value', () => {
    const sentence = describeError(i18next.t, 'csv.invalidNumber', { file: 'a.csv', row: 3, column: 'Calls', value: 'n/a' });
    expect(sentence).toBe('Line 3, column “Calls”: “n/a” is not a number. Correct the value in the file.');
  });

  test('unwritable record names the record', () => {
    const sentence = describeError(i18next.t, 'portfolioFile.invalidRecord', {
      entry: 'records/providers.json',
      table: 'providers',
      index: 0,
      recordId: 'p-1',
      field: 'name',
      reason: 'string',
    });
    expect(sentence).toBe(
      'This portfolio cannot be written to a file: its providers record p-1 fails the checks of the file format, so nothing was written. Copy the diagnostics (command palette, Ctrl+K) and send them to whoever supports Steerwise for you.',
    );
    const read = describeError(i18next.t, 'portfolioFile.invalidRecord', {
      file: 'a.steerwise',
      table: 'providers',
      recordId: 'p-1',
      field: 'name',
    });
    expect(read).toMatch(/^a\.steerwise: the providers record p-1/);
  });

  test('size is shown in megabytes', () => {
    const sentence = describeError(i18next.t, 'file.tooLarge', {
      file: 'big.csv',
      sizeBytes: 100 * 1024 * 1024,
      maxBytes: 64 * 1024 * 1024,
    });
    expect(sentence).toContain('big.csv is 100.0 MB, over the 64 MB limit');
  });

  test.each(['spreadsheet', 'utf16', 'binary'])('notText reason %s has its own sentence', (reason) => {
    const generic = describeError(i18next.t, 'csv.notText', { file: 'x.csv' });
    expect(describeError(i18next.t, 'csv.notText', { file: 'x.csv', reason })).not.toBe(generic);
  });

  test.each(['missing', 'emptyName', 'duplicateName'])('noHeader reason %s has its own sentence', (reason) => {
    const generic = describeError(i18next.t, 'csv.noHeader', { file: 'x.csv' });
    expect(describeError(i18next.t, 'csv.noHeader', { file: 'x.csv', reason, column: 'A', position: 2 })).not.toBe(generic);
  });

  test.each(['notAbsolute', 'folder', 'notFile', 'exists'])('invalidPath reason %s has its own sentence', (reason) => {
    const generic = describeError(i18next.t, 'file.invalidPath', { file: 'acme.steerwise' });
    const specific = describeError(i18next.t, 'file.invalidPath', { file: 'acme.steerwise', reason, extension: 'steerwise' });
    expect(specific).not.toBe(generic);
    expect(specific).toContain('acme.steerwise');
  });

  const providerImportRowCodes = errorCodes.filter((code) => code.startsWith('import.') && code !== 'import.unmappedColumn');
  const providerImportDetail = { file: 'firms.csv', row: 7, column: 'Tier', value: '4', accepted: '1, 2, 3', firstRow: 3 };

  test.each(providerImportRowCodes)('%s names file, line and column', (code) => {
    const sentence = describeError(i18next.t, code, providerImportDetail);
    expect(sentence).toMatch(/^firms\.csv, line 7\b/);
  });

  test.each(providerImportRowCodes)('%s in a workbook names sheet and cell', (code) => {
    const sentence = describeError(i18next.t, code, { ...providerImportDetail, sheet: 'Firms', columnLetter: 'E', reason: 'sheet' });
    expect(sentence).toMatch(/^firms\.csv, sheet “Firms”, (cell E7 \(column “Tier”\)|row 7)[ :]/);
  });

  test('invalid choice lists the accepted values', () => {
    const sentence = describeError(i18next.t, 'import.invalidChoice', providerImportDetail);
    expect(sentence).toBe(
      'firms.csv, line 7, column “Tier”: “4” is not a valid value. Use one of: 1, 2, 3. Or leave the cell blank to keep the stored value.',
    );
  });

  test('invalid currency gives example codes', () => {
    const sentence = describeError(i18next.t, 'import.invalidCurrency', { ...providerImportDetail, column: 'Currency', value: 'POUNDS' });
    expect(sentence).toContain('“POUNDS” is not a currency code. Use a three-letter ISO 4217 code such as GBP, EUR or USD.');
  });

  test('duplicate row names both lines', () => {
    const sentence = describeError(i18next.t, 'csv.duplicateRow', {
      file: 'a.csv',
      row: 5,
      firstRow: 3,
      provider: '111AA2',
      period: '2015-04',
    });
    expect(sentence).toBe('Line 5 repeats provider 111AA2 for Apr 2015, already on line 3. Remove one of the two lines.');
  });
});

describe('project import report', () => {
  test.each(projectImportNoteCodes)('%s has a sentence', (code) => {
    expect(i18next.exists(`projectImport.${code}`)).toBe(true);
  });
});

describe('KPI names', () => {
  test.each(builtInPresets.flatMap((preset) => preset.kpis.map((kpi) => kpi.key)))('built-in %s is translated', (key) => {
    expect(i18next.exists(`kpi.${key}`)).toBe(true);
  });

  test('user KPI keeps its own name', () => {
    expect(kpiName(i18next.t, { key: 'custom.backlog', name: 'Backlog' })).toBe('Backlog');
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { kpiProblemMessage, typicalTargetText } from '../../../../../../renderer/src/features/kpis/kpiText';
import { kpiName } from '../../../../../../renderer/src/features/kpi/kpiName';
import { en } from '../../../../../../renderer/src/i18n/en';
import type { KpiFormInput, KpiProblem } from '../../../../../../shared/kpi/kpiSchema';
import { findLibraryKpi, kpiLibrary } from '../../../../../../shared/kpi/library';
import type { LibraryKpi } from '../../../../../../shared/kpi/library';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

function library(key: string): LibraryKpi {
  const entry = findLibraryKpi(key);
  if (entry === undefined) throw new Error(`${key} is not in the library`);
  return entry;
}

const input: KpiFormInput = {
  name: ' Backlog ',
  description: '',
  unit: 'seconds',
  direction: 'lowerIsBetter',
  kind: 'count',
  aggregation: 'ratioOfSums',
};

describe('kpiName for library KPIs', () => {
  test.each(kpiLibrary.map((entry) => entry.key))('%s finds its English name', (key) => {
    const name = kpiName(i18next.t, { key, name: 'stored name' });
    expect(name).not.toBe('stored name');
    expect(name).not.toContain('kpiLibrary');
  });

  test('service level reads in English', () => {
    expect(kpiName(i18next.t, { key: 'library.serviceLevel', name: 'Niveau de service' })).toBe('Service level');
  });

  test('retired library key keeps stored name', () => {
    expect(kpiName(i18next.t, { key: 'library.retiredKpi', name: 'Old KPI' })).toBe('Old KPI');
  });
});

describe('typicalTargetText', () => {
  test('percent target', () => {
    expect(typicalTargetText(i18next.t, library('library.serviceLevel'), 'en-GB')).toBe('Expected 80.00%');
  });

  test('target with a minimum', () => {
    expect(typicalTargetText(i18next.t, library('library.backOfficeAccuracy'), 'en-GB')).toBe('Expected 99.50%, minimum 99.00%');
  });

  test('duration target', () => {
    expect(typicalTargetText(i18next.t, library('library.averageHandleTime'), 'en-GB')).toBe('Expected 6:00 min');
  });

  test('no target', () => {
    expect(typicalTargetText(i18next.t, library('library.backlog'), 'en-GB')).toBe('None: set per contract');
  });
});

describe('kpiProblemMessage', () => {
  const problems: readonly KpiProblem[] = [
    'nameMissing',
    'nameTooLong',
    'nameTaken',
    'descriptionTooLong',
    'unitInvalid',
    'directionInvalid',
    'kindInvalid',
    'aggregationInvalid',
    'unitNotForKind',
    'aggregationNotForKind',
  ];

  test.each(problems)('%s has a filled sentence', (problem) => {
    const sentence = kpiProblemMessage(i18next.t, problem, input, 'en-GB');
    expect(sentence).not.toContain('{{');
    expect(sentence).not.toContain('kpis.form');
  });

  test('taken name is quoted trimmed', () => {
    expect(kpiProblemMessage(i18next.t, 'nameTaken', input, 'en-GB')).toBe(
      'The portfolio already has a KPI named “Backlog”. Choose another name.',
    );
  });

  test('unit names what fits', () => {
    expect(kpiProblemMessage(i18next.t, 'unitNotForKind', input, 'en-GB')).toBe(
      'The unit of a count KPI is Number. Choose it, or another kind.',
    );
  });

  test('aggregation lists what fits', () => {
    expect(kpiProblemMessage(i18next.t, 'aggregationNotForKind', input, 'en-GB')).toBe(
      'Ratio of sums does not fit a count KPI. Choose Sum, Mean or Last month.',
    );
  });
});

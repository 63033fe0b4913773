import { describe, expect, test } from 'vitest';
import {
  customKpiKey,
  draftProblems,
  emptyKpiDraft,
  initialDraft,
  presetFromDraft,
} from '../../../../../../renderer/src/features/import/manualMapping';
import type { MappingDraft } from '../../../../../../renderer/src/features/import/manualMapping';
import type { ImportTable } from '../../../../../../shared/import/types';

const draft: MappingDraft = {
  providerCode: '',
  providerName: 'Supplier',
  period: 'Month',
  kpis: [
    {
      ...emptyKpiDraft(),
      name: 'First-contact resolution',
      numeratorColumn: 'Resolved',
      denominatorColumn: 'Contacts',
      expected: '80',
      minimum: '75%',
    },
    { ...emptyKpiDraft(), name: 'Backlog', kind: 'count', direction: 'lowerIsBetter', valueColumn: 'Open items' },
  ],
};

describe('customKpiKey', () => {
  test('slugs the name', () => {
    expect(customKpiKey('  First-contact Resolution (%) ')).toBe('custom.first-contact-resolution');
  });

  test('empty name still gives a key', () => {
    expect(customKpiKey('***')).toBe('custom.kpi');
  });
});

describe('draftProblems', () => {
  test('complete draft has none', () => {
    expect(draftProblems(draft)).toEqual([]);
  });

  test('names each missing field', () => {
    const incomplete: MappingDraft = { ...draft, period: '', kpis: [{ ...emptyKpiDraft(), numeratorColumn: 'Resolved' }] };
    expect(draftProblems(incomplete)).toEqual([{ field: 'period' }, { field: 'kpiName', kpi: 0 }, { field: 'kpiColumns', kpi: 0 }]);
  });
});

describe('presetFromDraft', () => {
  const preset = presetFromDraft(draft, 'preset-1', 'Supplier scorecard');

  test('no code column maps to null', () => {
    expect(preset.mapping.providerCode).toBeNull();
  });

  test('ratio KPI maps numerator and denominator', () => {
    expect(preset.mapping.kpis[0]).toEqual({
      kpiKey: 'custom.first-contact-resolution',
      source: { kind: 'ratio', numerator: 'Resolved', denominator: 'Contacts' },
    });
  });

  test('count KPI sums and maps one column', () => {
    expect(preset.kpis[1]).toMatchObject({
      key: 'custom.backlog',
      kind: 'count',
      unit: 'number',
      aggregation: 'sum',
      direction: 'lowerIsBetter',
    });
    expect(preset.mapping.kpis[1]?.source).toEqual({ kind: 'value', column: 'Open items' });
  });

  test('levels parse percent text', () => {
    expect(preset.serviceLevels).toEqual([{ kpiKey: 'custom.first-contact-resolution', expected: 80, minimum: 75 }]);
  });

  test('KPI without a minimum has no level', () => {
    expect(preset.serviceLevels.some((level) => level.kpiKey === 'custom.backlog')).toBe(false);
  });
});

describe('initialDraft', () => {
  const table = (header: string[]): Pick<ImportTable, 'header'> => ({ header });

  test('NHS header guesses code, name and month', () => {
    const draft = initialDraft(table(['Yearnumber', 'Periodname', 'Provider Org Code', 'Provider Name', 'Commissioner Org Code']));
    expect([draft.providerCode, draft.providerName, draft.period]).toEqual(['Provider Org Code', 'Provider Name', 'Periodname']);
  });

  test('scorecard header guesses supplier columns', () => {
    const draft = initialDraft(table(['Supplier ID', 'Supplier', 'Month', 'Contacts']));
    expect([draft.providerCode, draft.providerName, draft.period]).toEqual(['Supplier ID', 'Supplier', 'Month']);
  });

  test('no guess leaves the field empty', () => {
    const draft = initialDraft(table(['a', 'b']));
    expect([draft.providerCode, draft.providerName, draft.period]).toEqual(['', '', '']);
  });
});

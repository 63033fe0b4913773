import { describe, expect, test } from 'vitest';
import {
  checkKpiEdit,
  checkUserKpi,
  kindRules,
  kpiAggregations,
  kpiKinds,
  maxKpiDescriptionLength,
  maxKpiNameLength,
  normaliseKpiName,
  userKpiSchema,
} from '../../../../shared/kpi/kpiSchema';
import type { KpiFormInput } from '../../../../shared/kpi/kpiSchema';

const ratioInput: KpiFormInput = {
  name: 'Invoices paid on time',
  description: '',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};

const taken = ['Service level', 'Backlog'];

describe('checkUserKpi accepts', () => {
  test('ratio with ratio of sums', () => {
    const checked = checkUserKpi(ratioInput, taken);
    expect(checked).toEqual({ ok: true, value: ratioInput });
  });

  test('trimmed name and description', () => {
    const checked = checkUserKpi({ ...ratioInput, name: '  Invoices   paid on time ', description: ' Paid by the due date. ' }, taken);
    expect(checked.ok).toBe(true);
    expect(checked.ok ? checked.value.name : null).toBe('Invoices paid on time');
    expect(checked.ok ? checked.value.description : null).toBe('Paid by the due date.');
  });

  test.each(kpiKinds)('%s with its default unit and aggregation', (kind) => {
    const rule = kindRules[kind];
    const checked = checkUserKpi({ ...ratioInput, kind, unit: rule.units[0] ?? '', aggregation: rule.aggregations[0] ?? '' }, taken);
    expect(checked.ok).toBe(true);
  });

  test('value measured in percent', () => {
    expect(checkUserKpi({ ...ratioInput, kind: 'value', unit: 'percent', aggregation: 'mean' }, taken).ok).toBe(true);
  });
});

describe('checkUserKpi rejects', () => {
  test('empty name', () => {
    expect(checkUserKpi({ ...ratioInput, name: '' }, taken)).toEqual({ ok: false, problems: { name: 'nameMissing' } });
  });

  test('blank name', () => {
    expect(checkUserKpi({ ...ratioInput, name: ' \t ' }, taken)).toEqual({ ok: false, problems: { name: 'nameMissing' } });
  });

  test('too long name', () => {
    const name = 'x'.repeat(maxKpiNameLength + 1);
    expect(checkUserKpi({ ...ratioInput, name }, taken)).toEqual({ ok: false, problems: { name: 'nameTooLong' } });
  });

  test('name at the limit passes', () => {
    expect(checkUserKpi({ ...ratioInput, name: 'x'.repeat(maxKpiNameLength) }, taken).ok).toBe(true);
  });

  test('taken name in other case and spacing', () => {
    expect(checkUserKpi({ ...ratioInput, name: '  service   LEVEL ' }, taken)).toEqual({ ok: false, problems: { name: 'nameTaken' } });
  });

  test('too long description', () => {
    const description = 'd'.repeat(maxKpiDescriptionLength + 1);
    expect(checkUserKpi({ ...ratioInput, description }, taken)).toEqual({ ok: false, problems: { description: 'descriptionTooLong' } });
  });

  test('ratio of sums for a count', () => {
    const checked = checkUserKpi({ ...ratioInput, kind: 'count', unit: 'number', aggregation: 'ratioOfSums' }, taken);
    expect(checked).toEqual({ ok: false, problems: { aggregation: 'aggregationNotForKind' } });
  });

  test.each(kpiKinds.filter((kind) => kind !== 'ratio'))('ratio of sums for %s', (kind) => {
    const unit = kindRules[kind].units[0] ?? '';
    const checked = checkUserKpi({ ...ratioInput, kind, unit, aggregation: 'ratioOfSums' }, taken);
    expect(checked.ok ? null : checked.problems.aggregation).toBe('aggregationNotForKind');
  });

  test('sum of a ratio', () => {
    const checked = checkUserKpi({ ...ratioInput, aggregation: 'sum' }, taken);
    expect(checked).toEqual({ ok: false, problems: { aggregation: 'aggregationNotForKind' } });
  });

  test('ratio in seconds', () => {
    const checked = checkUserKpi({ ...ratioInput, unit: 'seconds' }, taken);
    expect(checked).toEqual({ ok: false, problems: { unit: 'unitNotForKind' } });
  });

  test('duration in percent', () => {
    const checked = checkUserKpi({ ...ratioInput, kind: 'duration', unit: 'percent', aggregation: 'mean' }, taken);
    expect(checked).toEqual({ ok: false, problems: { unit: 'unitNotForKind' } });
  });

  test('unknown choices', () => {
    const checked = checkUserKpi({ ...ratioInput, unit: 'hours', direction: 'up', kind: 'rate', aggregation: 'median' }, taken);
    expect(checked).toEqual({
      ok: false,
      problems: { unit: 'unitInvalid', direction: 'directionInvalid', kind: 'kindInvalid', aggregation: 'aggregationInvalid' },
    });
  });

  test('prototype key as kind', () => {
    const checked = checkUserKpi({ ...ratioInput, kind: 'constructor' }, taken);
    expect(checked.ok ? null : checked.problems.kind).toBe('kindInvalid');
  });

  test('every problem at once', () => {
    const checked = checkUserKpi({ ...ratioInput, name: 'Backlog', unit: 'number', aggregation: 'last', kind: 'duration' }, taken);
    expect(checked).toEqual({ ok: false, problems: { name: 'nameTaken', unit: 'unitNotForKind' } });
  });

  test('taken name and wrong aggregation together', () => {
    const checked = checkUserKpi({ ...ratioInput, name: 'backlog', aggregation: 'sum' }, taken);
    expect(checked).toEqual({ ok: false, problems: { name: 'nameTaken', aggregation: 'aggregationNotForKind' } });
  });
});

describe('kind rules', () => {
  test('only ratios combine as ratio of sums', () => {
    for (const kind of kpiKinds) {
      expect(kindRules[kind].aggregations.includes('ratioOfSums')).toBe(kind === 'ratio');
    }
  });

  test('only values may choose their unit', () => {
    for (const kind of kpiKinds) {
      expect(kindRules[kind].units.length > 1).toBe(kind === 'value');
    }
  });

  test('every aggregation fits some kind', () => {
    for (const aggregation of kpiAggregations) {
      expect(kpiKinds.some((kind) => kindRules[kind].aggregations.includes(aggregation))).toBe(true);
    }
  });
});

describe('checkKpiEdit', () => {
  test('renames to a free name', () => {
    expect(checkKpiEdit({ name: 'Backlog age', description: ' Days. ' }, taken)).toEqual({
      ok: true,
      value: { name: 'Backlog age', description: 'Days.' },
    });
  });

  test('rejects a taken name', () => {
    expect(checkKpiEdit({ name: 'BACKLOG', description: '' }, taken)).toEqual({ ok: false, problems: { name: 'nameTaken' } });
  });

  test('rejects an empty name', () => {
    expect(checkKpiEdit({ name: '', description: '' }, taken)).toEqual({ ok: false, problems: { name: 'nameMissing' } });
  });
});

describe('schema and names', () => {
  test('schema output is typed data', () => {
    const parsed = userKpiSchema([]).parse(ratioInput);
    expect(parsed.kind).toBe('ratio');
  });

  test('normalised names ignore case and spacing', () => {
    expect(normaliseKpiName('  First  contact\tResolution ')).toBe('first contact resolution');
  });

  test('normalised names unify Unicode forms', () => {
    expect(normaliseKpiName('Cafe\u0301 calls')).toBe(normaliseKpiName('Caf\u00e9 calls'));
  });
});

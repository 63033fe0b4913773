import { describe, expect, it } from 'vitest';
import type { KpiDefinitionData } from '../../../../../../shared/domain/types';
import { isBreach } from '../../../../../../shared/domain/kpiMath';
import {
  checkServiceLevel,
  decimalSeparatorOf,
  levelInputText,
  parseLevelNumber,
} from '../../../../../../renderer/src/features/portfolio/serviceLevelInput';

type Traits = Pick<KpiDefinitionData, 'unit' | 'kind' | 'direction'>;

const answered: Traits = { unit: 'percent', kind: 'ratio', direction: 'higherIsBetter' };
const abandoned: Traits = { unit: 'percent', kind: 'ratio', direction: 'lowerIsBetter' };
const episode: Traits = { unit: 'seconds', kind: 'duration', direction: 'lowerIsBetter' };
const backlog: Traits = { unit: 'number', kind: 'count', direction: 'lowerIsBetter' };
const score: Traits = { unit: 'number', kind: 'value', direction: 'higherIsBetter' };

describe('decimalSeparatorOf', () => {
  it('is a point in English', () => {
    expect(decimalSeparatorOf('en-GB')).toBe('.');
  });

  it('is a comma in German', () => {
    expect(decimalSeparatorOf('de-DE')).toBe(',');
  });
});

describe('parseLevelNumber', () => {
  it.each([
    ['95', 95],
    [' 92.5 ', 92.5],
    ['.5', 0.5],
    ['7.', 7],
    ['+3', 3],
    ['-2.25', -2.25],
    ['1,000', 1000],
    ['250,000.50', 250000.5],
    ['95%', 95],
    ['12.5 %', 12.5],
  ])('reads %j with a decimal point', (text, value) => {
    expect(parseLevelNumber(text, '.')).toBe(value);
  });

  it('reads grouping and decimals the way a decimal-comma locale writes them', () => {
    expect(parseLevelNumber('1.234,5', ',')).toBe(1234.5);
    expect(parseLevelNumber('12,5%', ',')).toBe(12.5);
    expect(parseLevelNumber('1,000', ',')).toBe(1);
    expect(parseLevelNumber('1.000', ',')).toBe(1000);
  });

  it.each(['abc', '1e3', '9 5', '1.2.3', '-', '.', 'Infinity', 'NaN', '0x10', '%'])('rejects %j', (text) => {
    expect(parseLevelNumber(text, '.')).toBe('invalid');
  });

  it('rejects digits beyond the number range', () => {
    expect(parseLevelNumber('9'.repeat(400), '.')).toBe('invalid');
  });

  it('reports blank text as empty', () => {
    expect(parseLevelNumber('   ', '.')).toBe('empty');
  });

  it('reads a decimal comma where the locale uses one', () => {
    expect(parseLevelNumber('92,5', ',')).toBe(92.5);
  });

  it('reads a point that the comma locale cannot read', () => {
    expect(parseLevelNumber('92.5', ',')).toBe(92.5);
    expect(parseLevelNumber('1,234.5', ',')).toBe(1234.5);
  });

  it('reads a comma that the point locale cannot read', () => {
    expect(parseLevelNumber('12,5', '.')).toBe(12.5);
    expect(parseLevelNumber('1,00', '.')).toBe(1);
    expect(parseLevelNumber('1.234,5', '.')).toBe(1234.5);
  });

  it('turns negative zero into zero', () => {
    expect(Object.is(parseLevelNumber('-0', '.'), 0)).toBe(true);
  });
});

describe('levelInputText', () => {
  it.each([95, 92.5, 0.0000001, 123456789, 1 / 3])('parses %d back unchanged', (value) => {
    expect(parseLevelNumber(levelInputText(value, '.'), '.')).toBe(value);
    expect(parseLevelNumber(levelInputText(value, ','), ',')).toBe(value);
  });

  it('uses the decimal comma', () => {
    expect(levelInputText(92.5, ',')).toBe('92,5');
  });
});

describe('checkServiceLevel', () => {
  it('accepts a higher-is-better level with the minimum below', () => {
    expect(checkServiceLevel(answered, { expected: '95', minimum: '90' }, '.')).toEqual({ ok: true, expected: 95, minimum: 90 });
  });

  it('accepts equal expected and minimum levels', () => {
    expect(checkServiceLevel(abandoned, { expected: '5', minimum: '5' }, '.')).toEqual({ ok: true, expected: 5, minimum: 5 });
  });

  it('accepts a lower-is-better level with the minimum above', () => {
    expect(checkServiceLevel(abandoned, { expected: '5', minimum: '8' }, '.')).toEqual({ ok: true, expected: 5, minimum: 8 });
  });

  it('rejects a higher-is-better minimum above expected', () => {
    const check = checkServiceLevel(answered, { expected: '90', minimum: '95' }, '.');
    expect(check).toEqual({
      ok: false,
      issues: [{ field: 'minimum', problem: 'order', direction: 'higherIsBetter', expected: 90, minimum: 95 }],
    });
  });

  it('rejects a lower-is-better minimum below expected', () => {
    const check = checkServiceLevel(abandoned, { expected: '5', minimum: '3' }, '.');
    expect(check).toEqual({
      ok: false,
      issues: [{ field: 'minimum', problem: 'order', direction: 'lowerIsBetter', expected: 5, minimum: 3 }],
    });
  });

  it('reports both fields when both are wrong', () => {
    const check = checkServiceLevel(answered, { expected: '', minimum: 'ninety' }, '.');
    expect(check).toEqual({
      ok: false,
      issues: [
        { field: 'expected', problem: 'empty' },
        { field: 'minimum', problem: 'notNumber', text: 'ninety' },
      ],
    });
  });

  it.each(['-0.01', '100.01', '250'])('rejects percent %s', (text) => {
    const check = checkServiceLevel(answered, { expected: text, minimum: '0' }, '.');
    expect(check).toEqual({ ok: false, issues: [{ field: 'expected', problem: 'outsidePercent', value: Number(text) }] });
  });

  it('accepts percent bounds 0 and 100', () => {
    expect(checkServiceLevel(answered, { expected: '100', minimum: '0' }, '.').ok).toBe(true);
  });

  it('rejects a negative duration', () => {
    const check = checkServiceLevel(episode, { expected: '600', minimum: '-1' }, '.');
    expect(check).toEqual({ ok: false, issues: [{ field: 'minimum', problem: 'negative', value: -1 }] });
  });

  it('rejects a negative count', () => {
    const check = checkServiceLevel(backlog, { expected: '-5', minimum: '10' }, '.');
    expect(check).toEqual({ ok: false, issues: [{ field: 'expected', problem: 'negative', value: -5 }] });
  });

  it('accepts a negative plain value', () => {
    expect(checkServiceLevel(score, { expected: '-1', minimum: '-3' }, '.')).toEqual({ ok: true, expected: -1, minimum: -3 });
  });

  it('accepts durations above 100', () => {
    expect(checkServiceLevel(episode, { expected: '600', minimum: '900' }, '.').ok).toBe(true);
  });

  // An accepted level must never count its own expected level as a breach.
  it.each([
    [answered, '95', '90'],
    [answered, '95', '95'],
    [abandoned, '5', '8'],
    [episode, '600', '900'],
  ])('expected level of an accepted level is no breach (%#)', (kpi, expected, minimum) => {
    const check = checkServiceLevel(kpi, { expected, minimum }, '.');
    if (!check.ok) throw new Error('level was rejected');
    expect(isBreach(kpi, check, check.expected)).toBe(false);
  });
});

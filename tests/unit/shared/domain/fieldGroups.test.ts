import { describe, expect, it } from 'vitest';
import { fieldsWrittenWith, withFieldGroups } from '../../../../shared/domain/fieldGroups';

describe('field groups', () => {
  it('widen a changed ratio part to the reading', () => {
    expect([...withFieldGroups('measurements', new Set(['numerator']))].sort()).toEqual([
      'denominator',
      'numerator',
      'sourceFile',
      'value',
    ]);
  });

  it('leave fields outside a group alone', () => {
    expect([...withFieldGroups('measurements', new Set(['period']))]).toEqual(['period']);
    expect([...withFieldGroups('providers', new Set(['name']))]).toEqual(['name']);
  });

  it('name the fields written with one', () => {
    expect(fieldsWrittenWith('measurements', 'value')).toEqual(['value', 'numerator', 'denominator', 'sourceFile']);
    expect(fieldsWrittenWith('contracts', 'title')).toEqual(['title']);
  });
});

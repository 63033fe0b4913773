import { describe, expect, test } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { JsonArrayBuilder, findForbiddenKey, formatPath, parseJsonEntry, stringifyRecord } from '../../../../shared/file/json';
import { bytesOf, textOf } from './craft';

function parseError(text: string | Uint8Array) {
  try {
    parseJsonEntry(typeof text === 'string' ? bytesOf(text) : text, 'f.steerwise', 'e.json');
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected the parse to fail');
}

describe('findForbiddenKey', () => {
  test('finds __proto__ that JSON.parse kept as own key', () => {
    expect(findForbiddenKey(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual({ key: '__proto__', path: ['a', '__proto__'] });
  });

  test('finds a key inside an array element', () => {
    expect(findForbiddenKey(JSON.parse('[{"id":"a"},{"b":[{"prototype":1}]}]'))).toEqual({
      key: 'prototype',
      path: [1, 'b', 0, 'prototype'],
    });
  });

  test('reports the first key in document order', () => {
    expect(findForbiddenKey(JSON.parse('[{"constructor":1},{"__proto__":2}]'))?.key).toBe('constructor');
  });

  test('allows the words as values', () => {
    expect(findForbiddenKey(JSON.parse('{"name":"constructor","list":["__proto__"]}'))).toBeNull();
  });

  test('walks 100,000 levels without overflowing', () => {
    const nested = JSON.parse(`${'['.repeat(100_000)}{"__proto__":1}${']'.repeat(100_000)}`) as unknown;
    expect(findForbiddenKey(nested)?.path).toHaveLength(100_001);
  });

  test('returns null for a primitive', () => {
    expect(findForbiddenKey(42)).toBeNull();
  });
});

describe('formatPath', () => {
  test('writes indexes in brackets and keys after dots', () => {
    expect(formatPath([12, 'fieldClocks', 'name'])).toBe('[12].fieldClocks.name');
  });

  test('writes a leading key without a dot', () => {
    expect(formatPath(['prototype'])).toBe('prototype');
  });
});

describe('parseJsonEntry', () => {
  test('parses valid JSON', () => {
    expect(parseJsonEntry(bytesOf('[{"a":1}]'), 'f.steerwise', 'e.json')).toEqual([{ a: 1 }]);
  });

  test('rejects invalid UTF-8', () => {
    expect(parseError(new Uint8Array([0x22, 0xc3, 0x28, 0x22])).detail).toEqual({
      file: 'f.steerwise',
      entry: 'e.json',
      reason: 'encoding',
    });
  });

  test('rejects a syntax error', () => {
    expect(parseError('[1,]').detail).toEqual({ file: 'f.steerwise', entry: 'e.json', reason: 'syntax' });
  });

  test('rejects a forbidden key with the record id', () => {
    expect(parseError('[{"id":"r1","constructor":{}}]').detail).toEqual({
      file: 'f.steerwise',
      entry: 'e.json',
      key: 'constructor',
      path: '[0].constructor',
      recordId: 'r1',
    });
  });
});

describe('stringifyRecord', () => {
  test('writes fields in the given order', () => {
    expect(stringifyRecord({ b: 2, fieldClocks: {}, a: 1 }, ['a', 'fieldClocks', 'b'])).toBe('{"a":1,"fieldClocks":{},"b":2}');
  });

  test('sorts field clock keys', () => {
    expect(stringifyRecord({ fieldClocks: { z: 'c1', a: 'c2' } }, ['fieldClocks'])).toBe('{"fieldClocks":{"a":"c2","z":"c1"}}');
  });

  test('escapes a lone surrogate', () => {
    expect(stringifyRecord({ name: '\ud800' }, ['name'])).toBe('{"name":"\\ud800"}');
  });
});

describe('JsonArrayBuilder', () => {
  test('writes an empty array', () => {
    expect(textOf(new JsonArrayBuilder().finish())).toBe('[]\n');
  });

  test('writes one element per line', () => {
    const builder = new JsonArrayBuilder();
    builder.add('{"a":1}');
    builder.add('{"a":2}');
    expect(textOf(builder.finish())).toBe('[\n{"a":1},\n{"a":2}\n]\n');
  });

  test('joins chunks of multi-byte text', () => {
    const builder = new JsonArrayBuilder();
    const value = 'é😀'.repeat(50_000);
    for (let index = 0; index < 20; index += 1) builder.add(JSON.stringify(value));
    const parsed = JSON.parse(textOf(builder.finish())) as string[];
    expect(parsed).toHaveLength(20);
    expect(parsed.every((item) => item === value)).toBe(true);
  });
});

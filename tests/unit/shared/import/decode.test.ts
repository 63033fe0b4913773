import { describe, expect, test } from 'vitest';
import type { Result } from '../../../../shared/errors';
import { decodeText, decodeWindows1252, type DecodedText } from '../../../../shared/import/decode';
import { readCsvFixture } from './fixtures';

const encoder = new TextEncoder();

function bytesOf(...parts: (string | readonly number[])[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : Uint8Array.from(part)));
  const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function decodedOf(result: Result<DecodedText>): DecodedText {
  if (!result.ok) {
    throw new Error(`Expected text, got ${JSON.stringify(result.error)}`);
  }
  return result.value;
}

describe('decodeText', () => {
  test('plain UTF-8 text', () => {
    const result = decodeText(bytesOf('a,b\n1,2\n'), 'plain.csv');
    expect(result).toEqual({ ok: true, value: { text: 'a,b\n1,2\n', encoding: 'utf-8', hadBom: false } });
  });

  test('UTF-8 byte order mark stripped', () => {
    const result = decodeText(bytesOf([0xef, 0xbb, 0xbf], 'a,b\n'), 'bom.csv');
    expect(decodedOf(result).text).toBe('a,b\n');
    expect(decodedOf(result).hadBom).toBe(true);
  });

  test('multi-byte UTF-8 stays UTF-8', () => {
    const result = decodeText(bytesOf('name\nZoë £5 – café\n'), 'accents.csv');
    expect(decodedOf(result).encoding).toBe('utf-8');
    expect(decodedOf(result).text).toBe('name\nZoë £5 – café\n');
  });

  test('windows-1252 fixture falls back', () => {
    const result = decodeText(readCsvFixture('windows1252.csv'), 'windows1252.csv');
    expect(decodedOf(result).encoding).toBe('windows-1252');
    expect(decodedOf(result).text).toContain('Cost per answered call (£)');
  });

  test('windows-1252 punctuation decoded', () => {
    // 0x80 is the euro sign and 0x93/0x94 curly quotes in windows-1252, but invalid UTF-8.
    const result = decodeText(bytesOf('cost\n', [0x80, 0x35, 0x0a, 0x93, 0x78, 0x94, 0x0a]), 'euro.csv');
    expect(decodedOf(result).text).toBe('cost\n€5\n“x”\n');
  });

  test('empty fixture is file.empty', () => {
    expect(decodeText(readCsvFixture('empty.csv'), 'empty.csv')).toEqual({ ok: false, error: { code: 'file.empty', detail: { file: 'empty.csv' } } });
  });

  test('whitespace only is file.empty', () => {
    const result = decodeText(bytesOf(' \r\n\t\n  '), 'blank.csv');
    expect(result.ok ? null : result.error.code).toBe('file.empty');
  });

  test('byte order mark only is file.empty', () => {
    const result = decodeText(bytesOf([0xef, 0xbb, 0xbf]), 'bom-only.csv');
    expect(result.ok ? null : result.error.code).toBe('file.empty');
  });

  test('binary fixture is csv.notText', () => {
    const result = decodeText(readCsvFixture('binary.csv'), 'binary.csv');
    expect(result).toEqual({ ok: false, error: { code: 'csv.notText', detail: { file: 'binary.csv', reason: 'binary' } } });
  });

  test('NUL byte is csv.notText', () => {
    const result = decodeText(bytesOf('a,b\n1,', [0x00], '2\n'), 'nul.csv');
    expect(result.ok ? null : result.error.detail).toEqual({ file: 'nul.csv', reason: 'binary' });
  });

  test('many control characters is csv.notText', () => {
    const result = decodeText(bytesOf('abcdefghij', [0x01, 0x02, 0x03, 0x04]), 'control.csv');
    expect(result.ok ? null : result.error.code).toBe('csv.notText');
  });

  test('a few control characters tolerated', () => {
    const text = `${'a,b\n1,2\n'.repeat(20)}\u001a`;
    const result = decodeText(bytesOf(text), 'eof-marker.csv');
    expect(decodedOf(result).text).toBe(text);
  });

  test('Excel workbook is csv.notText spreadsheet', () => {
    const result = decodeText(bytesOf([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'), 'book.xlsx');
    expect(result.ok ? null : result.error.detail).toEqual({ file: 'book.xlsx', reason: 'spreadsheet' });
  });

  test('UTF-16 byte order mark is csv.notText utf16', () => {
    const result = decodeText(bytesOf([0xff, 0xfe, 0x61, 0x00]), 'unicode.txt');
    expect(result.ok ? null : result.error.detail).toEqual({ file: 'unicode.txt', reason: 'utf16' });
  });
});

describe('decodeWindows1252', () => {
  test('bytes outside 0x80-0x9F keep their code point', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => byte < 0x80 || byte > 0x9f);
    const text = decodeWindows1252(bytes);
    expect(Array.from({ length: text.length }, (_, index) => text.charCodeAt(index))).toEqual([...bytes]);
  });

  test.each([
    [0x80, '€'],
    [0x85, '…'],
    [0x91, '‘'],
    [0x92, '’'],
    [0x96, '–'],
    [0x99, '™'],
    [0x9f, 'Ÿ'],
    [0x81, '\u0081'],
    [0x9d, '\u009d'],
  ])('byte %i is %j', (byte, character) => {
    expect(decodeWindows1252(Uint8Array.of(byte))).toBe(character);
  });

  test('decodes past one chunk', () => {
    const bytes = new Uint8Array(20_000).fill(0xa3);
    expect(decodeWindows1252(bytes)).toBe('£'.repeat(20_000));
  });
});

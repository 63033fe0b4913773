/**
 * Turns the bytes of an imported file into text, or rejects them when they are not text.
 */
import { fail, ok, type Result } from '../errors';
import type { TextEncoding } from './types';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** Whether the bytes started with a UTF-8 byte order mark, which `text` no longer contains. */
  readonly hadBom: boolean;
}

/**
 * Largest share of control characters (other than tab, line feed, form feed and carriage
 * return) that a text file may have. Random binary data has about 11% (29 of 256 byte values);
 * text written by people and spreadsheets has close to none.
 */
export const maxControlCharacterShare = 0.05;

/**
 * Decodes a file as UTF-8, or as windows-1252 when the bytes are not valid UTF-8 (what
 * Excel writes for "CSV" on Windows in Western locales). Rejects binary data with
 * `csv.notText` and empty or blank files with `file.empty`; every detail names the file.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Result<DecodedText> {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;

  if (body.length === 0) {
    return fail('file.empty', { file: fileName });
  }
  const binaryReason = findBinaryReason(body);
  if (binaryReason !== null) {
    return fail('csv.notText', { file: fileName, reason: binaryReason });
  }

  const decoded = decodeUtf8OrWindows1252(body);
  if (decoded.text.trim() === '') {
    return fail('file.empty', { file: fileName });
  }
  return ok({ ...decoded, hadBom });
}

/**
 * Why the bytes cannot be text, or `null` when they can: `spreadsheet` for an Excel
 * workbook (ZIP or OLE container), `utf16` for a UTF-16 byte order mark, `binary` for NUL
 * bytes or too many control characters.
 */
function findBinaryReason(bytes: Uint8Array): 'spreadsheet' | 'utf16' | 'binary' | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'spreadsheet';
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return 'utf16';
  }

  let controlCount = 0;
  // An indexed loop: `for…of` would allocate an iterator result per byte of a file of many megabytes.
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 0) {
      return 'binary';
    }
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      controlCount += 1;
    }
  }
  return controlCount > bytes.length * maxControlCharacterShare ? 'binary' : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncoding } {
  try {
    // ignoreBOM keeps a second byte order mark as text; the first one was removed by the caller.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch (error) {
    // A fatal decoder throws a TypeError on invalid UTF-8; anything else is not expected here.
    if (!(error instanceof TypeError)) {
      throw error;
    }
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * Characters of windows-1252 bytes 0x80 to 0x9F, from the WHATWG Encoding Standard's index.
 * Every other byte is the code point of the same number, as in ISO-8859-1.
 */
const windows1252HighControls = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Code units passed to one `String.fromCharCode` call, well below engines' argument limits. */
const decodeChunkLength = 8192;

/**
 * Decodes windows-1252 by table. `TextDecoder('windows-1252')` is not used because Node.js
 * from 20.18.3 (checked on 20.20) decodes it as ISO-8859-1, so 0x80 becomes U+0080 instead
 * of the euro sign, and the tests run in Node.js. Every byte has a character, so this cannot fail.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += decodeChunkLength) {
    const codes = Array.from(bytes.subarray(start, start + decodeChunkLength), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (windows1252HighControls[byte - 0x80] ?? byte) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

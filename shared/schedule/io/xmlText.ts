/**
 * Decoding of an XML file's bytes: the byte order mark decides first, then the `encoding` of the
 * XML declaration, then UTF-8.
 */
import { ProjectImportFailure } from './types';

/** Encodings a project XML file may declare, as TextDecoder labels. */
const knownEncodings = new Set([
  'utf-8',
  'utf8',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
  'latin1',
  'us-ascii',
  'ascii',
]);

export function decodeXmlBytes(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
  } else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    const declared = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    if (declared !== undefined) {
      if (!knownEncodings.has(declared)) {
        throw new ProjectImportFailure({ code: 'projectFile.unsupportedEncoding', detail: { file: fileName, value: declared } });
      }
      encoding = declared === 'utf8' ? 'utf-8' : declared;
    }
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    throw new ProjectImportFailure({ code: 'projectFile.unsupportedEncoding', detail: { file: fileName, value: encoding } });
  }
}

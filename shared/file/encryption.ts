/**
 * Optional encryption of a whole `.steerwise` container with a passphrase.
 *
 * Layout (header version 1, integers big-endian):
 *
 * | offset | bytes | field |
 * | --- | --- | --- |
 * | 0 | 13 | magic `STEERWISE-ENC` (ASCII) |
 * | 13 | 1 | header version, 1 |
 * | 14 | 1 | key derivation, 1 = PBKDF2-HMAC-SHA-256 |
 * | 15 | 4 | PBKDF2 iterations |
 * | 19 | 16 | PBKDF2 salt, random |
 * | 35 | 1 | cipher, 1 = AES-256-GCM |
 * | 36 | 12 | GCM IV, random |
 * | 48 | 16 | key check value |
 * | 64 | 32 | SHA-256 of bytes 0 to 63 |
 * | 96 | rest | AES-256-GCM ciphertext of the ZIP bytes with the 16-byte tag at the end |
 *
 * PBKDF2 gives one 256-bit master key, and HKDF-SHA-256 splits it into the AES key and the key
 * check value. The key check lets a reader distinguish a wrong passphrase from damaged data, and
 * PBKDF2 still runs only once.
 * The whole 96-byte header is the GCM additional data, so changing any of its bytes fails
 * decryption. The header's own SHA-256 catches damage before the slow key derivation; it is
 * not secret and proves nothing against a deliberate change, which GCM catches instead.
 */
import { AppFailure, fail, ok } from '../errors';
import type { ErrorDetail, Result } from '../errors';
import { fileLimits } from './constants';
import { sha256, toArrayBufferView } from './digest';

/** Magic bytes at the start of an encrypted file. */
export const encryptionMagic = 'STEERWISE-ENC';
export const encryptionHeaderVersion = 1;
/** Minimum PBKDF2 iterations when writing or reading: the OWASP Password Storage Cheat Sheet (2023) figure for PBKDF2-HMAC-SHA-256. */
export const minPbkdf2Iterations = 600_000;
/**
 * Maximum PBKDF2 iterations a reader accepts, so that a hostile header cannot make key
 * derivation run for hours. It leaves room to raise the default about 16 times.
 */
export const maxPbkdf2Iterations = 10_000_000;

const kdfPbkdf2Sha256 = 1;
const cipherAes256Gcm = 1;
const saltBytes = 16;
const ivBytes = 12;
const keyCheckBytes = 16;
const tagBytes = 16;

const offsets = {
  version: 13,
  kdf: 14,
  iterations: 15,
  salt: 19,
  cipher: 35,
  iv: 36,
  keyCheck: 48,
  digest: 64,
  ciphertext: 96,
} as const;

/** Length of the plain header in bytes, the GCM additional data. */
export const encryptionHeaderBytes = offsets.ciphertext;

const encoder = new TextEncoder();
const magicBytes = encoder.encode(encryptionMagic);
const hkdfInfoAesKey = encoder.encode('steerwise-enc v1 aes-256-gcm key');
const hkdfInfoKeyCheck = encoder.encode('steerwise-enc v1 key check');

export interface EncryptOptions {
  /** PBKDF2 iterations; default and minimum `minPbkdf2Iterations`. */
  readonly iterations?: number;
  /** Test only: lowers the minimum iteration count. The app never sets it. */
  readonly testOnlyMinIterations?: number;
}

export interface DecryptOptions {
  /** Name of the file, for error details. */
  readonly fileName?: string;
  /** Test only: lowers the minimum iteration count the reader accepts. The app never sets it. */
  readonly testOnlyMinIterations?: number;
}

/** Checks whether `bytes` start with the magic bytes of an encrypted container. */
export function isEncryptedContainer(bytes: Uint8Array): boolean {
  if (bytes.length < magicBytes.length) return false;
  return magicBytes.every((byte, index) => bytes[index] === byte);
}

function minimumIterations(testOnlyMinIterations: number | undefined): number {
  if (testOnlyMinIterations === undefined) return minPbkdf2Iterations;
  if (!Number.isInteger(testOnlyMinIterations) || testOnlyMinIterations < 1) {
    throw new RangeError(`testOnlyMinIterations must be a positive integer, got ${String(testOnlyMinIterations)}`);
  }
  return testOnlyMinIterations;
}

/** Derives the AES-GCM key and the key check value from a passphrase (NFC-normalised, UTF-8). */
async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  // NFC so that the same passphrase typed on systems that compose accents differently gives the same key.
  const passphraseBytes = encoder.encode(passphrase.normalize('NFC'));
  const baseKey = await crypto.subtle.importKey('raw', passphraseBytes, 'PBKDF2', false, ['deriveBits']);
  const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, baseKey, 256);
  const hkdfKey = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const noSalt = new Uint8Array(0);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: noSalt, info: hkdfInfoAesKey },
    hkdfKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const keyCheck = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: noSalt, info: hkdfInfoKeyCheck },
    hkdfKey,
    keyCheckBytes * 8,
  );
  return { key, keyCheck: new Uint8Array(keyCheck) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/**
 * Encrypts ZIP bytes with a passphrase. Resolves to `portfolioFile.passphraseEmpty` for an
 * empty passphrase; throws `RangeError` for iterations outside the accepted range.
 */
export async function encryptContainer(
  zipBytes: Uint8Array,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<Result<Uint8Array>> {
  const iterations = options.iterations ?? minPbkdf2Iterations;
  const minimum = minimumIterations(options.testOnlyMinIterations);
  if (!Number.isInteger(iterations) || iterations < minimum || iterations > maxPbkdf2Iterations) {
    throw new RangeError(`PBKDF2 iterations must be an integer from ${minimum} to ${maxPbkdf2Iterations}, got ${String(iterations)}`);
  }
  if (passphrase.length === 0) return fail('portfolioFile.passphraseEmpty');

  const output = new Uint8Array(encryptionHeaderBytes + zipBytes.length + tagBytes);
  const view = new DataView(output.buffer);
  output.set(magicBytes, 0);
  output[offsets.version] = encryptionHeaderVersion;
  output[offsets.kdf] = kdfPbkdf2Sha256;
  view.setUint32(offsets.iterations, iterations);
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
  output.set(salt, offsets.salt);
  output[offsets.cipher] = cipherAes256Gcm;
  const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
  output.set(iv, offsets.iv);

  const { key, keyCheck } = await deriveKeys(passphrase, salt, iterations);
  output.set(keyCheck, offsets.keyCheck);
  output.set(await sha256(output.subarray(0, offsets.digest)), offsets.digest);

  const header = output.slice(0, encryptionHeaderBytes);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header, tagLength: tagBytes * 8 },
    key,
    toArrayBufferView(zipBytes),
  );
  output.set(new Uint8Array(ciphertext), encryptionHeaderBytes);
  return ok(output);
}

interface ParsedHeader {
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly keyCheck: Uint8Array;
  readonly header: Uint8Array<ArrayBuffer>;
}

/** Checks the plain header in the order: magic, length, version, digest, then parameters. */
async function parseHeader(bytes: Uint8Array, detail: ErrorDetail, minimum: number): Promise<ParsedHeader> {
  if (!isEncryptedContainer(bytes))
    throw new AppFailure({ code: 'portfolioFile.notSteerwise', detail: { ...detail, reason: 'notEncrypted' } });
  if (bytes.length < encryptionHeaderBytes + tagBytes) {
    throw new AppFailure({
      code: 'portfolioFile.encryptionDamaged',
      detail: { ...detail, reason: 'truncated' },
      cause: `${bytes.length} bytes`,
    });
  }

  // A later header version may lay out the rest differently, so it is read before the digest.
  const version = bytes[offsets.version] ?? 0;
  if (version !== encryptionHeaderVersion) {
    throw new AppFailure({ code: 'portfolioFile.encryptionUnsupported', detail: { ...detail, field: 'headerVersion', value: version } });
  }
  const digest = await sha256(bytes.subarray(0, offsets.digest));
  if (!sameBytes(digest, bytes.subarray(offsets.digest, offsets.ciphertext))) {
    throw new AppFailure({
      code: 'portfolioFile.encryptionDamaged',
      detail: { ...detail, reason: 'header' },
      cause: 'header SHA-256 mismatch',
    });
  }

  const kdf = bytes[offsets.kdf] ?? 0;
  if (kdf !== kdfPbkdf2Sha256)
    throw new AppFailure({ code: 'portfolioFile.encryptionUnsupported', detail: { ...detail, field: 'kdf', value: kdf } });
  const cipher = bytes[offsets.cipher] ?? 0;
  if (cipher !== cipherAes256Gcm)
    throw new AppFailure({ code: 'portfolioFile.encryptionUnsupported', detail: { ...detail, field: 'cipher', value: cipher } });
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offsets.iterations);
  if (iterations < minimum || iterations > maxPbkdf2Iterations) {
    throw new AppFailure({ code: 'portfolioFile.encryptionUnsupported', detail: { ...detail, field: 'iterations', value: iterations } });
  }

  return {
    iterations,
    salt: bytes.slice(offsets.salt, offsets.salt + saltBytes),
    iv: bytes.slice(offsets.iv, offsets.iv + ivBytes),
    keyCheck: bytes.slice(offsets.keyCheck, offsets.keyCheck + keyCheckBytes),
    header: bytes.slice(0, encryptionHeaderBytes),
  };
}

async function decryptChecked(bytes: Uint8Array, passphrase: string, minimum: number, fileName: string | undefined): Promise<Uint8Array> {
  const detail: ErrorDetail = fileName === undefined ? {} : { file: fileName };
  if (bytes.length > fileLimits.maxFileBytes) {
    throw new AppFailure({
      code: 'portfolioFile.tooLarge',
      detail: { ...detail, sizeBytes: bytes.length, maxBytes: fileLimits.maxFileBytes },
    });
  }
  const header = await parseHeader(bytes, detail, minimum);
  if (passphrase.length === 0) throw new AppFailure({ code: 'portfolioFile.passphraseEmpty', detail });

  const { key, keyCheck } = await deriveKeys(passphrase, header.salt, header.iterations);
  if (!sameBytes(keyCheck, header.keyCheck)) throw new AppFailure({ code: 'portfolioFile.wrongPassphrase', detail });

  let plain: ArrayBuffer;
  try {
    const ciphertext = toArrayBufferView(bytes.subarray(encryptionHeaderBytes));
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: header.iv, additionalData: header.header, tagLength: tagBytes * 8 },
      key,
      ciphertext,
    );
  } catch (error) {
    // With the key check passed, a failed tag means the header or ciphertext changed after encryption.
    throw new AppFailure({ code: 'portfolioFile.encryptionDamaged', detail: { ...detail, reason: 'ciphertext' }, cause: String(error) });
  }
  return new Uint8Array(plain);
}

/**
 * Decrypts a container written by `encryptContainer`. Resolves to the ZIP bytes, or to one of
 * `portfolioFile.wrongPassphrase`, `encryptionDamaged`, `encryptionUnsupported`,
 * `passphraseEmpty`, `tooLarge` or `notSteerwise`. AES-GCM returns nothing until the tag is verified, so a
 * failure never comes with partial plaintext. Throws `RangeError` only for an invalid
 * `testOnlyMinIterations`.
 */
export async function decryptContainer(bytes: Uint8Array, passphrase: string, options: DecryptOptions = {}): Promise<Result<Uint8Array>> {
  const minimum = minimumIterations(options.testOnlyMinIterations);
  try {
    return ok(await decryptChecked(bytes, passphrase, minimum, options.fileName));
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.appError };
    const detail = options.fileName === undefined ? {} : { file: options.fileName };
    return fail('unexpected', detail, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

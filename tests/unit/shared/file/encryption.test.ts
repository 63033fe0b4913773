import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decryptContainer, encryptContainer, fileLimits, isEncryptedContainer, minPbkdf2Iterations } from '../../../../shared/file';
import { encryptionHeaderBytes, maxPbkdf2Iterations } from '../../../../shared/file/encryption';
import { errorOf, valueOf } from '../../../support/node/results';
import { bytesOf } from './craft';

/** Iteration count for fast tests; accepted only through the test-only option. */
const testIterations = 1000;
const fast = { iterations: testIterations, testOnlyMinIterations: testIterations } as const;
const fastRead = { testOnlyMinIterations: testIterations, fileName: 'secret.steerwise' } as const;

const plain = bytesOf('PK\u0003\u0004 stands in for the ZIP bytes of a portfolio file');
const passphrase = 'Vendor office, Leeds 2026';

async function encryptFast(bytes: Uint8Array = plain, secret: string = passphrase): Promise<Uint8Array> {
  return valueOf(await encryptContainer(bytes, secret, fast));
}

/** Returns a copy with one byte changed. */
function flipped(bytes: Uint8Array, offset: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}

/** Returns a copy with `edit` applied to the header and the header digest recomputed. */
function withHeader(bytes: Uint8Array, edit: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer));
  copy.set(createHash('sha256').update(copy.subarray(0, 64)).digest(), 64);
  return copy;
}

describe('encryptContainer and decryptContainer', () => {
  test('round-trip the bytes', async () => {
    const decrypted = valueOf(await decryptContainer(await encryptFast(), passphrase, fastRead));
    expect(Buffer.from(decrypted).equals(Buffer.from(plain))).toBe(true);
  });

  test('round-trip an empty container', async () => {
    const decrypted = valueOf(await decryptContainer(await encryptFast(new Uint8Array(0)), passphrase, fastRead));
    expect(decrypted).toHaveLength(0);
  });

  test('use a new salt and IV each time', async () => {
    const first = await encryptFast();
    const second = await encryptFast();
    expect(Buffer.from(first.subarray(19, 48)).equals(Buffer.from(second.subarray(19, 48)))).toBe(false);
  });

  test('write the default 600,000 iterations into the header', async () => {
    const encrypted = valueOf(await encryptContainer(plain, passphrase));
    expect(new DataView(encrypted.buffer).getUint32(15)).toBe(minPbkdf2Iterations);
  });

  test('accept a passphrase typed in another Unicode form', async () => {
    const composed = 'Caf\u00e9 r\u00e9sum\u00e9';
    const decomposed = composed.normalize('NFD');
    const decrypted = await decryptContainer(await encryptFast(plain, composed), decomposed, fastRead);
    expect(decrypted.ok).toBe(true);
  });

  test('mark the output as encrypted', async () => {
    expect(isEncryptedContainer(await encryptFast())).toBe(true);
  });

  test('do not mark a ZIP as encrypted', () => {
    expect(isEncryptedContainer(plain)).toBe(false);
  });
});

describe('encryptContainer rejects', () => {
  test('an empty passphrase', async () => {
    expect(errorOf(await encryptContainer(plain, '', fast)).code).toBe('portfolioFile.passphraseEmpty');
  });

  test('iterations below the minimum', async () => {
    await expect(encryptContainer(plain, passphrase, { iterations: minPbkdf2Iterations - 1 })).rejects.toThrow(RangeError);
  });

  test('iterations above the maximum', async () => {
    await expect(encryptContainer(plain, passphrase, { iterations: maxPbkdf2Iterations + 1 })).rejects.toThrow(RangeError);
  });

  test('a test minimum below 1', async () => {
    await expect(encryptContainer(plain, passphrase, { iterations: 1, testOnlyMinIterations: 0 })).rejects.toThrow(RangeError);
  });
});

describe('decryptContainer rejects', () => {
  test('a wrong passphrase', async () => {
    const error = errorOf(await decryptContainer(await encryptFast(), 'vendor office, Leeds 2026', fastRead));
    expect(error.code).toBe('portfolioFile.wrongPassphrase');
    expect(error.detail).toEqual({ file: 'secret.steerwise' });
  });

  test('an empty passphrase', async () => {
    expect(errorOf(await decryptContainer(await encryptFast(), '', fastRead)).code).toBe('portfolioFile.passphraseEmpty');
  });

  test('low iterations unless told to accept them', async () => {
    const error = errorOf(await decryptContainer(await encryptFast(), passphrase, { fileName: 'secret.steerwise' }));
    expect(error.code).toBe('portfolioFile.encryptionUnsupported');
    expect(error.detail).toEqual({ file: 'secret.steerwise', field: 'iterations', value: testIterations });
  });

  test('iterations above the maximum', async () => {
    const tampered = withHeader(await encryptFast(), (view) => {
      view.setUint32(15, maxPbkdf2Iterations + 1);
    });
    const error = errorOf(await decryptContainer(tampered, passphrase, fastRead));
    expect(error.detail).toEqual({ file: 'secret.steerwise', field: 'iterations', value: maxPbkdf2Iterations + 1 });
  });

  test('an unknown cipher', async () => {
    const tampered = withHeader(await encryptFast(), (view) => {
      view.setUint8(35, 2);
    });
    const error = errorOf(await decryptContainer(tampered, passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.encryptionUnsupported');
    expect(error.detail).toEqual({ file: 'secret.steerwise', field: 'cipher', value: 2 });
  });

  test('an unknown key derivation', async () => {
    const tampered = withHeader(await encryptFast(), (view) => {
      view.setUint8(14, 9);
    });
    const error = errorOf(await decryptContainer(tampered, passphrase, fastRead));
    expect(error.detail).toEqual({ file: 'secret.steerwise', field: 'kdf', value: 9 });
  });

  test('a newer header version', async () => {
    const tampered = flipped(await encryptFast(), 13);
    const error = errorOf(await decryptContainer(tampered, passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.encryptionUnsupported');
    expect(error.detail).toEqual({ file: 'secret.steerwise', field: 'headerVersion', value: 0 });
  });

  test('a file cut inside the header', async () => {
    const error = errorOf(await decryptContainer((await encryptFast()).subarray(0, 40), passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.encryptionDamaged');
    expect(error.detail).toEqual({ file: 'secret.steerwise', reason: 'truncated' });
  });

  test('bytes that are not encrypted', async () => {
    const error = errorOf(await decryptContainer(plain, passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.notSteerwise');
  });

  test('a changed IV even with a recomputed header digest', async () => {
    const tampered = withHeader(await encryptFast(), (view) => {
      view.setUint8(36, view.getUint8(36) ^ 0x80);
    });
    const error = errorOf(await decryptContainer(tampered, passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.encryptionDamaged');
    expect(error.detail).toEqual({ file: 'secret.steerwise', reason: 'ciphertext' });
  });
});

/** Offsets of single-byte changes and the damage each must be reported as. */
const tamperCases: readonly { readonly part: string; readonly offset: (length: number) => number; readonly reason: string }[] = [
  { part: 'key derivation id', offset: () => 14, reason: 'header' },
  { part: 'iterations', offset: () => 17, reason: 'header' },
  { part: 'salt', offset: () => 25, reason: 'header' },
  { part: 'cipher id', offset: () => 35, reason: 'header' },
  { part: 'IV', offset: () => 40, reason: 'header' },
  { part: 'key check', offset: () => 50, reason: 'header' },
  { part: 'header digest', offset: () => 90, reason: 'header' },
  { part: 'first ciphertext byte', offset: () => encryptionHeaderBytes, reason: 'ciphertext' },
  {
    part: 'middle ciphertext byte',
    offset: (length) => encryptionHeaderBytes + Math.floor((length - encryptionHeaderBytes) / 2),
    reason: 'ciphertext',
  },
  { part: 'last tag byte', offset: (length) => length - 1, reason: 'ciphertext' },
];

describe.each(tamperCases)('decryptContainer with a changed $part', ({ offset, reason }) => {
  test(`reports damage to the ${reason}`, async () => {
    const encrypted = await encryptFast();
    const error = errorOf(await decryptContainer(flipped(encrypted, offset(encrypted.length)), passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.encryptionDamaged');
    expect(error.detail).toEqual({ file: 'secret.steerwise', reason });
  });

  test('returns no plaintext', async () => {
    const encrypted = await encryptFast();
    const result = await decryptContainer(flipped(encrypted, offset(encrypted.length)), passphrase, fastRead);
    expect(Object.hasOwn(result, 'value')).toBe(false);
  });
});

describe('decryptContainer size limit', () => {
  test('rejects a file over the limit before key derivation', async () => {
    const bytes = await encryptFast();
    Object.defineProperty(bytes, 'length', { value: fileLimits.maxFileBytes + 1 });
    const error = errorOf(await decryptContainer(bytes, passphrase, fastRead));
    expect(error.code).toBe('portfolioFile.tooLarge');
    expect(error.detail).toEqual({ file: 'secret.steerwise', sizeBytes: fileLimits.maxFileBytes + 1, maxBytes: fileLimits.maxFileBytes });
  });
});

/** SHA-256 through WebCrypto, which browsers, Electron and Node 20 all provide as `crypto.subtle`. */

/** Returns a copy of `bytes` backed by a plain `ArrayBuffer`, the buffer type WebCrypto accepts. */
export function toArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/** Returns `bytes` itself when it is already backed by an `ArrayBuffer`, else a copy. */
function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : toArrayBufferView(bytes);
}

/** Formats bytes as lowercase hex digits. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Computes the SHA-256 of `bytes` as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}

/** Computes the SHA-256 of `bytes`. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', asBufferSource(bytes)));
}

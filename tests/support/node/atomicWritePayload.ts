/**
 * Self-checking file contents for the atomic write crash test. A payload starts with a header
 * line that states its version, body length and the body's SHA-256, so a reader can tell a
 * complete file from a torn one without knowing what was written.
 */
import { createHash } from 'node:crypto';

const headerPrefix = 'steerwise-atomic-write-test';

/** Builds a payload of about `bodyBytes` bytes whose body differs for every `version`. */
export function buildPayload(version: number, bodyBytes: number): Uint8Array {
  const body = new Uint8Array(bodyBytes);
  // A cheap pseudo-random fill seeded by the version, so two versions never share a body.
  let state = (version * 2_654_435_761) >>> 0 || 1;
  for (let index = 0; index < bodyBytes; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    body[index] = state & 0xff;
  }
  const digest = createHash('sha256').update(body).digest('hex');
  const header = new TextEncoder().encode(`${headerPrefix} version=${version} length=${bodyBytes} sha256=${digest}\n`);

  const payload = new Uint8Array(header.byteLength + body.byteLength);
  payload.set(header, 0);
  payload.set(body, header.byteLength);
  return payload;
}

export type PayloadCheck = { readonly complete: true; readonly version: number } | { readonly complete: false; readonly reason: string };

/** Checks that `bytes` is one whole payload: a valid header, the stated length and checksum. */
export function checkPayload(bytes: Uint8Array): PayloadCheck {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) {
    return { complete: false, reason: `no header line in ${bytes.byteLength} bytes` };
  }
  const header = new TextDecoder().decode(bytes.subarray(0, newline));
  const match = new RegExp(`^${headerPrefix} version=(\\d+) length=(\\d+) sha256=([0-9a-f]{64})$`).exec(header);
  if (match === null) {
    return { complete: false, reason: `malformed header: ${header.slice(0, 120)}` };
  }

  const [, versionText, lengthText, expectedDigest] = match;
  const body = bytes.subarray(newline + 1);
  if (body.byteLength !== Number(lengthText)) {
    return { complete: false, reason: `body is ${body.byteLength} bytes, header says ${lengthText}` };
  }
  const digest = createHash('sha256').update(body).digest('hex');
  if (digest !== expectedDigest) {
    return { complete: false, reason: `body SHA-256 ${digest} differs from header ${expectedDigest ?? ''}` };
  }
  return { complete: true, version: Number(versionText) };
}

/**
 * JSON text of the entries: strict UTF-8 decoding and parsing with a prototype-key guard for
 * reading, and deterministic serialization for writing.
 */
import { AppFailure } from '../errors';

/**
 * Keys rejected at any depth. `JSON.parse` stores `"__proto__"` as an ordinary own key, but
 * code that later copies the object with assignment would set the prototype instead, and
 * `constructor` and `prototype` are the other two steps of a prototype-pollution gadget.
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  readonly value: object;
  readonly parent: Frame | null;
  readonly key: string | number;
}

/** A forbidden key and where it is: the path from the root, array indexes as numbers. */
export interface ForbiddenKeyHit {
  readonly key: string;
  readonly path: readonly (string | number)[];
}

function pathOf(frame: Frame, key: string): (string | number)[] {
  const reversed: (string | number)[] = [key];
  let current = frame;
  while (current.parent !== null) {
    reversed.push(current.key);
    current = current.parent;
  }
  return reversed.reverse();
}

/**
 * Finds a forbidden key at any depth. Each object's own keys are checked before its values are
 * entered, and earlier elements before later ones. The walk keeps its own stack, so deeply
 * nested input cannot overflow the call stack.
 */
export function findForbiddenKey(root: unknown): ForbiddenKeyHit | null {
  if (typeof root !== 'object' || root === null) return null;

  const stack: Frame[] = [{ value: root, parent: null, key: '' }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    // Children are pushed last to first, so that the first child is examined next.
    if (Array.isArray(frame.value)) {
      const items: readonly unknown[] = frame.value;
      for (let index = items.length - 1; index >= 0; index -= 1) {
        const item = items[index];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, parent: frame, key: index });
      }
      continue;
    }

    const record = frame.value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (const key of keys) {
      if (forbiddenKeys.has(key)) return { key, path: pathOf(frame, key) };
    }
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] ?? '';
      const item = record[key];
      if (typeof item === 'object' && item !== null) stack.push({ value: item, parent: frame, key });
    }
  }
  return null;
}

/** Formats a path as `[12].fieldClocks.name`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** Returns the string `id` of the root array's element that contains `path`, or `''`. */
function recordIdAt(root: unknown, path: readonly (string | number)[]): string {
  const first = path[0];
  if (!Array.isArray(root) || typeof first !== 'number') return '';
  const record: unknown = root[first];
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, 'id')) return '';
  const id = (record as { id: unknown }).id;
  return typeof id === 'string' ? id : '';
}

/**
 * Decodes an entry as strict UTF-8 and parses it as JSON. Throws `AppFailure` with
 * `portfolioFile.invalidJson` (reason `encoding` or `syntax`) or `portfolioFile.forbiddenKey`.
 */
export function parseJsonEntry(bytes: Uint8Array, fileName: string, entry: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppFailure({
      code: 'portfolioFile.invalidJson',
      detail: { file: fileName, entry, reason: 'encoding' },
      cause: String(error),
    });
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppFailure({ code: 'portfolioFile.invalidJson', detail: { file: fileName, entry, reason: 'syntax' }, cause: String(error) });
  }

  const hit = findForbiddenKey(value);
  if (hit !== null) {
    const path = formatPath(hit.path);
    throw new AppFailure({
      code: 'portfolioFile.forbiddenKey',
      detail: { file: fileName, entry, key: hit.key, path, recordId: recordIdAt(value, hit.path) },
      cause: `forbidden key ${JSON.stringify(hit.key)} at ${path} in ${entry}`,
    });
  }
  return value;
}

/** Serializes an object with its keys in code-unit order, so equal content gives equal text. */
export function stringifySortedObject(value: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(value).sort();
  const parts = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key])}`);
  return `{${parts.join(',')}}`;
}

/**
 * Serializes one checked record with its fields in the given order and `fieldClocks` keys
 * sorted. It copies the fields into a new object and lets `JSON.stringify` write it, which
 * was about twice as fast as joining per-field strings. The copy keeps the order because the
 * schemas allow no integer-like field name, which objects would move first. They also allow
 * no `__proto__`, which assignment would turn into a prototype.
 */
export function stringifyRecord(record: object, fieldNames: readonly string[]): string {
  const source = record as Readonly<Record<string, unknown>>;
  const ordered: Record<string, unknown> = {};
  for (const field of fieldNames) {
    const value = source[field];
    ordered[field] = field === 'fieldClocks' ? sortKeys(value as Readonly<Record<string, unknown>>) : value;
  }
  return JSON.stringify(ordered);
}

function sortKeys(value: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const keys = Object.keys(value);
  if (keys.length < 2) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort()) sorted[key] = value[key];
  return sorted;
}

const encoder = new TextEncoder();
/** Characters of JSON text gathered before they are encoded as one UTF-8 chunk. */
const chunkCharacters = 1 << 20;

/**
 * Builds a JSON array as UTF-8 bytes, one element per line, without holding the whole text
 * as one string. Text is encoded in chunks of about 1 Mi characters and joined once at the end.
 */
export class JsonArrayBuilder {
  private readonly chunks: Uint8Array[] = [];
  private pending = '[';
  private byteLength = 0;
  private count = 0;

  /** Appends one element that is already JSON text. */
  add(elementJson: string): void {
    this.pending += this.count === 0 ? `\n${elementJson}` : `,\n${elementJson}`;
    this.count += 1;
    if (this.pending.length >= chunkCharacters) this.flush();
  }

  /** Closes the array and returns its bytes; the builder must not be used afterwards. */
  finish(): Uint8Array {
    this.pending += this.count === 0 ? ']\n' : '\n]\n';
    this.flush();
    const bytes = new Uint8Array(this.byteLength);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    this.chunks.length = 0;
    return bytes;
  }

  private flush(): void {
    const chunk = encoder.encode(this.pending);
    this.chunks.push(chunk);
    this.byteLength += chunk.length;
    this.pending = '';
  }
}

/**
 * Builders of deliberately broken portfolio files, shared by the tests and by the fixture
 * generator. They work on raw ZIP entries and recompute checksums with Node's own SHA-256,
 * independent of the module under test.
 */
import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** ZIP timestamp for crafted files, local 1980-01-01 12:00 as the writer uses. */
const craftedTime = new Date(1980, 0, 1, 12, 0, 0);

export function sha256HexOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Returns every entry of a ZIP by name, in central directory order. */
export function unzipEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** Builds a ZIP of the entries in the given order. */
export function zipEntries(entries: Iterable<readonly [string, Uint8Array]>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, bytes] of entries) zippable[name] = [bytes, { level, mtime: craftedTime }];
  return zipSync(zippable);
}

export function textOf(bytes: Uint8Array | undefined): string {
  if (bytes === undefined) throw new Error('entry not found');
  return decoder.decode(bytes);
}

export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Replaces the first occurrence of `search` in an entry's text; throws when it does not occur. */
export function editEntryText(entries: Map<string, Uint8Array>, name: string, search: string, replacement: string): void {
  const text = textOf(entries.get(name));
  if (!text.includes(search)) throw new Error(`${name} does not contain ${search}`);
  entries.set(name, bytesOf(text.replace(search, replacement)));
}

/**
 * Changes one record of a records entry, found by id. The entry is re-serialized one record per
 * line as the writer does; keys keep their order.
 */
export function editRecord(
  entries: Map<string, Uint8Array>,
  name: string,
  id: string,
  edit: (record: Record<string, unknown>) => void,
): void {
  const records = JSON.parse(textOf(entries.get(name))) as Record<string, unknown>[];
  const record = records.find((candidate) => candidate.id === id);
  if (record === undefined) throw new Error(`${name} has no record ${id}`);
  edit(record);
  entries.set(name, bytesOf(`[\n${records.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`));
}

export type ManifestObject = Record<string, unknown> & { sha256: Record<string, string>; recordCounts: Record<string, number> };

export function manifestOf(entries: ReadonlyMap<string, Uint8Array>): ManifestObject {
  return JSON.parse(textOf(entries.get('manifest.json'))) as ManifestObject;
}

/**
 * Rebuilds a file from its entries: the manifest's checksums are recomputed for every other
 * entry, then `editManifest` may change the manifest, which is written last.
 */
export function repack(
  entries: ReadonlyMap<string, Uint8Array>,
  editManifest: (manifest: ManifestObject) => void = () => undefined,
  level: 0 | 1 | 6 | 9 = 6,
): Uint8Array {
  const manifest = manifestOf(entries);
  manifest.sha256 = {};
  const others = [...entries].filter(([name]) => name !== 'manifest.json');
  for (const [name, bytes] of others) manifest.sha256[name] = sha256HexOf(bytes);
  editManifest(manifest);
  return zipEntries([...others, ['manifest.json', bytesOf(`${JSON.stringify(manifest, null, 2)}\n`)]], level);
}

const centralHeaderSignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

export interface CentralDirectoryPatch {
  readonly method?: number;
  readonly compressedSize?: number;
  readonly inflatedSize?: number;
  /** A new name of the same length; the local header is renamed too. */
  readonly name?: string;
}

/** Changes the central directory record (and for a rename the local header) of one entry. */
export function patchCentralDirectory(zip: Uint8Array, name: string, patch: CentralDirectoryPatch): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let offset = bytes.length - 46; offset >= 0; offset -= 1) {
    if (view.getUint32(offset, true) !== centralHeaderSignature) continue;
    const nameLength = view.getUint16(offset + 28, true);
    if (textOf(bytes.subarray(offset + 46, offset + 46 + nameLength)) !== name) continue;

    if (patch.method !== undefined) view.setUint16(offset + 10, patch.method, true);
    if (patch.compressedSize !== undefined) view.setUint32(offset + 20, patch.compressedSize, true);
    if (patch.inflatedSize !== undefined) view.setUint32(offset + 24, patch.inflatedSize, true);
    if (patch.name !== undefined) {
      if (patch.name.length !== name.length) throw new Error('a renamed entry must keep its name length');
      bytes.set(bytesOf(patch.name), offset + 46);
      const localOffset = view.getUint32(offset + 42, true);
      if (view.getUint32(localOffset, true) !== localHeaderSignature) throw new Error('local header not found');
      bytes.set(bytesOf(patch.name), localOffset + 30);
    }
    return bytes;
  }
  throw new Error(`no central directory record for ${name}`);
}

/** Returns where an entry's compressed data starts and how long it is, from its central directory record. */
export function entryDataRange(zip: Uint8Array, name: string): { readonly start: number; readonly length: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = zip.length - 46; offset >= 0; offset -= 1) {
    if (view.getUint32(offset, true) !== centralHeaderSignature) continue;
    const nameLength = view.getUint16(offset + 28, true);
    if (textOf(zip.subarray(offset + 46, offset + 46 + nameLength)) !== name) continue;

    const localOffset = view.getUint32(offset + 42, true);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    return { start, length: view.getUint32(offset + 20, true) };
  }
  throw new Error(`no central directory record for ${name}`);
}

/**
 * Reads a `.steerwise` file: container and limits, manifest, checksums and JSON, then
 * migration of older versions, then the strict checks of the current version.
 *
 * Migration runs on the parsed JSON before the strict record schemas, because those schemas
 * describe only the current version. Everything before migration relies only on the parts of
 * the format that no version changes: the ZIP container and the manifest's `formatType`,
 * `formatVersion` and `sha256`.
 */
import { AppFailure, fail, ok } from '../errors';
import type { Result } from '../errors';
import type { PortfolioSnapshot } from '../sync/snapshot';
import { currentFormatVersion, fileLimits, formatType } from './constants';
import { hasZipSignature, inflateEntry, scanContainer } from './container';
import type { EntryInfo } from './container';
import { isEncryptedContainer } from './encryption';
import { sha256Hex } from './digest';
import { parseJsonEntry } from './json';
import { manifestEntry } from './layout';
import { manifestEnvelopeSchema, manifestIssueField } from './manifest';
import type { Manifest, ManifestEnvelope } from './manifest';
import { canMigrate, migrations, runMigrations } from './migrate';
import type { FileContent, MigrationRegistry } from './migrate';
import { checkContent, checkLayout, parseManifest } from './validate';

export interface ParsedFile {
  readonly manifest: Manifest;
  readonly snapshot: PortfolioSnapshot;
  /** Format version the file was written in; lower than `currentFormatVersion` when it was migrated. */
  readonly sourceFormatVersion: number;
}

/** Progress of a read: entries inflated and checked so far, then validation of the records. */
export interface ReadProgress {
  readonly stage: 'inflating' | 'validating' | 'finished';
  /** Entry just finished in the `inflating` stage, else `''`. */
  readonly entry: string;
  /** Entries done and entries in all, counting the manifest. */
  readonly done: number;
  readonly total: number;
}

export interface ReadOptions {
  /** Called after each step; useful when the read runs in a worker that posts progress. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Migration registry; tests inject steps here, the app uses the shipped `migrations`. */
  readonly migrations?: MigrationRegistry;
}

function notSteerwise(fileName: string, reason: string, found: string | null): AppFailure {
  const detail = found === null ? { file: fileName, reason } : { file: fileName, reason, formatType: found };
  return new AppFailure({ code: 'portfolioFile.notSteerwise', detail });
}

/** Checks the version-independent part of the manifest and that the version can be read. */
function readEnvelope(value: unknown, fileName: string, registry: MigrationRegistry): ManifestEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notSteerwise(fileName, 'formatType', null);
  const record = value as Readonly<Record<string, unknown>>;
  const foundType = record.formatType;
  if (foundType !== formatType) throw notSteerwise(fileName, 'formatType', typeof foundType === 'string' ? foundType : null);

  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new AppFailure({
      code: 'portfolioFile.invalidManifest',
      detail: { file: fileName, field: 'formatVersion' },
      cause: `formatVersion ${String(version)}`,
    });
  }
  if (version > currentFormatVersion) {
    throw new AppFailure({
      code: 'portfolioFile.versionTooNew',
      detail: { file: fileName, formatVersion: version, supportedVersion: currentFormatVersion },
    });
  }
  if (!canMigrate(version, currentFormatVersion, registry)) {
    throw new AppFailure({
      code: 'portfolioFile.versionTooOld',
      detail: { file: fileName, formatVersion: version, supportedVersion: currentFormatVersion },
    });
  }

  const result = manifestEnvelopeSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue === undefined ? 'manifest' : manifestIssueField(issue);
    throw new AppFailure({ code: 'portfolioFile.invalidManifest', detail: { file: fileName, field }, cause: result.error.message });
  }
  return result.data;
}

/** Every data entry must have a checksum, and every checksum an entry. */
function checkChecksumList(envelope: ManifestEnvelope, entryNames: ReadonlySet<string>, fileName: string): void {
  for (const name of entryNames) {
    if (name !== manifestEntry && !Object.hasOwn(envelope.sha256, name)) {
      throw new AppFailure({
        code: 'portfolioFile.invalidManifest',
        detail: { file: fileName, field: 'sha256', entry: name },
        cause: `no checksum for ${name}`,
      });
    }
  }
  for (const name of Object.keys(envelope.sha256)) {
    if (name === manifestEntry) {
      throw new AppFailure({
        code: 'portfolioFile.invalidManifest',
        detail: { file: fileName, field: 'sha256', entry: name },
        cause: 'the manifest cannot list its own checksum',
      });
    }
    if (!entryNames.has(name)) throw new AppFailure({ code: 'portfolioFile.missingEntry', detail: { file: fileName, entry: name } });
  }
}

/** Inflates, checksums and parses one data entry. */
async function readEntry(bytes: Uint8Array, entry: EntryInfo, expectedSha256: string, fileName: string): Promise<unknown> {
  const data = inflateEntry(bytes, entry, fileName);
  const actual = await sha256Hex(data);
  if (actual !== expectedSha256) {
    throw new AppFailure({
      code: 'portfolioFile.checksumMismatch',
      detail: { file: fileName, entry: entry.name },
      cause: `${entry.name}: expected SHA-256 ${expectedSha256}, got ${actual}`,
    });
  }
  return parseJsonEntry(data, fileName, entry.name);
}

async function readChecked(bytes: Uint8Array, fileName: string, options: ReadOptions): Promise<ParsedFile> {
  const registry = options.migrations ?? migrations;
  const report = options.onProgress ?? (() => undefined);

  if (bytes.length > fileLimits.maxFileBytes) {
    throw new AppFailure({
      code: 'portfolioFile.tooLarge',
      detail: { file: fileName, sizeBytes: bytes.length, maxBytes: fileLimits.maxFileBytes },
    });
  }
  if (isEncryptedContainer(bytes)) throw new AppFailure({ code: 'portfolioFile.passphraseRequired', detail: { file: fileName } });
  if (!hasZipSignature(bytes)) throw new AppFailure({ code: 'portfolioFile.notZip', detail: { file: fileName } });

  const entries = scanContainer(bytes, fileName);
  const manifestInfo = entries.find((entry) => entry.name === manifestEntry);
  if (manifestInfo === undefined) throw notSteerwise(fileName, 'noManifest', null);

  const manifestValue = parseJsonEntry(inflateEntry(bytes, manifestInfo, fileName), fileName, manifestEntry);
  const envelope = readEnvelope(manifestValue, fileName, registry);
  const sourceFormatVersion = envelope.formatVersion;
  const entryNames = new Set(entries.map((entry) => entry.name));
  if (sourceFormatVersion === currentFormatVersion) {
    // A current-version file gets its strict checks before any data entry is inflated.
    parseManifest(manifestValue, fileName);
    checkLayout(entryNames, fileName);
  }
  checkChecksumList(envelope, entryNames, fileName);
  report({ stage: 'inflating', entry: manifestEntry, done: 1, total: entries.length });

  const parsed = new Map<string, unknown>();
  for (const entry of entries) {
    if (entry.name === manifestEntry) continue;
    parsed.set(entry.name, await readEntry(bytes, entry, envelope.sha256[entry.name] ?? '', fileName));
    report({ stage: 'inflating', entry: entry.name, done: parsed.size + 1, total: entries.length });
  }

  report({ stage: 'validating', entry: '', done: entries.length, total: entries.length });
  const content: FileContent = { manifest: manifestValue as Readonly<Record<string, unknown>>, entries: parsed };
  const current = runMigrations(content, sourceFormatVersion, currentFormatVersion, registry, fileName);
  const { manifest, snapshot } = checkContent(current, fileName);
  report({ stage: 'finished', entry: '', done: entries.length, total: entries.length });
  return { manifest, snapshot, sourceFormatVersion };
}

/**
 * Reads and checks an unencrypted portfolio file. Resolves to the snapshot and manifest, or to
 * the first problem as a `portfolioFile.*` error whose detail names the file and, where it
 * applies, the entry, table, record id and field. Bad input never makes it reject; an
 * encrypted file gives `portfolioFile.passphraseRequired` (see `openPortfolioFile`).
 */
export async function readPortfolioFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<Result<ParsedFile>> {
  try {
    return ok(await readChecked(bytes, fileName, options));
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.appError };
    return fail('unexpected', { file: fileName }, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

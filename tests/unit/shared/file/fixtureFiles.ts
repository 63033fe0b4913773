/**
 * Builds the `.steerwise` fixture files of `tests/fixtures/steerwise/`: the golden file, its
 * encrypted twin, a scoped golden file and one broken file per rejection path. `generate.ts` in
 * that folder writes them; the fixture tests check that the committed files still match these
 * builders. The golden files of earlier format versions are not built: the current writer cannot
 * make them, so they stay as committed (`frozenFixtures`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { currentFormatVersion, encryptContainer, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import type { ExportScope } from '../../../../shared/file';
import { bytesOf, editEntryText, editRecord, repack, unzipEntries, zipEntries } from './craft';
import { goldenIds, goldenMetadata, goldenPassphrase, goldenSnapshot } from './goldenSnapshot';

export const fixtureFolder = resolve(import.meta.dirname, '../../../fixtures/steerwise');

/** Reads a committed fixture as bytes. */
export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(fixtureFolder, name)));
}

/** Name of the encrypted twin, the one fixture whose bytes change on every run (random salt and IV). */
export const encryptedFixtureName = 'golden-encrypted.steerwise';

/**
 * Committed golden files of earlier format versions, with the SHA-256 of their bytes. They are
 * never rewritten: each must keep reading through the migrations.
 */
export const frozenFixtures: ReadonlyMap<string, string> = new Map([
  ['golden-v1.steerwise', 'bd2438d13aec0d97b3ecddfb28dd974eeedcbdcb651ef9bffce7537caa4f9906'],
  ['golden-v2.steerwise', 'd737b1740e71e3047a62fbcdcb96105100fcbf9083802057310b2f5a04f153ab'],
  ['golden-v3.steerwise', '9b93baf821a2314771fd44be559d488111fc88fb5dd7552014ff86f5c388f965'],
  ['golden-v4.steerwise', 'bee9554f588c02ce045e8223ea905cf7b43cc7565fae1c002d1b4c4c089e531d'],
  ['golden-v5.steerwise', '6953bcab17a683cb0c88fedc3c1816e14c3ea6a2946f2ac97f5f31577a106bcd'],
]);

/** Scope of `golden-scoped.steerwise`: the North East provider without commercial terms. */
export const goldenScope: ExportScope = { providerIds: [goldenIds.northEast], withoutCommercialTerms: true };

/** Builds every fixture except the encrypted twin, by file name. */
export async function buildPlainFixtures(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const golden = await writePortfolioFile(goldenSnapshot, goldenMetadata);
  files.set('golden.steerwise', golden);
  files.set(
    'golden-scoped.steerwise',
    await writePortfolioFile(scopeSnapshot(goldenSnapshot, goldenScope), { ...goldenMetadata, scope: goldenScope }),
  );

  files.set('not-a-zip.steerwise', bytesOf('Provider,Period,Calls answered\n111AA1,2015-04,56339\n'));

  files.set(
    'foreign-zip.steerwise',
    zipEntries([
      ['readme.txt', bytesOf('Quarterly supplier review pack\n')],
      ['data/calls.csv', bytesOf('Provider,Period,Calls answered\n111AA1,2015-04,56339\n')],
    ]),
  );

  // Cut inside the compressed data, so the central directory at the end is gone.
  files.set('truncated.steerwise', golden.slice(0, Math.floor(golden.length * 0.6)));

  {
    // A provider is renamed after the manifest's checksums were taken.
    const entries = unzipEntries(golden);
    editEntryText(entries, 'records/providers.json', 'LINCOLNSHIRE NHS 111', 'LINCOLNSHIRE NHS 112');
    files.set('checksum-mismatch.steerwise', zipEntries(entries));
  }

  files.set(
    'version-too-new.steerwise',
    repack(unzipEntries(golden), (manifest) => {
      manifest.formatVersion = currentFormatVersion + 1;
    }),
  );

  {
    const entries = unzipEntries(golden);
    entries.set(
      'records/invoices.json',
      bytesOf(
        '[\n{"id":"019c1d94-d0d0-7000-8000-000000000001","clock":"019c1d948a80-0000-a1b2c3d4e5f6","fieldClocks":{},"amount":125000}\n]\n',
      ),
    );
    files.set('unknown-table.steerwise', repack(entries));
  }

  {
    const entries = unzipEntries(golden);
    editEntryText(
      entries,
      'records/providers.json',
      '"formerNames":["LINCS NHS 111"]',
      '"formerNames":["LINCS NHS 111"],"__proto__":{"isAdmin":true}',
    );
    files.set('proto-key.steerwise', repack(entries));
  }

  {
    const entries = unzipEntries(golden);
    editEntryText(
      entries,
      'records/contracts.json',
      '"fieldClocks":{"annualValueMinor"',
      '"fieldClocks":{"constructor":{"prototype":{"isAdmin":true}},"annualValueMinor"',
    );
    files.set('constructor-key.steerwise', repack(entries));
  }

  {
    // 16 MiB of zeros deflate at level 9 to 16 KiB, a ratio of 1024:1. The checksum is right,
    // so if the entry were inflated the read would fail later, at JSON parsing, with another code.
    const entries = unzipEntries(golden);
    entries.set('records/measurements.json', new Uint8Array(16 * 1024 * 1024));
    files.set('compression-bomb.steerwise', repack(entries, undefined, 9));
  }

  {
    // The second measurement takes the first one's id.
    const entries = unzipEntries(golden);
    editRecord(entries, 'records/measurements.json', '019c1d94-b190-777b-b6df-c5e3ab3b1f5f', (record) => {
      record.id = '019c1d94-ada8-705c-b16d-ee8a229f1b3a';
    });
    files.set('duplicate-ids.steerwise', repack(entries));
  }

  {
    // Month 13 in Lincolnshire's May 2015 abandoned calls.
    const entries = unzipEntries(golden);
    editRecord(entries, 'records/measurements.json', '019c1d94-c900-7187-b67d-3a10f340dbaf', (record) => {
      record.period = '2015-13';
    });
    files.set('invalid-record.steerwise', repack(entries));
  }

  files.set(
    'count-mismatch.steerwise',
    repack(unzipEntries(golden), (manifest) => {
      manifest.recordCounts.kpis = 3;
    }),
  );
  return files;
}

/** Builds the encrypted twin of the golden file with the default 600,000 PBKDF2 iterations. */
export async function buildEncryptedFixture(golden: Uint8Array): Promise<Uint8Array> {
  const encrypted = await encryptContainer(golden, goldenPassphrase);
  if (!encrypted.ok) throw new Error(`encryption failed: ${encrypted.error.code}`);
  return encrypted.value;
}

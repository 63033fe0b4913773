/**
 * Portfolio files as other laptops would send them, built from a file that the app exported. The
 * shared reader opens it, providers are renamed under another device's clock, and the shared
 * writer saves the result, so the app receives an ordinary `.steerwise` file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Provider } from '../../shared/domain/types';
import { openPortfolioFile, writePortfolioFile } from '../../shared/file';
import { packHlc } from '../../shared/sync/hlc';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';

export async function readPortfolio(path: string): Promise<PortfolioSnapshot> {
  const parsed = await openPortfolioFile(new Uint8Array(readFileSync(path)), path, null);
  if (!parsed.ok) throw new Error(`${path} did not open: ${parsed.error.code}`);
  return parsed.value.snapshot;
}

/** Returns the providers of a snapshot sorted by code, so tests pick the same ones every run. */
export function providersByCode(snapshot: PortfolioSnapshot): Provider[] {
  return [...snapshot.records.providers].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
}

/**
 * Returns `snapshot` as laptop `deviceId` would export it after renaming providers at wall time
 * `wallMs`: each renamed provider's name carries that clock, and the version vector records it.
 * `renames` maps provider ids to new names.
 */
export function renamedOn(
  snapshot: PortfolioSnapshot,
  deviceId: string,
  wallMs: number,
  renames: ReadonlyMap<string, string>,
): PortfolioSnapshot {
  const clock = packHlc({ wallMs, counter: 0, deviceId });
  const providers = snapshot.records.providers.map((provider) => {
    const name = renames.get(provider.id);
    return name === undefined ? provider : { ...provider, name, fieldClocks: { ...provider.fieldClocks, name: clock } };
  });
  return {
    ...snapshot,
    deviceId,
    records: { ...snapshot.records, providers },
    versionVector: { ...snapshot.versionVector, [deviceId]: clock },
  };
}

export async function writePortfolio(path: string, snapshot: PortfolioSnapshot): Promise<void> {
  const bytes = await writePortfolioFile(snapshot, { appVersion: '0.1.0', exportedAt: new Date().toISOString() });
  writeFileSync(path, bytes);
}

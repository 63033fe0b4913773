import { providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import { describe, expect, it } from 'vitest';
import type { Period, Provider } from '../../../../../../shared/domain/types';
import { importedProviderData } from '../../../../../../renderer/src/db/importProviders';
import {
  checkProviderName,
  maxProviderNameLength,
  renamedProviderFields,
} from '../../../../../../renderer/src/features/portfolio/providerName';

function provider(id: string, name: string, formerNames: readonly string[] = [], code: string | null = null): Provider {
  return { id, clock: 'c', fieldClocks: {}, code, name, formerNames, ...providerProfileDefaults };
}

const providers = [provider('p1', 'North Contact Centre'), provider('p2', 'South Contact Centre')];

describe('checkProviderName', () => {
  it('accepts a new name, trimmed', () => {
    expect(checkProviderName('  North Hub ', 'p1', providers)).toEqual({ kind: 'valid', name: 'North Hub' });
  });

  it('reports the current name as unchanged', () => {
    expect(checkProviderName('North Contact Centre ', 'p1', providers)).toEqual({ kind: 'unchanged' });
  });

  it('accepts a change of case only', () => {
    expect(checkProviderName('NORTH CONTACT CENTRE', 'p1', providers)).toEqual({ kind: 'valid', name: 'NORTH CONTACT CENTRE' });
  });

  it('rejects a blank name', () => {
    expect(checkProviderName(' \t ', 'p1', providers)).toEqual({ kind: 'empty' });
  });

  it('rejects a name over the limit', () => {
    const long = 'x'.repeat(maxProviderNameLength + 1);
    expect(checkProviderName(long, 'p1', providers)).toEqual({ kind: 'tooLong', length: maxProviderNameLength + 1 });
  });

  it('accepts a name at the limit', () => {
    expect(checkProviderName('x'.repeat(maxProviderNameLength), 'p1', providers).kind).toBe('valid');
  });

  it("rejects another provider's name in any case", () => {
    expect(checkProviderName('south contact centre', 'p1', providers)).toEqual({ kind: 'taken', name: 'South Contact Centre' });
  });

  it("accepts another provider's former name", () => {
    const withFormer = [provider('p1', 'North'), provider('p2', 'South', ['Coastal'])];
    expect(checkProviderName('Coastal', 'p1', withFormer)).toEqual({ kind: 'valid', name: 'Coastal' });
  });
});

describe('renamedProviderFields', () => {
  it('keeps the old name as the latest former name', () => {
    const north = provider('p1', 'North Hub', ['North Contact Centre'], 'RX1');
    expect(renamedProviderFields(north, 'Alpha')).toEqual({
      name: 'Alpha',
      formerNames: ['North Contact Centre', 'North Hub'],
    });
  });

  it('moves a former name back to the name', () => {
    const north = provider('p1', 'North Hub', ['North Contact Centre'], 'RX1');
    expect(renamedProviderFields(north, 'North Contact Centre')).toEqual({
      name: 'North Contact Centre',
      formerNames: ['North Hub'],
    });
  });

  it('works for a provider without a code', () => {
    expect(renamedProviderFields(provider('p1', 'North'), 'Alpha')).toEqual({
      name: 'Alpha',
      formerNames: ['North'],
    });
  });

  it('gives the same names as an import of a current file', () => {
    const north = provider('p1', 'North Hub', ['North Contact Centre'], 'RX1');
    const fileLatest: Period = '2026-03';
    const imported = importedProviderData({ code: 'RX1', name: 'Alpha', formerNames: [] }, north, '2026-02', fileLatest);
    expect(renamedProviderFields(north, 'Alpha')).toEqual({
      name: imported.name,
      formerNames: imported.formerNames,
    });
  });
});

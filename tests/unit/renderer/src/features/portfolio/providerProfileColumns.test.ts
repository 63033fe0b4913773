import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Provider } from '../../../../../../shared/domain/types';
import { en } from '../../../../../../renderer/src/i18n/en';
import { buildProviderColumns } from '../../../../../../renderer/src/features/portfolio/providerColumns';
import { buildProviderRows } from '../../../../../../renderer/src/features/portfolio/providerRows';
import type { ProviderRow } from '../../../../../../renderer/src/features/portfolio/providerRows';
import { makeProvider } from '../../../../shared/domain/factories';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const strategic: Provider = { ...makeProvider('a', 'Alpha', 'A1'), tier: 1, lifecycle: 'exiting', criticality: 'high' };
const unassessed: Provider = { ...makeProvider('b', 'Beta', 'B1'), tier: null, lifecycle: 'prospect', criticality: null };
const rows = buildProviderRows({ providers: [strategic, unassessed], kpis: [], serviceLevels: [], measurements: [] });

function rowOf(id: string): ProviderRow {
  const row = rows.find((candidate) => candidate.id === id);
  if (row === undefined) throw new Error(`no row ${id}`);
  return row;
}

/** Returns the sort value of column `id` for `row`, as the table reads it. */
function sortValue(id: string, row: ProviderRow): unknown {
  const columns = buildProviderColumns([], i18next.t, 'en') as unknown as {
    id?: string;
    accessorFn?: (row: ProviderRow, index: number) => unknown;
  }[];
  const column = columns.find((candidate) => candidate.id === id);
  if (column?.accessorFn === undefined) throw new Error(`no accessor column ${id}`);
  return column.accessorFn(row, 0);
}

describe('provider profile columns', () => {
  it('copies the profile fields to rows', () => {
    expect(rowOf('a')).toMatchObject({ tier: 1, lifecycle: 'exiting', criticality: 'high' });
    expect(rowOf('b')).toMatchObject({ tier: null, lifecycle: 'prospect', criticality: null });
  });

  it('sorts tier by number', () => {
    expect(sortValue('tier', rowOf('a'))).toBe(1);
  });

  it('leaves missing values undefined', () => {
    expect(sortValue('tier', rowOf('b'))).toBeUndefined();
    expect(sortValue('criticality', rowOf('b'))).toBeUndefined();
  });

  it('sorts lifecycle in stage order', () => {
    expect(sortValue('lifecycle', rowOf('b'))).toBe(0);
    expect(sortValue('lifecycle', rowOf('a'))).toBe(3);
  });

  it('sorts criticality from low to high', () => {
    expect(sortValue('criticality', rowOf('a'))).toBe(2);
  });
});

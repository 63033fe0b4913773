import { describe, expect, it } from 'vitest';
import { buildContractRows } from '../../../../../../renderer/src/features/portfolio/contractRows';
import type { AwardedRfp, ContractFields } from '../../../../../../renderer/src/features/portfolio/contractRows';

function contract(id: string, data: Partial<ContractFields> = {}): ContractFields {
  return { id, title: `Contract ${id}`, startDate: null, endDate: null, currency: 'GBP', annualValueMinor: null, ...data };
}

function rfp(id: string, awardedContractId: string | null, phase: AwardedRfp['phase'] = 'awarded'): AwardedRfp {
  return { id, title: `RFP ${id}`, phase, awardedContractId };
}

describe('buildContractRows', () => {
  it('links a draft to its award', () => {
    const rows = buildContractRows([contract('c1', { annualValueMinor: 1_200_000 })], [rfp('r1', 'c1')]);
    expect(rows).toEqual([
      {
        id: 'c1',
        title: 'Contract c1',
        startDate: null,
        endDate: null,
        currency: 'GBP',
        annualValueMinor: 1_200_000,
        draftFromRfp: { rfpId: 'r1', rfpTitle: 'RFP r1' },
      },
    ]);
  });

  it('signed contract is no draft', () => {
    const rows = buildContractRows([contract('c1', { startDate: '2027-04-01' })], [rfp('r1', 'c1')]);
    expect(rows[0]?.draftFromRfp).toBeNull();
  });

  it('ignores RFPs not awarded', () => {
    // A cancelled RFP keeps no contract in practice; the check is on the phase all the same.
    const rows = buildContractRows([contract('c1')], [rfp('r1', 'c1', 'cancelled'), rfp('r2', null)]);
    expect(rows[0]?.draftFromRfp).toBeNull();
  });

  it('keeps an empty value', () => {
    const rows = buildContractRows([contract('c1', { currency: 'EUR' })], []);
    expect(rows[0]).toMatchObject({ currency: 'EUR', annualValueMinor: null });
  });

  it('orders by start date, drafts last', () => {
    const rows = buildContractRows(
      [
        contract('draft-b', { title: 'Bravo' }),
        contract('late', { startDate: '2027-01-01' }),
        contract('draft-a', { title: 'Alpha' }),
        contract('early', { startDate: '2024-06-01' }),
      ],
      [],
    );
    expect(rows.map((row) => row.id)).toEqual(['early', 'late', 'draft-a', 'draft-b']);
  });

  it('empty without contracts', () => {
    expect(buildContractRows([], [rfp('r1', 'c1')])).toEqual([]);
  });
});

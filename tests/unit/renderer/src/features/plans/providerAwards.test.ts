import { describe, expect, it } from 'vitest';
import { providerAwards } from '../../../../../../renderer/src/features/plans/providerAwards';

const contracts = [
  { id: 'c1', providerId: 'acme' },
  { id: 'c2', providerId: 'acme' },
  { id: 'c3', providerId: 'other' },
];

describe('providerAwards', () => {
  it('lists awards of the provider’s contracts by title', () => {
    const events = [
      { id: 'r1', title: 'Payroll 2027', phase: 'awarded' as const, awardedContractId: 'c1' },
      { id: 'r2', title: 'Accounts payable 2027', phase: 'awarded' as const, awardedContractId: 'c2' },
    ];
    expect(providerAwards(events, contracts, 'acme')).toEqual([
      { rfpId: 'r2', title: 'Accounts payable 2027' },
      { rfpId: 'r1', title: 'Payroll 2027' },
    ]);
  });

  it('leaves out other providers and open RFPs', () => {
    const events = [
      { id: 'r1', title: 'Other provider', phase: 'awarded' as const, awardedContractId: 'c3' },
      { id: 'r2', title: 'Still scoring', phase: 'scoring' as const, awardedContractId: null },
      { id: 'r3', title: 'Contract gone', phase: 'awarded' as const, awardedContractId: 'deleted' },
    ];
    expect(providerAwards(events, contracts, 'acme')).toEqual([]);
  });
});

import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../../../shared/domain/plan';
import type { Contract, Provider } from '../../../../../../shared/domain/types';
import { awardPlanOffer, firstPlanOfContract } from '../../../../../../renderer/src/features/rfp/awardPlan';
import type { AwardedRfp } from '../../../../../../renderer/src/features/rfp/awardPlan';

const clock = '019c48715319-0000-a1b2c3d4e5f6';

const provider: Provider = {
  id: 'provider-1',
  clock,
  fieldClocks: {},
  code: null,
  name: 'Acme Services',
  formerNames: [],
  ...providerProfileDefaults,
};

const contract: Contract = {
  id: 'contract-1',
  clock,
  fieldClocks: {},
  providerId: provider.id,
  title: 'Payroll outsourcing 2027',
  startDate: null,
  endDate: null,
  currency: 'GBP',
  annualValueMinor: null,
  monthlyChargesMinor: null,
  atRiskPercent: null,
  ...contractGovernanceDefaults,
};

const awarded: AwardedRfp = { phase: 'awarded', awardedContractId: contract.id, scope: ['Payroll', ' Expenses ', '  '] };

function plan(id: string, contractId: string | null): Plan {
  return {
    id,
    clock,
    fieldClocks: {},
    providerId: provider.id,
    contractId,
    title: `Plan ${id}`,
    description: '',
    startOn: '2027-03-01',
    calendarId: 'calendar-1',
    templateKey: 'bpoTransition',
  };
}

describe('awardPlanOffer', () => {
  it('offers to create a plan with the scope as waves', () => {
    expect(awardPlanOffer(awarded, contract, provider, [])).toEqual({
      kind: 'create',
      providerId: provider.id,
      providerName: 'Acme Services',
      contractId: contract.id,
      processes: ['Payroll', 'Expenses'],
    });
  });

  it('offers to create a plan without waves for an empty scope', () => {
    const offer = awardPlanOffer({ ...awarded, scope: [] }, contract, provider, []);
    expect(offer).toMatchObject({ kind: 'create', processes: [] });
  });

  it('opens the plan of the awarded contract', () => {
    const existing = plan('plan-1', contract.id);
    expect(awardPlanOffer(awarded, contract, provider, [existing])).toEqual({ kind: 'open', plan: existing });
  });

  it('ignores plans of other contracts and without one', () => {
    const offer = awardPlanOffer(awarded, contract, provider, [plan('plan-1', 'contract-2'), plan('plan-2', null)]);
    expect(offer.kind).toBe('create');
  });

  it('opens the first created of two plans', () => {
    // UUIDv7 ids sort by creation time.
    const first = plan('019c4871-5319-7000-8000-000000000001', contract.id);
    const second = plan('019c4871-5320-7000-8000-000000000002', contract.id);
    expect(awardPlanOffer(awarded, contract, provider, [second, first])).toEqual({ kind: 'open', plan: first });
  });

  it('opens a plan whose contract is gone', () => {
    const existing = plan('plan-1', contract.id);
    expect(awardPlanOffer(awarded, undefined, undefined, [existing])).toEqual({ kind: 'open', plan: existing });
  });

  it('offers nothing when the contract is gone', () => {
    expect(awardPlanOffer(awarded, undefined, undefined, [])).toEqual({ kind: 'unavailable', reason: 'contractMissing' });
  });

  it('offers nothing for another contract than the awarded one', () => {
    const other = { ...contract, id: 'contract-2' };
    expect(awardPlanOffer(awarded, other, provider, [])).toEqual({ kind: 'unavailable', reason: 'contractMissing' });
  });

  it('offers nothing when the provider is gone', () => {
    expect(awardPlanOffer(awarded, contract, undefined, [])).toEqual({ kind: 'unavailable', reason: 'providerMissing' });
  });

  it('offers nothing for a provider other than the contract one', () => {
    const other = { ...provider, id: 'provider-2' };
    expect(awardPlanOffer(awarded, contract, other, [])).toEqual({ kind: 'unavailable', reason: 'providerMissing' });
  });

  it.each(['draft', 'consensus', 'cancelled'] as const)('offers nothing in phase %s', (phase) => {
    expect(awardPlanOffer({ ...awarded, phase }, contract, provider, [plan('plan-1', contract.id)])).toEqual({
      kind: 'unavailable',
      reason: 'notAwarded',
    });
  });

  it('offers nothing for an award without a contract', () => {
    expect(awardPlanOffer({ ...awarded, awardedContractId: null }, contract, provider, [])).toEqual({
      kind: 'unavailable',
      reason: 'notAwarded',
    });
  });
});

describe('firstPlanOfContract', () => {
  it('returns null without a plan of the contract', () => {
    expect(firstPlanOfContract([plan('plan-1', null)], contract.id)).toBeNull();
  });

  it('picks the smallest id whatever the order', () => {
    const plans = [plan('b', contract.id), plan('c', contract.id), plan('a', contract.id)];
    expect(firstPlanOfContract(plans, contract.id)?.id).toBe('a');
    expect(firstPlanOfContract([...plans].reverse(), contract.id)?.id).toBe('a');
  });
});

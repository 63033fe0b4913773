import { contractGovernanceDefaults } from '../../../../shared/domain/profileDefaults';
import { describe, expect, test } from 'vitest';
import type { RecurringCharge } from '../../../../shared/domain/rfp';
import type { AwardedEvent } from '../../../../shared/rfp/contractTerms';
import { awardedContractTerms, latestPriceBid } from '../../../../shared/rfp/contractTerms';
import type { PriceBidInput } from '../../../../shared/rfp/input';
import { totalCostOfOwnership } from '../../../../shared/rfp/money';

const event: AwardedEvent = { title: 'Payroll outsourcing 2027', baseCurrency: 'GBP', termMonths: 36 };

function bid(data: Partial<PriceBidInput> = {}): PriceBidInput {
  return {
    bidderId: 'winner',
    round: 1,
    currency: 'GBP',
    oneTimeCharges: [{ label: 'Transition', amountMinor: 5_000_000 }],
    recurringCharges: [{ label: 'Service fee', amountMinor: 100_000, period: 'month' }],
    exchangeRateToBase: 1,
    exchangeRateDate: '2027-01-10',
    ...data,
  };
}

function recurring(amountMinor: number, period: RecurringCharge['period'] = 'month'): RecurringCharge[] {
  return [{ label: 'Service fee', amountMinor, period }];
}

function valueOf(bids: readonly PriceBidInput[], base = 'GBP'): number | null {
  return awardedContractTerms({ ...event, baseCurrency: base }, 'winner', bids).contract.annualValueMinor;
}

describe('awardedContractTerms', () => {
  test('keeps title and base currency, no dates, charges or share at risk', () => {
    const terms = awardedContractTerms(event, 'winner', [bid()]);
    expect(terms.contract).toEqual({
      title: 'Payroll outsourcing 2027',
      startDate: null,
      endDate: null,
      currency: 'GBP',
      annualValueMinor: 1_200_000,
      monthlyChargesMinor: null,
      atRiskPercent: null,
      ...contractGovernanceDefaults,
    });
  });

  test('adds a year of every period', () => {
    const charges: RecurringCharge[] = [
      { label: 'Seats', amountMinor: 50_000, period: 'month' },
      { label: 'Licence', amountMinor: 90_000, period: 'quarter' },
      { label: 'Audit', amountMinor: 120_000, period: 'year' },
    ];
    // 12 * 50,000 + 4 * 90,000 + 120,000. The one-time transition fee is not part of it.
    expect(valueOf([bid({ recurringCharges: charges })])).toBe(1_080_000);
  });

  test('subtracts recurring credits', () => {
    const charges: RecurringCharge[] = [
      { label: 'Service fee', amountMinor: 100_000, period: 'month' },
      { label: 'Volume rebate', amountMinor: -50_000, period: 'quarter' },
    ];
    expect(valueOf([bid({ recurringCharges: charges })])).toBe(1_000_000);
  });

  test('converts a bid in euros', () => {
    const terms = awardedContractTerms(event, 'winner', [
      bid({ currency: 'EUR', recurringCharges: recurring(100_001), exchangeRateToBase: 0.8523 }),
    ]);
    // 12 * 1,000.01 EUR = 12,000.12 EUR, and at 0.8523 that is 10,227.702276 GBP, rounded to 10,227.70.
    expect(terms.contract.annualValueMinor).toBe(1_022_770);
    expect(terms.contract.currency).toBe('GBP');
    expect(terms.annualValueSource).toEqual({
      kind: 'priceBid',
      round: 1,
      bidCurrency: 'EUR',
      recurringPerYearMinor: 1_200_012,
      exchangeRateToBase: 0.8523,
      exchangeRateDate: '2027-01-10',
    });
  });

  test('shifts minor-unit digits', () => {
    // 1,234,567 JPY * 0.0052 = 6,419.7484 GBP, rounded to 6,419.75.
    expect(valueOf([bid({ currency: 'JPY', recurringCharges: recurring(1_234_567, 'year'), exchangeRateToBase: 0.0052 })])).toBe(641_975);
    // 100.00 GBP * 190.5 = 19,050 JPY, which has no minor unit.
    expect(valueOf([bid({ currency: 'GBP', recurringCharges: recurring(10_000, 'year'), exchangeRateToBase: 190.5 })], 'JPY')).toBe(19_050);
    // 1,000 JPY * 0.0025 = 2.5 KWD = 2,500 fils.
    expect(valueOf([bid({ currency: 'JPY', recurringCharges: recurring(1_000, 'year'), exchangeRateToBase: 0.0025 })], 'KWD')).toBe(2_500);
  });

  test('rounds halves away from zero', () => {
    // 1.01 EUR * 0.5 = 0.505 GBP: exactly half a penny above 0.50.
    expect(valueOf([bid({ currency: 'EUR', recurringCharges: recurring(101, 'year'), exchangeRateToBase: 0.5 })])).toBe(51);
    // 1.03 EUR * 0.5 = 0.515 GBP.
    expect(valueOf([bid({ currency: 'EUR', recurringCharges: recurring(103, 'year'), exchangeRateToBase: 0.5 })])).toBe(52);
    // 1.02 EUR * 0.4999 = 0.509898 GBP.
    expect(valueOf([bid({ currency: 'EUR', recurringCharges: recurring(102, 'year'), exchangeRateToBase: 0.4999 })])).toBe(51);
  });

  test('uses the highest round', () => {
    const bids = [
      bid({ round: 1, recurringCharges: recurring(100_000) }),
      bid({ round: 3, currency: 'EUR', recurringCharges: recurring(80_000), exchangeRateToBase: 0.85 }),
      bid({ round: 2, recurringCharges: recurring(90_000) }),
      bid({ bidderId: 'runner-up', round: 4, recurringCharges: recurring(10_000) }),
    ];
    const terms = awardedContractTerms(event, 'winner', bids);
    // Round 3: 12 * 800.00 EUR * 0.85 = 8,160.00 GBP.
    expect(terms.contract.annualValueMinor).toBe(816_000);
    expect(terms.annualValueSource).toMatchObject({ kind: 'priceBid', round: 3, bidCurrency: 'EUR' });
  });

  test('matches the TCO over one year', () => {
    const cases: PriceBidInput[] = [
      bid({ oneTimeCharges: [], currency: 'EUR', recurringCharges: recurring(123_457, 'quarter'), exchangeRateToBase: 0.8617 }),
      bid({ oneTimeCharges: [], currency: 'USD', recurringCharges: recurring(99_999), exchangeRateToBase: 0.7913 }),
      bid({ oneTimeCharges: [], currency: 'JPY', recurringCharges: recurring(5_000_001), exchangeRateToBase: 0.00523 }),
    ];
    for (const priceBid of cases) {
      const tco = totalCostOfOwnership(priceBid, 'GBP', 12);
      if (!tco.ok) throw new Error(tco.issue.code);
      expect(awardedContractTerms({ ...event, termMonths: 12 }, 'winner', [priceBid]).contract.annualValueMinor).toBe(
        tco.tco.baseTotalMinor,
      );
    }
  });

  test('without a price bid', () => {
    const terms = awardedContractTerms(event, 'winner', [bid({ bidderId: 'runner-up' })]);
    expect(terms.contract.annualValueMinor).toBeNull();
    expect(terms.annualValueSource).toEqual({ kind: 'noPriceBid' });
  });

  test('without recurring charges', () => {
    const terms = awardedContractTerms(event, 'winner', [bid({ round: 1 }), bid({ round: 2, recurringCharges: [] })]);
    expect(terms.contract.annualValueMinor).toBeNull();
    expect(terms.annualValueSource).toEqual({ kind: 'noRecurringCharges', round: 2 });
  });

  test('unusable bid gives no value', () => {
    const terms = awardedContractTerms(event, 'winner', [bid({ exchangeRateToBase: 0.9 })]);
    expect(terms.contract.annualValueMinor).toBeNull();
    expect(terms.annualValueSource).toMatchObject({ kind: 'unusableBid', round: 1, issue: { code: 'rfp.exchangeRateNotOne' } });
  });

  test('amount beyond safe integers', () => {
    // Over a one-month term the TCO is a safe integer, but twelve months of the charge are not.
    const monthly = Math.floor(Number.MAX_SAFE_INTEGER / 2);
    const terms = awardedContractTerms({ ...event, termMonths: 1 }, 'winner', [
      bid({ oneTimeCharges: [], recurringCharges: recurring(monthly) }),
    ]);
    expect(terms.contract.annualValueMinor).toBeNull();
    expect(terms.annualValueSource).toMatchObject({ kind: 'unusableBid', issue: { code: 'rfp.totalTooLarge', field: 'recurringCharges' } });
  });

  test('converted value beyond safe integers', () => {
    // 10^13 a year at 1,000 base units each is 10^16, beyond 2^53, but one month of it converted is not.
    const priceBid = bid({ currency: 'EUR', oneTimeCharges: [], recurringCharges: recurring(10 ** 13, 'year'), exchangeRateToBase: 1000 });
    const terms = awardedContractTerms({ ...event, termMonths: 1 }, 'winner', [priceBid]);
    expect(terms.contract.annualValueMinor).toBeNull();
    expect(terms.annualValueSource).toMatchObject({ kind: 'unusableBid', issue: { code: 'rfp.totalTooLarge', field: 'annualValueMinor' } });
  });

  test('net credit gives no value', () => {
    const charges: RecurringCharge[] = [
      { label: 'Service fee', amountMinor: 10_000, period: 'year' },
      { label: 'Service credit', amountMinor: -1_000, period: 'month' },
    ];
    const terms = awardedContractTerms(event, 'winner', [bid({ recurringCharges: charges })]);
    expect(terms.contract.annualValueMinor).toBeNull();
    expect(terms.annualValueSource).toEqual({ kind: 'netCredit', round: 1, bidCurrency: 'GBP', recurringPerYearMinor: -2_000 });
  });
});

describe('latestPriceBid', () => {
  test('first of equal rounds wins', () => {
    const first = bid({ round: 2, recurringCharges: recurring(1) });
    const second = bid({ round: 2, recurringCharges: recurring(2) });
    expect(latestPriceBid([bid({ round: 1 }), first, second], 'winner')).toBe(first);
  });

  test('null for another bidder', () => {
    expect(latestPriceBid([bid()], 'someone-else')).toBeNull();
  });
});

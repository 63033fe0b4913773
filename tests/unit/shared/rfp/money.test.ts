import { describe, expect, test } from 'vitest';
import type { PriceBidCharges } from '../../../../shared/rfp/money';
import { divideRounded, exactDecimal, minorUnitDigits, totalCostOfOwnership } from '../../../../shared/rfp/money';

function bid(data: Partial<PriceBidCharges>): PriceBidCharges {
  return { currency: 'GBP', oneTimeCharges: [], recurringCharges: [], exchangeRateToBase: 1, exchangeRateDate: '2026-03-02', ...data };
}

function tcoOf(charges: PriceBidCharges, base = 'GBP', term = 24) {
  const result = totalCostOfOwnership(charges, base, term);
  if (!result.ok) {
    throw new Error(result.issue.code);
  }
  return result.tco;
}

function issueOf(charges: PriceBidCharges, base = 'GBP', term = 24) {
  const result = totalCostOfOwnership(charges, base, term, 'bid-1');
  return result.ok ? null : result.issue;
}

describe('minorUnitDigits', () => {
  test.each([
    ['GBP', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %d digits', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});

describe('totalCostOfOwnership', () => {
  test('adds one-time and recurring charges', () => {
    const tco = tcoOf(
      bid({
        oneTimeCharges: [
          { label: 'Transition', amountMinor: 1_000_000 },
          { label: 'Credit', amountMinor: -200_000 },
        ],
        recurringCharges: [
          { label: 'Seats', amountMinor: 50_000, period: 'month' },
          { label: 'Licence', amountMinor: 90_000, period: 'quarter' },
          { label: 'Audit', amountMinor: 120_000, period: 'year' },
        ],
      }),
    );
    // 800,000 + 24 * 50,000 + 8 * 90,000 + 2 * 120,000 = 800,000 + 1,200,000 + 720,000 + 240,000.
    expect(tco.oneTimeMinor).toBe(800_000);
    expect(tco.recurringMinor).toBe(2_160_000);
    expect(tco.totalMinor).toBe(2_960_000);
    expect(tco.baseTotalMinor).toBe(2_960_000);
  });

  test('counts part years', () => {
    // A yearly charge of 1,000 over 18 months counts 1.5 times.
    expect(tcoOf(bid({ recurringCharges: [{ label: 'Fee', amountMinor: 1_000, period: 'year' }] }), 'GBP', 18).totalMinor).toBe(1_500);
  });

  test('rounds halves away from zero', () => {
    // 1 minor unit a year over 18 months is 1.5, rounded to 2; a credit of the same is -2.
    expect(tcoOf(bid({ recurringCharges: [{ label: 'Fee', amountMinor: 1, period: 'year' }] }), 'GBP', 18).totalMinor).toBe(2);
    expect(tcoOf(bid({ recurringCharges: [{ label: 'Credit', amountMinor: -1, period: 'year' }] }), 'GBP', 18).totalMinor).toBe(-2);
  });

  test('rounds only the final total', () => {
    // Two yearly charges of 1 over 18 months: 1.5 + 1.5 = 3 exactly, not 2 + 2 = 4.
    const charges = [
      { label: 'A', amountMinor: 1, period: 'year' as const },
      { label: 'B', amountMinor: 1, period: 'year' as const },
    ];
    expect(tcoOf(bid({ recurringCharges: charges }), 'GBP', 18).totalMinor).toBe(3);
  });

  test('converts at the exact rate', () => {
    // 105 cents at 0.5 is 52.5 pence, rounded to 53; a float product could land on 52.4999.
    expect(
      tcoOf(bid({ currency: 'EUR', exchangeRateToBase: 0.5, oneTimeCharges: [{ label: 'Fee', amountMinor: 105 }] })).baseTotalMinor,
    ).toBe(53);
    // 1,000,005 cents at 0.85 is 850,004.25 pence.
    expect(
      tcoOf(bid({ currency: 'EUR', exchangeRateToBase: 0.85, oneTimeCharges: [{ label: 'Fee', amountMinor: 1_000_005 }] })).baseTotalMinor,
    ).toBe(850_004);
  });

  test('converts between minor unit sizes', () => {
    // 1,000,000 yen at 0.0052 GBP per yen is 5,200 GBP = 520,000 pence.
    expect(
      tcoOf(bid({ currency: 'JPY', exchangeRateToBase: 0.0052, oneTimeCharges: [{ label: 'Fee', amountMinor: 1_000_000 }] }))
        .baseTotalMinor,
    ).toBe(520_000);
    // 100.00 EUR at 0.333 KWD per EUR is 33.300 KWD = 33,300 fils.
    expect(
      tcoOf(bid({ currency: 'EUR', exchangeRateToBase: 0.333, oneTimeCharges: [{ label: 'Fee', amountMinor: 10_000 }] }), 'KWD')
        .baseTotalMinor,
    ).toBe(33_300);
  });

  test('keeps the rate and its date', () => {
    const tco = tcoOf(bid({ currency: 'USD', exchangeRateToBase: 0.79, exchangeRateDate: '2026-02-27' }));
    expect([tco.currency, tco.baseCurrency, tco.exchangeRateToBase, tco.exchangeRateDate]).toEqual(['USD', 'GBP', 0.79, '2026-02-27']);
  });

  test('rejects a bad rate', () => {
    expect(issueOf(bid({ currency: 'EUR', exchangeRateToBase: 0 }))).toMatchObject({
      code: 'rfp.invalidExchangeRate',
      recordId: 'bid-1',
      field: 'exchangeRateToBase',
    });
    expect(issueOf(bid({ currency: 'EUR', exchangeRateToBase: Number.NaN }))?.code).toBe('rfp.invalidExchangeRate');
    expect(issueOf(bid({ exchangeRateToBase: 1.1 }))?.code).toBe('rfp.exchangeRateNotOne');
  });

  test('rejects a fractional amount', () => {
    const issue = issueOf(bid({ recurringCharges: [{ label: 'Fee', amountMinor: 10.5, period: 'month' }] }));
    expect(issue).toMatchObject({ code: 'rfp.invalidAmount', field: 'recurringCharges.0.amountMinor', detail: { value: '10.5' } });
    expect(issueOf(bid({ oneTimeCharges: [{ label: 'Fee', amountMinor: Number.POSITIVE_INFINITY }] }))?.field).toBe(
      'oneTimeCharges.0.amountMinor',
    );
  });

  test('rejects a bad term', () => {
    expect(issueOf(bid({}), 'GBP', 0)?.code).toBe('rfp.invalidTerm');
    expect(issueOf(bid({}), 'GBP', 12.5)?.code).toBe('rfp.invalidTerm');
  });

  test('rejects an unsafe total', () => {
    const issue = issueOf(bid({ recurringCharges: [{ label: 'Fee', amountMinor: Number.MAX_SAFE_INTEGER, period: 'month' }] }));
    expect(issue?.code).toBe('rfp.totalTooLarge');
  });
});

describe('exactDecimal', () => {
  test.each([
    [0.85, 85n, 2],
    [1, 1n, 0],
    [1e-7, 1n, 7],
    [1.5e21, 1_500_000_000_000_000_000_000n, 0],
  ])('%d', (value, mantissa, scale) => {
    expect(exactDecimal(value)).toEqual({ mantissa, scale });
  });

  test('rejects negatives', () => {
    expect(() => exactDecimal(-1)).toThrow(RangeError);
  });
});

describe('divideRounded', () => {
  test.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [7n, 3n, 2n],
    [-7n, 3n, -2n],
    [8n, 3n, 3n],
  ])('%d / %d', (numerator, denominator, expected) => {
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });
});

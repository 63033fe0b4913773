import { describe, expect, it } from 'vitest';
import {
  draftForBidder,
  draftFromParsed,
  latestBidOf,
  needsExchangeRate,
  readPriceDraft,
} from '../../../../../../renderer/src/features/rfp/priceBidDraft';
import type { PriceBidFigures, PriceDraft } from '../../../../../../renderer/src/features/rfp/priceBidDraft';

const today = '2026-03-02';

function draft(fields: Partial<PriceDraft>): PriceDraft {
  return { bidderId: 'b1', round: '1', currency: 'GBP', oneTime: '', monthly: '', rate: '', rateDate: '', ...fields };
}

const euroRound1: PriceBidFigures = {
  bidderId: 'b1',
  round: 1,
  currency: 'EUR',
  oneTimeCharges: [{ label: 'Transition fee', amountMinor: 5000000 }],
  recurringCharges: [{ label: 'Service fee', amountMinor: 1200050, period: 'month' }],
  exchangeRateToBase: 0.85,
  exchangeRateDate: '2026-02-27',
};
const euroRound2: PriceBidFigures = { ...euroRound1, round: 2, oneTimeCharges: [], exchangeRateToBase: 0.86 };
const poundBid: PriceBidFigures = {
  bidderId: 'b2',
  round: 1,
  currency: 'GBP',
  oneTimeCharges: [
    { label: 'Setup', amountMinor: 100000 },
    { label: 'Training', amountMinor: 50000 },
  ],
  recurringCharges: [],
  exchangeRateToBase: 1,
  exchangeRateDate: '2026-02-01',
};

describe('readPriceDraft', () => {
  it('rejects a foreign bid without rate', () => {
    const result = readPriceDraft(draft({ currency: 'eur', oneTime: '100' }), 'GBP', today);
    expect(result).toEqual({ ok: false, errors: ['rateMissing', 'rateDateMissing'] });
  });

  it('rejects a zero foreign rate', () => {
    const result = readPriceDraft(draft({ currency: 'EUR', rate: '0', rateDate: today }), 'GBP', today);
    expect(result).toEqual({ ok: false, errors: ['rateNotPositive'] });
  });

  it('reads a foreign bid with rate', () => {
    const result = readPriceDraft(draft({ currency: ' eur ', oneTime: '1,000.50', monthly: '20', rate: '0.85', rateDate: '2026-02-27' }), 'GBP', today);
    expect(result).toEqual({
      ok: true,
      bid: { bidderId: 'b1', round: 1, currency: 'EUR', oneTimeMinor: 100050, monthlyMinor: 2000, exchangeRateToBase: 0.85, exchangeRateDate: '2026-02-27' },
    });
  });

  it('fixes the base-currency rate at 1', () => {
    const result = readPriceDraft(draft({ monthly: '10', rate: '7', rateDate: '2020-01-01' }), 'GBP', today);
    if (!result.ok) throw new Error(`draft rejected: ${result.errors.join(', ')}`);
    expect(result.bid.exchangeRateToBase).toBe(1);
    expect(result.bid.exchangeRateDate).toBe(today);
  });

  it('names every wrong field', () => {
    const result = readPriceDraft(draft({ bidderId: '', round: '0', oneTime: 'ten', monthly: '1.234' }), 'GBP', today);
    expect(result).toEqual({ ok: false, errors: ['bidderMissing', 'roundInvalid', 'oneTimeNotNumber', 'monthlyNotNumber'] });
  });

  it('rejects a currency that is no code', () => {
    const result = readPriceDraft(draft({ currency: 'euro', oneTime: '5' }), 'GBP', today);
    expect(result).toEqual({ ok: false, errors: ['currencyInvalid'] });
  });
});

describe('needsExchangeRate', () => {
  it('compares codes ignoring case', () => {
    expect(needsExchangeRate(draft({ currency: 'gbp' }), 'GBP')).toBe(false);
    expect(needsExchangeRate(draft({ currency: 'EUR' }), 'GBP')).toBe(true);
  });
});

describe('draftForBidder', () => {
  it('shows the latest round', () => {
    expect(latestBidOf([euroRound2, euroRound1, poundBid], 'b1')).toBe(euroRound2);
    expect(draftForBidder([euroRound1, euroRound2, poundBid], 'b1', 'GBP')).toEqual({
      bidderId: 'b1',
      round: '2',
      currency: 'EUR',
      oneTime: '',
      monthly: '12000.50',
      rate: '0.86',
      rateDate: '2026-02-27',
    });
  });

  it('sums one-time charges, no rate in base', () => {
    expect(draftForBidder([euroRound1, poundBid], 'b2', 'GBP')).toEqual({
      bidderId: 'b2',
      round: '1',
      currency: 'GBP',
      oneTime: '1500.00',
      monthly: '',
      rate: '',
      rateDate: '',
    });
  });

  it('empties the form without a bid', () => {
    expect(draftForBidder([euroRound1], 'b3', 'GBP')).toEqual(draft({ bidderId: 'b3' }));
    expect(draftForBidder([euroRound1], '', 'GBP')).toEqual(draft({ bidderId: '' }));
  });

  it('round-trips a saved draft', () => {
    const typed = draft({ currency: 'EUR', oneTime: '1000', monthly: '20.5', rate: '0.85', rateDate: '2026-02-27' });
    const result = readPriceDraft(typed, 'GBP', today);
    if (!result.ok) throw new Error(`draft rejected: ${result.errors.join(', ')}`);
    expect(draftFromParsed(result.bid, 'GBP')).toEqual({ ...typed, oneTime: '1000.00', monthly: '20.50' });
  });
});

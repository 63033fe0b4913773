import { describe, expect, it } from 'vitest';
import { evaluateRfp } from '@shared/rfp/evaluate';
import { annualValueSourceOf, checkAward, defaultAwardBidder, scoresFinalReason } from '../../../../../../renderer/src/features/rfp/award';
import type { PriceBidRecord, RfpRecords } from '../../../../../../renderer/src/features/rfp/rfpRecords';
import { ids, makeRfp, score } from './rfpFixture';

const rfp = makeRfp('consensus', {
  scores: [
    score(ids.ann, ids.acme, ids.iso, 0, 'No certificate.'),
    score(ids.ben, ids.acme, ids.iso, 0, 'No certificate.'),
    score(ids.ann, ids.acme, ids.quality, 4),
    score(ids.ann, ids.bolt, ids.quality, 3),
    score(ids.ann, ids.crest, ids.quality, 2),
  ],
});

describe('defaultAwardBidder', () => {
  it('skips knocked-out bidders', () => {
    expect(defaultAwardBidder(evaluateRfp(rfp).results)).toBe(ids.bolt);
  });
});

describe('checkAward', () => {
  const results = evaluateRfp(rfp).results;

  it('needs a bidder and a rationale', () => {
    expect(checkAward(results, null, ' ')).toEqual(['bidderMissing', 'rationaleMissing']);
  });

  it('rejects a knocked-out bidder', () => {
    expect(checkAward(results, ids.acme, 'Cheapest.')).toEqual(['knockedOut']);
  });

  it('accepts the top bidder', () => {
    expect(checkAward(results, ids.bolt, 'Best value.')).toEqual([]);
  });
});

function priceBid(round: number, monthlyMinor: number, overrides: Partial<PriceBidRecord> = {}): PriceBidRecord {
  return {
    id: `bid-${String(round)}`,
    rfpId: ids.rfp,
    bidderId: ids.bolt,
    round,
    currency: 'GBP',
    oneTimeCharges: [],
    recurringCharges: [{ label: 'Service fee', amountMinor: monthlyMinor, period: 'month' }],
    exchangeRateToBase: 1,
    exchangeRateDate: '2026-01-20',
    submittedOn: '2026-01-20',
    ...overrides,
  };
}

function awardedTo(bidderId: string, priceBids: readonly PriceBidRecord[]): RfpRecords {
  const base = makeRfp('awarded', { priceBids });
  return { ...base, event: { ...base.event, awardedBidderId: bidderId, awardReason: 'Best value.', awardedContractId: 'contract-1' } };
}

describe('annualValueSourceOf', () => {
  const bids = [priceBid(1, 100_000), priceBid(2, 90_000, { currency: 'EUR', exchangeRateToBase: 0.85 })];

  it('names the bid of a matching value', () => {
    // 12 * 900.00 EUR * 0.85 = 9,180.00 GBP.
    const source = annualValueSourceOf(awardedTo(ids.bolt, bids), { currency: 'GBP', annualValueMinor: 918_000 });
    expect(source).toMatchObject({ kind: 'priceBid', round: 2, bidCurrency: 'EUR', recurringPerYearMinor: 1_080_000 });
  });

  it('explains an empty value', () => {
    expect(annualValueSourceOf(awardedTo(ids.acme, bids), { currency: 'GBP', annualValueMinor: null })).toEqual({ kind: 'noPriceBid' });
  });

  it('is null for an edited value', () => {
    expect(annualValueSourceOf(awardedTo(ids.bolt, bids), { currency: 'GBP', annualValueMinor: 1_000_000 })).toBeNull();
    expect(annualValueSourceOf(awardedTo(ids.bolt, bids), { currency: 'EUR', annualValueMinor: 918_000 })).toBeNull();
  });

  it('is null before the award', () => {
    expect(annualValueSourceOf(makeRfp('consensus', { priceBids: bids }), { currency: 'GBP', annualValueMinor: null })).toBeNull();
  });
});

describe('scoresFinalReason', () => {
  it.each([
    ['awarded', 'rfp.scoresFinal.awarded'],
    ['cancelled', 'rfp.scoresFinal.cancelled'],
  ] as const)('%s has a reason', (phase, key) => {
    expect(scoresFinalReason(phase)).toBe(key);
  });

  it.each(['draft', 'open', 'scoring', 'consensus'] as const)('%s has none', (phase) => {
    expect(scoresFinalReason(phase)).toBeNull();
  });
});

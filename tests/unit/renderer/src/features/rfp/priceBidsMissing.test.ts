import { describe, expect, it } from 'vitest';
import type { RfpCriterion, RfpEvent } from '../../../../../../shared/domain/rfp';
import { priceBidsMissing } from '../../../../../../renderer/src/features/rfp/priceBidsMissing';

const priceCriterion = { kind: 'price' } as RfpCriterion;
const scoredCriterion = { kind: 'scored' } as RfpCriterion;
const eventIn = (phase: RfpEvent['phase']) => ({ phase }) as RfpEvent;

describe('priceBidsMissing', () => {
  it('flags a scored RFP with a price criterion and no bid', () => {
    expect(priceBidsMissing({ event: eventIn('consensus'), criteria: [scoredCriterion, priceCriterion], priceBids: [] })).toBe(true);
  });

  it('ignores RFPs whose bids are not due yet', () => {
    expect(priceBidsMissing({ event: eventIn('draft'), criteria: [priceCriterion], priceBids: [] })).toBe(false);
    expect(priceBidsMissing({ event: eventIn('open'), criteria: [priceCriterion], priceBids: [] })).toBe(false);
  });

  it('ignores RFPs without a price criterion', () => {
    expect(priceBidsMissing({ event: eventIn('awarded'), criteria: [scoredCriterion], priceBids: [] })).toBe(false);
  });

  it('ignores RFPs with a bid', () => {
    const bids = [{ id: 'b1' }] as unknown as Parameters<typeof priceBidsMissing>[0]['priceBids'];
    expect(priceBidsMissing({ event: eventIn('awarded'), criteria: [priceCriterion], priceBids: bids })).toBe(false);
  });
});

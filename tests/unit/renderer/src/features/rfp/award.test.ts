import { describe, expect, it } from 'vitest';
import { evaluateRfp } from '@shared/rfp/evaluate';
import { checkAward, defaultAwardBidder } from '../../../../../../renderer/src/features/rfp/award';
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

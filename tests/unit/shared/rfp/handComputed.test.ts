/**
 * A complete RFP worked out by hand. It has 4 bidders (one knocked out), 10 criteria in 3
 * sections (one knockout, one price criterion scored by the lowest-over-bid formula) and 3
 * evaluators. It also has one blank individual score, one fully blank cell that excludes a
 * criterion, one consensus score, and one consensus score ignored for its empty reason. Every
 * expected number below is worked out in the comments from the inputs, not taken from the engine.
 */
import { describe, expect, test } from 'vitest';
import { evaluateRfp } from '../../../../shared/rfp/evaluate';
import type { RfpInput, ScoreInput } from '../../../../shared/rfp/input';
import { whatIf } from '../../../../shared/rfp/sensitivity';
import { bidder, consensus, evaluator, knockout, makeEvent, price, scored, scoresFor, section } from './factories';

const panel = ['ann', 'bob', 'cat'];
const s = (criterionId: string, bidderId: string, values: readonly (number | null)[], comment = 'noted'): ScoreInput[] =>
  scoresFor(criterionId, bidderId, panel, values, comment);

/*
 * Tree and entered weights (sections 40/30/30 of 100):
 *   capability 40: c1 weight 2, c2 1, c3 1 (sum 4), k1 knockout
 *   service    30: c4 1, c5 1, c6 2, c7 1 (sum 5)
 *   cost       30: c8 price weight 2, c9 1 (sum 3)
 * Shares before exclusions: c1 .4*2/4 = .2, c2 .1, c3 .1, c4 .3/5 = .06, c5 .06, c6 .12, c7 .06,
 * c8 .3*2/3 = .2, c9 .1.
 * c9 has no score at all for Gamma, which is in the running, so c9 is excluded for everyone.
 * Cost keeps its 30%, and c8 takes all of it: c8 share .3. Shares used: .2 .1 .1 .06 .06 .12 .06 .3 (sum 1).
 */
const input: RfpInput = {
  event: makeEvent({ baseCurrency: 'GBP', termMonths: 24, priceScoreMethod: 'lowestOverBid' }),
  sections: [section('capability', 40, 1), section('service', 30, 2), section('cost', 30, 3)],
  criteria: [
    scored('c1', 'capability', 2, 1),
    scored('c2', 'capability', 1, 2),
    scored('c3', 'capability', 1, 3),
    knockout('k1', 'capability', 4),
    scored('c4', 'service', 1, 1),
    scored('c5', 'service', 1, 2),
    scored('c6', 'service', 2, 3),
    scored('c7', 'service', 1, 4),
    price('c8', 'cost', 2, 1),
    scored('c9', 'cost', 1, 2),
  ],
  // Bidder order (the tie-break) is by name: Alpha, Beta, Delta, Gamma.
  bidders: [bidder('gamma', 'Gamma'), bidder('alpha', 'Alpha'), bidder('delta', 'Delta'), bidder('beta', 'Beta')],
  evaluators: panel.map((id) => evaluator(id)),
  scores: [
    // Knockout: everyone passes except Delta, which all three fail (a unanimous fail knocks out).
    ...s('k1', 'alpha', [1, 1, 1]),
    ...s('k1', 'beta', [1, 1, 1]),
    ...s('k1', 'gamma', [1, 1, 1]),
    ...s('k1', 'delta', [0, 0, 0], 'No ISO 27001 certificate for the delivery site'),
    // c1: Gamma's 5, 5, 2 spread by 3 >= 30% of 5, so no consensus; the panel agreed 3 (below).
    ...s('c1', 'alpha', [4, 4, 4]),
    ...s('c1', 'beta', [3, 3, 3]),
    ...s('c1', 'gamma', [5, 5, 2]),
    ...s('c1', 'delta', [2, 2, 2]),
    // c2: Cat left Alpha blank, so Alpha's mean is (3 + 5) / 2 = 4, and the spread of 2 is flagged.
    ...s('c2', 'alpha', [3, 5, null]),
    ...s('c2', 'beta', [4, 4, 4]),
    ...s('c2', 'gamma', [2, 2, 2]),
    ...s('c2', 'delta', [1, 1, 1]),
    ...s('c3', 'alpha', [3, 3, 3]),
    ...s('c3', 'beta', [5, 5, 5]),
    ...s('c3', 'gamma', [4, 4, 4]),
    ...s('c3', 'delta', [3, 3, 3]),
    ...s('c4', 'alpha', [2, 2, 2]),
    ...s('c4', 'beta', [4, 4, 4]),
    ...s('c4', 'gamma', [3, 3, 3]),
    ...s('c4', 'delta', [4, 4, 4]),
    // c5: Delta has no scores; Delta is knocked out, so this blank excludes nothing.
    ...s('c5', 'alpha', [4, 4, 4]),
    ...s('c5', 'beta', [2, 2, 2]),
    ...s('c5', 'gamma', [5, 5, 5]),
    // c6: Alpha's 3, 4, 5 spread by 2 >= 1.5, flagged; the mean 4 counts.
    ...s('c6', 'alpha', [3, 4, 5]),
    ...s('c6', 'beta', [3, 3, 3]),
    ...s('c6', 'gamma', [4, 4, 4]),
    ...s('c6', 'delta', [5, 5, 5]),
    ...s('c7', 'alpha', [5, 5, 5]),
    ...s('c7', 'beta', [3, 3, 3]),
    ...s('c7', 'gamma', [2, 2, 2]),
    ...s('c7', 'delta', [2, 2, 2]),
    // c9: Gamma is blank for all three evaluators.
    ...s('c9', 'alpha', [3, 3, 3]),
    ...s('c9', 'beta', [4, 4, 4]),
    ...s('c9', 'delta', [2, 2, 2]),
  ],
  consensusScores: [
    consensus('c1', 'gamma', 3, 'References confirm payroll only, not accounts payable'),
    // No reason, so it is ignored: Beta keeps the mean 5 on c3.
    consensus('c3', 'beta', 2, ''),
  ],
  /*
   * TCO over 24 months, base GBP, minor units (pence):
   *   Alpha GBP: 6,000,000 + 24 * 1,000,000 = 30,000,000
   *   Beta  EUR: 2,000,000 + 8 quarters * 3,500,000 = 30,000,000 cents, * 0.8 = 24,000,000
   *   Gamma GBP: 2 years * 16,000,000 = 32,000,000
   *   Delta GBP: 20,000,000 (cheapest, but knocked out, so it does not set the lowest)
   * Lowest of the bidders in the running: Beta's 24,000,000. Score = 5 * lowest / TCO:
   *   Alpha 5 * 0.8 = 4 (normalised .8), Beta 5 (1), Gamma 5 * 0.75 = 3.75 (.75),
   *   Delta 5 * 1.2 = 6, clamped to 5 (1).
   */
  priceBids: [
    {
      bidderId: 'alpha',
      round: 1,
      currency: 'GBP',
      oneTimeCharges: [{ label: 'Transition', amountMinor: 6_000_000 }],
      recurringCharges: [{ label: 'Service', amountMinor: 1_000_000, period: 'month' }],
      exchangeRateToBase: 1,
      exchangeRateDate: '2026-03-02',
    },
    {
      bidderId: 'beta',
      round: 2,
      currency: 'EUR',
      oneTimeCharges: [{ label: 'Transition', amountMinor: 2_000_000 }],
      recurringCharges: [{ label: 'Service', amountMinor: 3_500_000, period: 'quarter' }],
      exchangeRateToBase: 0.8,
      exchangeRateDate: '2026-03-02',
    },
    {
      // Beta's first round, superseded by round 2.
      bidderId: 'beta',
      round: 1,
      currency: 'EUR',
      oneTimeCharges: [{ label: 'Transition', amountMinor: 9_000_000 }],
      recurringCharges: [{ label: 'Service', amountMinor: 3_500_000, period: 'quarter' }],
      exchangeRateToBase: 0.8,
      exchangeRateDate: '2026-03-02',
    },
    {
      bidderId: 'gamma',
      round: 1,
      currency: 'GBP',
      oneTimeCharges: [],
      recurringCharges: [{ label: 'Service', amountMinor: 16_000_000, period: 'year' }],
      exchangeRateToBase: 1,
      exchangeRateDate: '2026-03-02',
    },
    {
      bidderId: 'delta',
      round: 1,
      currency: 'GBP',
      oneTimeCharges: [{ label: 'Everything', amountMinor: 20_000_000 }],
      recurringCharges: [],
      exchangeRateToBase: 1,
      exchangeRateDate: '2026-03-02',
    },
  ],
};

const evaluation = evaluateRfp(input);
const { results, sensitivity, model } = evaluation;
const resultOf = (id: string) => results.ranking.find((entry) => entry.bidderId === id)!;
const itemOf = (id: string) => sensitivity.items.find((item) => item.id === id)!;

describe('hand-computed RFP', () => {
  test('TCOs in base pence', () => {
    expect(resultOf('alpha').tco?.baseTotalMinor).toBe(30_000_000);
    expect(resultOf('beta').tco?.baseTotalMinor).toBe(24_000_000);
    expect(resultOf('beta').tco?.totalMinor).toBe(30_000_000);
    expect(resultOf('gamma').tco?.baseTotalMinor).toBe(32_000_000);
    expect(resultOf('delta').tco?.baseTotalMinor).toBe(20_000_000);
  });

  test('excludes c9 for its blank cell', () => {
    expect(results.excludedCriteria).toEqual([{ criterionId: 'c9', blankBidderIds: ['gamma'] }]);
    expect(resultOf('gamma').blankCriterionIds).toEqual(['c9']);
    expect(resultOf('delta').blankCriterionIds).toEqual(['c5']);
    expect(results.complete).toBe(false);
  });

  test('shares after the exclusion', () => {
    const shares = Object.fromEntries(results.shares.criteria.map((entry) => [entry.criterionId, entry.percentTenths]));
    expect(shares).toEqual({ c1: 200, c2: 100, c3: 100, c4: 60, c5: 60, c6: 120, c7: 60, c8: 300, c9: 0 });
    expect(results.shares.sections.map((entry) => entry.percentTenths)).toEqual([400, 300, 300]);
  });

  /*
   * Totals = 100 * sum(share * score / 5):
   * Alpha: .2*.8 + .1*.8 + .1*.6 + .06*.4 + .06*.8 + .12*.8 + .06*1 + .3*.8
   *      = .16 + .08 + .06 + .024 + .048 + .096 + .06 + .24 = .768 -> 76.8
   * Beta:  .2*.6 + .1*.8 + .1*1 + .06*.8 + .06*.4 + .12*.6 + .06*.6 + .3*1
   *      = .12 + .08 + .1 + .048 + .024 + .072 + .036 + .3 = .78 -> 78.0
   * Gamma: .2*.6 (consensus 3) + .1*.4 + .1*.8 + .06*.6 + .06*1 + .12*.8 + .06*.4 + .3*.75
   *      = .12 + .04 + .08 + .036 + .06 + .096 + .024 + .225 = .681 -> 68.1
   * Delta (knocked out, no c5 score): .2*.4 + .1*.2 + .1*.6 + .06*.8 + .12*1 + .06*.4 + .3*1
   *      = .08 + .02 + .06 + .048 + .12 + .024 + .3 = .652 over shares of .94 -> 65.2 / .94 = 69.3617...
   */
  test('weighted totals', () => {
    expect(resultOf('alpha').total).toBeCloseTo(76.8, 10);
    expect(resultOf('beta').total).toBeCloseTo(78, 10);
    expect(resultOf('gamma').total).toBeCloseTo(68.1, 10);
    expect(resultOf('delta').total).toBeCloseTo(65.2 / 0.94, 10);
    expect(resultOf('delta').partialTotal).toBe(true);
  });

  test('ranking puts the knockout last', () => {
    expect(results.ranking.map((entry) => [entry.bidderId, entry.rank])).toEqual([
      ['beta', 1],
      ['alpha', 2],
      ['gamma', 3],
      ['delta', 4],
    ]);
    expect(results.winnerId).toBe('beta');
    expect(results.ties).toEqual([]);
  });

  test('knockout keeps its reason', () => {
    const delta = resultOf('delta');
    expect(delta.knockedOut).toBe(true);
    expect(delta.knockouts).toEqual([
      { criterionId: 'k1', status: 'fail', reasons: Array<string>(3).fill('No ISO 27001 certificate for the delivery site') },
    ]);
    expect(resultOf('beta').knockouts[0]?.status).toBe('pass');
  });

  /*
   * Beta's sections: capability 100 * (.12 + .08 + .1) = 30 points of a 40% share -> 75%;
   * service 100 * (.048 + .024 + .072 + .036) = 18 of 30 -> 60%; cost 30 of 30 -> 100%.
   */
  test('section breakdown of Beta', () => {
    const sections = resultOf('beta').sections;
    expect(sections.map((entry) => entry.points)).toEqual([expect.closeTo(30, 10), expect.closeTo(18, 10), expect.closeTo(30, 10)]);
    expect(sections.map((entry) => entry.percentOfSection)).toEqual([
      expect.closeTo(75, 10),
      expect.closeTo(60, 10),
      expect.closeTo(100, 10),
    ]);
  });

  test('flags and consensus', () => {
    expect(results.noConsensusCells).toEqual([
      { bidderId: 'gamma', criterionId: 'c1' },
      { bidderId: 'alpha', criterionId: 'c2' },
      { bidderId: 'alpha', criterionId: 'c6' },
    ]);
    expect(results.ignoredConsensusCells).toEqual([{ bidderId: 'beta', criterionId: 'c3' }]);
    expect(results.undecidedKnockouts).toEqual([]);
  });

  /*
   * Price criterion c8, current share s = .3. Scores on it in points A: Alpha 80, Beta 100,
   * Gamma 75. Total over the other items R = (T - s * A) / (1 - s):
   *   Alpha (76.8 - 24) / .7 = 528/7, Beta (78 - 30) / .7 = 480/7, Gamma (68.1 - 22.5) / .7 = 456/7.
   * T(t) = R + t (A - R); slopes A - R: Alpha 32/7, Beta 220/7, Gamma 69/7.
   * Beta - Alpha = (480 - 528)/7 + t (220 - 32)/7 = (-48 + 188 t) / 7: zero at t = 48/188 = 12/47,
   *   rising in t, so below 12/47 Alpha leads.
   * Beta - Gamma = (24 + 151 t) / 7: zero at t < 0, never crosses.
   * Alpha - Gamma = (72 - 37 t) / 7: zero at 72/37 > 1, never crosses.
   */
  test('price flip point', () => {
    const item = itemOf('c8');
    expect(item.share).toBeCloseTo(0.3, 12);
    expect(item.winnerRange.low).toBeCloseTo(12 / 47, 12);
    expect(item.winnerRange.high).toBe(1);
    expect(item.lowerFlip?.share).toBeCloseTo(12 / 47, 12);
    expect(item.lowerFlip?.newWinnerId).toBe('alpha');
    expect(item.lowerFlip?.enteredWeight).toBeNull();
    expect(item.upperFlip).toBeNull();
    expect(item.rankingRange.low).toBeCloseTo(12 / 47, 12);
    expect(item.lowerRankFlip?.bidderIds).toEqual(['beta', 'alpha']);
  });

  /*
   * c1, s = .2. A: Alpha 80, Beta 60, Gamma 60 (consensus 3).
   * R: Alpha (76.8 - 16)/.8 = 76, Beta (78 - 12)/.8 = 82.5, Gamma (68.1 - 12)/.8 = 70.125.
   * Slopes A - R: Alpha 4, Beta -22.5, Gamma -10.125.
   * Beta - Alpha = 6.5 - 26.5 t: zero at 6.5/26.5 = 13/53, falling, so above 13/53 Alpha leads.
   * Beta - Gamma = 12.375 - 12.375 t: zero only at t = 1, where no share lies beyond.
   */
  test('criterion c1 flip point', () => {
    const item = itemOf('c1');
    expect(item.winnerRange.low).toBe(0);
    expect(item.winnerRange.high).toBeCloseTo(13 / 53, 12);
    expect(item.upperFlip?.newWinnerId).toBe('alpha');
    expect(item.lowerFlip).toBeNull();
  });

  /*
   * Section service, s = .3. Points: Alpha 100 * (.024 + .048 + .096 + .06) = 22.8, so A = 76;
   * Beta 18, A = 60; Gamma 100 * (.036 + .06 + .096 + .024) = 21.6, A = 72.
   * R: Alpha (76.8 - 22.8)/.7 = 540/7, Beta (78 - 18)/.7 = 600/7, Gamma (68.1 - 21.6)/.7 = 465/7.
   * Slopes: Alpha 76 - 540/7 = -8/7, Beta 60 - 600/7 = -180/7, Gamma 72 - 465/7 = 39/7.
   * Beta - Alpha = 60/7 - 172/7 t: zero at 60/172 = 15/43 ~ .3488; Beta - Gamma = 135/7 - 219/7 t:
   * zero at 45/73 ~ .616, later. So Alpha takes over at 15/43.
   * Entered weight with the other sections at 40 + 30 = 70: w = t / (1 - t) * 70 = 15/28 * 70 = 37.5.
   */
  test('section flip and entered weight', () => {
    const item = itemOf('service');
    expect(item.winnerRange.low).toBe(0);
    expect(item.winnerRange.high).toBeCloseTo(15 / 43, 12);
    expect(item.upperFlip?.newWinnerId).toBe('alpha');
    expect(item.upperFlip?.enteredWeight).toBeCloseTo(37.5, 9);
    expect(item.rankingRange.high).toBeCloseTo(15 / 43, 12);
  });

  /*
   * Section capability, s = .4. A: Alpha 30/.4 = 75, Beta 75, Gamma 24/.4 = 60.
   * R: Alpha (76.8 - 30)/.6 = 78, Beta 80, Gamma 73.5. Beta - Alpha = 2 - 2t reaches 0 only at
   * t = 1; Beta - Gamma = 6.5 + 8.5 t never does. No flip.
   */
  test('capability never flips', () => {
    const item = itemOf('capability');
    expect(item.winnerRange).toEqual({ low: 0, high: 1 });
    expect(item.lowerFlip).toBeNull();
    expect(item.upperFlip).toBeNull();
  });

  /*
   * Tornado of c8 from .15 to .45. At .15: Beta (480 + 33)/7 = 513/7, Alpha (528 + 4.8)/7 = 532.8/7,
   * margin -19.8/7. At .45: Beta (480 + 99)/7 = 579/7, Alpha (528 + 14.4)/7 = 542.4/7, Gamma
   * (456 + 31.05)/7 = 487.05/7, margin 36.6/7. Swing 56.4/7.
   */
  test('tornado bar of the price criterion', () => {
    const bar = itemOf('c8').tornado;
    expect(bar.lowShare).toBeCloseTo(0.15, 12);
    expect(bar.highShare).toBeCloseTo(0.45, 12);
    expect(bar.marginAtLow).toBeCloseTo(-19.8 / 7, 9);
    expect(bar.marginAtBase).toBeCloseTo(1.2, 9);
    expect(bar.marginAtHigh).toBeCloseTo(36.6 / 7, 9);
    expect(bar.swing).toBeCloseTo(56.4 / 7, 9);
    expect(bar.winnerTotalAtHigh).toBeCloseTo(579 / 7, 9);
  });

  /*
   * Service at entered weight 37.5: Alpha and Beta both reach 23100/301 = 76.744...; a tie, which
   * the tie-break by name gives to Alpha. At 37 Beta still wins, at 38 Alpha wins outright.
   */
  test('what-if at the section flip', () => {
    const atFlip = whatIf(model, { sectionWeights: new Map([['service', 37.5]]) });
    expect(atFlip.ranking[0]?.total).toBeCloseTo(23100 / 301, 9);
    expect(atFlip.ties.map((tie) => [tie.bidderIds, tie.firstRank])).toEqual([[['alpha', 'beta'], 1]]);
    expect(atFlip.ties[0]?.total).toBeCloseTo(23100 / 301, 9);
    expect(atFlip.winnerId).toBe('alpha');
    expect(whatIf(model, { sectionWeights: new Map([['service', 37]]) }).winnerId).toBe('beta');
    expect(whatIf(model, { sectionWeights: new Map([['service', 38]]) }).winnerId).toBe('alpha');
  });

  test('what-if share past the price flip', () => {
    expect(whatIf(model, { share: { kind: 'criterion', id: 'c8', share: 0.25 } }).winnerId).toBe('alpha');
    expect(whatIf(model, { share: { kind: 'criterion', id: 'c8', share: 0.26 } }).winnerId).toBe('beta');
  });
});

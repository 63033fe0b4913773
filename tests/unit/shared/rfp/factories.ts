/** Builders for RFP engine inputs with readable ids. */
import type { ScoringScale } from '../../../../shared/domain/rfp';
import type {
  BidderInput,
  ConsensusInput,
  CriterionInput,
  EvaluatorInput,
  EventInput,
  PriceBidInput,
  RfpInput,
  ScoreInput,
  SectionInput,
} from '../../../../shared/rfp/input';
import { defaultScale } from '../../../../shared/rfp/scale';

export function scaleOf(values: readonly number[]): ScoringScale {
  return { levels: values.map((value) => ({ value, label: `L${String(value)}`, description: `Level ${String(value)}` })) };
}

export function makeEvent(data: Partial<EventInput> = {}): EventInput {
  return { phase: 'consensus', baseCurrency: 'GBP', termMonths: 24, priceScoreMethod: 'lowestOverBid', ...data };
}

export function section(id: string, weight: number, order: number): SectionInput {
  return { id, weight, order };
}

export function scored(id: string, sectionId: string, weight: number, order: number, scale: ScoringScale = defaultScale): CriterionInput {
  return { id, sectionId, kind: 'scored', weight, order, scale };
}

export function knockout(id: string, sectionId: string, order: number): CriterionInput {
  return { id, sectionId, kind: 'knockout', weight: 0, order, scale: null };
}

export function price(id: string, sectionId: string, weight: number, order: number): CriterionInput {
  return { id, sectionId, kind: 'price', weight, order, scale: defaultScale };
}

export function bidder(id: string, name: string = id): BidderInput {
  return { id, name };
}

export function evaluator(id: string, data: Partial<EvaluatorInput> = {}): EvaluatorInput {
  return { id, evaluatorName: id, sectionIds: null, conflictStatus: 'none', conflictBidderIds: [], ...data };
}

/** Makes one score per evaluator, in the order of `evaluatorIds`; `null` entries are blanks. */
export function scoresFor(
  criterionId: string,
  bidderId: string,
  evaluatorIds: readonly string[],
  values: readonly (number | null)[],
  comment = '',
): ScoreInput[] {
  return values.map((value, index) => ({ evaluatorId: evaluatorIds[index] ?? '', bidderId, criterionId, value, comment }));
}

export function consensus(criterionId: string, bidderId: string, value: number, reason: string): ConsensusInput {
  return { bidderId, criterionId, value, reason };
}

/** Makes a price bid with one one-time charge and one monthly charge. */
export function monthlyBid(bidderId: string, oneTimeMinor: number, monthlyMinor: number, currency = 'GBP', rate = 1): PriceBidInput {
  return {
    bidderId,
    round: 1,
    currency,
    oneTimeCharges: [{ label: 'Transition', amountMinor: oneTimeMinor }],
    recurringCharges: [{ label: 'Service', amountMinor: monthlyMinor, period: 'month' }],
    exchangeRateToBase: rate,
    exchangeRateDate: '2026-03-02',
  };
}

export function emptyInput(data: Partial<RfpInput> = {}): RfpInput {
  return {
    event: makeEvent(),
    sections: [],
    criteria: [],
    bidders: [],
    evaluators: [],
    scores: [],
    consensusScores: [],
    priceBids: [],
    ...data,
  };
}

/** Plain data the scoring engine reads: the RFP's records, each with its id but without sync metadata. */
import type {
  BidderData,
  ConsensusScoreData,
  EvaluatorAssignmentData,
  PriceBidData,
  RfpCriterionData,
  RfpEventData,
  RfpSectionData,
  ScoreData,
} from '../domain/rfp';
import type { Id } from '../domain/types';

/** A record's data with its id; stored records (`SyncFields & ...Data`) satisfy it. */
export type WithId<T> = { readonly id: Id } & T;

export type EventInput = Pick<RfpEventData, 'phase' | 'baseCurrency' | 'termMonths' | 'priceScoreMethod'>;
export type SectionInput = WithId<Pick<RfpSectionData, 'weight' | 'order'>>;
export type CriterionInput = WithId<Pick<RfpCriterionData, 'sectionId' | 'kind' | 'weight' | 'scale' | 'order'>>;
export type BidderInput = WithId<Pick<BidderData, 'name'>>;
export type EvaluatorInput = WithId<Pick<EvaluatorAssignmentData, 'evaluatorName' | 'sectionIds' | 'conflictStatus' | 'conflictBidderIds'>>;
export type ScoreInput = Pick<ScoreData, 'evaluatorId' | 'bidderId' | 'criterionId' | 'value' | 'comment'>;
export type ConsensusInput = Pick<ConsensusScoreData, 'bidderId' | 'criterionId' | 'value' | 'reason'>;
export type PriceBidInput = Pick<
  PriceBidData,
  'bidderId' | 'round' | 'currency' | 'oneTimeCharges' | 'recurringCharges' | 'exchangeRateToBase' | 'exchangeRateDate'
>;

/** Everything the engine needs about one RFP. Records of other RFPs must not be mixed in. */
export interface RfpInput {
  readonly event: EventInput;
  readonly sections: readonly SectionInput[];
  readonly criteria: readonly CriterionInput[];
  readonly bidders: readonly BidderInput[];
  readonly evaluators: readonly EvaluatorInput[];
  readonly scores: readonly ScoreInput[];
  readonly consensusScores: readonly ConsensusInput[];
  readonly priceBids: readonly PriceBidInput[];
}

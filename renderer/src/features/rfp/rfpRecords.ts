/**
 * Records of one RFP as the screens read them: every field of each record with its id. Stored
 * records satisfy these types, and so does a plain object built in a test. `RfpRecords` is also
 * a valid engine input (`RfpInput`), because the engine reads a subset of the same fields.
 */
import type {
  BidderData,
  ConsensusScoreData,
  EvaluatorAssignmentData,
  PriceBidData,
  RfpCriterionData,
  RfpEventData,
  RfpSectionData,
  ScoreData,
} from '@shared/domain/rfp';
import type { WithId } from '@shared/rfp/input';

export type RfpEventRecord = WithId<RfpEventData>;
export type RfpSectionRecord = WithId<RfpSectionData>;
export type RfpCriterionRecord = WithId<RfpCriterionData>;
export type BidderRecord = WithId<BidderData>;
export type EvaluatorRecord = WithId<EvaluatorAssignmentData>;
export type ScoreRecord = WithId<ScoreData>;
export type ConsensusRecord = WithId<ConsensusScoreData>;
export type PriceBidRecord = WithId<PriceBidData>;

export interface RfpRecords {
  readonly event: RfpEventRecord;
  readonly sections: readonly RfpSectionRecord[];
  readonly criteria: readonly RfpCriterionRecord[];
  readonly bidders: readonly BidderRecord[];
  readonly evaluators: readonly EvaluatorRecord[];
  readonly scores: readonly ScoreRecord[];
  readonly consensusScores: readonly ConsensusRecord[];
  readonly priceBids: readonly PriceBidRecord[];
}

/**
 * RFP scoring entities: a sourcing event, its criteria tree, bidders, evaluators, their scores,
 * consensus scores and price bids. Each `...Data` interface is the stored part of a record; a
 * stored record is `SyncFields & ...Data`, like the portfolio entities in `types.ts`. The
 * scoring maths on these records lives in `shared/rfp/`.
 */
import type { CalendarDate, Id, SyncFields } from './types';

/**
 * Stage of an RFP, in the order an RFP normally passes through them:
 * - `draft`: the criteria tree, bidders and evaluators are being prepared.
 * - `open`: the RFP is issued and bidders are preparing their responses.
 * - `scoring`: evaluators score the responses. Scores are sealed: each evaluator sees only their own.
 * - `consensus`: every evaluator sees every score so that the panel can agree consensus scores.
 * - `awarded`: the contract went to one bidder. Everything is read-only.
 * - `cancelled`: the RFP was stopped before an award. Everything is read-only.
 * `shared/rfp/phases.ts` holds the allowed transitions and their rules.
 */
export type RfpPhase = 'draft' | 'open' | 'scoring' | 'consensus' | 'awarded' | 'cancelled';

/**
 * Rule that turns total costs of ownership into the price criterion's score:
 * - `lowestOverBid`: `min + (max - min) * lowest TCO / bid TCO`, which is `lowest / bid * max` on a scale from 0.
 * - `linear`: the lowest TCO gets the scale maximum, the highest TCO the scale minimum, and TCOs between them lie on a straight line.
 * - `manual`: evaluators score the price criterion like any other criterion.
 */
export type PriceScoreMethod = 'lowestOverBid' | 'linear' | 'manual';

export interface RfpEventData {
  readonly title: string;
  /** Summary of the sourcing event, shown to evaluators. */
  readonly description: string;
  /** Processes to outsource, one name each, for example "Accounts payable"; in the order entered. */
  readonly scope: readonly string[];
  readonly phase: RfpPhase;
  /** ISO 4217 code of the currency that all prices are converted to, for example `GBP`. */
  readonly baseCurrency: string;
  /** Contract term in whole months; recurring charges are counted over this term. */
  readonly termMonths: number;
  readonly priceScoreMethod: PriceScoreMethod;
  /** Date the RFP went out, or `null` while in draft. Opening the RFP sets it when still `null`. */
  readonly issuedOn: CalendarDate | null;
  /** Last day for bidders' questions, or `null` when not set. */
  readonly questionsDueOn: CalendarDate | null;
  /** Last day for bids, or `null` when not set. */
  readonly responseDueOn: CalendarDate | null;
  /** Date by which the contract should be awarded, or `null` when not set. */
  readonly awardTargetOn: CalendarDate | null;
  /** Bidder the contract was awarded to; set only in phase `awarded`. */
  readonly awardedBidderId: Id | null;
  /** Reason for the award, kept for the audit trail; empty until the award. */
  readonly awardReason: string;
  /** Draft contract created or linked by the award, or `null` before it. */
  readonly awardedContractId: Id | null;
}
export type RfpEvent = SyncFields & RfpEventData;

/** A group of criteria with its own weight, such as "Security and compliance". */
export interface RfpSectionData {
  readonly rfpId: Id;
  /** Key of the template section it was created from, for example `bpo.security`; `null` for a section added by hand. */
  readonly templateKey: string | null;
  readonly title: string;
  readonly description: string;
  /**
   * Weight as entered, any non-negative number (points or percent). A section's share of the
   * total is its weight divided by the sum of the weights of all sections that have weighted criteria.
   */
  readonly weight: number;
  /** Position among the RFP's sections, ascending; ties are ordered by id. */
  readonly order: number;
}
export type RfpSection = SyncFields & RfpSectionData;

/**
 * Assessment method of a criterion:
 * - `scored`: evaluators score it on its scale, and it counts with its weight.
 * - `knockout`: pass or fail with no weight. A bidder that fails it ranks last, whatever its total.
 * - `price`: scored from the bidders' total costs of ownership by the RFP's price score method. An RFP has at most one.
 */
export type RfpCriterionKind = 'scored' | 'knockout' | 'price';

/** One point of a scoring scale with the text evaluators read before they choose it. */
export interface ScaleLevel {
  /** Score value of the level, in the scale's units. */
  readonly value: number;
  /** Short name of the level, for example "Good". */
  readonly label: string;
  /** Evidence a bid must show to earn this level. */
  readonly description: string;
}

/** Scoring scale of a criterion: the allowed values are exactly the level values. */
export interface ScoringScale {
  /** Levels in ascending order of value; the first is the scale minimum and the last the maximum. */
  readonly levels: readonly ScaleLevel[];
}

export interface RfpCriterionData {
  readonly rfpId: Id;
  readonly sectionId: Id;
  /** Key of the template criterion it was created from, for example `bpo.security.soc2Type2`; `null` when added by hand. */
  readonly templateKey: string | null;
  readonly title: string;
  /** Guidance for evaluators on the evidence to look for in the bid. */
  readonly description: string;
  readonly kind: RfpCriterionKind;
  /**
   * Weight within its section as entered, any non-negative number. The criterion's share of its
   * section is this weight over the sum of the section's criterion weights. Ignored for knockouts.
   */
  readonly weight: number;
  /** Scale for `scored` and `price` criteria; `null` for knockouts, which are pass (1) or fail (0). */
  readonly scale: ScoringScale | null;
  /**
   * When the criterion applies, for example "only where the provider stores or processes
   * cardholder data". Empty when it always applies.
   */
  readonly applicabilityNote: string;
  /** Position within its section, ascending; ties are ordered by id. */
  readonly order: number;
}
export type RfpCriterion = SyncFields & RfpCriterionData;

export interface BidderData {
  readonly rfpId: Id;
  /** Name of the bidding company as it appears in its bid. */
  readonly name: string;
  /** Provider in the portfolio that this bidder is, when it is already one. */
  readonly providerId: Id | null;
}
export type Bidder = SyncFields & BidderData;

/**
 * Conflict-of-interest declaration of an evaluator: `pending` until made, `none` when the
 * evaluator declares no conflict, `declared` when they name bidders they have a conflict with.
 */
export type ConflictStatus = 'pending' | 'none' | 'declared';

/** A person on the RFP's evaluation panel, with the sections they score and their conflict-of-interest declaration. */
export interface EvaluatorAssignmentData {
  readonly rfpId: Id;
  /** Evaluator's name as shown on the matrix. */
  readonly evaluatorName: string;
  /** Evaluator's role or department, for example "Finance" or "IT security". */
  readonly role: string;
  /** Sections the evaluator scores; `null` for every section. */
  readonly sectionIds: readonly Id[] | null;
  readonly conflictStatus: ConflictStatus;
  /** Bidders the evaluator has a conflict with; their scores for these bidders never count. Empty unless `declared`. */
  readonly conflictBidderIds: readonly Id[];
  /** The evaluator's own words on the conflict, or on having none. */
  readonly conflictStatement: string;
  /** Date of the declaration; `null` while `pending`. */
  readonly conflictDeclaredOn: CalendarDate | null;
}
export type EvaluatorAssignment = SyncFields & EvaluatorAssignmentData;

/** One evaluator's score of one bidder on one criterion. */
export interface ScoreData {
  readonly rfpId: Id;
  /** Id of the `EvaluatorAssignment`. */
  readonly evaluatorId: Id;
  readonly bidderId: Id;
  readonly criterionId: Id;
  /**
   * A level value of the criterion's scale; for a knockout 1 (pass) or 0 (fail). `null` is a
   * blank: not scored yet, which is never read as zero.
   */
  readonly value: number | null;
  /** Evaluator's reasoning. Required for a score at either end of the scale and for a knockout fail. */
  readonly comment: string;
}
export type Score = SyncFields & ScoreData;

/** The panel's agreed score of one bidder on one criterion; it replaces the mean of the evaluators' scores. */
export interface ConsensusScoreData {
  readonly rfpId: Id;
  readonly bidderId: Id;
  readonly criterionId: Id;
  /** A level value of the criterion's scale; for a knockout 1 (pass) or 0 (fail). */
  readonly value: number;
  /** Panel's reason for the value. A consensus score with an empty reason is ignored. */
  readonly reason: string;
  /** Date the panel agreed it. */
  readonly agreedOn: CalendarDate;
}
export type ConsensusScore = SyncFields & ConsensusScoreData;

/** A charge paid once, such as a transition or set-up fee. */
export interface OneTimeCharge {
  readonly label: string;
  /** Amount in minor units of the bid's currency; negative for a credit. */
  readonly amountMinor: number;
}

/** Months covered by one payment of a recurring charge. */
export type ChargePeriod = 'month' | 'quarter' | 'year';

/** A charge paid every period over the contract term, such as a monthly service fee. */
export interface RecurringCharge {
  readonly label: string;
  /** Amount per period in minor units of the bid's currency; negative for a credit. */
  readonly amountMinor: number;
  readonly period: ChargePeriod;
}

/** A bidder's price, in the bidder's currency, with the exchange rate used to compare it. */
export interface PriceBidData {
  readonly rfpId: Id;
  readonly bidderId: Id;
  /**
   * Pricing round: 1 for the first bid, 2 and on for revised or best-and-final offers. Scoring
   * uses each bidder's highest round.
   */
  readonly round: number;
  /** ISO 4217 code of the bid's currency. */
  readonly currency: string;
  readonly oneTimeCharges: readonly OneTimeCharge[];
  readonly recurringCharges: readonly RecurringCharge[];
  /** Base-currency major units per one major unit of the bid's currency, for example 0.85 GBP per EUR; 1 when the currencies match. */
  readonly exchangeRateToBase: number;
  /** Date on which the exchange rate was quoted. */
  readonly exchangeRateDate: CalendarDate;
  readonly submittedOn: CalendarDate;
}
export type PriceBid = SyncFields & PriceBidData;

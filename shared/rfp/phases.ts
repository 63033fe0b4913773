/**
 * The RFP's status flow: which phase may follow which, the rule each step checks, and which
 * edits each phase allows.
 *
 * draft -> open -> scoring -> consensus -> awarded, and every phase before `awarded` may go to
 * `cancelled`. The flow only moves forward: once evaluators have seen each other's scores in
 * `consensus`, reopening sealed scoring would no longer keep them independent.
 */
import type { RfpEventData, RfpPhase } from '../domain/rfp';
import type { BidderInput, CriterionInput, EvaluatorInput, EventInput, ScoreInput, SectionInput } from './input';
import type { RfpIssue } from './issues';
import { rfpError } from './issues';
import { validateCriteriaTree } from './validation';

/** Every phase, in flow order. */
export const rfpPhases: readonly RfpPhase[] = ['draft', 'open', 'scoring', 'consensus', 'awarded', 'cancelled'];

const transitions: Readonly<Record<RfpPhase, readonly RfpPhase[]>> = {
  draft: ['open', 'cancelled'],
  open: ['scoring', 'cancelled'],
  scoring: ['consensus', 'cancelled'],
  consensus: ['awarded', 'cancelled'],
  awarded: [],
  cancelled: [],
};

/** Returns the phases an RFP in `phase` may move to; empty for `awarded` and `cancelled`. */
export function nextPhases(phase: RfpPhase): readonly RfpPhase[] {
  return transitions[phase];
}

/** Checks whether `phase` is final, so that nothing of the RFP may change any more. */
export function isFinalPhase(phase: RfpPhase): boolean {
  return phase === 'awarded' || phase === 'cancelled';
}

/** What an RFP looks like when a transition is checked: its event and the records the rules count. */
export interface TransitionFacts {
  readonly event: EventInput & Pick<RfpEventData, 'awardedBidderId' | 'awardReason'>;
  readonly sections: readonly SectionInput[];
  readonly criteria: readonly CriterionInput[];
  readonly bidders: readonly BidderInput[];
  readonly evaluators: readonly EvaluatorInput[];
  readonly scores: readonly ScoreInput[];
}

/**
 * Checks a move from `facts.event.phase` to `to` and returns its errors; an empty list allows it.
 * Rules by target phase:
 * - any: `to` must be one of `nextPhases` of the current phase (`rfp.invalidTransition`).
 * - `open` and `scoring`: at least one bidder (`rfp.noBidders`) and a criteria tree without errors
 *   (weights, scales, at most one price criterion; the codes of `validateCriteriaTree`).
 * - `scoring`: at least one evaluator (`rfp.noEvaluators`).
 * - `consensus`: at least one score that is not blank (`rfp.noScores`).
 * - `awarded`: `awardedBidderId` names one of the bidders (`rfp.awardBidderMissing`) and
 *   `awardReason` is not blank (`rfp.awardReasonMissing`).
 * - `cancelled`: no rule beyond the first.
 */
export function checkPhaseTransition(facts: TransitionFacts, to: RfpPhase): RfpIssue[] {
  const from = facts.event.phase;
  if (!nextPhases(from).includes(to)) {
    return [rfpError('rfp.invalidTransition', null, 'phase', { from, to })];
  }

  const issues: RfpIssue[] = [];
  if (to === 'open' || to === 'scoring') {
    if (facts.bidders.length === 0) issues.push(rfpError('rfp.noBidders', null, null, { to }));
    const treeErrors = validateCriteriaTree(facts.event, facts.sections, facts.criteria).filter((issue) => issue.severity === 'error');
    issues.push(...treeErrors);
  }
  if (to === 'scoring' && facts.evaluators.length === 0) {
    issues.push(rfpError('rfp.noEvaluators', null, null, { to }));
  }
  if (to === 'consensus' && !facts.scores.some((score) => score.value !== null)) {
    issues.push(rfpError('rfp.noScores', null, null, { to }));
  }
  if (to === 'awarded') {
    const winner = facts.event.awardedBidderId;
    if (winner === null || !facts.bidders.some((bidder) => bidder.id === winner)) {
      issues.push(rfpError('rfp.awardBidderMissing', null, 'awardedBidderId', { value: winner ?? '' }));
    }
    if (facts.event.awardReason.trim() === '') {
      issues.push(rfpError('rfp.awardReasonMissing', null, 'awardReason', {}));
    }
  }
  return issues;
}

/**
 * Kinds of change to an RFP, each allowed in some phases only:
 * - `event`: title, description, scope, dates and other fields of the event itself.
 * - `criteriaTree`: adding or removing sections and criteria, and their weights, kinds and scales.
 * - `criteriaText`: titles, descriptions and notes of sections and criteria.
 * - `bidders`: adding and removing bidders.
 * - `evaluators`: adding evaluators.
 * - `conflictDeclaration`: an evaluator's conflict-of-interest declaration.
 * - `priceBids`: entering or revising a bidder's price.
 */
export type RfpEdit = 'event' | 'criteriaTree' | 'criteriaText' | 'bidders' | 'evaluators' | 'conflictDeclaration' | 'priceBids';

/**
 * Phases in which each edit is allowed. The criteria tree is fixed once the RFP is issued,
 * because bidders answer it and scores refer to its criteria. Evaluators and their declarations
 * must be settled before the panel sees each other's scores in `consensus`.
 */
const editablePhases: Readonly<Record<RfpEdit, readonly RfpPhase[]>> = {
  event: ['draft', 'open', 'scoring', 'consensus'],
  criteriaTree: ['draft'],
  criteriaText: ['draft', 'open', 'scoring', 'consensus'],
  bidders: ['draft', 'open'],
  evaluators: ['draft', 'open', 'scoring'],
  conflictDeclaration: ['draft', 'open', 'scoring'],
  priceBids: ['open', 'scoring', 'consensus'],
};

/** Checks whether an RFP in `phase` allows `edit`. Scores and consensus scores have their own phase checks in `validation.ts`. */
export function mayEdit(phase: RfpPhase, edit: RfpEdit): boolean {
  return editablePhases[edit].includes(phase);
}

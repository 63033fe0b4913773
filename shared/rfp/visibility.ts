/**
 * What an evaluator may see. Scoring is sealed: in `draft`, `open` and `scoring`, each evaluator
 * sees only their own scores, so that no one anchors on a colleague's. In `consensus` and
 * `awarded`, the panel sees every score and consensus score, except that an evaluator never sees
 * scores or consensus scores for a bidder they declared a conflict with. A `cancelled` RFP stays
 * sealed, because it may have been stopped during scoring. An evaluator whose
 * conflict-of-interest declaration is still `pending` sees only their own scores in every phase.
 */
import type { RfpPhase } from '../domain/rfp';
import type { Id } from '../domain/types';
import type { ConsensusInput, EvaluatorInput, ScoreInput } from './input';

export interface EvaluatorView<S extends ScoreInput, C extends ConsensusInput> {
  /** The evaluator's own scores. */
  readonly own: readonly S[];
  /** Other evaluators' scores the evaluator may read; empty while scoring is sealed. */
  readonly others: readonly S[];
  readonly consensusScores: readonly C[];
  /** Whether the evaluator may see totals and the ranking. */
  readonly mayViewResults: boolean;
  /** Bidders whose scores, consensus scores and results must be hidden from this evaluator because of a declared conflict. */
  readonly hiddenBidderIds: readonly Id[];
}

/** Selects the scores and consensus scores `evaluator` may see in `phase`. */
export function evaluatorView<S extends ScoreInput, C extends ConsensusInput>(
  phase: RfpPhase,
  evaluator: EvaluatorInput,
  scores: readonly S[],
  consensusScores: readonly C[],
): EvaluatorView<S, C> {
  const own = scores.filter((score) => score.evaluatorId === evaluator.id);
  const hiddenBidderIds = evaluator.conflictStatus === 'declared' ? [...evaluator.conflictBidderIds] : [];
  const unsealed = (phase === 'consensus' || phase === 'awarded') && evaluator.conflictStatus !== 'pending';
  if (!unsealed) {
    return { own, others: [], consensusScores: [], mayViewResults: false, hiddenBidderIds };
  }

  const hidden = new Set(hiddenBidderIds);
  return {
    own,
    others: scores.filter((score) => score.evaluatorId !== evaluator.id && !hidden.has(score.bidderId)),
    consensusScores: consensusScores.filter((consensus) => !hidden.has(consensus.bidderId)),
    mayViewResults: true,
    hiddenBidderIds,
  };
}

/**
 * The Sync screen's handling of evaluator files (manifest scope `rfp`). On the lead's laptop a
 * merge takes in only the evaluator's scores and conflict-of-interest declaration. A portfolio
 * created from an evaluator file is remembered as that evaluator's copy, and files merged into
 * it are taken in whole, so the lead can send an updated evaluator file.
 */
import type { Id } from '@shared/domain/types';
import type { EvaluatorScope, ParsedFile } from '@shared/file';
import { evaluatorScoresOnly } from '@shared/rfp/evaluatorScope';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { useEvaluatorCopyStore } from '../rfp/evaluatorCopyStore';
import { useRfpUiStore } from '../rfp/rfpUiStore';

function sameScope(a: EvaluatorScope | undefined, b: EvaluatorScope): boolean {
  return a?.rfpId === b.rfpId && a.evaluatorId === b.evaluatorId;
}

/**
 * Returns the snapshot to merge into the portfolio `portfolioId`: the file's whole snapshot,
 * except for an evaluator file merged anywhere but into that evaluator's own copy, which gives
 * only the evaluator's scores and declaration (see `evaluatorScoresOnly`). `copyScope` is the
 * evaluator scope the receiving portfolio was created from, if any.
 */
export function snapshotToMerge(file: ParsedFile, copyScope: EvaluatorScope | undefined): PortfolioSnapshot {
  const scope = file.manifest.scope?.rfp;
  if (scope === undefined || sameScope(copyScope, scope)) return file.snapshot;
  return evaluatorScoresOnly(file.snapshot, scope);
}

/** Returns `snapshotToMerge` for the portfolio `portfolioId`, reading this laptop's evaluator copies. */
export function snapshotToMergeInto(file: ParsedFile, portfolioId: Id): PortfolioSnapshot {
  return snapshotToMerge(file, useEvaluatorCopyStore.getState().copies[portfolioId]);
}

/**
 * Records, after a portfolio was created from `file`, that it is the evaluator's copy when the
 * file is an evaluator file, and makes that evaluator the one who scores on this laptop.
 */
export function rememberEvaluatorFile(file: ParsedFile): void {
  const scope = file.manifest.scope?.rfp;
  if (scope === undefined) return;
  useEvaluatorCopyStore.getState().rememberCopy(file.snapshot.portfolioId, scope);
  useRfpUiStore.getState().chooseEvaluator(scope.rfpId, scope.evaluatorId);
}

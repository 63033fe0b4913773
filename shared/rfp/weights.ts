/**
 * Weights of the criteria tree: from the weights as entered to each section's and criterion's
 * effective share of the total, and the rounded percentages shown on screen.
 *
 * A criterion's share is `section weight / sum of counting section weights` times
 * `criterion weight / sum of the section's counting criterion weights`. A criterion counts when
 * it is `scored` or `price` and not excluded; a section counts when its counting criteria have a
 * positive weight sum. Knockouts have no weight. Negative or non-finite weights are taken as 0
 * here; `validateCriteriaTree` reports them.
 */
import type { Id } from '../domain/types';
import type { CriterionInput, SectionInput } from './input';
import { positionsById, sortCriteria, sortSections } from './order';

/** Tenths of a percent in the whole: displayed shares are whole tenths that add up to exactly 100.0%. */
export const percentTenthsTotal = 1000;

export interface SectionShare {
  readonly sectionId: Id;
  readonly enteredWeight: number;
  /** Effective share of the total, 0 to 1, unrounded; the results use this value. */
  readonly share: number;
  /** Share for display in tenths of a percent (123 is 12.3%); the sections' values add up to 1000 exactly. */
  readonly percentTenths: number;
}

export interface CriterionShare {
  readonly criterionId: Id;
  readonly sectionId: Id;
  readonly enteredWeight: number;
  /** Share of its section, 0 to 1; 0 when the section's share is 0. */
  readonly shareOfSection: number;
  /** Effective share of the total, 0 to 1, unrounded; the results use this value. */
  readonly share: number;
  /**
   * Share for display in tenths of a percent. All criteria add up to 1000 exactly, and the
   * criteria of a section add up to that section's `percentTenths`.
   */
  readonly percentTenths: number;
}

export interface WeightShares {
  /** Sections in display order. */
  readonly sections: readonly SectionShare[];
  /** Weighted (`scored` and `price`) criteria in display order; knockouts are not listed. */
  readonly criteria: readonly CriterionShare[];
}

/** Entered weight as the maths reads it: negative, NaN and infinite weights count as 0. */
export function usableWeight(weight: number): number {
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * Fills `shares` with each criterion's effective share and `sectionShares` with each section's,
 * by index. `takesPart[c]` is 1 for a criterion that counts. `sectionTotals` is scratch space of
 * one entry per section. Returns the sum of the entered weights of the counting sections.
 * Every share is 0 when no criterion counts with a positive weight.
 */
export function fillShares(
  sectionWeights: ArrayLike<number>,
  criterionWeights: ArrayLike<number>,
  criterionSection: ArrayLike<number>,
  takesPart: ArrayLike<number>,
  sectionTotals: Float64Array,
  shares: Float64Array,
  sectionShares: Float64Array,
): number {
  const criterionCount = shares.length;
  sectionTotals.fill(0);
  for (let c = 0; c < criterionCount; c++) {
    if (takesPart[c] === 1) {
      const section = criterionSection[c] ?? 0;
      sectionTotals[section] = (sectionTotals[section] ?? 0) + usableWeight(criterionWeights[c] ?? 0);
    }
  }

  let sectionSum = 0;
  for (let s = 0; s < sectionTotals.length; s++) {
    if ((sectionTotals[s] ?? 0) > 0) {
      sectionSum += usableWeight(sectionWeights[s] ?? 0);
    }
  }
  for (let s = 0; s < sectionTotals.length; s++) {
    sectionShares[s] = sectionSum > 0 && (sectionTotals[s] ?? 0) > 0 ? usableWeight(sectionWeights[s] ?? 0) / sectionSum : 0;
  }

  for (let c = 0; c < criterionCount; c++) {
    const section = criterionSection[c] ?? 0;
    const total = sectionTotals[section] ?? 0;
    shares[c] = takesPart[c] === 1 && total > 0 ? ((sectionShares[section] ?? 0) * usableWeight(criterionWeights[c] ?? 0)) / total : 0;
  }
  return sectionSum;
}

/**
 * Computes the effective shares of a criteria tree and their display percentages. Criteria in
 * `excludedCriterionIds` count as if removed from the tree: their siblings take their share, and
 * a section left with no counting criteria passes its share to the other sections.
 */
export function computeWeightShares(
  sections: readonly SectionInput[],
  criteria: readonly CriterionInput[],
  excludedCriterionIds: ReadonlySet<Id> = new Set(),
): WeightShares {
  const orderedSections = sortSections(sections);
  const sectionPosition = positionsById(orderedSections);
  const ordered = sortCriteria(criteria, sectionPosition);

  const criterionSection = Int32Array.from(ordered, (criterion) => sectionPosition.get(criterion.sectionId) ?? 0);
  const takesPart = Uint8Array.from(ordered, (criterion) =>
    criterion.kind === 'knockout' || excludedCriterionIds.has(criterion.id) ? 0 : 1,
  );
  const shares = new Float64Array(ordered.length);
  const sectionShares = new Float64Array(orderedSections.length);
  fillShares(
    orderedSections.map((section) => section.weight),
    ordered.map((criterion) => criterion.weight),
    criterionSection,
    takesPart,
    new Float64Array(orderedSections.length),
    shares,
    sectionShares,
  );
  return describeShares(orderedSections, ordered, criterionSection, sectionShares, shares);
}

/**
 * Builds the share list from share arrays indexed like the sorted `sections` and `criteria`;
 * knockouts are left out. `enteredWeights` replaces the records' weights in the output, for a
 * what-if with changed weights. Display rounding is the largest-remainder method in tenths of a
 * percent, applied first to the sections (to a total of 1000) and then to each section's
 * criteria (to that section's tenths). So each displayed value is within 0.1 percentage points
 * of the unrounded share, the sections add up to 100.0%, and each section's criteria add up to
 * the section's displayed value. Equal remainders go to the earlier item in display order.
 */
export function describeShares(
  sections: readonly SectionInput[],
  criteria: readonly CriterionInput[],
  criterionSection: ArrayLike<number>,
  sectionShares: ArrayLike<number>,
  shares: ArrayLike<number>,
  enteredWeights?: { readonly sections: ArrayLike<number>; readonly criteria: ArrayLike<number> },
): WeightShares {
  const sectionTenths = apportion(Array.from(sectionShares, (share) => share * percentTenthsTotal));
  const criterionTenths = new Array<number>(criteria.length).fill(0);
  sections.forEach((_, s) => {
    const members: number[] = [];
    criteria.forEach((criterion, c) => {
      if (criterion.kind !== 'knockout' && criterionSection[c] === s) {
        members.push(c);
      }
    });
    const rounded = apportion(
      members.map((c) => (shares[c] ?? 0) * percentTenthsTotal),
      sectionTenths[s] ?? 0,
    );
    members.forEach((c, index) => {
      criterionTenths[c] = rounded[index] ?? 0;
    });
  });

  const criterionShares: CriterionShare[] = [];
  criteria.forEach((criterion, c) => {
    if (criterion.kind === 'knockout') {
      return;
    }
    const sectionShare = sectionShares[criterionSection[c] ?? 0] ?? 0;
    const share = shares[c] ?? 0;
    criterionShares.push({
      criterionId: criterion.id,
      sectionId: criterion.sectionId,
      enteredWeight: enteredWeights?.criteria[c] ?? criterion.weight,
      shareOfSection: sectionShare > 0 ? share / sectionShare : 0,
      share,
      percentTenths: criterionTenths[c] ?? 0,
    });
  });

  return {
    sections: sections.map((section, s) => ({
      sectionId: section.id,
      enteredWeight: enteredWeights?.sections[s] ?? section.weight,
      share: sectionShares[s] ?? 0,
      percentTenths: sectionTenths[s] ?? 0,
    })),
    criteria: criterionShares,
  };
}

/**
 * Rounds non-negative `exact` values to whole numbers that add up to `target` by the largest-
 * remainder method: every value is rounded down, then the units still missing go one each to
 * the largest remainders, earlier index first on equal remainders. `target` defaults to the
 * rounded sum of `exact`. When `exact` is empty or sums to 0, every value is 0.
 */
export function apportion(exact: readonly number[], target: number = Math.round(exact.reduce((sum, value) => sum + value, 0))): number[] {
  if (exact.length === 0 || target <= 0) {
    return exact.map(() => 0);
  }
  // The small allowance keeps 299.99999999997 (float noise from a share times 1000) from flooring to 299.
  const floors = exact.map((value) => Math.max(0, Math.floor(value + 1e-9)));
  const remainders = exact.map((value, index) => value - (floors[index] ?? 0));
  let missing = target - floors.reduce((sum, value) => sum + value, 0);

  const byRemainder = exact.map((_, index) => index).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (let k = 0; missing > 0 && byRemainder.length > 0; k = (k + 1) % byRemainder.length) {
    const index = byRemainder[k] ?? 0;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  // Float noise or a target below the sum of `exact` can put the floors over the target; take the excess back from the smallest remainders.
  for (let k = byRemainder.length - 1; missing < 0 && k >= 0; k--) {
    const index = byRemainder[k] ?? 0;
    if ((floors[index] ?? 0) > 0) {
      floors[index] = (floors[index] ?? 0) - 1;
      missing += 1;
    }
  }
  return floors;
}

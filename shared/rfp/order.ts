/** Deterministic orders for RFP records, the same on every machine whatever its locale. */
import type { BidderInput, CriterionInput, EvaluatorInput, SectionInput } from './input';

/** Compares strings by UTF-16 code units, unlike `localeCompare`, so the order never depends on the machine. */
export function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

export function sortSections<T extends SectionInput>(sections: readonly T[]): T[] {
  return [...sections].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
}

/**
 * Sorts criteria by their section's position, then by their own order and id. Criteria whose
 * section is not in `sectionPosition` are left out.
 */
export function sortCriteria<T extends CriterionInput>(criteria: readonly T[], sectionPosition: ReadonlyMap<string, number>): T[] {
  const known = criteria.filter((criterion) => sectionPosition.has(criterion.sectionId));
  return known.sort(
    (a, b) =>
      (sectionPosition.get(a.sectionId) ?? 0) - (sectionPosition.get(b.sectionId) ?? 0) || a.order - b.order || compareText(a.id, b.id),
  );
}

/** Sorts bidders by name, then id; this is also the tie-break order of the ranking. */
export function sortBidders<T extends BidderInput>(bidders: readonly T[]): T[] {
  return [...bidders].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

export function sortEvaluators<T extends EvaluatorInput>(evaluators: readonly T[]): T[] {
  return [...evaluators].sort((a, b) => compareText(a.evaluatorName, b.evaluatorName) || compareText(a.id, b.id));
}

export function positionsById(records: readonly { readonly id: string }[]): Map<string, number> {
  const positions = new Map<string, number>();
  records.forEach((record, index) => positions.set(record.id, index));
  return positions;
}

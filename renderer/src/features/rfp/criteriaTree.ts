/**
 * Rows of the Setup tab's criteria tree: each section followed by its criteria, with the weight
 * as entered beside the effective share of the total. Shares are in tenths of a percent and
 * come from `computeWeightShares`, so the sections add up to exactly 100.0%, and so do the
 * criteria.
 */
import type { RfpCriterionKind, ScaleLevel, ScoringScale } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';
import { positionsById, sortCriteria, sortSections } from '@shared/rfp/order';
import { computeWeightShares } from '@shared/rfp/weights';
import type { RfpCriterionRecord, RfpSectionRecord } from './rfpRecords';

export interface SectionTreeRow {
  readonly type: 'section';
  readonly id: Id;
  readonly title: string;
  readonly enteredWeight: number;
  /** Share of the total in tenths of a percent. */
  readonly percentTenths: number;
  /** Stored position among the sections, for moves up and down. */
  readonly order: number;
}

export interface CriterionTreeRow {
  readonly type: 'criterion';
  readonly id: Id;
  readonly sectionId: Id;
  readonly title: string;
  readonly description: string;
  readonly kind: RfpCriterionKind;
  /** Weight as entered within the section; `null` for a knockout, which has no weight. */
  readonly enteredWeight: number | null;
  /** Share of the total in tenths of a percent; `null` for a knockout. */
  readonly percentTenths: number | null;
  readonly levels: readonly ScaleLevel[];
  /** The criterion's scale; `null` for a knockout. */
  readonly scale: ScoringScale | null;
  readonly applicabilityNote: string;
  /** Stored position within the section, for moves up and down. */
  readonly order: number;
}

export type CriteriaTreeRow = SectionTreeRow | CriterionTreeRow;

export interface CriteriaTree {
  readonly rows: readonly CriteriaTreeRow[];
  /** Sum of the sections' displayed shares in tenths of a percent: 1000, or 0 when nothing has weight. */
  readonly totalTenths: number;
}

export function buildCriteriaTree(sections: readonly RfpSectionRecord[], criteria: readonly RfpCriterionRecord[]): CriteriaTree {
  const shares = computeWeightShares(sections, criteria);
  const sectionTenths = new Map(shares.sections.map((share) => [share.sectionId, share.percentTenths]));
  const criterionTenths = new Map(shares.criteria.map((share) => [share.criterionId, share.percentTenths]));

  const orderedSections = sortSections(sections);
  const orderedCriteria = sortCriteria(criteria, positionsById(orderedSections));
  const rows: CriteriaTreeRow[] = [];
  for (const section of orderedSections) {
    rows.push({
      type: 'section',
      id: section.id,
      title: section.title,
      enteredWeight: section.weight,
      percentTenths: sectionTenths.get(section.id) ?? 0,
      order: section.order,
    });
    for (const criterion of orderedCriteria) {
      if (criterion.sectionId !== section.id) continue;
      const knockout = criterion.kind === 'knockout';
      rows.push({
        type: 'criterion',
        id: criterion.id,
        sectionId: section.id,
        title: criterion.title,
        description: criterion.description,
        kind: criterion.kind,
        enteredWeight: knockout ? null : criterion.weight,
        percentTenths: knockout ? null : (criterionTenths.get(criterion.id) ?? 0),
        levels: criterion.scale?.levels ?? [],
        scale: criterion.scale,
        applicabilityNote: criterion.applicabilityNote,
        order: criterion.order,
      });
    }
  }

  const totalTenths = shares.sections.reduce((sum, share) => sum + share.percentTenths, 0);
  return { rows, totalTenths };
}

/** Formats tenths of a percent for display, for example 125 as `12.5%` in English. */
export function formatPercentTenths(tenths: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 1000);
}

/**
 * Checks and patches behind the criteria editor of the Setup tab: new sections and criteria,
 * weights typed as text, moves up and down, and the level descriptions of a criterion's scale.
 * The repository (`db/rfp.ts`) checks the same rules again and rejects what gets past these.
 */
import type { RfpCriterionKind, ScoringScale } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';

export const criterionKinds: readonly RfpCriterionKind[] = ['scored', 'knockout', 'price'];

/** Parses a weight typed by the user: a finite number of 0 or more, or `null` when the text is not one. */
export function parseWeight(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Problem with one field of a new section or criterion; `key` is the message under `rfp.setup.errors`. */
export interface ItemProblem {
  readonly field: 'title' | 'weight';
  readonly key: 'titleMissing' | 'weightInvalid';
}

export type ItemCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ItemProblem[] };

export interface SectionDraft {
  readonly title: string;
  readonly weight: string;
}

export interface CheckedSection {
  readonly title: string;
  readonly weight: number;
}

export function checkNewSection(draft: SectionDraft): ItemCheck<CheckedSection> {
  const problems: ItemProblem[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push({ field: 'title', key: 'titleMissing' });
  const weight = parseWeight(draft.weight);
  if (weight === null) problems.push({ field: 'weight', key: 'weightInvalid' });
  if (problems.length > 0 || weight === null) return { ok: false, problems };
  return { ok: true, value: { title, weight } };
}

export interface CriterionDraft {
  readonly sectionId: Id;
  readonly title: string;
  readonly kind: RfpCriterionKind;
  /** Ignored for a knockout, which has no weight. */
  readonly weight: string;
}

export interface CheckedCriterion {
  readonly sectionId: Id;
  readonly title: string;
  readonly kind: RfpCriterionKind;
  readonly weight: number;
}

export function checkNewCriterion(draft: CriterionDraft): ItemCheck<CheckedCriterion> {
  const problems: ItemProblem[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push({ field: 'title', key: 'titleMissing' });
  const weight = draft.kind === 'knockout' ? 0 : parseWeight(draft.weight);
  if (weight === null) problems.push({ field: 'weight', key: 'weightInvalid' });
  if (problems.length > 0 || weight === null) return { ok: false, problems };
  return { ok: true, value: { sectionId: draft.sectionId, title, kind: draft.kind, weight } };
}

/** Returns the id of the RFP's price criterion other than `exceptId`, or `null`; an RFP may have one only. */
export function otherPriceCriterion(
  criteria: readonly { readonly id: Id; readonly kind: RfpCriterionKind }[],
  exceptId: Id | null,
): Id | null {
  return criteria.find((criterion) => criterion.kind === 'price' && criterion.id !== exceptId)?.id ?? null;
}

export interface OrderPatch {
  readonly id: Id;
  readonly order: number;
}

/**
 * Returns the order changes that move `id` one place up or down among `siblings`, which must be
 * in display order. Two items with different orders swap them. Where orders tie, the display
 * falls back to the id, so every sibling is renumbered from 1 and only the changed ones are
 * returned. Empty when the item is already first (up) or last (down), or not among `siblings`.
 */
export function reorderPatches(
  siblings: readonly { readonly id: Id; readonly order: number }[],
  id: Id,
  direction: 'up' | 'down',
): OrderPatch[] {
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const targetIndex = direction === 'up' ? index - 1 : index + 1;
  const item = siblings[index];
  const target = siblings[targetIndex];
  if (index < 0 || item === undefined || target === undefined) return [];

  if (item.order !== target.order) {
    return [
      { id: item.id, order: target.order },
      { id: target.id, order: item.order },
    ];
  }
  const moved = [...siblings];
  moved[index] = target;
  moved[targetIndex] = item;
  return moved.flatMap((sibling, position) => (sibling.order === position + 1 ? [] : [{ id: sibling.id, order: position + 1 }]));
}

export type LevelCheck =
  { readonly ok: true; readonly scale: ScoringScale } | { readonly ok: false; readonly blankLevels: readonly number[] };

/**
 * Builds the scale with `descriptions` (one per level, in the scale's order) in place of the
 * level descriptions, trimmed. Rejects blank descriptions, because evaluators choose a level by
 * what it describes a bid must show; `blankLevels` lists the values of those levels.
 */
export function applyLevelDescriptions(scale: ScoringScale, descriptions: readonly string[]): LevelCheck {
  const levels = scale.levels.map((level, index) => ({ ...level, description: (descriptions[index] ?? '').trim() }));
  const blankLevels = levels.filter((level) => level.description === '').map((level) => level.value);
  if (blankLevels.length > 0) return { ok: false, blankLevels };
  return { ok: true, scale: { levels } };
}

/** Checks whether the descriptions differ from the scale's, after trimming, so that an unchanged editor saves nothing. */
export function levelDescriptionsChanged(scale: ScoringScale, descriptions: readonly string[]): boolean {
  return scale.levels.some((level, index) => level.description !== (descriptions[index] ?? '').trim());
}

/**
 * Workload per owner: the open action items, open escalations and risk reviews each person
 * carries, so that the VMO can see who is overloaded. Owners are the free-text `owner` fields of
 * action items, escalations and risks, so vendor managers and provider contacts are both just names.
 *
 * Rules:
 * - Owner names group after trimming, collapsing runs of white space and ignoring case, so
 *   "Ann Lee", " ann lee" and "ANN  LEE" are one owner. The spelling used most often is shown,
 *   and on a tie the one that sorts first by code units.
 * - Items with an empty owner go to one unassigned row, which is never flagged as overloaded.
 * - An action or escalation is overdue when its due date is before today. A risk review is due
 *   when the risk is not closed and its review date is today or earlier, and overdue when that
 *   date is before today.
 * - Open items = open actions + open escalations + risk reviews due. Overdue = overdue actions +
 *   overdue escalations + overdue risk reviews. An owner is overloaded when open items exceed
 *   `maxOpenItems` or overdue items exceed `maxOverdue` (by default more than 8 open or more than
 *   2 overdue).
 */
import type { Escalation } from '../domain/escalation';
import type { ActionItem, Risk } from '../domain/governance';
import type { Contact } from '../domain/providerProfile';
import type { CalendarDate, Id } from '../domain/types';
import { isDueForReview } from './riskMatrix';

export interface WorkloadThresholds {
  /** An owner with more open items than this is overloaded. */
  readonly maxOpenItems: number;
  /** An owner with more overdue items than this is overloaded. */
  readonly maxOverdue: number;
}

/** Defaults chosen by judgement, not measured: more than 8 open items or more than 2 overdue ones. */
export const defaultWorkloadThresholds: WorkloadThresholds = { maxOpenItems: 8, maxOverdue: 2 };

export interface WorkloadInput {
  readonly actionItems: readonly Pick<ActionItem, 'id' | 'owner' | 'status' | 'dueDate'>[];
  readonly escalations: readonly Pick<Escalation, 'id' | 'owner' | 'status' | 'dueDate'>[];
  readonly risks: readonly Pick<Risk, 'id' | 'owner' | 'status' | 'reviewDate'>[];
  /** Contacts whose names may match owners, so an owner can be shown with side and role. */
  readonly contacts?: readonly Pick<Contact, 'id' | 'providerId' | 'side' | 'role' | 'name'>[];
  readonly today: CalendarDate;
}

export interface OwnerWorkload {
  /** Grouping key: the normalised name, or `''` for the unassigned row. */
  readonly key: string;
  /** Spelling shown for the owner, or `''` for the unassigned row. */
  readonly displayName: string;
  readonly unassigned: boolean;
  /** Contacts whose name matches the owner. Empty when none does, and for the unassigned row. */
  readonly contacts: readonly Pick<Contact, 'id' | 'providerId' | 'side' | 'role'>[];
  /** Open action items, earliest due first, then by id. */
  readonly openActionIds: readonly Id[];
  readonly overdueActions: number;
  /** Open escalations, earliest due first, then by id. */
  readonly openEscalationIds: readonly Id[];
  readonly overdueEscalations: number;
  /** Risks not closed that the owner owns. */
  readonly openRisks: number;
  /** Risks due for review, earliest review date first, then by id. */
  readonly reviewDueRiskIds: readonly Id[];
  readonly overdueReviews: number;
  /** Open actions + open escalations + risk reviews due. */
  readonly openItems: number;
  /** Overdue actions + overdue escalations + overdue risk reviews. */
  readonly overdue: number;
  readonly overloaded: boolean;
}

/** Normalises an owner name for grouping: trimmed, white space collapsed, lower case. */
export function ownerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Orders by code units rather than locale, so the order is the same on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

interface DatedId {
  readonly id: Id;
  readonly date: CalendarDate | null;
}

interface OwnerTally {
  readonly spellings: Map<string, number>;
  readonly actions: DatedId[];
  overdueActions: number;
  readonly escalations: DatedId[];
  overdueEscalations: number;
  openRisks: number;
  readonly reviews: DatedId[];
  overdueReviews: number;
}

function emptyTally(): OwnerTally {
  return {
    spellings: new Map(),
    actions: [],
    overdueActions: 0,
    escalations: [],
    overdueEscalations: 0,
    openRisks: 0,
    reviews: [],
    overdueReviews: 0,
  };
}

/** Sorts by date, `null` last, then id, and returns the ids. */
function sortedIds(items: readonly DatedId[]): Id[] {
  return [...items]
    .sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return compareText(a.date, b.date);
      }
      return compareText(a.id, b.id);
    })
    .map((item) => item.id);
}

/** Picks the spelling used most often, and on a tie the one that sorts first. */
function mostCommonSpelling(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && compareText(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Computes each owner's workload. Only owners with at least one open item or open risk get a
 * row. Rows are ordered overloaded first, then by most open items, most overdue and name. The
 * unassigned row comes last.
 */
export function computeWorkload(input: WorkloadInput, thresholds: WorkloadThresholds = defaultWorkloadThresholds): OwnerWorkload[] {
  const { today } = input;
  const tallies = new Map<string, OwnerTally>();
  const tallyOf = (owner: string): OwnerTally => {
    const key = ownerKey(owner);
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = emptyTally();
      tallies.set(key, tally);
    }
    const spelling = owner.trim().replace(/\s+/g, ' ');
    if (spelling !== '') tally.spellings.set(spelling, (tally.spellings.get(spelling) ?? 0) + 1);
    return tally;
  };

  for (const action of input.actionItems) {
    if (action.status !== 'open') continue;
    const tally = tallyOf(action.owner);
    tally.actions.push({ id: action.id, date: action.dueDate });
    if (action.dueDate !== null && action.dueDate < today) tally.overdueActions += 1;
  }
  for (const escalation of input.escalations) {
    if (escalation.status !== 'open') continue;
    const tally = tallyOf(escalation.owner);
    tally.escalations.push({ id: escalation.id, date: escalation.dueDate });
    if (escalation.dueDate < today) tally.overdueEscalations += 1;
  }
  for (const risk of input.risks) {
    if (risk.status === 'closed') continue;
    const tally = tallyOf(risk.owner);
    tally.openRisks += 1;
    if (!isDueForReview(risk, today)) continue;
    tally.reviews.push({ id: risk.id, date: risk.reviewDate });
    if (risk.reviewDate !== null && risk.reviewDate < today) tally.overdueReviews += 1;
  }

  const contactsByKey = new Map<string, Pick<Contact, 'id' | 'providerId' | 'side' | 'role'>[]>();
  for (const contact of input.contacts ?? []) {
    const key = ownerKey(contact.name);
    if (key === '') continue;
    const list = contactsByKey.get(key) ?? [];
    list.push({ id: contact.id, providerId: contact.providerId, side: contact.side, role: contact.role });
    contactsByKey.set(key, list);
  }

  const rows = [...tallies].map(([key, tally]) => workloadRow(key, tally, contactsByKey.get(key) ?? [], thresholds));
  return rows.sort(compareRows);
}

function workloadRow(
  key: string,
  tally: OwnerTally,
  contacts: readonly Pick<Contact, 'id' | 'providerId' | 'side' | 'role'>[],
  thresholds: WorkloadThresholds,
): OwnerWorkload {
  const unassigned = key === '';
  const openItems = tally.actions.length + tally.escalations.length + tally.reviews.length;
  const overdue = tally.overdueActions + tally.overdueEscalations + tally.overdueReviews;
  return {
    key,
    displayName: unassigned ? '' : mostCommonSpelling(tally.spellings),
    unassigned,
    contacts: unassigned ? [] : [...contacts].sort((a, b) => compareText(a.id, b.id)),
    openActionIds: sortedIds(tally.actions),
    overdueActions: tally.overdueActions,
    openEscalationIds: sortedIds(tally.escalations),
    overdueEscalations: tally.overdueEscalations,
    openRisks: tally.openRisks,
    reviewDueRiskIds: sortedIds(tally.reviews),
    overdueReviews: tally.overdueReviews,
    openItems,
    overdue,
    overloaded: !unassigned && (openItems > thresholds.maxOpenItems || overdue > thresholds.maxOverdue),
  };
}

function compareRows(a: OwnerWorkload, b: OwnerWorkload): number {
  return (
    Number(a.unassigned) - Number(b.unassigned) ||
    Number(b.overloaded) - Number(a.overloaded) ||
    b.openItems - a.openItems ||
    b.overdue - a.overdue ||
    compareText(a.displayName, b.displayName) ||
    compareText(a.key, b.key)
  );
}

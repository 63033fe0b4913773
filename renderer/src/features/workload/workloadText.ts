/** Words of the workload table: why an owner is overloaded and which contact an owner is. Pure apart from `t`. */
import type { TFunction } from 'i18next';
import type { OwnerWorkload, WorkloadThresholds } from '@shared/governance/workload';

/** Returns the sentences saying which threshold an overloaded owner exceeds; empty when none is exceeded. */
export function overloadReasons(t: TFunction, row: Pick<OwnerWorkload, 'openItems' | 'overdue'>, thresholds: WorkloadThresholds): string[] {
  const reasons: string[] = [];
  if (row.openItems > thresholds.maxOpenItems) reasons.push(t('workload.reasons.open', { count: row.openItems, max: thresholds.maxOpenItems }));
  if (row.overdue > thresholds.maxOverdue) reasons.push(t('workload.reasons.overdue', { count: row.overdue, max: thresholds.maxOverdue }));
  return reasons;
}

/** Returns the side and role of the contacts matching an owner, such as "Provider side, Process owner", or `null` when none matches. */
export function ownerContactText(t: TFunction, row: Pick<OwnerWorkload, 'contacts'>): string | null {
  if (row.contacts.length === 0) return null;
  const roles = new Set(row.contacts.map((contact) => `${t(`profile.contactSides.${contact.side}`)}, ${t(`profile.contactRoles.${contact.role}`)}`));
  return [...roles].join('; ');
}

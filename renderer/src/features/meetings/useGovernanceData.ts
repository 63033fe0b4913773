/**
 * Live view of the records the Governance screen shows or drafts agendas from: cadences,
 * meetings, decisions, action items, contracts, contacts, escalations, risks, and the names of the
 * people who wrote to the portfolio (from the audit trail's user index).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Escalation } from '@shared/domain/escalation';
import type { ActionItem, Decision, Meeting, MeetingCadence, Risk } from '@shared/domain/governance';
import type { Contact } from '@shared/domain/providerProfile';
import type { Contract } from '@shared/domain/types';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface GovernanceData {
  readonly cadences: readonly MeetingCadence[];
  readonly meetings: readonly Meeting[];
  readonly decisions: readonly Decision[];
  readonly actionItems: readonly ActionItem[];
  readonly contracts: readonly Contract[];
  readonly contacts: readonly Contact[];
  readonly escalations: readonly Escalation[];
  readonly risks: readonly Risk[];
  /** Names in the audit trail's `user` field, without the empty name of writes made before a user name was set. */
  readonly userNames: readonly string[];
}

/** Returns `undefined` while the first read is running. */
export function useGovernanceData(): GovernanceData | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [cadences, meetings, decisions, actionItems, contracts, contacts, escalations, risks, users] = await Promise.all([
      db.meetingCadences.toArray(),
      db.meetings.toArray(),
      db.decisions.toArray(),
      db.actionItems.toArray(),
      db.contracts.toArray(),
      db.contacts.toArray(),
      db.escalations.toArray(),
      db.risks.toArray(),
      db.audit.orderBy('user').uniqueKeys(),
    ]);
    const userNames = users.filter((user): user is string => typeof user === 'string' && user.trim() !== '');
    return { cadences, meetings, decisions, actionItems, contracts, contacts, escalations, risks, userNames };
  }, [db]);
}

/** The screen that shows a record, for links from the audit trail and the agenda. */
import type { Id, RecordTable } from '@shared/domain/types';
import type { Screen } from '../../state/uiStore';
import type { RecordLookup } from '../sync/recordLabels';

/**
 * Returns the screen showing a record, or `null` when the app has none for it or the record is
 * gone. Records of a provider without a screen of their own, such as contracts and
 * certifications, open their provider's page. Action items and decisions open their Governance
 * tab, which lists them all.
 */
export function recordScreenOf(lookup: RecordLookup, table: RecordTable, recordId: Id): Screen | null {
  const provider = (providerId: Id | null | undefined): Screen | null => (providerId === null || providerId === undefined ? null : { name: 'provider', providerId });
  switch (table) {
    case 'providers':
      return lookup.find('providers', recordId) === undefined ? null : { name: 'provider', providerId: recordId };
    case 'escalations':
      return lookup.find('escalations', recordId) === undefined ? null : { name: 'escalations', escalationId: recordId };
    case 'plans':
      return lookup.find('plans', recordId) === undefined ? null : { name: 'plan', planId: recordId };
    case 'rfpEvents':
      return lookup.find('rfpEvents', recordId) === undefined ? null : { name: 'rfp', rfpId: recordId, tab: 'setup' };
    case 'meetings':
      return lookup.find('meetings', recordId) === undefined ? null : { name: 'governance', tab: 'meetings', meetingId: recordId };
    case 'actionItems':
      return lookup.find('actionItems', recordId) === undefined ? null : { name: 'governance', tab: 'actions' };
    case 'decisions':
      return lookup.find('decisions', recordId) === undefined ? null : { name: 'governance', tab: 'decisions' };
    case 'risks': {
      const risk = lookup.find('risks', recordId);
      if (risk === undefined) return null;
      return risk.providerId === null ? { name: 'risks' } : { name: 'risks', providerId: risk.providerId };
    }
    case 'contracts':
    case 'serviceLevels':
    case 'providerSites':
    case 'certifications':
    case 'contacts':
    case 'processes':
    case 'meetingCadences':
      return provider(lookup.find(table, recordId)?.providerId);
    case 'measurements':
      return provider(lookup.find('measurements', recordId)?.providerId);
    case 'kpis':
      return lookup.find('kpis', recordId) === undefined ? null : { name: 'kpis' };
    default:
      return null;
  }
}

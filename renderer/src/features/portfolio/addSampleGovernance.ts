/** Stores the sample's governance records (`sampleGovernance.ts`) through the repository, so they carry clocks and audit entries. */
import type { Id } from '@shared/domain/types';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { insertRecord } from '../../db/repository';
import { sampleGovernance, sampleGovernanceProviders } from './sampleGovernance';
import type { CalendarDate } from '@shared/domain/types';

/** Tables that `addSampleGovernance` writes, besides `audit` and `meta`. */
export function sampleGovernanceTables(db: PortfolioDb) {
  return [
    db.providerSites,
    db.certifications,
    db.contacts,
    db.processes,
    db.risks,
    db.meetingCadences,
    db.meetings,
    db.decisions,
    db.actionItems,
  ];
}

/**
 * Adds the governance records of the sample for `today`, and links each standing meeting to its
 * provider's illustrative contract. Call it after `addIllustrativeContracts`, inside the
 * transaction that fills the sample, which must cover `providers`, `contracts`,
 * `sampleGovernanceTables`, `audit` and `meta`. Throws when the imported sample lacks one of the
 * providers or its contract, which means the bundled file and these modules disagree.
 */
export async function addSampleGovernance(db: PortfolioDb, context: DeviceContext, today: CalendarDate): Promise<void> {
  const ids = new Map<string, Id>();
  for (const [key, code] of Object.entries(sampleGovernanceProviders)) {
    const provider = await db.providers.where('code').equals(code).first();
    if (provider === undefined) throw new Error(`The sample has no provider ${code} for its governance records`);
    ids.set(key, provider.id);
  }
  const providerId = (key: string | null): Id | null => (key === null ? null : (ids.get(key) ?? null));
  const requiredProviderId = (key: string): Id => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`The sample has no provider for ${key}`);
    return id;
  };

  const records = sampleGovernance(today);
  for (const { provider, ...site } of records.sites) {
    await insertRecord(db, 'providerSites', { ...site, providerId: requiredProviderId(provider ?? '') }, context);
  }
  for (const { provider, ...certification } of records.certifications) {
    await insertRecord(db, 'certifications', { ...certification, providerId: requiredProviderId(provider ?? '') }, context);
  }
  for (const { provider, ...contact } of records.contacts) {
    await insertRecord(db, 'contacts', { ...contact, providerId: requiredProviderId(provider ?? '') }, context);
  }
  for (const { provider, ...process } of records.processes) {
    await insertRecord(db, 'processes', { ...process, providerId: providerId(provider) }, context);
  }
  for (const { provider, ...risk } of records.risks) {
    await insertRecord(db, 'risks', { ...risk, providerId: providerId(provider) }, context);
  }
  for (const { provider, cadence, meetings } of records.cadences) {
    const owner = requiredProviderId(provider);
    const contract = await db.contracts.where('providerId').equals(owner).first();
    if (contract === undefined) throw new Error(`The sample has no contract of ${provider} for its ${cadence.kind} cadence`);
    const storedCadence = await insertRecord(db, 'meetingCadences', { ...cadence, providerId: owner, contractId: contract.id }, context);
    for (const { meeting, decisions, actions } of meetings) {
      const stored = await insertRecord(db, 'meetings', { ...meeting, providerId: owner, cadenceId: storedCadence.id }, context);
      for (const decision of decisions) {
        await insertRecord(db, 'decisions', { ...decision, meetingId: stored.id, providerId: owner }, context);
      }
      for (const action of actions) {
        await insertRecord(db, 'actionItems', { ...action, meetingId: stored.id, providerId: owner }, context);
      }
    }
  }
  for (const { provider, ...action } of records.actions) {
    await insertRecord(db, 'actionItems', { ...action, providerId: providerId(provider) }, context);
  }
}

/**
 * Writes of the provider record: adding a provider, saving its profile, and adding, editing and
 * deleting its delivery sites, certifications and contacts. All go through the generic repository
 * writes, which stamp clocks and add audit entries.
 */
import { providerProfileDefaults } from '@shared/domain/profileDefaults';
import type { ProviderProfile } from '@shared/domain/profileDefaults';
import type { Certification, Contact, ProviderSite } from '@shared/domain/providerProfile';
import type { Id, Provider } from '@shared/domain/types';
import { checkNewProvider } from '@shared/forms/providerProfile';
import type {
  CertificationFormData,
  ContactFormData,
  FormResult,
  NewProviderField,
  NewProviderInput,
  SiteData,
} from '@shared/forms/providerProfile';
import { sameValue } from '@shared/sync/fieldClocks';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../db/repository';
import { toStorageFailure } from '../../db/storageErrors';

/**
 * Checks the "Add provider" form against the providers stored at the moment of the write and,
 * when it passes, inserts the provider with an empty profile and the chosen lifecycle. The check
 * and the insert share one transaction, so two tabs cannot both take the same name or code.
 */
export async function addProvider(
  db: PortfolioDb,
  input: NewProviderInput,
  context: DeviceContext,
): Promise<FormResult<Provider, NewProviderField>> {
  try {
    return await db.transaction('rw', ['providers', 'audit', 'meta'], async () => {
      const checked = checkNewProvider(input, await db.providers.toArray());
      if (!checked.ok) return checked;
      const provider = await insertRecord(
        db,
        'providers',
        {
          ...providerProfileDefaults,
          code: checked.value.code,
          name: checked.value.name,
          formerNames: [],
          lifecycle: checked.value.lifecycle,
        },
        context,
      );
      return { ok: true, value: provider };
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'providers' });
  }
}

/**
 * Returns the fields of `edited` whose value differs from `shown`, the values the form started
 * from. Saving only these leaves a field that a merge changed while the form was open as merged,
 * unless the user changed that field too.
 */
export function changedFields<T extends object>(shown: T, edited: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!sameValue(shown[key], edited[key])) patch[key] = edited[key];
  }
  return patch;
}

/** Stores the changed profile fields of a provider. Rejects with `storage.notFound` when the provider was deleted meanwhile. */
export function saveProfile(db: PortfolioDb, providerId: Id, patch: Partial<ProviderProfile>, context: DeviceContext): Promise<Provider> {
  return updateRecord(db, 'providers', providerId, patch, context);
}

export function addSite(db: PortfolioDb, providerId: Id, site: SiteData, context: DeviceContext): Promise<ProviderSite> {
  return insertRecord(db, 'providerSites', { providerId, ...site }, context);
}

export function updateSite(db: PortfolioDb, siteId: Id, patch: Partial<SiteData>, context: DeviceContext): Promise<ProviderSite> {
  return updateRecord(db, 'providerSites', siteId, patch, context);
}

export function addCertification(
  db: PortfolioDb,
  providerId: Id,
  certification: CertificationFormData,
  context: DeviceContext,
): Promise<Certification> {
  return insertRecord(db, 'certifications', { providerId, ...certification }, context);
}

export function updateCertification(
  db: PortfolioDb,
  certificationId: Id,
  patch: Partial<CertificationFormData>,
  context: DeviceContext,
): Promise<Certification> {
  return updateRecord(db, 'certifications', certificationId, patch, context);
}

export function addContact(db: PortfolioDb, providerId: Id, contact: ContactFormData, context: DeviceContext): Promise<Contact> {
  return insertRecord(db, 'contacts', { providerId, ...contact }, context);
}

export function updateContact(db: PortfolioDb, contactId: Id, patch: Partial<ContactFormData>, context: DeviceContext): Promise<Contact> {
  return updateRecord(db, 'contacts', contactId, patch, context);
}

/** Tables of the records that the provider record lists and deletes one by one. */
export type ProviderPartTable = 'providerSites' | 'certifications' | 'contacts';

/** Deletes a site, certification or contact, leaving a tombstone. Rejects with `storage.notFound` when it was already deleted. */
export async function deleteProviderPart(db: PortfolioDb, table: ProviderPartTable, id: Id, context: DeviceContext): Promise<void> {
  await deleteRecord(db, table, id, context);
}

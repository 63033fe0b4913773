/**
 * The records a vendor manager keeps about a provider beyond its name: delivery sites,
 * certifications, contacts and the outsourced processes. Each `...Data` interface is the stored part of a record,
 * as in `types.ts`. Sites, certifications, contacts and processes are records of their own, not
 * lists inside the provider, so that two laptops that each add a site both keep it after a merge.
 */
import type { CalendarDate, Id, SyncFields } from './types';

/** Distance of a site from the client: the same country, a nearby one, or far away. */
export type DeliveryModel = 'onshore' | 'nearshore' | 'offshore';

export interface ProviderSiteData {
  readonly providerId: Id;
  /** ISO 3166-1 alpha-2 country code, for example `IN`. */
  readonly country: string;
  readonly city: string;
  readonly deliveryModel: DeliveryModel;
  /** Full-time equivalents working on the client's services at this site, or `null` when not known. */
  readonly fte: number | null;
  /** Languages the site delivers in, as BCP 47 tags (for example `en`, `fr-CA`), without repeats. */
  readonly languages: readonly string[];
  /** IANA time zone of the site, for example `Asia/Kolkata`. */
  readonly timeZone: string;
  /** Working calendar of the site (weekdays and holidays), a plan calendar, or `null`. */
  readonly calendarId: Id | null;
}
export type ProviderSite = SyncFields & ProviderSiteData;

/**
 * Certification standards that BPO contracts and RFP knockouts ask for. The RFP template's
 * knockout criteria `soc2Type2`, `iso27001` and `pciDss` name the first three.
 */
export type CertificationStandard = 'soc2Type2' | 'iso27001' | 'pciDss' | 'iso9001' | 'iso22301' | 'other';

export interface CertificationData {
  readonly providerId: Id;
  readonly standard: CertificationStandard;
  /** Name of an `other` standard, or a qualifier of a listed one (for example the certificate number); may be empty. */
  readonly name: string;
  readonly issuedOn: CalendarDate | null;
  /** Last day the certificate or report is valid, or `null` when it does not expire. */
  readonly expiresOn: CalendarDate | null;
  /** Location and scope of the evidence, as free text. */
  readonly evidence: string;
}
export type Certification = SyncFields & CertificationData;

/** Whose side a contact is on: the client's vendor management office or the provider. */
export type ContactSide = 'client' | 'provider';

/**
 * Role of a contact. The client side has the programme manager, process owners and the IT liaison;
 * the provider side the account manager, delivery manager and quality assurance.
 */
export type ContactRole =
  'programmeManager' | 'processOwner' | 'itLiaison' | 'accountManager' | 'deliveryManager' | 'qualityAssurance' | 'other';

export interface ContactData {
  readonly providerId: Id;
  readonly side: ContactSide;
  readonly role: ContactRole;
  readonly name: string;
  /** May be empty. */
  readonly email: string;
  /** May be empty. */
  readonly phone: string;
}
export type Contact = SyncFields & ContactData;

/** Business function an outsourced process belongs to. */
export type ProcessFunction = 'hr' | 'financeAccounting' | 'customerService' | 'it' | 'procurement' | 'other';

/**
 * How far a process is on its way to the provider, in order: nothing done, the current process
 * mapped, procedures written, knowledge transferred, pilot passed, migrated.
 */
export type ProcessReadiness = 'notStarted' | 'asIsMapped' | 'proceduresDocumented' | 'knowledgeTransferDone' | 'pilotPassed' | 'migrated';

/** Readiness stages in order, the columns of the readiness board. */
export const processReadinessStages: readonly ProcessReadiness[] = [
  'notStarted',
  'asIsMapped',
  'proceduresDocumented',
  'knowledgeTransferDone',
  'pilotPassed',
  'migrated',
];

export interface ProcessData {
  readonly name: string;
  readonly function: ProcessFunction;
  /** Provider the process is outsourced to, or `null` while it has none. */
  readonly providerId: Id | null;
  /** Contract under which the provider runs it, or `null`. */
  readonly contractId: Id | null;
  readonly readiness: ProcessReadiness;
}
export type Process = SyncFields & ProcessData;

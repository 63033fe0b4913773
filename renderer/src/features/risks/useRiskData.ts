/**
 * Live data of the Risks screen: the stored risks, the providers, their certifications, and the
 * RFPs that can raise a certification risk, with the risks derived from them on `today`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Risk } from '@shared/domain/governance';
import type { Certification } from '@shared/domain/providerProfile';
import type { CalendarDate, Id, Provider } from '@shared/domain/types';
import { deriveCertificationRisks, knockoutStandardOf } from '@shared/governance/certificationRisks';
import type { CertificationRisk } from '@shared/governance/certificationRisks';
import type { PortfolioDb } from '../../db/portfolioDb';
import { readRfpRecords } from '../../db/rfpSupport';
import type { RfpRecords } from '../rfp/rfpRecords';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface RiskData {
  readonly risks: readonly Risk[];
  readonly providers: readonly Provider[];
  readonly certifications: readonly Certification[];
  /** RFPs that a derived risk may name, by id. */
  readonly rfps: ReadonlyMap<Id, RfpRecords>;
  readonly derived: readonly CertificationRisk[];
}

/**
 * Reads in full only the RFPs that can raise a certification risk: not cancelled, with a bidder
 * linked to a provider and a SOC 2 Type II, ISO 27001 or PCI DSS knockout. The rest cannot rely on
 * a provider's certificate, so their scores are never read.
 */
async function readCertificationRfps(db: PortfolioDb): Promise<RfpRecords[]> {
  const [events, linkedBidders, criteria] = await Promise.all([
    db.rfpEvents.toArray(),
    db.rfpBidders.filter((bidder) => bidder.providerId !== null).toArray(),
    db.rfpCriteria.filter((criterion) => knockoutStandardOf(criterion) !== null).toArray(),
  ]);
  const withBidder = new Set(linkedBidders.map((bidder) => bidder.rfpId));
  const withKnockout = new Set(criteria.map((criterion) => criterion.rfpId));
  const candidates = events.filter((event) => event.phase !== 'cancelled' && withBidder.has(event.id) && withKnockout.has(event.id));
  return Promise.all(candidates.map((event) => readRfpRecords(db, event.id)));
}

/** Returns `undefined` while the first read runs. `today` is the local calendar date. */
export function useRiskData(today: CalendarDate): RiskData | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [risks, providers, certifications, rfps] = await Promise.all([
      db.risks.toArray(),
      db.providers.toArray(),
      db.certifications.toArray(),
      readCertificationRfps(db),
    ]);
    const derived = deriveCertificationRisks({ rfps, certifications, providers, today });
    return { risks, providers, certifications, rfps: new Map(rfps.map((rfp) => [rfp.event.id, rfp])), derived };
  }, [db, today]);
}

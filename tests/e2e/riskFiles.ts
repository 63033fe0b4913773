/**
 * A portfolio file as a colleague's laptop would send it: one active provider whose only ISO 27001
 * certificate has expired, and an RFP awarded to that provider whose ISO 27001 knockout comes from
 * the BPO template (`bpo.security.iso27001`). Everything in it is invented.
 */
import { writeFileSync } from 'node:fs';
import type { Certification } from '../../shared/domain/providerProfile';
import { providerProfileDefaults } from '../../shared/domain/profileDefaults';
import type { Bidder, RfpCriterion, RfpEvent, RfpSection } from '../../shared/domain/rfp';
import type { Provider } from '../../shared/domain/types';
import { writePortfolioFile } from '../../shared/file';
import { packHlc } from '../../shared/sync/hlc';
import { emptyRecords } from '../../shared/sync/snapshot';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';

const deviceId = '5e1f0a2b3c4d';
const clock = packHlc({ wallMs: Date.UTC(2026, 0, 20, 9, 0, 0), counter: 0, deviceId });
const sync = (id: string) => ({ id, clock, fieldClocks: {} });

export const certifiedProvider = 'Coastline Contact Ltd';
export const awardedRfpTitle = 'Customer service outsourcing 2025';
export const iso27001Criterion = 'ISO 27001 certification';
/** Last valid day of the provider's ISO 27001 certificate. */
export const certificateExpiredOn = '2025-06-30';

const providerId = '019c5000-0000-7000-8000-00000000e001';
const rfpId = '019c5000-0000-7000-8000-00000000e002';
const sectionId = '019c5000-0000-7000-8000-00000000e003';
const criterionId = '019c5000-0000-7000-8000-00000000e004';
const bidderId = '019c5000-0000-7000-8000-00000000e005';

function snapshot(): PortfolioSnapshot {
  const provider: Provider = { ...sync(providerId), code: 'CST01', name: certifiedProvider, formerNames: [], ...providerProfileDefaults };
  const certificate: Certification = {
    ...sync('019c5000-0000-7000-8000-00000000e006'),
    providerId,
    standard: 'iso27001',
    name: 'Certificate 2291',
    issuedOn: '2022-07-01',
    expiresOn: certificateExpiredOn,
    evidence: 'Certificate copy on the VMO share.',
  };
  const event: RfpEvent = {
    ...sync(rfpId),
    title: awardedRfpTitle,
    description: '',
    scope: ['Customer service'],
    phase: 'awarded',
    baseCurrency: 'GBP',
    termMonths: 36,
    priceScoreMethod: 'lowestOverBid',
    issuedOn: '2025-01-06',
    questionsDueOn: null,
    responseDueOn: '2025-02-14',
    awardTargetOn: '2025-03-31',
    awardedBidderId: bidderId,
    awardReason: 'Best service score within budget.',
    awardedContractId: null,
  };
  const section: RfpSection = { ...sync(sectionId), rfpId, templateKey: 'bpo.security', title: 'Security and compliance', description: '', weight: 100, order: 1 };
  const criterion: RfpCriterion = {
    ...sync(criterionId),
    rfpId,
    sectionId,
    templateKey: 'bpo.security.iso27001',
    title: iso27001Criterion,
    description: 'The bidder holds a current ISO/IEC 27001 certificate covering the delivery sites.',
    applicabilityNote: '',
    kind: 'knockout',
    weight: 0,
    scale: null,
    order: 1,
  };
  const bidder: Bidder = { ...sync(bidderId), rfpId, name: certifiedProvider, providerId };
  return {
    portfolioId: '019c5000-0000-7000-8000-00000000e000',
    portfolioName: 'Coastline governance',
    deviceId,
    records: {
      ...emptyRecords(),
      providers: [provider],
      certifications: [certificate],
      rfpEvents: [event],
      rfpSections: [section],
      rfpCriteria: [criterion],
      rfpBidders: [bidder],
    },
    tombstones: [],
    versionVector: { [deviceId]: clock },
  };
}

export async function writeCertificationPortfolio(path: string): Promise<void> {
  const bytes = await writePortfolioFile(snapshot(), { appVersion: '0.1.0', exportedAt: new Date().toISOString() });
  writeFileSync(path, bytes);
}

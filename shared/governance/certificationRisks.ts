/**
 * Risks that Steerwise raises itself: a provider whose certification an RFP knockout relied on
 * no longer has a valid certificate of that standard. These risks are derived from the records
 * each time, never stored, and the risk register lists them as raised by Steerwise.
 *
 * Rules:
 * - A knockout relies on a certification when it is a `knockout` criterion whose template key ends
 *   in `soc2Type2`, `iso27001` or `pciDss` (the last dot-separated segment, as in
 *   `bpo.security.iso27001`).
 * - A provider depends on it when, in an RFP that is not cancelled, a bidder linked to the
 *   provider passed that knockout (the outcome `shared/rfp/model.ts` computes: the consensus
 *   verdict, else the evaluators' agreed verdict), or the RFP was awarded to that bidder, whatever
 *   the knockout's outcome.
 * - A certification of the standard is valid on `today` when it was issued on or before `today`
 *   (or has no issue date) and expires on or after `today` (or never expires). When none is
 *   valid, the provider gets one risk per standard, listing every RFP and criterion that relied on
 *   it. Exited providers and providers not in the input get none.
 *
 * Likelihood 3 (possible): a lapsed certificate does not show that a control failed, only that no
 * independent auditor has confirmed the controls since. Impact 4 (major) for SOC 2 Type II and
 * ISO 27001: the RFP made the certificate a knockout, so the client judged the service unacceptable
 * without it, and the provider handles the client's data. Impact 5 (severe) for PCI DSS, because a
 * compromise of cardholder data adds card scheme penalties to the data protection consequences.
 */
import type { RiskScore } from '../domain/governance';
import type { Certification, CertificationStandard } from '../domain/providerProfile';
import type { BidderData, RfpCriterionData, RfpEventData } from '../domain/rfp';
import type { CalendarDate, Id, Provider } from '../domain/types';
import type { BidderInput, CriterionInput, EventInput, RfpInput, WithId } from '../rfp/input';
import { buildRfpModel, knockoutStatusAt, type KnockoutStatus } from '../rfp/model';
import { compareText } from '../rfp/order';

/** Standards that the BPO template's knockout criteria check. */
export type KnockoutStandard = Extract<CertificationStandard, 'soc2Type2' | 'iso27001' | 'pciDss'>;

export const knockoutStandards: readonly KnockoutStandard[] = ['soc2Type2', 'iso27001', 'pciDss'];

/** Likelihood and impact of a derived risk, by standard. The file header gives the reasons. */
export const certificationRiskScores: Readonly<Record<KnockoutStandard, { readonly likelihood: RiskScore; readonly impact: RiskScore }>> = {
  soc2Type2: { likelihood: 3, impact: 4 },
  iso27001: { likelihood: 3, impact: 4 },
  pciDss: { likelihood: 3, impact: 5 },
};

/** One RFP's records as stored. The renderer's `RfpRecords` satisfies it. */
export interface CertificationRfp extends RfpInput {
  readonly event: WithId<EventInput & Pick<RfpEventData, 'awardedBidderId'>>;
  readonly criteria: readonly (CriterionInput & Pick<RfpCriterionData, 'templateKey'>)[];
  readonly bidders: readonly (BidderInput & Pick<BidderData, 'providerId'>)[];
}

export interface CertificationRiskInput {
  readonly rfps: readonly CertificationRfp[];
  readonly certifications: readonly Pick<Certification, 'id' | 'providerId' | 'standard' | 'issuedOn' | 'expiresOn'>[];
  readonly providers: readonly Pick<Provider, 'id' | 'lifecycle'>[];
  readonly today: CalendarDate;
}

/** A knockout that relied on the certification, for a link from the risk to the RFP. */
export interface CertificationReliance {
  readonly rfpId: Id;
  readonly criterionId: Id;
  readonly bidderId: Id;
  /** Outcome of the knockout for the bidder. */
  readonly knockoutStatus: KnockoutStatus;
  /** Whether the RFP was awarded to the bidder. */
  readonly awarded: boolean;
}

/**
 * Why no certificate is valid: every certificate of the standard has `expired`, the only ones
 * recorded start later (`notYetValid`), or none is recorded (`missing`).
 */
export type CertificationGap = 'expired' | 'notYetValid' | 'missing';

export interface CertificationRisk {
  /** Stable id from provider and standard, `certification:<providerId>:<standard>`, so a link or a dismissal can refer to it. */
  readonly id: string;
  readonly providerId: Id;
  readonly category: 'dataProtection';
  /** Always `open`: the risk exists only while no certificate is valid. */
  readonly status: 'open';
  readonly standard: KnockoutStandard;
  readonly likelihood: RiskScore;
  readonly impact: RiskScore;
  readonly gap: CertificationGap;
  /**
   * Certificate to show: the one that expired last (`expired`), the one that starts first
   * (`notYetValid`), or `null` (`missing`).
   */
  readonly certificationId: Id | null;
  /** Last valid day of that certificate when the gap is `expired`, else `null`. */
  readonly expiredOn: CalendarDate | null;
  /** Knockouts that relied on the certification, by RFP id, criterion id and bidder id. */
  readonly reliedOn: readonly CertificationReliance[];
}

/** Returns the standard a knockout criterion checks, or `null` when it checks none of `knockoutStandards`. */
export function knockoutStandardOf(criterion: Pick<RfpCriterionData, 'kind' | 'templateKey'>): KnockoutStandard | null {
  if (criterion.kind !== 'knockout' || criterion.templateKey === null) return null;
  const lastSegment = criterion.templateKey.split('.').at(-1);
  return knockoutStandards.find((standard) => standard === lastSegment) ?? null;
}

/** Natural key of a provider's standard. */
function providerStandardKey(providerId: Id, standard: KnockoutStandard): string {
  return `${providerId}\u0000${standard}`;
}

/** Lists the knockouts of one RFP that each linked provider relied on, by provider and standard. */
function reliancesOf(rfp: CertificationRfp): { providerId: Id; standard: KnockoutStandard; reliance: CertificationReliance }[] {
  if (rfp.event.phase === 'cancelled') return [];
  const knockouts = rfp.criteria.flatMap((criterion) => {
    const standard = knockoutStandardOf(criterion);
    return standard === null ? [] : [{ criterion, standard }];
  });
  if (knockouts.length === 0) return [];

  const model = buildRfpModel(rfp);
  const found: { providerId: Id; standard: KnockoutStandard; reliance: CertificationReliance }[] = [];
  for (const bidder of rfp.bidders) {
    const b = model.bidderPosition.get(bidder.id);
    if (bidder.providerId === null || b === undefined) continue;
    const awarded = rfp.event.phase === 'awarded' && rfp.event.awardedBidderId === bidder.id;
    for (const { criterion, standard } of knockouts) {
      // The model leaves out criteria whose section is missing; such a criterion decides nothing.
      const c = model.criterionPosition.get(criterion.id);
      if (c === undefined) continue;
      const knockoutStatus = knockoutStatusAt(model, c, b);
      if (knockoutStatus !== 'pass' && !awarded) continue;
      found.push({
        providerId: bidder.providerId,
        standard,
        reliance: { rfpId: rfp.event.id, criterionId: criterion.id, bidderId: bidder.id, knockoutStatus, awarded },
      });
    }
  }
  return found;
}

type CertificationFacts = CertificationRiskInput['certifications'][number];

/** Describes the gap when no certificate of the standard is valid on `today`, or returns `null` when one is. */
function certificationGap(
  certificates: readonly CertificationFacts[],
  today: CalendarDate,
): Pick<CertificationRisk, 'gap' | 'certificationId' | 'expiredOn'> | null {
  const started = certificates.filter((certificate) => certificate.issuedOn === null || certificate.issuedOn <= today);
  if (started.some((certificate) => certificate.expiresOn === null || certificate.expiresOn >= today)) return null;

  let lastExpired: CertificationFacts | null = null;
  for (const certificate of started) {
    if (lastExpired === null || compareText(certificate.expiresOn ?? '', lastExpired.expiresOn ?? '') > 0) lastExpired = certificate;
  }
  if (lastExpired !== null) return { gap: 'expired', certificationId: lastExpired.id, expiredOn: lastExpired.expiresOn };

  let firstFuture: CertificationFacts | null = null;
  for (const certificate of certificates) {
    if (firstFuture === null || compareText(certificate.issuedOn ?? '', firstFuture.issuedOn ?? '') < 0) firstFuture = certificate;
  }
  if (firstFuture !== null) return { gap: 'notYetValid', certificationId: firstFuture.id, expiredOn: null };
  return { gap: 'missing', certificationId: null, expiredOn: null };
}

/**
 * Derives the certification risks on `today`, ordered by provider id and then standard (SOC 2
 * Type II, ISO 27001, PCI DSS). Each risk's `reliedOn` is ordered by RFP id, criterion id and bidder id.
 */
export function deriveCertificationRisks(input: CertificationRiskInput): CertificationRisk[] {
  const activeProviders = new Set(input.providers.filter((provider) => provider.lifecycle !== 'exited').map((provider) => provider.id));

  const reliances = new Map<string, { providerId: Id; standard: KnockoutStandard; reliedOn: CertificationReliance[] }>();
  for (const rfp of input.rfps) {
    for (const { providerId, standard, reliance } of reliancesOf(rfp)) {
      if (!activeProviders.has(providerId)) continue;
      const key = providerStandardKey(providerId, standard);
      const entry = reliances.get(key) ?? { providerId, standard, reliedOn: [] };
      entry.reliedOn.push(reliance);
      reliances.set(key, entry);
    }
  }

  const certificatesByKey = new Map<string, CertificationFacts[]>();
  for (const certification of input.certifications) {
    const standard = knockoutStandards.find((candidate) => candidate === certification.standard);
    if (standard === undefined) continue;
    const key = providerStandardKey(certification.providerId, standard);
    const certificates = certificatesByKey.get(key) ?? [];
    certificates.push(certification);
    certificatesByKey.set(key, certificates);
  }

  const risks: CertificationRisk[] = [];
  for (const [key, { providerId, standard, reliedOn }] of reliances) {
    const gap = certificationGap(certificatesByKey.get(key) ?? [], input.today);
    if (gap === null) continue;
    risks.push({
      id: `certification:${providerId}:${standard}`,
      providerId,
      category: 'dataProtection',
      status: 'open',
      standard,
      ...certificationRiskScores[standard],
      ...gap,
      reliedOn: reliedOn.sort(
        (a, b) => compareText(a.rfpId, b.rfpId) || compareText(a.criterionId, b.criterionId) || compareText(a.bidderId, b.bidderId),
      ),
    });
  }
  return risks.sort(
    (a, b) => compareText(a.providerId, b.providerId) || knockoutStandards.indexOf(a.standard) - knockoutStandards.indexOf(b.standard),
  );
}

/**
 * Texts of a risk that Steerwise raised: which RFP knockouts relied on the certificate, and the
 * stored risk that "Record as a risk" writes from it.
 */
import type { TFunction } from 'i18next';
import type { RiskData } from '@shared/domain/governance';
import type { Id } from '@shared/domain/types';
import type { CertificationReliance, CertificationRisk } from '@shared/governance/certificationRisks';
import type { RfpRecords } from '../rfp/rfpRecords';

export interface RelianceLine {
  readonly rfpId: Id;
  /** RFP title, or `null` when the RFP is no longer stored. */
  readonly rfpTitle: string | null;
  readonly text: string;
}

function outcomeText(t: TFunction, reliance: CertificationReliance): string {
  const passed = reliance.knockoutStatus === 'pass';
  if (passed && reliance.awarded) return t('risks.derived.outcome_passAwarded');
  return passed ? t('risks.derived.outcome_pass') : t('risks.derived.outcome_awarded');
}

/** Describes each knockout that relied on the certificate: criterion, RFP, bidder and outcome. */
export function relianceLines(t: TFunction, risk: CertificationRisk, rfps: ReadonlyMap<Id, RfpRecords>): RelianceLine[] {
  const unknown = t('risks.derived.unknownRecord');
  return risk.reliedOn.map((reliance) => {
    const rfp = rfps.get(reliance.rfpId);
    const criterion = rfp?.criteria.find((candidate) => candidate.id === reliance.criterionId);
    const bidder = rfp?.bidders.find((candidate) => candidate.id === reliance.bidderId);
    return {
      rfpId: reliance.rfpId,
      rfpTitle: rfp?.event.title ?? null,
      text: t('risks.derived.reliance', {
        criterion: criterion?.title ?? unknown,
        rfp: rfp?.event.title ?? unknown,
        bidder: bidder?.name ?? unknown,
        outcome: outcomeText(t, reliance),
      }),
    };
  });
}

/**
 * Builds the stored risk that records a derived one. Its description ends with the derived id,
 * which is how the register finds the recording later (see `findRecordingRisk`). The mitigation
 * is the data protection preset's, as a start.
 */
export function recordedRiskData(t: TFunction, risk: CertificationRisk, title: string, rfps: ReadonlyMap<Id, RfpRecords>): RiskData {
  const list = relianceLines(t, risk, rfps)
    .map((line) => line.text)
    .join('; ');
  const description = [
    t('risks.derived.recordedDescription', { title, reliance: t('risks.derived.relianceSummary', { list }) }),
    t('risks.derived.reference', { id: risk.id }),
  ].join('\n');
  return {
    providerId: risk.providerId,
    title,
    category: risk.category,
    description,
    likelihood: risk.likelihood,
    impact: risk.impact,
    owner: '',
    mitigation: t('governance.riskPresets.dataProtection.mitigation'),
    status: 'open',
    reviewDate: null,
  };
}

/**
 * A risk that Steerwise raised: why (the certificate and the RFP knockouts that relied on it, with
 * links to the RFPs), and "Record as a risk", which stores an editable risk prefilled from it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Risk } from '@shared/domain/governance';
import type { Certification } from '@shared/domain/providerProfile';
import type { CalendarDate, Id } from '@shared/domain/types';
import type { CertificationRisk } from '@shared/governance/certificationRisks';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { RfpRecords } from '../rfp/rfpRecords';
import { recordUndoable } from '../undo/recordUndoable';
import { recordedRiskData, relianceLines } from './derivedRiskText';
import type { RiskRow } from './riskRows';
import { addRisk } from './riskWrites';

interface DerivedRiskDetailProps {
  readonly risk: CertificationRisk;
  readonly row: RiskRow;
  readonly certification: Certification | null;
  readonly rfps: ReadonlyMap<Id, RfpRecords>;
  readonly formatDate: (date: CalendarDate) => string;
  /** Shows a stored risk, the one just recorded or the one that recorded this risk earlier. */
  readonly onOpenStored: (risk: Risk) => void;
  readonly onClose: () => void;
}

export function DerivedRiskDetail({ risk, row, certification, rfps, formatDate, onOpenStored, onClose }: DerivedRiskDetailProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const standard = t(`profile.standards.${risk.standard}`);
  const lines = relianceLines(t, risk, rfps);

  const record = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const data = recordedRiskData(t, risk, row.title, rfps);
      const label = t('undo.label.recordDerivedRisk', { title: data.title });
      const stored = await recordUndoable(db, label, await getDeviceContext(), (context) => addRisk(db, data, context));
      onOpenStored(stored);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Recording the derived risk ${risk.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const certificateLine = () => {
    if (risk.gap === 'missing' || certification === null) return t('risks.derived.certificate_missing', { standard });
    const name = certification.name === '' ? t('risks.derived.unnamedCertificate') : certification.name;
    if (risk.gap === 'expired') return t('risks.derived.certificate_expired', { name, date: formatDate(risk.expiredOn ?? certification.expiresOn ?? '') });
    return t('risks.derived.certificate_notYetValid', { name, date: formatDate(certification.issuedOn ?? '') });
  };

  return (
    <section className="panel risk-detail" aria-labelledby="derived-risk-title" data-testid="derived-risk-detail">
      <h2 id="derived-risk-title">
        {row.title} <span className="kind-badge risk-raised">{t('governance.certificationRisks.raisedBy')}</span>
      </h2>
      <p>
        {row.providerName} · {t(`profile.riskCategories.${risk.category}`)} ·{' '}
        {t('risks.form.preview', { score: row.score, rating: t(`governance.riskRating.${row.rating}`) })}
      </p>
      <h3>{t('risks.derived.title')}</h3>
      <p>{t('risks.derived.explanation', { standard })}</p>
      <p data-testid="derived-certificate">{certificateLine()}</p>
      <h3>{t('risks.derived.reliedOn')}</h3>
      <ul data-testid="derived-reliances">
        {lines.map((line, index) => (
          <li key={`${line.rfpId}-${String(index)}`}>
            {line.text}{' '}
            {line.rfpTitle === null ? null : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  navigate({ name: 'rfp', rfpId: line.rfpId, tab: 'award' });
                }}
              >
                {t('risks.derived.openRfp', { title: line.rfpTitle })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {t('risks.derived.recordFailed')} {failure}
        </p>
      )}
      <div className="button-row">
        {row.recordedAs === null ? (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => {
              void record();
            }}
          >
            {busy ? t('risks.derived.recording') : t('risks.derived.record')}
          </button>
        ) : (
          <>
            <span data-testid="derived-recorded">{t('risks.derived.recorded', { title: row.recordedAs.title })}</span>
            <button
              type="button"
              className="button"
              onClick={() => {
                if (row.recordedAs !== null) onOpenStored(row.recordedAs);
              }}
            >
              {t('risks.derived.openRecorded')}
            </button>
          </>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('risks.detail.close')}
        </button>
      </div>
    </section>
  );
}

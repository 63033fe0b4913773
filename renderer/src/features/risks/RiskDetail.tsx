/** The chosen stored risk: its texts, Edit (the risk form), Delete with confirmation, and its history. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Risk } from '@shared/domain/governance';
import type { Provider } from '@shared/domain/types';
import { riskFormInputOf } from '@shared/forms/risk';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { RecordHistory } from '../audit/RecordHistory';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { ConfirmDialog } from '../portfolios/ConfirmDialog';
import { RiskForm } from './RiskForm';
import type { RiskRow } from './riskRows';
import { removeRisk } from './riskWrites';

interface RiskDetailProps {
  readonly risk: Risk;
  readonly row: RiskRow;
  readonly providers: readonly Pick<Provider, 'id' | 'name'>[];
  readonly onClose: () => void;
}

export function RiskDetail({ risk, row, providers, onClose }: RiskDetailProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async () => {
    setDeleting(true);
    setFailure(null);
    try {
      await removeRisk(db, risk.id, await getDeviceContext());
      onClose();
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Deleting risk ${risk.id} failed`)));
      setConfirming(false);
    } finally {
      setDeleting(false);
    }
  };

  if (editing) {
    return (
      <RiskForm
        initial={riskFormInputOf(risk)}
        riskId={risk.id}
        providers={providers}
        onSaved={() => {
          setEditing(false);
        }}
        onCancel={() => {
          setEditing(false);
        }}
      />
    );
  }

  const text = (value: string) => (value === '' ? <span className="muted">{t('risks.detail.none')}</span> : <span className="risk-text">{value}</span>);

  return (
    <section className="panel risk-detail" aria-labelledby="risk-detail-title" data-testid="risk-detail">
      <h2 id="risk-detail-title">{risk.title}</h2>
      <p>
        {row.providerName} · {t(`profile.riskCategories.${risk.category}`)} · {t(`profile.riskStatuses.${risk.status}`)} ·{' '}
        {t('risks.form.preview', { score: row.score, rating: t(`governance.riskRating.${row.rating}`) })}
      </p>
      <dl className="risk-texts">
        <dt>{t('risks.detail.description')}</dt>
        <dd>{text(risk.description)}</dd>
        <dt>{t('risks.detail.mitigation')}</dt>
        <dd>{text(risk.mitigation)}</dd>
      </dl>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {t('risks.detail.deleteFailed')} {failure}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            setEditing(true);
          }}
        >
          {t('risks.detail.edit')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('risks.detail.delete')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('risks.detail.close')}
        </button>
      </div>
      <RecordHistory table="risks" recordId={risk.id} />
      {confirming ? (
        <ConfirmDialog
          title={t('risks.detail.deleteTitle', { title: risk.title })}
          confirmLabel={t('risks.detail.deleteConfirm')}
          busyLabel={t('risks.detail.deleting')}
          busy={deleting}
          typeToConfirm={null}
          testId="delete-risk-dialog"
          onConfirm={() => {
            void remove();
          }}
          onCancel={() => {
            setConfirming(false);
          }}
        >
          <p>{t('risks.detail.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certification } from '@shared/domain/providerProfile';
import type { CalendarDate, Id } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';
import { CertificationForm, certificationLabel } from './CertificationForm';
import { certificationStatus, expiryWarningDays } from './certificationStatus';
import { DeleteRecordButton } from './DeleteRecordButton';

interface CertificationsSectionProps {
  readonly providerId: Id;
  readonly providerName: string;
  readonly certifications: readonly Certification[];
  /** Today's date on the user's wall clock, which the status badges compare against. */
  readonly today: CalendarDate;
}

const columnCount = 6;

/** Certifications of a provider with their validity, with add, edit and delete. */
export function CertificationsSection({ providerId, providerName, certifications, today }: CertificationsSectionProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<Id | null>(null);
  const none = <span className="muted">{t('providerRecord.notRecorded')}</span>;

  return (
    <section className="panel" aria-labelledby="provider-certifications-title" data-testid="provider-certifications">
      <h2 id="provider-certifications-title">{t('providerRecord.certifications.title')}</h2>
      {certifications.length === 0 ? (
        <p className="muted">{t('providerRecord.certifications.none')}</p>
      ) : (
        <table className="results-table" aria-label={t('providerRecord.certifications.tableLabel', { name: providerName })}>
          <thead>
            <tr>
              <th scope="col">{t('providerRecord.certifications.standard')}</th>
              <th scope="col">{t('providerRecord.certifications.issuedOn')}</th>
              <th scope="col">{t('providerRecord.certifications.expiresOn')}</th>
              <th scope="col">{t('providerRecord.certifications.status')}</th>
              <th scope="col">{t('providerRecord.certifications.evidence')}</th>
              <th scope="col">{t('providerRecord.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {certifications.map((certification) => {
              const label = certificationLabel(t, certification);
              const status = certificationStatus(certification, today);
              return (
                <Fragment key={certification.id}>
                  <tr data-testid="certification-row">
                    <th scope="row">{label}</th>
                    <td>{certification.issuedOn === null ? none : formatCalendarDate(certification.issuedOn, userLocale)}</td>
                    <td>{certification.expiresOn === null ? none : formatCalendarDate(certification.expiresOn, userLocale)}</td>
                    <td>
                      <span className={`status-badge status-${status}`} data-testid="certification-status">
                        {t(`providerRecord.certifications.statuses.${status}`, { days: expiryWarningDays })}
                      </span>
                    </td>
                    <td className="evidence-cell">{certification.evidence === '' ? none : certification.evidence}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('providerRecord.certifications.edit', { label })}
                        aria-expanded={editingId === certification.id}
                        onClick={() => {
                          setEditingId(editingId === certification.id ? null : certification.id);
                        }}
                      >
                        {t('providerRecord.edit')}
                      </button>
                      <DeleteRecordButton
                        table="certifications"
                        id={certification.id}
                        label={t('providerRecord.certifications.delete', { label })}
                        title={t('providerRecord.certifications.deleteTitle', { label })}
                      />
                    </td>
                  </tr>
                  {editingId === certification.id ? (
                    <tr>
                      <td colSpan={columnCount}>
                        <CertificationForm
                          providerId={providerId}
                          certification={certification}
                          onClose={() => {
                            setEditingId(null);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {adding ? (
        <CertificationForm
          providerId={providerId}
          certification={null}
          onClose={() => {
            setAdding(false);
          }}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('providerRecord.certifications.add')}
          </button>
        </div>
      )}
    </section>
  );
}

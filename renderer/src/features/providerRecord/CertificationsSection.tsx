import { useTranslation } from 'react-i18next';
import type { Certification } from '@shared/domain/providerProfile';
import type { CalendarDate, Id } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';
import { CertificationForm, certificationLabel } from './CertificationForm';
import { certificationStatus, expiryWarningDays } from './certificationStatus';
import { RecordList } from './RecordList';

interface CertificationsSectionProps {
  readonly providerId: Id;
  readonly providerName: string;
  readonly certifications: readonly Certification[];
  /** Today's date on the user's wall clock, which the status badges compare against. */
  readonly today: CalendarDate;
}

/** Certifications of a provider with their validity, with add, edit and delete. */
export function CertificationsSection({ providerId, providerName, certifications, today }: CertificationsSectionProps) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('providerRecord.notRecorded')}</span>;

  return (
    <section className="panel" aria-labelledby="provider-certifications-title" data-testid="provider-certifications">
      <h2 id="provider-certifications-title">{t('providerRecord.certifications.title')}</h2>
      <RecordList
        records={certifications}
        table="certifications"
        tableLabel={t('providerRecord.certifications.tableLabel', { name: providerName })}
        headers={[
          t('providerRecord.certifications.standard'),
          t('providerRecord.certifications.issuedOn'),
          t('providerRecord.certifications.expiresOn'),
          t('providerRecord.certifications.status'),
          t('providerRecord.certifications.evidence'),
        ]}
        emptyText={t('providerRecord.certifications.none')}
        addText={t('providerRecord.certifications.add')}
        rowTestId="certification-row"
        cells={(certification) => {
          const status = certificationStatus(certification, today);
          return (
            <>
              <th scope="row">{certificationLabel(t, certification)}</th>
              <td>{certification.issuedOn === null ? none : formatCalendarDate(certification.issuedOn, userLocale)}</td>
              <td>{certification.expiresOn === null ? none : formatCalendarDate(certification.expiresOn, userLocale)}</td>
              <td>
                <span className={`status-badge status-${status}`} data-testid="certification-status">
                  {t(`providerRecord.certifications.statuses.${status}`, { days: expiryWarningDays })}
                </span>
              </td>
              <td className="evidence-cell">{certification.evidence === '' ? none : certification.evidence}</td>
            </>
          );
        }}
        actionLabels={(certification) => {
          const label = certificationLabel(t, certification);
          return {
            edit: t('providerRecord.certifications.edit', { label }),
            delete: t('providerRecord.certifications.delete', { label }),
            deleteTitle: t('providerRecord.certifications.deleteTitle', { label }),
          };
        }}
        form={(certification, close) => <CertificationForm providerId={providerId} certification={certification} onClose={close} />}
      />
    </section>
  );
}

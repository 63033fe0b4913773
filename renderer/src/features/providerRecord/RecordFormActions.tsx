import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import type { RecordWrite } from './useRecordWrite';

interface RecordFormActionsProps {
  readonly write: Pick<RecordWrite, 'busy' | 'error'>;
  readonly onCancel: () => void;
  /** Label of the submit button, or "Save" when not given. */
  readonly submitLabel?: string;
}

/** Save and Cancel of a provider record form, with the message of a failed save. */
export function RecordFormActions({ write, onCancel, submitLabel }: RecordFormActionsProps) {
  const { t } = useTranslation();
  return (
    <FormActions
      busy={write.busy}
      failure={write.error}
      submitLabel={submitLabel ?? t('providerRecord.save')}
      busyLabel={t('providerRecord.saving')}
      cancelLabel={t('providerRecord.cancel')}
      onCancel={onCancel}
    />
  );
}

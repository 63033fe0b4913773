import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { ConfirmDialog } from '../portfolios/ConfirmDialog';
import { deleteProviderPart } from './providerRecordEdits';
import type { ProviderPartTable } from './providerRecordEdits';
import { useRecordWrite } from './useRecordWrite';

interface DeleteRecordButtonProps {
  readonly table: ProviderPartTable;
  readonly id: Id;
  /** Accessible name of the button, which names the record (`Delete site Pune`). */
  readonly label: string;
  /** Title of the confirmation, which names the record again. */
  readonly title: string;
}

/** Delete button of one site, certification or contact, which requests confirmation before it deletes. */
export function DeleteRecordButton({ table, id, label, title }: DeleteRecordButtonProps) {
  const { t } = useTranslation();
  const write = useRecordWrite();
  const [confirming, setConfirming] = useState(false);

  const remove = async () => {
    const done = await write.run(`Deleting ${table} ${id}`, async (db, context) => {
      await deleteProviderPart(db, table, id, context);
      return true;
    });
    if (done !== null) setConfirming(false);
  };

  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={label}
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t('providerRecord.delete.button')}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={title}
          confirmLabel={t('providerRecord.delete.confirm')}
          busyLabel={t('providerRecord.delete.deleting')}
          busy={write.busy}
          typeToConfirm={null}
          testId="provider-record-delete-dialog"
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
          }}
        >
          <p>{t('providerRecord.delete.body')}</p>
          {write.error === null ? null : (
            <p className="alert error" role="alert">
              {write.error}
            </p>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

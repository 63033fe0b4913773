import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { formatInstant } from './portfolioRows';
import type { PortfolioRow } from './portfolioRows';

interface PortfolioTableProps {
  readonly rows: readonly PortfolioRow[];
  /** Whether an action is running, which disables every button. */
  readonly busy: boolean;
  readonly onOpen: (row: PortfolioRow) => void;
  /** Renames the portfolio; resolves to the sentence to show under the field, or `null` when the rename succeeded. */
  readonly onRename: (row: PortfolioRow, name: string) => Promise<string | null>;
  readonly onDelete: (row: PortfolioRow) => void;
}

/** Lists the portfolios on this machine, one row each, with Open, Rename and Delete. */
export function PortfolioTable({ rows, busy, onOpen, onRename, onDelete }: PortfolioTableProps) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<string | null>(null);

  return (
    <table className="sync-table" aria-label={t('portfolios.tableLabel')} data-testid="portfolio-table">
      <thead>
        <tr>
          <th scope="col">{t('portfolios.colName')}</th>
          <th scope="col">{t('portfolios.colRecords')}</th>
          <th scope="col">{t('portfolios.colCreated')}</th>
          <th scope="col">{t('portfolios.colChanged')}</th>
          <th scope="col">{t('portfolios.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-portfolio-id={row.id} aria-current={row.isOpen ? 'true' : undefined}>
            <th scope="row">
              {renaming === row.id ? (
                <RenameForm
                  row={row}
                  busy={busy}
                  onRename={onRename}
                  onClose={() => {
                    setRenaming(null);
                  }}
                />
              ) : (
                <>
                  {row.name}
                  {row.isOpen ? <span className="muted"> ({t('portfolios.openNow')})</span> : null}
                </>
              )}
            </th>
            <td>{row.recordCount === null ? t('portfolios.recordsUnknown') : formatNumber(row.recordCount, userLocale)}</td>
            <td>{formatInstant(row.createdAt, userLocale)}</td>
            <td>{formatInstant(row.lastChangedAt, userLocale)}</td>
            <td>
              <div className="button-row">
                {row.isOpen ? null : (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-label={t('portfolios.openNamed', { name: row.name })}
                    onClick={() => {
                      onOpen(row);
                    }}
                  >
                    {t('portfolios.open')}
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={busy || renaming === row.id}
                  aria-label={t('portfolios.renameNamed', { name: row.name })}
                  onClick={() => {
                    setRenaming(row.id);
                  }}
                >
                  {t('portfolios.rename')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={t('portfolios.deleteNamed', { name: row.name })}
                  onClick={() => {
                    onDelete(row);
                  }}
                >
                  {t('portfolios.delete')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface RenameFormProps {
  readonly row: PortfolioRow;
  readonly busy: boolean;
  readonly onRename: PortfolioTableProps['onRename'];
  readonly onClose: () => void;
}

/** Edits a portfolio's name inside its name cell: the new name, Save and Cancel, and the reason a name is rejected. */
function RenameForm({ row, busy, onRename, onClose }: RenameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(row.name);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const messageId = useId();

  return (
    <form
      data-testid="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaving(true);
        void onRename(row, name).then((problem) => {
          setSaving(false);
          if (problem === null) onClose();
          else setMessage(problem);
        });
      }}
    >
      <div className="toolbar">
        <label>
          {t('portfolios.renameLabel', { name: row.name })}
          <input
            type="text"
            value={name}
            disabled={saving}
            autoFocus
            aria-invalid={message === null ? undefined : true}
            aria-describedby={message === null ? undefined : messageId}
            onChange={(event) => {
              setName(event.target.value);
              setMessage(null);
            }}
          />
        </label>
        <button type="submit" className="button primary" disabled={busy || saving}>
          {saving ? t('portfolios.saving') : t('portfolios.save')}
        </button>
        <button type="button" className="button" disabled={saving} onClick={onClose}>
          {t('portfolios.cancel')}
        </button>
      </div>
      {message === null ? null : (
        <p id={messageId} className="alert error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}

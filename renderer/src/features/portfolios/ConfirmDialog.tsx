import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeleteConfirmed } from './portfolioRows';

interface ConfirmDialogProps {
  readonly title: string;
  /** Body text: what the action does and what is kept. */
  readonly children: ReactNode;
  readonly confirmLabel: string;
  /** Label of the confirm button while the action runs. */
  readonly busyLabel: string;
  readonly busy: boolean;
  /** Text the user must type before the confirm button is enabled, with the field's label; none when `null`. */
  readonly typeToConfirm: { readonly text: string; readonly label: string } | null;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
}

/**
 * Requests confirmation of a destructive action in a native modal `<dialog>`, which keeps focus
 * inside it and closes on Escape unless the action is running.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, busyLabel, busy, typeToConfirm, onConfirm, onCancel, testId } = props;
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
    };
  }, []);

  const confirmed = typeToConfirm === null || isDeleteConfirmed(typed, typeToConfirm.text);

  return (
    <dialog
      ref={dialogRef}
      className="panel"
      // `.panel` sets a bottom margin, which would pin the modal to the foot of the window instead of its centre.
      style={{ margin: 'auto' }}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // Escape closes the dialog, except while the action runs, because the dialog then shows its progress.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !busy) onConfirm();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {typeToConfirm === null ? null : (
          <div className="toolbar">
            <label>
              {typeToConfirm.label}
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                disabled={busy}
                onChange={(event) => {
                  setTyped(event.target.value);
                }}
              />
            </label>
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy || !confirmed}>
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            {t('portfolios.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The end of a form: the message of a failed save, and the submit and cancel buttons. */

interface FormActionsProps {
  /** Whether the save runs, which disables both buttons. */
  readonly busy: boolean;
  /** Sentence of the last failed save, or `null`. */
  readonly failure: string | null;
  readonly submitLabel: string;
  /** Label of the submit button while the save runs, or the submit label when not given. */
  readonly busyLabel?: string;
  readonly cancelLabel: string;
  readonly onCancel: () => void;
}

export function FormActions({ busy, failure, submitLabel, busyLabel, cancelLabel, onCancel }: FormActionsProps) {
  return (
    <>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy && busyLabel !== undefined ? busyLabel : submitLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}

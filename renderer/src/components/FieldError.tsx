/**
 * The error message of one form field, kept outside the field's label so that the label alone
 * names the field. The field points at the message through `aria-describedby`.
 */

/** Returns the attributes that tie a field to its error message while it has one. */
export function errorAttributes(errorId: string, problem: string | undefined) {
  return {
    'aria-invalid': problem !== undefined,
    'aria-describedby': problem === undefined ? undefined : errorId,
  };
}

/** Shows `problem` under a field, with the id that the field's `aria-describedby` names. */
export function FieldError({ id, problem }: { readonly id: string; readonly problem: string | undefined }) {
  return problem === undefined ? null : (
    <span className="field-error" id={id}>
      {problem}
    </span>
  );
}

/**
 * Moves the focus to the first field of `form` marked invalid, once React has drawn the marks, so
 * that a screen reader reads the field and its message. A group of checkboxes passes the focus to
 * its first box.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid instanceof HTMLFieldSetElement ? invalid.querySelector<HTMLElement>('input') : invalid;
    target?.focus();
  });
}

/**
 * The submit step shared by the forms of a provider's sites, certifications and contacts: show
 * the check's errors at their fields, or add the record or write the fields the user changed.
 */
import type { FormErrors, FormResult } from '@shared/forms/providerProfile';
import type { Id } from '@shared/domain/types';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { focusFirstInvalid } from '../../components/FieldError';
import { changedFields } from './providerRecordEdits';
import type { RecordWrite } from './useRecordWrite';

export interface RecordFormSubmit<V extends object, R extends { readonly id: Id }, F extends string> {
  /** Result of the form's zod check. */
  readonly checked: FormResult<V, F>;
  readonly form: HTMLFormElement | null;
  readonly setErrors: (errors: FormErrors<F>) => void;
  readonly write: RecordWrite;
  readonly providerId: Id;
  /** The record being edited, or `null` for a new one. */
  readonly stored: R | null;
  /** Kind of record, as the log names it ("site", "certification", "contact"). */
  readonly kind: string;
  /** Returns the form's fields of the stored record, to compare with the edited ones. */
  readonly formData: (record: R) => V;
  readonly add: (db: PortfolioDb, providerId: Id, value: V, context: DeviceContext) => Promise<unknown>;
  readonly update: (db: PortfolioDb, id: Id, patch: Partial<V>, context: DeviceContext) => Promise<unknown>;
  /** Returns the translated undo label of the save. */
  readonly undoLabel: (value: V) => string;
  /** Called after a successful save. */
  readonly onSaved: () => void;
}

/** Checks, then adds or updates the record. A failed write leaves its sentence in `write.error` and the form open. */
export async function submitRecordForm<V extends object, R extends { readonly id: Id }, F extends string>(
  submit: RecordFormSubmit<V, R, F>,
): Promise<void> {
  const { checked, stored, providerId } = submit;
  if (!checked.ok) {
    submit.setErrors(checked.errors);
    focusFirstInvalid(submit.form);
    return;
  }
  submit.setErrors({});

  const action = stored === null ? `Adding a ${submit.kind} to provider ${providerId}` : `Saving ${submit.kind} ${stored.id}`;
  const saved = await submit.write.run(
    action,
    (db, context) =>
      stored === null
        ? submit.add(db, providerId, checked.value, context)
        : submit.update(db, stored.id, changedFields(submit.formData(stored), checked.value), context),
    submit.undoLabel(checked.value),
  );
  if (saved !== null) submit.onSaved();
}

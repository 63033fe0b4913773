/** Sentences and attributes of the provider record's form fields. */
import type { TFunction } from 'i18next';
import type { FieldError, FormErrors } from '@shared/forms/providerProfile';
import { translateDynamic } from '../../i18n/dynamic';
import { errorAttributes } from '../../components/FieldError';

/** Returns the sentence of a field error; its key comes from the schema, so the typed `t` cannot check it. */
export function fieldErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  return error === undefined ? undefined : translateDynamic(t, error.key, error.values ?? {});
}

/** Returns the error id, the sentence and the ARIA attributes of `field`, for a form whose id is `formId`. */
export function fieldState<F extends string>(t: TFunction, formId: string, errors: FormErrors<F>, field: F) {
  const errorId = `${formId}-${field}-error`;
  const message = fieldErrorText(t, errors[field]);
  return { errorId, message, attributes: errorAttributes(errorId, message) };
}

/**
 * Turns an error code and its detail into the one user sentence for it. The technical cause
 * stays in the log.
 */
import type { TFunction } from 'i18next';
import type { AppError, ErrorCode, ErrorDetail } from '@shared/errors';
import { AppFailure } from '@shared/errors';
import { translateDynamic } from './i18n/dynamic';
import { platform } from './platform';

const bytesPerMegabyte = 1024 * 1024;

function sentenceValues(detail: ErrorDetail | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = { file: '', ...detail };
  if (typeof detail?.sizeBytes === 'number') values.sizeMb = (detail.sizeBytes / bytesPerMegabyte).toFixed(1);
  if (typeof detail?.maxBytes === 'number') values.maxMb = Math.round(detail.maxBytes / bytesPerMegabyte);
  // A `reason` picks a more specific sentence through i18next's context, e.g. `notText_spreadsheet`.
  if (typeof detail?.reason === 'string') values.context = detail.reason;
  return values;
}

export function describeError(t: TFunction, code: ErrorCode, detail?: ErrorDetail): string {
  // Error codes mirror the nesting of `errors` in the translation files, e.g. `csv.invalidNumber`,
  // and a unit test checks that every code has its sentence.
  return translateDynamic(t, `errors.${code}`, sentenceValues(detail));
}

export function describeAppError(t: TFunction, error: AppError): string {
  return describeError(t, error.code, error.detail);
}

/** Converts anything thrown into an `AppError`, logging the technical cause. */
export function toAppError(thrown: unknown, context: string): AppError {
  if (thrown instanceof AppFailure) {
    platform.log('warn', `${context}: ${thrown.message}`);
    return thrown.appError;
  }
  const cause = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  platform.log('error', `${context}: ${cause}`);
  return { code: 'unexpected', cause };
}

/**
 * Turns an error code and its detail into the one user sentence for it. The technical cause
 * stays in the log (see `reportError.ts`).
 */
import type { TFunction } from 'i18next';
import type { AppError, ErrorCode, ErrorDetail } from '@shared/errors';
import { isPeriod } from '@shared/domain/period';
import { formatPeriod } from './format';
import { translateDynamic } from './i18n/dynamic';
import { userLocale } from './locale';

const bytesPerMegabyte = 1024 * 1024;

function sentenceValues(detail: ErrorDetail | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = { file: '', ...detail };
  if (typeof detail?.sizeBytes === 'number') values.sizeMb = (detail.sizeBytes / bytesPerMegabyte).toFixed(1);
  if (typeof detail?.maxBytes === 'number') values.maxMb = Math.round(detail.maxBytes / bytesPerMegabyte);
  // A `reason` picks a more specific sentence through i18next's context, e.g. `notText_spreadsheet`.
  if (typeof detail?.reason === 'string') values.context = detail.reason;
  if (typeof detail?.period === 'string' && isPeriod(detail.period)) values.period = formatPeriod(detail.period, userLocale);
  return values;
}

/**
 * Codes of the file checks that `writePortfolioFile` also runs on the portfolio before writing it.
 * Their sentences name a file and tell how to get a good one, which does not fit a failed export
 * or backup: there, the detail has no file name.
 */
const recordCheckCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'portfolioFile.invalidRecord',
  'portfolioFile.duplicateId',
  'portfolioFile.duplicateNaturalKey',
]);

export function describeError(t: TFunction, code: ErrorCode, detail?: ErrorDetail): string {
  if (recordCheckCodes.has(code) && typeof detail?.file !== 'string') {
    return t('errors.portfolioFile.notWritable', { table: detail?.table ?? '', recordId: detail?.recordId ?? '' });
  }
  // Error codes mirror the nesting of `errors` in the translation files, e.g. `csv.invalidNumber`,
  // and a unit test checks that every code has its sentence.
  return translateDynamic(t, `errors.${code}`, sentenceValues(detail));
}

export function describeAppError(t: TFunction, error: AppError): string {
  return describeError(t, error.code, error.detail);
}

/** Maps IndexedDB and Dexie failures to the app's storage error codes. */
import { AppFailure } from '@shared/errors';
import type { ErrorDetail } from '@shared/errors';

/** Nested causes a Dexie error can carry: `inner` on most errors, `failures` on bulk errors. */
interface NestedError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
  readonly cause?: unknown;
  readonly failures?: unknown;
}

/** Whether `error`, or any error nested inside it, has the DOMException name `name`. */
export function hasErrorName(error: unknown, name: string, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 8) return false;
  const nested = error as NestedError;
  if (nested.name === name) return true;
  if (hasErrorName(nested.inner, name, depth + 1) || hasErrorName(nested.cause, name, depth + 1)) return true;

  const failures = nested.failures;
  if (Array.isArray(failures)) return failures.some((failure) => hasErrorName(failure, name, depth + 1));
  if (typeof failures === 'object' && failures !== null) {
    return Object.values(failures).some((failure) => hasErrorName(failure, name, depth + 1));
  }
  return false;
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as NestedError;
    return `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : ''}`;
  }
  return String(error);
}

/**
 * Turns any failure of a storage call into an `AppFailure`. An `AppFailure` passes through
 * unchanged; a quota error becomes `storage.quotaExceeded`, a version error
 * `storage.versionTooNew`, anything else `storage.writeFailed`. `detail` names what was being
 * written; the technical cause goes to `cause`.
 */
export function toStorageFailure(error: unknown, detail: ErrorDetail): AppFailure {
  if (error instanceof AppFailure) return error;

  const cause = describe(error);
  if (hasErrorName(error, 'QuotaExceededError')) {
    return new AppFailure({ code: 'storage.quotaExceeded', detail, cause });
  }
  if (hasErrorName(error, 'VersionError')) {
    return new AppFailure({ code: 'storage.versionTooNew', detail, cause });
  }
  return new AppFailure({ code: 'storage.writeFailed', detail, cause });
}

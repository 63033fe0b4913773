/** Unwrap a `Result` in a test, failing with the other branch's content when it is not the expected one. */
import type { AppError, Result } from '../../../shared/errors';

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`Expected an ok result, got ${result.error.code} ${JSON.stringify(result.error.detail ?? {})} ${result.error.cause ?? ''}`);
  }
  return result.value;
}

export function errorOf(result: Result<unknown>): AppError {
  if (result.ok) {
    throw new Error(`Expected a failed result, got ok with ${JSON.stringify(result.value)}`);
  }
  return result.error;
}

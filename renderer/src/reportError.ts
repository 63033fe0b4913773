import type { AppError } from '@shared/errors';
import { AppFailure } from '@shared/errors';
import { platform } from './platform';

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

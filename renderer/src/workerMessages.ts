/**
 * The parts of the app's worker messages that the portfolio file and control tower workers share:
 * how a task ends, and the check of an error that arrives from a worker.
 */
import * as z from 'zod';
import type { AppError } from '@shared/errors';
import { errorCodes } from '@shared/errors';

/** End of a worker task. Errors arrive as values, so a caller never needs to catch. */
export type WorkerOutcome<T> =
  { readonly kind: 'done'; readonly value: T } | { readonly kind: 'failed'; readonly error: AppError } | { readonly kind: 'cancelled' };

const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  cause: z.string().optional(),
});

/**
 * Checks an error posted by a worker and returns it as an `AppError`, or `null` when it is not
 * one. Absent optional keys stay absent, because zod types them as `undefined` and `AppError` does
 * not allow that.
 */
export function parseWorkerError(value: unknown): AppError | null {
  const parsed = appErrorSchema.safeParse(value);
  if (!parsed.success) return null;
  return {
    code: parsed.data.code,
    ...(parsed.data.detail === undefined ? {} : { detail: parsed.data.detail }),
    ...(parsed.data.cause === undefined ? {} : { cause: parsed.data.cause }),
  };
}

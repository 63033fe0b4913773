/**
 * Messages between the renderer and the control tower worker, with schemas that both sides check.
 * A worker runs one request and is then terminated, so messages carry no request id. The worker
 * posts `ready` once its module has loaded, then exactly one `done` or `failed`.
 */
import * as z from 'zod';
import type { AppError } from '@shared/errors';
import type { ComparisonBasis, KpiComparisonRow } from '@shared/kpi/controlTowerComparison';
import type { ControlTowerSelection, ControlTowerSummary } from '@shared/kpi/controlTowerSummary';
import type { EscalationAction } from '@shared/kpi/escalationRules';
import { parseWorkerError } from '../../workerMessages';

export type ControlTowerRequest =
  | {
      readonly kind: 'summary';
      /** Name of the portfolio database, which the worker opens on its own connection. */
      readonly databaseName: string;
      readonly selection: ControlTowerSelection;
      readonly today: string;
    }
  | {
      readonly kind: 'comparison';
      readonly databaseName: string;
      readonly kpiId: string;
      readonly reportingMonth: string;
      readonly basis: ComparisonBasis;
    }
  | { readonly kind: 'escalationActions'; readonly databaseName: string; readonly now: string; readonly today: string };

/** Result value of each request kind. */
export interface ControlTowerValues {
  readonly summary: ControlTowerSummary;
  readonly comparison: KpiComparisonRow[];
  readonly escalationActions: EscalationAction[];
}

export type ControlTowerMessage<T> =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly value: T }
  | { readonly type: 'failed'; readonly error: AppError };

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const requestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('summary'),
    databaseName: z.string().min(1),
    selection: z.object({ scope: z.enum(['critical', 'all']).nullable(), month: z.string().regex(/^\d{4}-\d{2}$/).nullable() }),
    today: calendarDate,
  }),
  z.object({
    kind: z.literal('comparison'),
    databaseName: z.string().min(1),
    kpiId: z.string().min(1),
    reportingMonth: z.string().regex(/^\d{4}-\d{2}$/),
    basis: z.enum(['month', 'trailingYear']),
  }),
  z.object({ kind: z.literal('escalationActions'), databaseName: z.string().min(1), now: z.string().min(1), today: calendarDate }),
]);

/**
 * Outer shape of each result. The worker built the value with the shared builders, so the
 * client checks the shape it relies on and does not walk every row.
 */
const valueSchemas = {
  summary: z.looseObject({
    today: calendarDate,
    providers: z.array(z.unknown()),
    kpis: z.array(z.unknown()),
    months: z.array(z.string()),
    reportingMonth: z.string().nullable(),
    insights: z.array(z.unknown()),
    comparisonKpis: z.array(z.unknown()),
    breaches: z.looseObject({ rows: z.array(z.unknown()), total: z.number().int().nonnegative() }),
  }),
  comparison: z.array(z.looseObject({ providerId: z.string(), serviceLevelId: z.string(), status: z.enum(['compared', 'noData', 'notComparable']) })),
  escalationActions: z.array(z.looseObject({ kind: z.enum(['open', 'raise', 'repeatMiss']) })),
} as const;

/** Checks a message that reached the worker. Returns `null` for anything but a valid request. */
export function parseControlTowerRequest(data: unknown): ControlTowerRequest | null {
  const result = requestSchema.safeParse(data);
  return result.success ? result.data : null;
}

/** Checks a message from the worker of a `kind` request. Returns `null` for anything that is not one of the messages above. */
export function parseControlTowerMessage<K extends keyof ControlTowerValues>(kind: K, data: unknown): ControlTowerMessage<ControlTowerValues[K]> | null {
  if (typeof data !== 'object' || data === null) return null;
  const type: unknown = (data as { readonly type?: unknown }).type;
  if (type === 'ready') return { type: 'ready' };
  if (type === 'failed') {
    const error = parseWorkerError((data as { readonly error?: unknown }).error);
    return error === null ? null : { type: 'failed', error };
  }
  if (type === 'done') {
    const value: unknown = (data as { readonly value?: unknown }).value;
    if (!valueSchemas[kind].safeParse(value).success) return null;
    // The original value rather than the schema's copy, which would duplicate a large summary.
    return { type: 'done', value: value as ControlTowerValues[K] };
  }
  return null;
}

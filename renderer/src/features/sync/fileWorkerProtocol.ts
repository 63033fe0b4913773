/**
 * Messages between the Sync screen and the file worker, with schemas that both sides check every
 * message against. A worker runs one task and is then terminated, so messages carry no task id.
 *
 * The worker posts `ready` once its module has loaded, then any number of `progress` messages,
 * then exactly one `done` or `failed`.
 */
import * as z from 'zod';
import type { AppError } from '@shared/errors';
import type { ParsedFile } from '@shared/file';
import type { ExportRequest, FileProgress, OpenRequest } from './fileTasks';
import { parseWorkerError } from '../../workerMessages';

export type FileWorkerRequest =
  { readonly kind: 'export'; readonly request: ExportRequest } | { readonly kind: 'open'; readonly request: OpenRequest };

/** Result value of each request kind: the file bytes of an export, the parsed file of an open. */
export interface FileTaskValues {
  readonly export: Uint8Array;
  readonly open: ParsedFile;
}

export type FileWorkerMessage<T> =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly progress: FileProgress }
  | { readonly type: 'done'; readonly value: T }
  | { readonly type: 'failed'; readonly error: AppError };

const count = z.number().int().nonnegative();

const progressSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('reading') }),
  z.object({ stage: z.literal('serializing'), entry: z.string(), done: count, total: count }),
  z.object({ stage: z.literal('compressing'), entry: z.string(), done: count, total: count }),
  z.object({ stage: z.literal('encrypting') }),
  z.object({ stage: z.literal('decrypting') }),
  z.object({ stage: z.literal('inflating'), done: count, total: count }),
  z.object({ stage: z.literal('validating') }),
]);

/**
 * Outer shape of a snapshot. The records themselves are checked by the file writer, which
 * rejects any record the format cannot hold, so they are not walked twice here.
 */
const snapshotShapeSchema = z.looseObject({
  portfolioId: z.string(),
  portfolioName: z.string(),
  deviceId: z.string(),
  records: z.looseObject({}),
  tombstones: z.array(z.unknown()),
  versionVector: z.record(z.string(), z.string()),
  scoped: z.boolean().optional(),
});

const exportScopeSchema = z.object({
  providerIds: z.array(z.string()).optional(),
  withoutCommercialTerms: z.boolean().optional(),
  rfp: z.object({ rfpId: z.string(), evaluatorId: z.string() }).optional(),
});

const requestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('export'),
    request: z.object({
      snapshot: snapshotShapeSchema,
      metadata: z.object({ appVersion: z.string(), exportedAt: z.string() }),
      scope: exportScopeSchema,
      passphrase: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('open'),
    request: z.object({ bytes: z.instanceof(Uint8Array), fileName: z.string(), passphrase: z.string().nullable() }),
  }),
]);

const parsedFileShapeSchema = z.looseObject({
  manifest: z.looseObject({}),
  snapshot: snapshotShapeSchema,
  sourceFormatVersion: z.number().int().nonnegative(),
});

const valueSchemas = {
  export: z.instanceof(Uint8Array),
  open: parsedFileShapeSchema,
} as const;

/** Checks a message that reached the worker. Returns `null` for anything but a valid request. */
export function parseFileWorkerRequest(data: unknown): FileWorkerRequest | null {
  const result = requestSchema.safeParse(data);
  if (!result.success) return null;
  // The schema checks the request's outer shape, and the writer checks the snapshot's records.
  return data as FileWorkerRequest;
}

/**
 * Checks a message from the worker of a `kind` request. Returns `null` for anything that is not
 * one of the messages described above, with a value of the right kind in `done`.
 */
export function parseFileWorkerMessage<K extends keyof FileTaskValues>(
  kind: K,
  data: unknown,
): FileWorkerMessage<FileTaskValues[K]> | null {
  if (typeof data !== 'object' || data === null) return null;
  const type: unknown = (data as { readonly type?: unknown }).type;
  if (type === 'ready') return { type: 'ready' };
  if (type === 'progress') {
    const progress = progressSchema.safeParse((data as { readonly progress?: unknown }).progress);
    return progress.success ? { type: 'progress', progress: progress.data } : null;
  }
  if (type === 'failed') {
    const error = parseWorkerError((data as { readonly error?: unknown }).error);
    return error === null ? null : { type: 'failed', error };
  }
  if (type === 'done') {
    const value: unknown = (data as { readonly value?: unknown }).value;
    if (!valueSchemas[kind].safeParse(value).success) return null;
    // The original value, not the schema's copy: the bytes were transferred and the snapshot is large.
    return { type: 'done', value: value as FileTaskValues[K] };
  }
  return null;
}

/**
 * Schemas of the arguments each IPC channel accepts. The renderer is treated as untrusted:
 * unknown keys, oversized strings and limits above the app's own are rejected.
 */
import { z } from 'zod';
import { maxOpenFileBytes } from '../../shared/ipc/contract';

const maxTitleLength = 500;
const maxFilters = 20;
const maxExtensionsPerFilter = 50;

const fileFilterSchema = z.strictObject({
  name: z.string().max(200),
  // `*` is Electron's "all files" filter; otherwise letters and digits only, without the dot.
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'must be * or 1 to 16 letters and digits, without a dot'))
    .min(1)
    .max(maxExtensionsPerFilter),
});

export const openFileRequestSchema = z.strictObject({
  title: z.string().max(maxTitleLength),
  filters: z.array(fileFilterSchema).max(maxFilters),
  maxBytes: z.number().int().positive().max(maxOpenFileBytes),
});

// A bare file name: the folder is chosen by the user in the save dialog, never by the renderer.
const suggestedNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/, 'must be a file name without folders');

export const saveFileRequestSchema = z.strictObject({
  title: z.string().max(maxTitleLength),
  suggestedName: suggestedNameSchema,
  filters: z.array(fileFilterSchema).max(maxFilters),
  bytes: z.instanceof(Uint8Array),
});

export const printToPdfRequestSchema = z.strictObject({
  title: z.string().max(maxTitleLength),
  suggestedName: suggestedNameSchema,
  filters: z.array(fileFilterSchema).max(maxFilters),
  pageSize: z.enum(['A4', 'Letter']),
  landscape: z.boolean(),
});

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

export const logEntrySchema = z.strictObject({
  level: logLevelSchema,
  message: z.string(),
  context: z
    .record(z.string().max(100), z.union([z.string().max(2_000), z.number(), z.boolean()]))
    .refine((context) => Object.keys(context).length <= 50, 'must have at most 50 keys')
    .optional(),
});

export const newBackupSchema = z.strictObject({
  portfolioId: z.string().min(1).max(64),
  portfolioName: z.string().max(1_000),
  contentKey: z.string().max(100_000),
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= maxOpenFileBytes, `must be at most ${String(maxOpenFileBytes)} bytes`),
});

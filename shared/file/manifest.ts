/**
 * The manifest (`manifest.json`): what the file is, who wrote it, what it contains and the
 * SHA-256 of every other entry. `formatType`, `formatVersion` and `sha256` keep their names and
 * meaning in every format version, so a reader can check any version before migrating it.
 */
import * as z from 'zod';
import type { Id, Instant, RecordTable } from '../domain/types';
import { isDeviceId } from '../sync/hlc';
import { currentFormatVersion, formatType } from './constants';

/**
 * Limits of a scoped export. Absent for an export of the whole portfolio. A file with a scope
 * carries no tombstones, and the merge does not take in its version vector (see
 * `scopeSnapshot`).
 */
export interface ExportScope {
  /**
   * Ids of the providers the export was limited to: their records, contracts, service levels
   * and measurements, and the KPIs those refer to. Absent when every provider is included.
   */
  readonly providerIds?: readonly Id[];
  /** Whether the tables and fields listed in `shared/domain/commercialTerms.ts` were left out. */
  readonly withoutCommercialTerms?: boolean;
  /**
   * RFP and evaluator of an evaluator file: the file contains that RFP's event, sections,
   * criteria and bidders, that evaluator's assignment and that evaluator's own scores, and no
   * other record. Never combined with `providerIds` or `withoutCommercialTerms`.
   */
  readonly rfp?: EvaluatorScope;
}

/** The RFP and the evaluator (`EvaluatorAssignment` id) that an evaluator file is limited to. */
export interface EvaluatorScope {
  readonly rfpId: Id;
  readonly evaluatorId: Id;
}

export interface Manifest {
  readonly formatType: typeof formatType;
  /** Format version of the file's layout and records, an integer from 1. */
  readonly formatVersion: number;
  /** Version of the app that wrote the file, for example `0.1.0`. */
  readonly appVersion: string;
  /** Instant of the export as a UTC ISO 8601 string. */
  readonly exportedAt: Instant;
  /** Device that wrote the file; the same id as in its clocks. */
  readonly deviceId: string;
  readonly portfolioId: Id;
  readonly portfolioName: string;
  /** Number of records in each table's entry. */
  readonly recordCounts: { readonly [T in RecordTable]: number };
  /** Number of tombstones in `tombstones.json`. */
  readonly tombstoneCount: number;
  /** SHA-256 of every entry other than the manifest, as 64 lowercase hex digits, by entry path. */
  readonly sha256: Readonly<Record<string, string>>;
  readonly scope?: ExportScope;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Expected 64 lowercase hex digits');
const count = z.int().min(0);

/** Part of the manifest whose meaning no format version changes. */
export const manifestEnvelopeSchema = z.object({
  formatType: z.string(),
  formatVersion: z.int().min(0),
  sha256: z.record(z.string(), sha256Hex),
});

export type ManifestEnvelope = z.infer<typeof manifestEnvelopeSchema>;

const scopeSchema = z
  .strictObject({
    providerIds: z.array(z.string().min(1)).optional(),
    withoutCommercialTerms: z.boolean().optional(),
    rfp: z.strictObject({ rfpId: z.string().min(1), evaluatorId: z.string().min(1) }).optional(),
  })
  .refine((scope) => scope.rfp === undefined || (scope.providerIds === undefined && scope.withoutCommercialTerms === undefined), {
    error: 'An evaluator scope cannot be combined with providerIds or withoutCommercialTerms',
    path: ['rfp'],
  });

/** Strict schema of a current-version manifest. */
export const manifestSchema = z.strictObject({
  formatType: z.literal(formatType),
  formatVersion: z.literal(currentFormatVersion),
  appVersion: z.string().min(1).max(64),
  // Written by `toISOString`, so always UTC with milliseconds; zod also accepts other precisions.
  exportedAt: z.iso.datetime(),
  deviceId: z.string().refine(isDeviceId, 'Expected 1 to 32 letters, digits, _ or -'),
  portfolioId: z.string().min(1),
  portfolioName: z.string().min(1),
  recordCounts: z.strictObject({
    providers: count,
    contracts: count,
    kpis: count,
    serviceLevels: count,
    measurements: count,
    rfpEvents: count,
    rfpSections: count,
    rfpCriteria: count,
    rfpBidders: count,
    rfpEvaluators: count,
    rfpScores: count,
    rfpConsensusScores: count,
    rfpPriceBids: count,
    planCalendars: count,
    plans: count,
    planTasks: count,
    planDependencies: count,
    planBaselines: count,
    escalations: count,
    escalationEvents: count,
    providerSites: count,
    certifications: count,
    contacts: count,
    processes: count,
    risks: count,
    meetingCadences: count,
    meetings: count,
    decisions: count,
    actionItems: count,
  } satisfies { [T in RecordTable]: typeof count }),
  tombstoneCount: count,
  sha256: z.record(z.string(), sha256Hex),
  scope: scopeSchema.optional(),
});

/** Copies a parsed manifest into the `Manifest` shape, leaving out an absent `scope`. */
export function toManifest(parsed: z.infer<typeof manifestSchema>): Manifest {
  const { scope, ...rest } = parsed;
  if (scope === undefined) return rest;

  const exportScope: { providerIds?: readonly Id[]; withoutCommercialTerms?: boolean; rfp?: EvaluatorScope } = {};
  if (scope.providerIds !== undefined) exportScope.providerIds = scope.providerIds;
  if (scope.withoutCommercialTerms !== undefined) exportScope.withoutCommercialTerms = scope.withoutCommercialTerms;
  if (scope.rfp !== undefined) exportScope.rfp = { rfpId: scope.rfp.rfpId, evaluatorId: scope.rfp.evaluatorId };
  return { ...rest, scope: exportScope };
}

/** Names the first failing field of a manifest schema issue as a dotted path, `manifest` for the root. */
export function manifestIssueField(issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  return path.length === 0 ? 'manifest' : path.map(String).join('.');
}

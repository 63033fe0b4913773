/**
 * Public types of the portfolio merge (`mergeSnapshots` in `merge.ts`): options, the merged
 * snapshot with its preview, and the writes a caller applies to the local database.
 */
import type { HlcString, Id, RecordTable, RecordTypes, Tombstone } from '../domain/types';
import type { PortfolioSnapshot } from './snapshot';

/** Default limit for remote clocks ahead of local time before the preview flags them: 5 minutes. */
export const defaultMaxClockSkewMs = 5 * 60 * 1000;

export interface MergeOptions {
  /** Local wall time in ms since the Unix epoch; used only for the clock skew report. */
  readonly now: number;
  /** How far ahead of `now` a remote clock may be before it is flagged, in ms; default `defaultMaxClockSkewMs`. */
  readonly maxClockSkewMs?: number;
}

/** Snapshot that a value came from: the local database or the imported file. */
export type MergeSide = 'local' | 'remote';

/** Record counts of one table in the merged snapshot, relative to the local snapshot. */
export interface TableChangeCounts {
  /** Merged records with no local counterpart, neither by id nor by natural key. */
  readonly added: number;
  /**
   * Merged records that replace local ones: the same id with other data, or the survivor of a
   * natural-key fold that took in a local record with another id.
   */
  readonly changed: number;
  /** Local records that the merge removed because of a tombstone. */
  readonly deleted: number;
  /** Local records folded into a record with another id and the same natural key; their ids leave the local database. */
  readonly mergedByNaturalKey: number;
}

/** One side of a field conflict: the value and the clock of its write. */
export interface ConflictSide {
  readonly value: unknown;
  readonly clock: HlcString;
}

/**
 * A field that both sides wrote without having seen the other's write, to different values.
 * The field's value in the merged snapshot is the winner's.
 */
export interface FieldConflict {
  readonly table: RecordTable;
  /** Id of the record in the merged snapshot (the survivor when two records were merged by natural key). */
  readonly recordId: Id;
  readonly field: string;
  readonly local: ConflictSide;
  readonly remote: ConflictSide;
  readonly winner: MergeSide;
  /** Reason the winner won. Clocks of two devices never tie, so the later clock is the only reason. */
  readonly reason: 'laterClock';
}

/** A record that one side deleted while the other side edited it after the deleter last saw its changes. */
export interface DeletedEdit {
  readonly table: RecordTable;
  readonly recordId: Id;
  /** The side whose tombstone removed the record. */
  readonly deletedOn: MergeSide;
  readonly deletionClock: HlcString;
  /** Latest clock of the edits that the deleting side had not seen; the merge discards them. */
  readonly editClock: HlcString;
}

/** Remote clocks whose wall time is further ahead of local time than the limit. Information only. */
export interface ClockSkewReport {
  readonly maxClockSkewMs: number;
  /** Distinct remote clock values ahead of `now + maxClockSkewMs`, in records, tombstones and the version vector. */
  readonly aheadCount: number;
  /** Largest distance of a remote clock's wall time ahead of `now`, in ms; 0 when none is ahead of the limit. */
  readonly maxAheadMs: number;
  /** Devices that issued the flagged clocks, sorted. */
  readonly deviceIds: readonly string[];
}

export interface MergePreview {
  readonly tables: { readonly [T in RecordTable]: TableChangeCounts };
  /** Sorted by table order, record id, then field. */
  readonly conflicts: readonly FieldConflict[];
  /** Sorted by table order, then record id. */
  readonly deletedEdits: readonly DeletedEdit[];
  readonly clockSkew: ClockSkewReport;
}

/** Record writes of one table that turn the local database into the merged snapshot. */
export interface TableDelta<T extends RecordTable> {
  /** Records new to the local database, or whose data or clocks differ from the local copy. */
  readonly put: readonly RecordTypes[T][];
  /** Ids of local records that the merged snapshot no longer contains. */
  readonly delete: readonly Id[];
}

export interface MergeDelta {
  readonly tables: { readonly [T in RecordTable]: TableDelta<T> };
  /** Tombstones new to the local database or with a later clock than the local copy. */
  readonly tombstones: readonly Tombstone[];
}

export interface MergeResult {
  /** The merged state. Its portfolio id, name and device id are the local snapshot's. */
  readonly snapshot: PortfolioSnapshot;
  readonly preview: MergePreview;
  readonly delta: MergeDelta;
}

/** A single field write that a caller applies to one record, for example to keep a conflict's losing value. */
export interface FieldWrite {
  readonly table: RecordTable;
  readonly recordId: Id;
  readonly field: string;
  readonly value: unknown;
  readonly clock: HlcString;
}

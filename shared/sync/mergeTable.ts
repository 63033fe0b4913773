/**
 * Merge of one record table: per-field last-writer-wins within an id, tombstones, and the fold
 * of records that share a natural key. `merge.ts` runs it table by table in `tableMergeOrder`.
 *
 * Rules, each commutative, associative and idempotent on its own:
 * - A tombstone removes its id for good ("delete wins over concurrent edits"). Ids are never
 *   reused: a re-created record gets a new id.
 * - Live records with the same natural key become one: the smallest id survives, the fields
 *   of every version of every member fold into it by clock, and the other ids get tombstones
 *   with `foldedTombstoneClock`. A record that carries such a tombstone (it was folded before)
 *   still joins its natural key's group, so edits made to it elsewhere reach the survivor. A
 *   record deleted by a user does not: its data is dropped.
 * - Two tombstones of one id keep the later clock.
 */
import type { HlcString, Id, RecordTable } from '../domain/types';
import type { AnyRecord, FieldState, FieldStates, ValueResolver } from './mergeFields';
import {
  buildRecord,
  compareText,
  foldRecord,
  foldStates,
  isSyncKey,
  resolveRecord,
  sameClocks,
  sameData,
  setField,
  wins,
  writeWins,
} from './mergeFields';
import { compactClocks, fieldClock } from './fieldClocks';
import { lowerBoundById, markInIdOrder } from './idOrder';
import type { ClockCollector } from './mergeClocks';
import { GroupIndex } from './mergeGroups';
import { foldedTombstoneClock, naturalKeyFields, naturalKeyParts, referencedTables } from './mergeNaturalKeys';
import type { DeletedEdit, FieldConflict, TableChangeCounts } from './mergeTypes';
import { isCovered } from './mergeVersionVector';
import type { VersionVector } from './snapshot';
import { sameValue } from './fieldClocks';

export interface TableMergeInput {
  readonly table: RecordTable;
  readonly local: readonly AnyRecord[];
  readonly remote: readonly AnyRecord[];
  /** Tombstone clocks of this table, by id. */
  readonly localTombstones: ReadonlyMap<Id, HlcString>;
  readonly remoteTombstones: ReadonlyMap<Id, HlcString>;
  readonly localVector: VersionVector;
  readonly remoteVector: VersionVector;
  readonly resolve: ValueResolver;
  /**
   * Clock checks of the local and the remote records, which every table merge must run on each
   * record. The local one marks placeholders, and the remote one marks writes that the local side has not seen.
   */
  readonly localClocks: ClockCollector;
  readonly remoteClocks: ClockCollector;
  /**
   * Whether the local version vector covers only writes that the local records hold, so that a
   * remote copy whose writes the local side has all seen brings nothing the local copy lacks.
   * `mergeTableByJoin` then keeps the local copy without comparing every field. False for a scoped
   * local snapshot. `mergeTable` does not read it.
   */
  readonly localSeesAll: boolean;
}

export interface TableMergeOutput {
  /** Live records of the merged snapshot, sorted by id. */
  readonly records: AnyRecord[];
  /** Tombstone clocks of the merged snapshot, by id. */
  readonly tombstones: Map<Id, HlcString>;
  /** Ids folded into a survivor, mapped to the survivor's id; empty for tables no record refers to. */
  readonly redirects: Map<Id, Id>;
  readonly counts: TableChangeCounts;
  readonly conflicts: FieldConflict[];
  readonly deletedEdits: DeletedEdit[];
  readonly put: AnyRecord[];
  readonly delete: Id[];
}

/** All versions of one id: the local and remote copies as stored; references are resolved when read. */
export interface Candidate {
  readonly id: Id;
  /**
   * Position in the order in which `mergeTable` creates candidates: local ids by their first
   * place in the local array, then remote-only ids by their first place in the remote array.
   * Natural-key groups fold their members in this order, which fixes the field order of a folded record.
   */
  readonly order: number;
  readonly local: AnyRecord | undefined;
  readonly remote: AnyRecord | undefined;
  /** Whether both copies exist and are the same write set, so the local copy can be kept as it is. */
  readonly same: boolean;
  readonly dead: boolean;
  /** Whether the only tombstone of this id is the one a natural-key fold writes. */
  readonly folded: boolean;
  /** Parts of the natural key of the merged copies, or `null` for a record without one. */
  readonly key: string[] | null;
}

interface Counters {
  added: number;
  changed: number;
  deleted: number;
  mergedByNaturalKey: number;
}

function indexById(records: readonly AnyRecord[]): Map<Id, AnyRecord> {
  const byId = new Map<Id, AnyRecord>();
  for (const record of records) byId.set(record.id, record);
  return byId;
}

function mergedTombstones(local: ReadonlyMap<Id, HlcString>, remote: ReadonlyMap<Id, HlcString>): Map<Id, HlcString> {
  const merged = new Map(local);
  for (const [id, clock] of remote) {
    const current = merged.get(id);
    if (current === undefined || clock > current) merged.set(id, clock);
  }
  return merged;
}

/** Checks whether two copies of one id are the same write set, so that either can be kept (with references resolved). */
export function identical(a: AnyRecord, b: AnyRecord): boolean {
  return a === b || (sameClocks(a, b) && sameData(a, b));
}

/** Folds the given versions into one set of field registers. */
function statesOf(versions: readonly (AnyRecord | undefined)[], resolve: ValueResolver): FieldStates {
  const states: FieldStates = new Map();
  for (const version of versions) {
    if (version !== undefined) foldRecord(states, version, resolve);
  }
  return states;
}

/** Returns the local copy and the remote copy when the two candidates hold exactly one of each. */
function onePerSide(first: Candidate, second: Candidate): { readonly local: AnyRecord; readonly remote: AnyRecord } | null {
  if (first.local !== undefined && first.remote === undefined && second.local === undefined && second.remote !== undefined) {
    return { local: first.local, remote: second.remote };
  }
  if (first.local === undefined && first.remote !== undefined && second.local !== undefined && second.remote === undefined) {
    return { local: second.local, remote: first.remote };
  }
  return null;
}

/** Returns the natural key parts of a candidate's merged copies. */
export function candidateKey(
  table: RecordTable,
  local: AnyRecord | undefined,
  remote: AnyRecord | undefined,
  same: boolean,
  resolve: ValueResolver,
): string[] | null {
  let only: AnyRecord | undefined;
  if (same || remote === undefined) only = local;
  else if (local === undefined) only = remote;
  if (only !== undefined) return naturalKeyParts(table, only, resolve);
  if (local === undefined || remote === undefined) return null;
  // The key fields of the two copies merged as `statesOf` would merge them, without the other fields.
  const merged: Record<string, unknown> = {};
  for (const field of naturalKeyFields[table]) {
    const localValue = Object.hasOwn(local, field) ? local[field] : undefined;
    const remoteValue = Object.hasOwn(remote, field) ? remote[field] : undefined;
    if (localValue === undefined || remoteValue === undefined) {
      merged[field] = resolve(field, localValue ?? remoteValue);
      continue;
    }
    const localState: FieldState = { value: resolve(field, localValue), clock: fieldClock(local, field) };
    const remoteState: FieldState = { value: resolve(field, remoteValue), clock: fieldClock(remote, field) };
    merged[field] = wins(remoteState, localState) ? remoteState.value : localState.value;
  }
  return naturalKeyParts(table, merged);
}

function latestOf(clocks: readonly (HlcString | undefined)[]): HlcString | undefined {
  let latest: HlcString | undefined;
  for (const clock of clocks) {
    if (clock !== undefined && (latest === undefined || clock > latest)) latest = clock;
  }
  return latest;
}

/**
 * Returns the conflict of one field, or `null`: a conflict is a field that both sides wrote
 * without having seen the other's write, to different values. The local clock is not covered by
 * the remote version vector and the remote clock is not covered by the local one.
 */
function fieldConflict(input: TableMergeInput, recordId: Id, field: string, local: FieldState, remote: FieldState): FieldConflict | null {
  if (remote.clock === local.clock || sameValue(local.value, remote.value)) return null;
  if (isCovered(local.clock, input.remoteVector) || isCovered(remote.clock, input.localVector)) return null;
  return {
    table: input.table,
    recordId,
    field,
    local: { value: local.value, clock: local.clock },
    remote: { value: remote.value, clock: remote.clock },
    winner: wins(local, remote) ? 'local' : 'remote',
    reason: 'laterClock',
  };
}

const byField = (a: FieldConflict, b: FieldConflict): number => compareText(a.field, b.field);

/** Lists the conflicts between the folded local and remote registers of one record, by field. */
function findConflicts(input: TableMergeInput, recordId: Id, local: FieldStates, remote: FieldStates): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const [field, localState] of local) {
    const remoteState = remote.get(field);
    const conflict = remoteState === undefined ? null : fieldConflict(input, recordId, field, localState, remoteState);
    if (conflict !== null) conflicts.push(conflict);
  }
  return conflicts.sort(byField);
}

/** The latest field clock of `record` that a replica with version vector `seen` had not seen, if any. */
function latestUnseenClock(record: AnyRecord, seen: VersionVector, resolve: ValueResolver): HlcString | undefined {
  const unseen: HlcString[] = [];
  for (const state of statesOf([record], resolve).values()) {
    if (!isCovered(state.clock, seen)) unseen.push(state.clock);
  }
  return latestOf(unseen);
}

export class TableMerger {
  readonly records: AnyRecord[] = [];
  readonly tombstones: Map<Id, HlcString>;
  readonly redirects = new Map<Id, Id>();
  readonly conflicts: FieldConflict[] = [];
  readonly deletedEdits: DeletedEdit[] = [];
  readonly put: AnyRecord[] = [];
  readonly delete: Id[] = [];
  readonly counts: Counters = { added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0 };
  private readonly keepRedirects: boolean;

  constructor(private readonly input: TableMergeInput) {
    this.tombstones = mergedTombstones(input.localTombstones, input.remoteTombstones);
    this.keepRedirects = referencedTables.has(input.table);
  }

  /** Merges a candidate that shares its natural key with no other candidate. */
  mergeSingle(candidate: Candidate): void {
    if (candidate.dead) this.removeDead(candidate);
    else this.keepSingle(candidate);
  }

  /** Removes a tombstoned candidate and reports the edits that its deletion discards. */
  removeDead(candidate: Candidate): void {
    this.reportDeletedEdit(candidate, 'local');
    this.reportDeletedEdit(candidate, 'remote');
    if (candidate.local !== undefined) {
      this.counts.deleted += 1;
      this.delete.push(candidate.id);
    }
  }

  private reportDeletedEdit(candidate: Candidate, editedOn: 'local' | 'remote'): void {
    const { input } = this;
    const version = editedOn === 'local' ? candidate.local : candidate.remote;
    const ownTombstone = editedOn === 'local' ? input.localTombstones : input.remoteTombstones;
    const otherTombstone = editedOn === 'local' ? input.remoteTombstones : input.localTombstones;
    const deletionClock = otherTombstone.get(candidate.id);
    if (version === undefined || deletionClock === undefined || deletionClock === foldedTombstoneClock || ownTombstone.has(candidate.id))
      return;

    const deleterVector = editedOn === 'local' ? input.remoteVector : input.localVector;
    const editClock = latestUnseenClock(version, deleterVector, input.resolve);
    if (editClock === undefined) return;
    this.deletedEdits.push({
      table: input.table,
      recordId: candidate.id,
      deletedOn: editedOn === 'local' ? 'remote' : 'local',
      deletionClock,
      editClock,
    });
  }

  /** Keeps a live candidate that shares its natural key with no other record. */
  keepSingle(candidate: Candidate): void {
    const { local, remote } = candidate;
    if (local === undefined || remote === undefined || candidate.same) {
      const only = local ?? remote;
      if (only !== undefined) this.emit(resolveRecord(only, this.input.resolve), [candidate]);
      return;
    }
    this.emitPair(candidate.id, local, remote, [candidate]);
  }

  /** Folds the members of one natural key into the live member with the smallest id. */
  foldGroup(members: readonly Candidate[]): void {
    let survivor: Id | null = null;
    let fallback: HlcString = '';
    for (const member of members) {
      if (!member.dead && (survivor === null || member.id < survivor)) survivor = member.id;
      if (member.local !== undefined && member.local.clock > fallback) fallback = member.local.clock;
      if (member.remote !== undefined && member.remote.clock > fallback) fallback = member.remote.clock;
    }
    if (survivor === null) {
      for (const member of members) this.removeDead(member);
      return;
    }

    // Two twins imported on two laptops: one local copy and one remote copy.
    const [first, second] = members;
    const pair = members.length === 2 && first !== undefined && second !== undefined ? onePerSide(first, second) : null;
    if (pair === null) this.emitFolded(survivor, members, fallback);
    else this.emitPair(survivor, pair.local, pair.remote, members);
    for (const member of members) {
      if (member.id === survivor) continue;
      if (!this.tombstones.has(member.id)) this.tombstones.set(member.id, foldedTombstoneClock);
      if (this.keepRedirects) this.redirects.set(member.id, survivor);
    }
  }

  private emitFolded(id: Id, members: readonly Candidate[], fallbackClock: HlcString): void {
    const { resolve } = this.input;
    const localStates: FieldStates = new Map();
    const remoteStates: FieldStates = new Map();
    for (const member of members) {
      if (member.local !== undefined) foldRecord(localStates, member.local, resolve);
      if (member.remote !== undefined) foldRecord(remoteStates, member.remote, resolve);
    }
    if (localStates.size > 0 && remoteStates.size > 0) this.conflicts.push(...findConflicts(this.input, id, localStates, remoteStates));

    foldStates(localStates, remoteStates);
    this.emit(buildRecord(id, localStates, fallbackClock), members);
  }

  /**
   * Merges exactly one local and one remote copy into record `id`, like `emitFolded` but without
   * building field registers, which matters when 150,000 twins fold at once.
   */
  private emitPair(id: Id, local: AnyRecord, remote: AnyRecord, members: readonly Candidate[]): void {
    const { resolve } = this.input;
    const rewrite = resolve.fields.length > 0;
    // Clocks are filled in once every field is known; the keys come first to keep one property order.
    const record: Record<string, unknown> = { id, clock: '', fieldClocks: {} };
    const clocks = new Map<string, HlcString>();
    const conflicts: FieldConflict[] = [];
    // for...in over own keys allocates no key arrays, which matters for 150,000 pairs.
    for (const field in local) {
      const stored = local[field];
      if (!Object.hasOwn(local, field) || isSyncKey(field) || stored === undefined) continue;
      let value = rewrite ? resolve(field, stored) : stored;
      let clock = fieldClock(local, field);
      const remoteStored = remote[field];
      if (remoteStored !== undefined && Object.hasOwn(remote, field)) {
        const remoteValue = rewrite ? resolve(field, remoteStored) : remoteStored;
        const remoteClock = fieldClock(remote, field);
        if (remoteClock !== clock && !sameValue(value, remoteValue)) {
          const conflict = fieldConflict(this.input, id, field, { value, clock }, { value: remoteValue, clock: remoteClock });
          if (conflict !== null) conflicts.push(conflict);
        }
        if (writeWins(remoteValue, remoteClock, value, clock)) {
          value = remoteValue;
          clock = remoteClock;
        }
      }
      setField(record, field, value);
      clocks.set(field, clock);
    }
    for (const field in remote) {
      const stored = remote[field];
      if (!Object.hasOwn(remote, field) || isSyncKey(field) || stored === undefined || clocks.has(field)) continue;
      setField(record, field, rewrite ? resolve(field, stored) : stored);
      clocks.set(field, fieldClock(remote, field));
    }
    if (conflicts.length > 0) this.conflicts.push(...conflicts.sort(byField));

    const compact = compactClocks(clocks, local.clock > remote.clock ? local.clock : remote.clock);
    record.clock = compact.clock;
    record.fieldClocks = compact.fieldClocks;
    this.emit(record as AnyRecord, members);
  }

  /** Adds a merged record and records how it differs from the local snapshot. */
  private emit(record: AnyRecord, members: readonly Candidate[]): void {
    this.records.push(record);
    const localCopy = members.find((member) => member.id === record.id)?.local;
    if (localCopy === record) return;
    if (localCopy !== undefined) {
      const dataChanged = !sameData(localCopy, record);
      if (dataChanged) this.counts.changed += 1;
      if (dataChanged || !sameClocks(localCopy, record)) this.put.push(record);
    } else {
      let replacesLocal = false;
      for (const member of members) if (member.local !== undefined) replacesLocal = true;
      if (replacesLocal) this.counts.changed += 1;
      else this.counts.added += 1;
      this.put.push(record);
    }

    for (const member of members) {
      if (member.id === record.id || member.local === undefined) continue;
      this.counts.mergedByNaturalKey += 1;
      this.delete.push(member.id);
    }
  }
}

/**
 * Merges one table by comparing every record of both sides. See the file comment for the rules.
 * `mergeSnapshots` runs `mergeTableByJoin` (`mergeJoin.ts`), which gives the same output in time
 * that grows with the changed records. This one is the reference that the property tests compare it with.
 */
export function mergeTable(input: TableMergeInput): TableMergeOutput {
  const { table, resolve } = input;
  input.localClocks.visitAll(table, input.local);
  input.remoteClocks.visitAll(table, input.remote);
  const localById = indexById(input.local);
  const remoteById = indexById(input.remote);
  const merger = new TableMerger(input);

  const groups = new GroupIndex<Candidate>();
  const singles: Candidate[] = [];
  let order = 0;
  const addCandidate = (id: Id, local: AnyRecord | undefined, remote: AnyRecord | undefined): void => {
    const tombstoneClock = merger.tombstones.get(id);
    const same = local !== undefined && remote !== undefined && identical(local, remote);
    const candidate: Candidate = {
      id,
      order,
      local,
      remote,
      same,
      dead: tombstoneClock !== undefined,
      folded: tombstoneClock === foldedTombstoneClock,
      key: candidateKey(table, local, remote, same, resolve),
    };
    order += 1;
    if (candidate.key === null || (candidate.dead && !candidate.folded)) {
      singles.push(candidate);
      return;
    }
    groups.add(candidate.key, candidate);
  };
  for (const [id, local] of localById) addCandidate(id, local, remoteById.get(id));
  for (const [id, remote] of remoteById) {
    if (!localById.has(id)) addCandidate(id, undefined, remote);
  }

  for (const candidate of singles) merger.mergeSingle(candidate);
  for (const group of groups.all()) {
    if (group.members !== null) merger.foldGroup(group.members);
    else merger.mergeSingle(group.first);
  }
  return finishTable(merger, [], [], null);
}

const byId = (a: { readonly id: Id }, b: { readonly id: Id }): number => compareText(a.id, b.id);
const byRecordId = (a: { readonly recordId: Id }, b: { readonly recordId: Id }): number => compareText(a.recordId, b.recordId);

/**
 * Sorts the merger's lists and returns the table's output. The caller keeps the records of `local`
 * (sorted by id) whose index is not in `left` (ascending) unchanged, without passing them through
 * the merger. The merger must not have emitted any of their ids. `places` gives the place among
 * `local` of the ids the merger may emit, where the caller knows it: the index of the first local
 * record whose id is not below it.
 */
export function finishTable(
  merger: TableMerger,
  local: readonly AnyRecord[],
  left: readonly number[],
  places: ReadonlyMap<Id, number> | null,
): TableMergeOutput {
  merger.records.sort(byId);
  merger.put.sort(byId);
  merger.delete.sort(compareText);
  merger.conflicts.sort(byRecordId);
  merger.deletedEdits.sort(byRecordId);

  return {
    records: markInIdOrder(insertSortedById(local, left, merger.records, places)) as AnyRecord[],
    tombstones: merger.tombstones,
    redirects: merger.redirects,
    counts: { ...merger.counts },
    conflicts: merger.conflicts,
    deletedEdits: merger.deletedEdits,
    put: merger.put,
    delete: merger.delete,
  };
}

/**
 * Returns the records of `local` without the indexes in `left`, with `added` inserted in id order.
 * Both lists are sorted by id, and no id of `added` is on a record that stays. Each added record
 * takes its place from `places`, or else by binary search, and the local records are copied
 * without comparing their ids: a search of a large table reads records all over memory.
 */
function insertSortedById(
  local: readonly AnyRecord[],
  left: readonly number[],
  added: readonly AnyRecord[],
  places: ReadonlyMap<Id, number> | null,
): AnyRecord[] {
  // The index of the first local record whose id is not below each added record's id.
  const addedPlaces: number[] = [];
  let low = 0;
  for (const record of added) {
    low = places?.get(record.id) ?? lowerBoundById(local, record.id, low);
    addedPlaces.push(low);
  }

  const merged = new Array<AnyRecord>(local.length - left.length + added.length);
  let filled = 0;
  let leftAt = 0;
  let addedAt = 0;
  for (let index = 0; index <= local.length; index += 1) {
    while (addedPlaces[addedAt] === index) {
      merged[filled] = added[addedAt] as AnyRecord;
      filled += 1;
      addedAt += 1;
    }
    if (index === local.length) break;
    if (left[leftAt] === index) {
      leftAt += 1;
      continue;
    }
    merged[filled] = local[index] as AnyRecord;
    filled += 1;
  }
  return merged;
}

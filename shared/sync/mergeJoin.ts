/**
 * Merge of one record table that builds candidates and field registers only for the ids that the
 * merge may change. It gives the same output as `mergeTable` (`mergeTable.ts`), which does that
 * for every id, on fold-free snapshots (see `mergeSnapshots`); the property tests compare the two
 * on every generated scenario.
 *
 * A merge-join walks both sides in id order. A local record is "kept" as the same object when
 * three things hold. Its id has no tombstone. The remote side has nothing under its id, the same
 * write set, or only writes that the local side has seen and that the local copy has or overrides
 * (`localWins`). No reference of it points to a record that this merge folds. `mergeTable` would emit
 * that object unchanged, with no count, delta entry, conflict or deleted edit, unless its natural
 * key groups it with another record. Every other id is "touched" and goes through `TableMerger` as
 * in `mergeTable`. A kept record can share its key only with a touched record whose key is new to
 * the local side. So kept records are looked up in the touched records' key index only when such
 * a record exists, and only when the last part of their key matches one.
 * NOTE: the join and the check of both copies still visit every record, so the time grows with
 * the table, at a lower cost per record than `mergeTable`. The check of seen writes compares a few
 * clocks instead of every field, which cut the CPU time of the bench's merge by about a sixth. Files are written in id
 * order (`writePortfolioFile`) and the database reads in id order, so neither side needs sorting.
 */
import type { HlcString, Id } from '../domain/types';
import type { AnyRecord } from './mergeFields';
import { compareText, resolveRecord } from './mergeFields';
import { GroupIndex } from './mergeGroups';
import { fieldClock, sameValue } from './fieldClocks';
import { isMarkedInIdOrder } from './idOrder';
import {
  foldedTombstoneClock,
  naturalKeyFields,
  referenceFields,
  naturalKeyPart,
  naturalKeyParts,
  writeNaturalKeyParts,
} from './mergeNaturalKeys';
import type { Candidate, TableMergeInput, TableMergeOutput } from './mergeTable';
import { candidateKey, finishTable, identical, TableMerger } from './mergeTable';

/** One side's records sorted by id, one per id, as `mergeTable` indexes them. */
interface SortedSide {
  readonly records: readonly AnyRecord[];
  /** Each record's first place in the input array, or `null` when the input was already sorted with unique ids. */
  readonly positions: readonly number[] | null;
}

/**
 * Returns the records in id order. A snapshot read from the database is sorted already, because
 * IndexedDB returns records in key order, and then this costs one pass. Otherwise it sorts a copy
 * and keeps the last record of a repeated id at the place of its first, as a `Map` filled in array order does.
 */
function sortedById(records: readonly AnyRecord[]): SortedSide {
  if (isMarkedInIdOrder(records)) return { records, positions: null };
  let sorted = true;
  for (let index = 1; index < records.length && sorted; index += 1) {
    sorted = (records[index - 1] as AnyRecord).id < (records[index] as AnyRecord).id;
  }
  if (sorted) return { records, positions: null };

  const indexes = records.map((_record, index) => index);
  indexes.sort((a, b) => compareText((records[a] as AnyRecord).id, (records[b] as AnyRecord).id) || a - b);
  const unique: AnyRecord[] = [];
  const positions: number[] = [];
  for (const index of indexes) {
    const record = records[index] as AnyRecord;
    const last = unique.length - 1;
    if (last >= 0 && (unique[last] as AnyRecord).id === record.id) {
      unique[last] = record;
    } else {
      unique.push(record);
      positions.push(index);
    }
  }
  return { records: unique, positions };
}

function positionOf(side: SortedSide, index: number): number {
  return side.positions === null ? index : (side.positions[index] ?? index);
}

/**
 * Local records kept unchanged, in id order. For each, its index in the sorted local side and the
 * index of its remote copy in the sorted remote side, or -1 when the remote side lacks the id.
 */
class KeptRecords {
  readonly records: AnyRecord[] = [];
  private readonly localIndexes: Int32Array;
  private readonly remoteIndexes: Int32Array;

  constructor(capacity: number) {
    this.localIndexes = new Int32Array(capacity);
    this.remoteIndexes = new Int32Array(capacity);
  }

  add(record: AnyRecord, localIndex: number, remoteIndex: number): void {
    this.localIndexes[this.records.length] = localIndex;
    this.remoteIndexes[this.records.length] = remoteIndex;
    this.records.push(record);
  }

  localIndex(index: number): number {
    return this.localIndexes[index] ?? -1;
  }

  remoteIndex(index: number): number {
    return this.remoteIndexes[index] ?? -1;
  }
}

/**
 * Checks whether the local side has seen every write of a remote copy. For each of those writes,
 * the local copy then has it or a later write of the same field. The per-field merge would keep
 * the local copy as it is, and would find no conflict, because no write is concurrent.
 */
function allSeen(record: AnyRecord, unseen: ReadonlySet<HlcString>): boolean {
  if (unseen.size === 0) return true;
  if (unseen.has(record.clock)) return false;
  for (const field in record.fieldClocks) {
    if (Object.hasOwn(record.fieldClocks, field) && unseen.has(record.fieldClocks[field] ?? '')) return false;
  }
  return true;
}

/**
 * Checks whether the per-field merge of two copies keeps the local one: each field of the local
 * copy has the remote field's clock or a later one, and the references are equal. A fold gives the
 * surviving record the later fields of its twin with the twin's clocks, so a remote copy can hold
 * seen writes that the local copy lacks. A fold also rewrites the references to the folded record
 * and keeps their clocks, so two copies with the same clocks can still differ there.
 * `fieldClock` reads the record clock for a field without its own entry, which is right only when
 * the local copy has every field: a scoped snapshot never reaches this check.
 */
function localWins(local: AnyRecord, remote: AnyRecord, references: readonly string[]): boolean {
  // The record clock is the earliest clock of its fields, so this covers every remote field without its own entry.
  if (remote.clock > local.clock) return false;
  for (const field in remote.fieldClocks) {
    if (Object.hasOwn(remote.fieldClocks, field) && (remote.fieldClocks[field] ?? '') > fieldClock(local, field)) return false;
  }
  for (const field of references) if (!sameValue(local[field], remote[field])) return false;
  return true;
}

/** Merges one table like `mergeTable`, touching only the ids that the merge may change. */
export function mergeTableByJoin(input: TableMergeInput): TableMergeOutput {
  const { resolve } = input;
  const local = sortedById(input.local);
  const remote = sortedById(input.remote);
  const merger = new TableMerger(input);
  const tombstoneIds = [...merger.tombstones.keys()].sort(compareText);
  const rewritesReferences = resolve.fields.length > 0;
  const unseen = input.remoteUnseen;
  const references = Object.keys(referenceFields[input.table]);

  const kept = new KeptRecords(local.records.length);
  const touched: Candidate[] = [];
  let localIndex = 0;
  let remoteIndex = 0;
  let tombstoneIndex = 0;
  while (localIndex < local.records.length || remoteIndex < remote.records.length) {
    const localNext = local.records[localIndex];
    const remoteNext = remote.records[remoteIndex];
    let localCopy: AnyRecord | undefined;
    let remoteCopy: AnyRecord | undefined;
    let order: number;
    const localAt = localIndex;
    let remoteAt = -1;
    // Most ids are on both sides, so equality is tested first: one comparison instead of two.
    if (localNext !== undefined && remoteNext !== undefined && localNext.id === remoteNext.id) {
      localCopy = localNext;
      remoteCopy = remoteNext;
      order = positionOf(local, localIndex);
      remoteAt = remoteIndex;
      localIndex += 1;
      remoteIndex += 1;
    } else if (remoteNext === undefined || (localNext !== undefined && localNext.id < remoteNext.id)) {
      localCopy = localNext;
      order = positionOf(local, localIndex);
      localIndex += 1;
    } else {
      remoteCopy = remoteNext;
      // `mergeTable` creates the candidates of remote-only ids after every local one.
      order = local.records.length + positionOf(remote, remoteIndex);
      remoteIndex += 1;
    }
    const id = (localCopy ?? remoteCopy)?.id ?? '';

    // Ids arrive in ascending order, so one pass over the sorted tombstone ids finds each.
    while (tombstoneIndex < tombstoneIds.length && (tombstoneIds[tombstoneIndex] ?? '') < id) tombstoneIndex += 1;
    const dead = tombstoneIds[tombstoneIndex] === id;
    if (
      localCopy !== undefined &&
      !dead &&
      (remoteCopy === undefined ||
        (unseen !== null && allSeen(remoteCopy, unseen) && localWins(localCopy, remoteCopy, references)) ||
        identical(localCopy, remoteCopy)) &&
      (!rewritesReferences || resolveRecord(localCopy, resolve) === localCopy)
    ) {
      kept.add(localCopy, localAt, remoteAt);
    } else {
      touched.push(candidateOf(input, merger, id, order, localCopy, remoteCopy));
    }
  }

  const groups = new GroupIndex<Candidate | number>();
  const singles: Candidate[] = [];
  // Last parts of the keys that a kept record may share, the cheapest filter of 150,000 probes.
  const newLastParts = new Set<string>();
  for (const candidate of touched) {
    if (candidate.key === null || (candidate.dead && !candidate.folded)) {
      singles.push(candidate);
    } else {
      groups.add(candidate.key, candidate);
      if (hasNewKey(input, candidate)) newLastParts.add(candidate.key[candidate.key.length - 1] ?? '');
    }
  }
  if (newLastParts.size > 0) joinKeptToGroups(input, kept, groups, newLastParts);

  for (const candidate of singles) merger.mergeSingle(candidate);
  const joined = new Set<number>();
  const byOrder = (a: Candidate, b: Candidate): number => a.order - b.order;
  for (const group of groups.all()) {
    if (group.members === null) {
      if (typeof group.first !== 'number') merger.mergeSingle(group.first);
      continue;
    }
    const members = group.members.map((member) =>
      typeof member === 'number' ? keptCandidate(input, { local, remote, kept }, member, joined) : member,
    );
    merger.foldGroup(members.sort(byOrder));
  }
  const keptRecords = joined.size === 0 ? kept.records : kept.records.filter((_record, index) => !joined.has(index));
  return finishTable(merger, keptRecords);
}

/**
 * Checks whether a touched candidate's key may be the key of a kept record: it has no local copy,
 * or the key of its local copy as stored differs. A key that the local copy already has belongs to
 * no other local record, because the local snapshot is fold-free (see `mergeSnapshots`).
 */
function hasNewKey(input: TableMergeInput, candidate: Candidate): boolean {
  if (candidate.local === undefined || candidate.key === null) return true;
  const stored = naturalKeyParts(input.table, candidate.local);
  return stored === null || stored.length !== candidate.key.length || stored.some((part, index) => part !== candidate.key?.[index]);
}

/**
 * Adds each kept record to the group of a touched record with the same natural key, as its index
 * in `kept`. Kept records are not indexed among themselves: both snapshots are fold-free (see
 * `mergeSnapshots`), so two kept records never share a key, and a probe costs less than an insert.
 */
function joinKeptToGroups(
  input: TableMergeInput,
  kept: KeptRecords,
  groups: GroupIndex<Candidate | number>,
  lastParts: ReadonlySet<string>,
): void {
  const { table, resolve } = input;
  const lastIndex = naturalKeyFields[table].length - 1;
  const parts: string[] = [];
  for (let index = 0; index < kept.records.length; index += 1) {
    const record = kept.records[index] as AnyRecord;
    const last = naturalKeyPart(table, record, resolve, lastIndex);
    if (last === null || !lastParts.has(last)) continue;
    if (writeNaturalKeyParts(table, record, resolve, parts) && groups.find(parts) !== undefined) groups.add(parts, index);
  }
}

/** Both sides in id order and the kept records, to rebuild a kept record's candidate. */
interface JoinState {
  readonly local: SortedSide;
  readonly remote: SortedSide;
  readonly kept: KeptRecords;
}

/** Builds the candidate of the kept record at `index` and records in `joined` that it left the kept list. */
function keptCandidate(input: TableMergeInput, join: JoinState, index: number, joined: Set<number>): Candidate {
  const local = join.kept.records[index] as AnyRecord;
  const remoteIndex = join.kept.remoteIndex(index);
  const remote = remoteIndex < 0 ? undefined : join.remote.records[remoteIndex];
  joined.add(index);
  return {
    id: local.id,
    order: positionOf(join.local, join.kept.localIndex(index)),
    local,
    remote,
    same: remote !== undefined,
    dead: false,
    folded: false,
    key: naturalKeyParts(input.table, local, input.resolve),
  };
}

function candidateOf(
  input: TableMergeInput,
  merger: TableMerger,
  id: Id,
  order: number,
  local: AnyRecord | undefined,
  remote: AnyRecord | undefined,
): Candidate {
  const tombstoneClock = merger.tombstones.get(id);
  const same = local !== undefined && remote !== undefined && identical(local, remote);
  return {
    id,
    order,
    local,
    remote,
    same,
    dead: tombstoneClock !== undefined,
    folded: tombstoneClock === foldedTombstoneClock,
    key: candidateKey(input.table, local, remote, same, input.resolve),
  };
}

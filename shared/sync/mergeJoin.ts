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
 * The join also runs the clock checks of both sides (`ClockCollector`) on each record as it reads
 * it. A kept record is never copied on its own, because the output takes the local records in
 * runs and inserts the touched ids' results at the places that the join noted. A local record
 * with a placeholder clock goes the slow way. The local version vector may cover the write that
 * the placeholder stands for, and `localWins` detects the placeholder only when it is also the
 * record clock, as compact clocks have it.
 * NOTE: the join still reads every record of both sides once, so the time grows with the table,
 * at a lower cost per record than `mergeTable`: most of what is left is fetching the records from
 * memory. Files are written in id order (`writePortfolioFile`) and the database reads in id order,
 * so neither side needs sorting.
 */
import type { Id, RecordTable } from '../domain/types';
import type { ClockCollector } from './mergeClocks';
import type { AnyRecord } from './mergeFields';
import { compareText, resolveRecord } from './mergeFields';
import { GroupIndex } from './mergeGroups';
import { fieldClock, sameValue } from './fieldClocks';
import { isMarkedInIdOrder, lowerBoundById } from './idOrder';
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
 * and keeps the last record of a repeated id at the place of its first, as a `Map` filled in array
 * order does. The clocks of the records it drops go through `clocks` here, because the join never reads them.
 */
function sortedById(records: readonly AnyRecord[], table: RecordTable, clocks: ClockCollector): SortedSide {
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
      clocks.visit(table, unique[last] as AnyRecord);
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
  for (const field of references) {
    const value = local[field];
    // References are ids. Equal strings skip the call of `sameValue`, because that call allocated
    // about 110 bytes here each time (17 MB per merge of the bench's portfolio, Node 20).
    if ((typeof value !== 'string' || value !== remote[field]) && !sameValue(value, remote[field])) return false;
  }
  return true;
}

/** Merges one table like `mergeTable`, touching only the ids that the merge may change. */
export function mergeTableByJoin(input: TableMergeInput): TableMergeOutput {
  const { table, resolve, localClocks, remoteClocks } = input;
  const local = sortedById(input.local, table, localClocks);
  const remote = sortedById(input.remote, table, remoteClocks);
  const merger = new TableMerger(input);
  const rewritesReferences = resolve.fields.length > 0;
  const references = Object.keys(referenceFields[table]);
  const tombstoneIds = [...merger.tombstones.keys()].sort(compareText);
  let tombstoneAt = 0;
  let nextTombstone = tombstoneIds[0];
  // The place among the local records of each id that the merger may emit (see `finishTable`).
  const places = new Map<Id, number>();

  // Local records that the join does not keep, by index in `local.records`, ascending.
  const touchedLocal: number[] = [];
  const touched: Candidate[] = [];
  let localIndex = 0;
  let remoteIndex = 0;
  while (localIndex < local.records.length || remoteIndex < remote.records.length) {
    const localNext = local.records[localIndex];
    const remoteNext = remote.records[remoteIndex];
    let localCopy: AnyRecord | undefined;
    let remoteCopy: AnyRecord | undefined;
    const localAt = localIndex;
    const remoteAt = remoteIndex;
    // Most ids are on both sides, so equality is tested first: one comparison instead of two.
    if (localNext !== undefined && remoteNext !== undefined && localNext.id === remoteNext.id) {
      localCopy = localNext;
      remoteCopy = remoteNext;
      localIndex += 1;
      remoteIndex += 1;
    } else if (remoteNext === undefined || (localNext !== undefined && localNext.id < remoteNext.id)) {
      localCopy = localNext;
      localIndex += 1;
    } else {
      remoteCopy = remoteNext;
      remoteIndex += 1;
    }
    // Both copies go through the clock checks whatever the outcome.
    const localPlaceholder = localCopy !== undefined && localClocks.visit(table, localCopy);
    const remoteUnseen = remoteCopy !== undefined && remoteClocks.visit(table, remoteCopy);
    const id = (localCopy ?? remoteCopy)?.id ?? '';
    // Ids arrive in ascending order, so one pass over the sorted tombstone ids finds each, mostly with one comparison.
    let dead = false;
    if (nextTombstone !== undefined && !(id < nextTombstone)) {
      while (nextTombstone !== undefined && nextTombstone < id) {
        tombstoneAt += 1;
        nextTombstone = tombstoneIds[tombstoneAt];
      }
      dead = nextTombstone === id;
    }

    if (localCopy !== undefined) {
      if (
        !dead &&
        (remoteCopy === undefined ||
          (input.localSeesAll && !localPlaceholder && !remoteUnseen && localWins(localCopy, remoteCopy, references)) ||
          identical(localCopy, remoteCopy)) &&
        (!rewritesReferences || resolveRecord(localCopy, resolve) === localCopy)
      ) {
        continue;
      }
      touchedLocal.push(localAt);
      places.set(id, localAt);
      touched.push(candidateOf(input, merger, id, positionOf(local, localAt), localCopy, remoteCopy));
    } else {
      places.set(id, localIndex);
      // `mergeTable` creates the candidates of remote-only ids after every local one.
      touched.push(candidateOf(input, merger, id, local.records.length + positionOf(remote, remoteAt), undefined, remoteCopy));
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
  if (newLastParts.size > 0) joinKeptToGroups(input, local.records, touchedLocal, groups, newLastParts);

  for (const candidate of singles) merger.mergeSingle(candidate);
  // Kept records that joined a group, by index in `local.records`.
  const joined: number[] = [];
  const byOrder = (a: Candidate, b: Candidate): number => a.order - b.order;
  for (const group of groups.all()) {
    if (group.members === null) {
      if (typeof group.first !== 'number') merger.mergeSingle(group.first);
      continue;
    }
    const members = group.members.map((member) =>
      typeof member === 'number' ? keptCandidate(input, local, remote, member, joined) : member,
    );
    merger.foldGroup(members.sort(byOrder));
  }
  for (const index of joined) places.set((local.records[index] as AnyRecord).id, index);
  const left = joined.length === 0 ? touchedLocal : [...touchedLocal, ...joined].sort((a, b) => a - b);
  return finishTable(merger, local.records, left, places);
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
 * in `records`. The kept records are those of `records` whose index is not in the ascending list
 * `touched`. They are not indexed among themselves: both snapshots are fold-free (see
 * `mergeSnapshots`), so two kept records never share a key, and a probe costs less than an insert.
 */
function joinKeptToGroups(
  input: TableMergeInput,
  records: readonly AnyRecord[],
  touched: readonly number[],
  groups: GroupIndex<Candidate | number>,
  lastParts: ReadonlySet<string>,
): void {
  const { table, resolve } = input;
  const lastIndex = naturalKeyFields[table].length - 1;
  const parts: string[] = [];
  let touchedAt = 0;
  for (let index = 0; index < records.length; index += 1) {
    if (touched[touchedAt] === index) {
      touchedAt += 1;
      continue;
    }
    const record = records[index] as AnyRecord;
    const last = naturalKeyPart(table, record, resolve, lastIndex);
    if (last === null || !lastParts.has(last)) continue;
    if (writeNaturalKeyParts(table, record, resolve, parts) && groups.find(parts) !== undefined) groups.add(parts, index);
  }
}

/** Builds the candidate of the kept record at `index` of the sorted local side and adds the index to `joined`. */
function keptCandidate(input: TableMergeInput, local: SortedSide, remote: SortedSide, index: number, joined: number[]): Candidate {
  const record = local.records[index] as AnyRecord;
  const remoteCopy = remote.records[lowerBoundById(remote.records, record.id)];
  const same = remoteCopy?.id === record.id;
  joined.push(index);
  return {
    id: record.id,
    order: positionOf(local, index),
    local: record,
    remote: same ? remoteCopy : undefined,
    same,
    dead: false,
    folded: false,
    key: naturalKeyParts(input.table, record, input.resolve),
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

/**
 * Merge of one record table that builds candidates and field registers only for the ids that the
 * merge may change. It gives the same output as `mergeTable` (`mergeTable.ts`), which does that
 * for every id; the property tests compare the two on every generated scenario.
 *
 * A merge-join walks both sides in id order. A local record is "kept" as the same object when
 * three things hold. Its id has no tombstone. The remote side has the same write set under its id,
 * or nothing. No reference of it points to a record that this merge folds. `mergeTable` would emit that object
 * unchanged, with no count, delta entry, conflict or deleted edit, unless its natural key groups
 * it with another record. Every other id is "touched" and goes through `TableMerger` as in
 * `mergeTable`. Kept records with a natural key still enter the key index, as indexes into the
 * kept list, so that a fold with a touched record or with another kept record is found.
 * NOTE: the join, the equality check of both copies and the key index still visit every record,
 * so the time grows with the table, at a lower cost per record than `mergeTable`.
 */
import type { Id } from '../domain/types';
import type { AnyRecord } from './mergeFields';
import { compareText, resolveRecord } from './mergeFields';
import { GroupIndex } from './mergeGroups';
import { foldedTombstoneClock, naturalKeyFields, naturalKeyParts, writeNaturalKeyParts } from './mergeNaturalKeys';
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

/** Local records kept unchanged, in id order, with the remote copy of each and its candidate order. */
interface KeptRecords {
  readonly local: AnyRecord[];
  readonly remote: (AnyRecord | undefined)[];
  readonly order: number[];
}

/** Merges one table like `mergeTable`, touching only the ids that the merge may change. */
export function mergeTableByJoin(input: TableMergeInput): TableMergeOutput {
  const { resolve } = input;
  const local = sortedById(input.local);
  const remote = sortedById(input.remote);
  const merger = new TableMerger(input);
  const tombstoneIds = [...merger.tombstones.keys()].sort(compareText);
  const rewritesReferences = resolve.fields.length > 0;

  const kept: KeptRecords = { local: [], remote: [], order: [] };
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
    if (remoteNext === undefined || (localNext !== undefined && localNext.id < remoteNext.id)) {
      localCopy = localNext;
      order = positionOf(local, localIndex);
      localIndex += 1;
    } else if (localNext === undefined || remoteNext.id < localNext.id) {
      remoteCopy = remoteNext;
      // `mergeTable` creates the candidates of remote-only ids after every local one.
      order = local.records.length + positionOf(remote, remoteIndex);
      remoteIndex += 1;
    } else {
      localCopy = localNext;
      remoteCopy = remoteNext;
      order = positionOf(local, localIndex);
      localIndex += 1;
      remoteIndex += 1;
    }
    const id = (localCopy ?? remoteCopy)?.id ?? '';

    // Ids arrive in ascending order, so one pass over the sorted tombstone ids finds each.
    while (tombstoneIndex < tombstoneIds.length && (tombstoneIds[tombstoneIndex] ?? '') < id) tombstoneIndex += 1;
    const dead = tombstoneIds[tombstoneIndex] === id;
    if (
      localCopy !== undefined &&
      !dead &&
      (remoteCopy === undefined || identical(localCopy, remoteCopy)) &&
      (!rewritesReferences || resolveRecord(localCopy, resolve) === localCopy)
    ) {
      kept.local.push(localCopy);
      kept.remote.push(remoteCopy);
      kept.order.push(order);
    } else {
      touched.push(candidateOf(input, merger, id, order, localCopy, remoteCopy));
    }
  }

  const groups = new GroupIndex<Candidate | number>();
  const singles: Candidate[] = [];
  for (const candidate of touched) {
    if (candidate.key === null || (candidate.dead && !candidate.folded)) singles.push(candidate);
    else groups.add(candidate.key, candidate);
  }
  indexKeptKeys(input, kept, groups);

  for (const candidate of singles) merger.mergeSingle(candidate);
  const joined = new Set<number>();
  const byOrder = (a: Candidate, b: Candidate): number => a.order - b.order;
  for (const group of groups.all()) {
    if (group.members === null) {
      if (typeof group.first !== 'number') merger.mergeSingle(group.first);
      continue;
    }
    const members = group.members.map((member) => (typeof member === 'number' ? keptCandidate(input, kept, member, joined) : member));
    merger.foldGroup(members.sort(byOrder));
  }
  const keptRecords = joined.size === 0 ? kept.local : kept.local.filter((_record, index) => !joined.has(index));
  return finishTable(merger, keptRecords);
}

/**
 * Adds every kept record that has a natural key to `groups`, as its index in `kept`. A group that
 * ends up with two or more members folds, whether its other members are touched or kept, so two
 * records with one key inside one snapshot fold as in `mergeTable`.
 */
function indexKeptKeys(input: TableMergeInput, kept: KeptRecords, groups: GroupIndex<Candidate | number>): void {
  const { table, resolve } = input;
  if (naturalKeyFields[table].length === 0) return;
  const parts: string[] = [];
  for (let index = 0; index < kept.local.length; index += 1) {
    if (writeNaturalKeyParts(table, kept.local[index] as AnyRecord, resolve, parts)) groups.add(parts, index);
  }
}

/** Builds the candidate of the kept record at `index` and records in `joined` that it left the kept list. */
function keptCandidate(input: TableMergeInput, kept: KeptRecords, index: number, joined: Set<number>): Candidate {
  const local = kept.local[index] as AnyRecord;
  const remote = kept.remote[index];
  joined.add(index);
  return {
    id: local.id,
    order: kept.order[index] ?? index,
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

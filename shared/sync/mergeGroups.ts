/**
 * Records grouped by natural key. The index nests one map per key part instead of joining the
 * parts into one string, because building and hashing 150,000 key strings costs several times
 * more than three lookups of strings the records already hold.
 */

/** One natural key's members, in the order they were added. */
export interface Group<T> {
  readonly first: T;
  /** Every member, first included, once there are two or more; `null` while the key has one member (the common case). */
  members: T[] | null;
}

type Level<T> = Map<string, Level<T> | Group<T>>;

export class GroupIndex<T> {
  private readonly root: Level<T> = new Map();
  /** Groups in the order of their first member, so callers visit records in input order. */
  private readonly groups: Group<T>[] = [];
  private depth: number | null = null;

  /** Adds `item` under a key of `parts`; every key of one index must have the same number of parts. */
  add(parts: readonly string[], item: T): void {
    if (this.depth === null) this.depth = parts.length;
    if (parts.length !== this.depth || parts.length === 0) {
      throw new RangeError(`Natural key with ${String(parts.length)} parts in an index of ${String(this.depth)}-part keys`);
    }

    let level = this.root;
    for (let index = 0; index < parts.length - 1; index += 1) {
      const part = parts[index] ?? '';
      let next = level.get(part) as Level<T> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(part, next);
      }
      level = next;
    }

    const last = parts[parts.length - 1] ?? '';
    const group = level.get(last) as Group<T> | undefined;
    if (group === undefined) {
      const created: Group<T> = { first: item, members: null };
      level.set(last, created);
      this.groups.push(created);
    } else if (group.members === null) {
      group.members = [group.first, item];
    } else {
      group.members.push(item);
    }
  }

  /** Returns the group of the key of `parts`, or `undefined` when no member has that key; adds nothing. */
  find(parts: readonly string[]): Group<T> | undefined {
    if (this.depth === null || parts.length !== this.depth) return undefined;
    let level: Level<T> | undefined = this.root;
    for (let index = 0; index < parts.length - 1 && level !== undefined; index += 1) {
      level = level.get(parts[index] ?? '') as Level<T> | undefined;
    }
    return level?.get(parts[parts.length - 1] ?? '') as Group<T> | undefined;
  }

  /** Returns the groups in the order of their first member. */
  all(): readonly Group<T>[] {
    return this.groups;
  }
}

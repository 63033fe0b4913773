/**
 * Record lookups for naming audit entries. The sync preview's labels (`recordLabels.ts`) read
 * records through a `RecordLookup`. Here the records come from the portfolio database, fetched by
 * id for the entries on screen only, so a large portfolio is never read whole.
 */
import type { Id, RecordTable, RecordTypes } from '@shared/domain/types';
import type { PortfolioDb } from '../../db/portfolioDb';
import type { RecordLookup } from '../sync/recordLabels';

/**
 * Maximum fetch rounds. Each round fetches the records that the previous round's labels
 * referred to, such as a measurement's service level, then its KPI and provider. The deepest
 * chain in `recordLabelOf` is three references long, so 5 rounds leave a margin.
 */
const maxRounds = 5;

/**
 * Builds a lookup holding every record that `readLabels` reads, fetching them from `db` by id. `readLabels`
 * runs once per round with the records fetched so far, until it requests no record that has not
 * been fetched. A record that is not in the database (deleted, for example) stays missing, and
 * `find` returns `undefined` for it, as the sync lookup does.
 */
export async function loadRecordLookup(db: PortfolioDb, readLabels: (lookup: RecordLookup) => void): Promise<RecordLookup> {
  // `null` marks a record that was fetched and not found, so it is not fetched again.
  const fetched = new Map<RecordTable, Map<Id, unknown>>();

  for (let round = 0; round < maxRounds; round += 1) {
    const missing = new Map<RecordTable, Set<Id>>();
    readLabels(lookupOver(fetched, missing));
    if (missing.size === 0) break;

    for (const [table, ids] of missing) {
      const idList = [...ids];
      const records = await db.recordTable(table).bulkGet(idList);
      const known = fetched.get(table) ?? new Map<Id, unknown>();
      idList.forEach((id, index) => known.set(id, records[index] ?? null));
      fetched.set(table, known);
    }
  }
  return lookupOver(fetched, new Map());
}

function lookupOver(fetched: ReadonlyMap<RecordTable, ReadonlyMap<Id, unknown>>, missing: Map<RecordTable, Set<Id>>): RecordLookup {
  return {
    find<T extends RecordTable>(table: T, id: Id): RecordTypes[T] | undefined {
      const known = fetched.get(table);
      if (known?.has(id) !== true) {
        const ids = missing.get(table) ?? new Set<Id>();
        ids.add(id);
        missing.set(table, ids);
        return undefined;
      }
      return (known.get(id) ?? undefined) as RecordTypes[T] | undefined;
    },
  };
}

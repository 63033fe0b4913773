/**
 * Writes of the measurement entry grid: the cells a user changed, all in one transaction. Each
 * written measurement is an ordinary record write, with its own clock and audit entry, so a merge
 * treats a typed value like any other edit.
 */
import type { Id, Measurement, Period } from '@shared/domain/types';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from './repository';
import { toStorageFailure } from './storageErrors';

/** One grid cell to store: `value` in the KPI's unit, or `null` for an empty cell (no data). */
export interface MeasurementCellEdit {
  readonly providerId: Id;
  readonly kpiId: Id;
  readonly period: Period;
  readonly value: number | null;
}

/** Counts of what a grid save did, by cell. */
export interface GridSaveSummary {
  readonly added: number;
  readonly changed: number;
  readonly deleted: number;
  /** Cells whose value was already stored, or empty cells with no measurement: nothing written. */
  readonly unchanged: number;
}

function cellKey(edit: Pick<MeasurementCellEdit, 'providerId' | 'kpiId' | 'period'>): string {
  return `${edit.providerId}\u001f${edit.kpiId}\u001f${edit.period}`;
}

/** Throws a `RangeError` for a non-finite value or a cell listed twice, before anything is written. */
function assertEditsValid(edits: readonly MeasurementCellEdit[]): void {
  const seen = new Set<string>();
  for (const edit of edits) {
    if (edit.value !== null && !Number.isFinite(edit.value)) {
      throw new RangeError(`Measurement of ${edit.kpiId} in ${edit.period} is not a finite number: ${String(edit.value)}`);
    }
    const key = cellKey(edit);
    if (seen.has(key)) throw new RangeError(`Measurement of ${edit.kpiId} in ${edit.period} for ${edit.providerId} is listed twice`);
    seen.add(key);
  }
}

type CellOutcome = 'added' | 'changed' | 'deleted' | 'unchanged';

async function writeCell(db: PortfolioDb, edit: MeasurementCellEdit, context: DeviceContext): Promise<CellOutcome> {
  const stored: Measurement | undefined = await db.measurements
    .where('[providerId+kpiId+period]')
    .equals([edit.providerId, edit.kpiId, edit.period])
    .first();

  if (edit.value === null) {
    // An empty cell is a gap: the measurement goes, and is never stored as 0.
    if (stored === undefined) return 'unchanged';
    await deleteRecord(db, 'measurements', stored.id, context);
    return 'deleted';
  }

  // A typed value has no numerator or denominator, even for a ratio KPI, and no source file.
  const typed = { value: edit.value, numerator: null, denominator: null, sourceFile: null };
  if (stored === undefined) {
    await insertRecord(db, 'measurements', { providerId: edit.providerId, kpiId: edit.kpiId, period: edit.period, ...typed }, context);
    return 'added';
  }
  // `-0` and `0` are one value to a user, and the stored numerator and denominator stay with an unchanged value.
  if (stored.value === edit.value) return 'unchanged';
  await updateRecord(db, 'measurements', stored.id, typed, context);
  return 'changed';
}

/**
 * Stores the grid's changed cells in one transaction and returns the counts: a value inserts or
 * updates the measurement of its provider, KPI and month, and an empty cell deletes it (leaving a
 * tombstone). A cell whose value is already stored writes nothing and adds no audit entry. On
 * any failure nothing is written and the promise rejects with an `AppFailure`.
 */
export async function saveMeasurementCells(
  db: PortfolioDb,
  edits: readonly MeasurementCellEdit[],
  context: DeviceContext,
): Promise<GridSaveSummary> {
  assertEditsValid(edits);
  const counts: Record<CellOutcome, number> = { added: 0, changed: 0, deleted: 0, unchanged: 0 };
  try {
    await db.transaction('rw', ['measurements', 'audit', 'tombstones', 'meta'], async () => {
      for (const edit of edits) {
        counts[await writeCell(db, edit, context)] += 1;
      }
    });
  } catch (error) {
    throw toStorageFailure(error, { table: 'measurements' });
  }
  return counts;
}

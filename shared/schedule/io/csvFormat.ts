/**
 * The plan CSV that `exportPlanCsv` writes and the import reads back: one row per task in
 * outline order, with links in MS Project's predecessor notation (`3FS+2d`, `5SS-1ed`).
 * Durations and lags are written as `d` for working days and `ed` for calendar (elapsed) days.
 */
import type { DurationUnit } from '../../domain/plan';

export const planCsvHeader = [
  'ID',
  'Parent ID',
  'Name',
  'Duration',
  'Start no earlier than',
  'Progress',
  'Predecessors',
  'Owner',
  'Notes',
  'Start',
  'Finish',
] as const;

/** Separator between the links of one Predecessors cell. */
export const predecessorSeparator = ';';

export function unitSuffix(unit: DurationUnit): string {
  return unit === 'calendarDays' ? 'ed' : 'd';
}

/**
 * Export of a plan as CSV for spreadsheets and for re-import. Calendars are not part of the
 * CSV: a re-imported plan has a Monday-to-Friday calendar without holidays.
 */
import Papa from 'papaparse';
import type { Schedule } from '../engine';
import { formulaCellPattern, planCsvHeader, predecessorSeparator, unitSuffix } from './csvFormat';
import { outlineOrder } from './planOrder';
import type { ExportablePlan } from './types';

/**
 * Writes the plan as CSV text with CRLF line ends. The Start and Finish columns hold the
 * scheduled early dates when `schedule` is given, and are empty otherwise.
 */
export function exportPlanCsv(input: ExportablePlan, schedule?: Schedule): string {
  const ordered = outlineOrder(input.tasks);
  const rowNumber = new Map(ordered.map(({ task }, index) => [task.id, index + 1]));
  const scheduled = new Map((schedule?.tasks ?? []).map((task) => [task.taskId, task]));
  const rows = ordered.map(({ task }) => {
    const predecessors = input.dependencies
      .filter((link) => link.successorId === task.id && rowNumber.has(link.predecessorId))
      .map((link) => {
        const lag = link.lag === 0 ? '' : `${link.lag > 0 ? '+' : ''}${link.lag}${unitSuffix(link.lagUnit)}`;
        return `${rowNumber.get(link.predecessorId) ?? ''}${link.type}${lag}`;
      })
      .join(predecessorSeparator);
    const dates = scheduled.get(task.id);
    return [
      String(rowNumber.get(task.id) ?? ''),
      task.parentId === null ? '' : String(rowNumber.get(task.parentId) ?? ''),
      task.name,
      `${task.duration}${unitSuffix(task.durationUnit)}`,
      task.startNoEarlierThan ?? '',
      String(task.progress),
      predecessors,
      task.owner,
      task.notes,
      dates?.earlyStart ?? '',
      dates?.earlyFinish ?? '',
    ];
  });
  // A text cell that a spreadsheet would run as a formula gets a leading apostrophe and quotes;
  // the import removes the apostrophe again (see `formulaCellPattern`).
  return (
    Papa.unparse({ fields: [...planCsvHeader], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: formulaCellPattern }) +
    '\r\n'
  );
}

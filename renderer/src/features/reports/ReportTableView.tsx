/**
 * One table of a pack: its title as caption, a header row that repeats on every printed page, and
 * rows that never split. A table without rows shows its title and why it has none.
 */
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportTable } from '@shared/reports';
import { userLocale } from '../../locale';
import { cellText, columnTitle, emptyTableText, tableTitle } from './reportText';

const numericKinds: ReadonlySet<ReportCell['kind']> = new Set(['kpiValue', 'integer', 'decimal', 'share', 'money']);

export function ReportTableView({ table }: { readonly table: ReportTable }) {
  const { t } = useTranslation();
  if (table.rows.length === 0) {
    // A header row over no rows looks like a printing fault, so an empty table states why it is empty.
    return (
      <div className="report-table-empty" data-table={table.key}>
        <p className="report-table-title">{tableTitle(t, table)}</p>
        <p className="report-note">{emptyTableText(t, table)}</p>
      </div>
    );
  }
  const numeric = table.columns.map((_, position) => table.rows.some((row) => numericKinds.has(row[position]?.kind ?? 'empty')));
  return (
    <table className="report-table" data-table={table.key}>
      <caption>{tableTitle(t, table)}</caption>
      <thead>
        <tr>
          {table.columns.map((column, position) => (
            <th key={column} scope="col" className={numeric[position] === true ? 'number' : undefined}>
              {columnTitle(t, table, column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          // Rows have no id of their own, and a pack never reorders them, so the position is a stable key.
          <tr key={index}>
            {row.map((cell, position) => (
              <td key={table.columns[position]} className={numeric[position] === true ? 'number' : undefined}>
                {cellText(t, cell, userLocale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useRef } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measurement, Period } from '@shared/domain/types';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { levelInputText } from '../portfolio/serviceLevelInput';
import { cellKey, isCellBreach, parseCell, parsePastedBlock } from './gridModel';
import type { GridRow, ParsedCell } from './gridModel';

interface MeasurementGridProps {
  readonly rows: readonly GridRow[];
  readonly periods: readonly Period[];
  readonly stored: ReadonlyMap<string, Measurement>;
  /** Typed text by cell key; a cell without an entry shows its stored value. */
  readonly drafts: ReadonlyMap<string, string>;
  readonly onEdit: (changes: ReadonlyMap<string, string>) => void;
  readonly rowLabel: (row: GridRow) => string;
  readonly decimalSeparator: string;
  readonly disabled: boolean;
}

/** Text a cell shows for its stored value: the number without grouping, so it reads back unchanged. */
export function storedText(measurement: Measurement | undefined, decimalSeparator: string): string {
  return measurement?.value === undefined || measurement.value === null ? '' : levelInputText(measurement.value, decimalSeparator);
}

/**
 * The grid of months by rows, one text input per cell. Arrow keys and Enter move between cells as
 * in a spreadsheet (Shift+Enter moves up), Tab follows the page order, and a pasted block of
 * tab-separated lines fills the cells to the right and below the focused one.
 */
export function MeasurementGrid({ rows, periods, stored, drafts, onEdit, rowLabel, decimalSeparator, disabled }: MeasurementGridProps) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);

  const focusCell = (row: number, column: number) => {
    const target = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${String(row)}"][data-column="${String(column)}"]`);
    if (target) {
      target.focus();
      target.select();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let move: [number, number] | null = null;
    if (event.key === 'ArrowUp') move = [row - 1, column];
    if (event.key === 'ArrowDown') move = [row + 1, column];
    if (event.key === 'Enter') move = [event.shiftKey ? row - 1 : row + 1, column];
    // Left and right move the caret inside the text until it reaches an edge, as a spreadsheet's edit mode does.
    if (event.key === 'ArrowLeft' && (atStart || allSelected)) move = [row, column - 1];
    if (event.key === 'ArrowRight' && (atEnd || allSelected)) move = [row, column + 1];
    if (move === null) return;
    event.preventDefault();
    const [nextRow, nextColumn] = move;
    if (nextRow >= 0 && nextRow < rows.length && nextColumn >= 0 && nextColumn < periods.length) focusCell(nextRow, nextColumn);
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, column: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.includes('\n')) return;
    event.preventDefault();
    const changes = new Map<string, string>();
    parsePastedBlock(text).forEach((cells, rowOffset) => {
      const target = rows[row + rowOffset];
      if (target === undefined) return;
      cells.forEach((cell, columnOffset) => {
        const period = periods[column + columnOffset];
        if (period !== undefined) changes.set(cellKey(target.providerId, target.kpi.id, period), cell);
      });
    });
    onEdit(changes);
  };

  return (
    <div className="matrix-scroll measurement-grid-scroll">
      <table className="measurement-grid" ref={tableRef} aria-label={t('measurements.gridLabel')} data-testid="measurement-grid">
        <thead>
          <tr>
            <th scope="col">{t('measurements.colRow')}</th>
            {periods.map((period) => (
              <th scope="col" key={period}>
                {formatPeriod(period, userLocale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={`${row.providerId}-${row.kpi.id}`}>
              <th scope="row">
                {rowLabel(row)}
                {row.level === null ? <span className="muted"> {t('measurements.reported')}</span> : null}
              </th>
              {periods.map((period, columnIndex) => {
                const key = cellKey(row.providerId, row.kpi.id, period);
                const measurement = stored.get(key);
                const draft = drafts.get(key);
                const text = draft ?? storedText(measurement, decimalSeparator);
                const parsed: ParsedCell = parseCell(text, row.kpi, decimalSeparator);
                const changed = draft !== undefined && (!parsed.ok || parsed.value !== (measurement?.value ?? null));
                const breach = parsed.ok && isCellBreach(row, period, parsed.value);
                const classes = ['grid-cell', changed ? 'changed' : '', parsed.ok ? '' : 'invalid', breach ? 'breach-cell' : ''].filter(
                  Boolean,
                );
                const label = t('measurements.cellLabel', { row: rowLabel(row), period: formatPeriod(period, userLocale, 'long') });
                return (
                  <td key={period} className={classes.join(' ')}>
                    <input
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={label}
                      aria-invalid={!parsed.ok}
                      title={
                        parsed.ok
                          ? undefined
                          : t(`measurements.problems.${parsed.problem}`, { text: text.trim(), decimal: decimalSeparator })
                      }
                      data-row={rowIndex}
                      data-column={columnIndex}
                      data-breach={breach ? 'true' : undefined}
                      disabled={disabled}
                      value={text}
                      onChange={(event) => {
                        onEdit(new Map([[key, event.target.value]]));
                      }}
                      onKeyDown={(event) => {
                        onKeyDown(event, rowIndex, columnIndex);
                      }}
                      onPaste={(event) => {
                        onPaste(event, rowIndex, columnIndex);
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

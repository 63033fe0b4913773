/**
 * The scoring matrix as an ARIA grid on a TanStack table: criteria as rows, bidders as columns.
 * One cell at a time is in the tab order (roving tabindex); `gridKeys.ts` decides what each key
 * does, and this component applies it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { clampPosition, gridKey, initialGridState } from './gridKeys';
import type { GridAction, GridState } from './gridKeys';
import { knockoutFail, knockoutPass } from '@shared/rfp/scale';
import type { RfpCriterionKind } from '@shared/domain/rfp';
import type { MatrixCellView, MatrixRowView, MatrixView } from './matrixView';

// Module scope keeps the feature object stable between renders, as Table v9 needs.
const matrixFeatures = tableFeatures({});
const column = createColumnHelper<typeof matrixFeatures, MatrixRowView>();

interface ScoreGridProps {
  readonly view: MatrixView;
  readonly label: string;
  /** True in the consensus phase: a typed digit opens the cell details instead of a draft score. */
  readonly digitsOpenDetails: boolean;
  /** Called for a committed draft, a cleared cell or an activated cell, with the row and bidder it concerns. */
  readonly onAction: (action: GridAction, row: MatrixRowView, cell: MatrixCellView) => void;
}

export function ScoreGrid({ view, label, digitsOpenDetails, onAction }: ScoreGridProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<GridState>(initialGridState);
  const gridRef = useRef<HTMLTableElement>(null);
  const hasFocus = useRef(false);

  const columns = useMemo(
    () => [
      column.display({ id: 'criterion', header: t('rfp.matrix.colCriterion') }),
      ...view.bidders.map((bidder) => column.display({ id: bidder.id, header: bidder.name })),
    ],
    [view.bidders, t],
  );
  const table = useTable({ features: matrixFeatures, columns, data: view.rows, getRowId: (row) => row.criterionId });
  const rows = table.getRowModel().rows;
  const size = { rows: rows.length, cols: view.bidders.length };
  const active = clampPosition(state, size);

  useEffect(() => {
    if (!hasFocus.current) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`)?.focus();
  }, [active.row, active.col]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const result = gridKey(active, event.key, size, digitsOpenDetails);
    if (!result.handled) return;
    event.preventDefault();
    setState(result.state);
    if (result.action === null) return;
    const row = view.rows[result.action.at.row];
    const cell = row?.cells[result.action.at.col];
    if (row !== undefined && cell !== undefined) onAction(result.action, row, cell);
  };

  return (
    <div className="matrix-scroll">
      <table
        ref={gridRef}
        role="grid"
        className="score-grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={view.bidders.length + 1}
        data-testid="score-grid"
        onKeyDown={onKeyDown}
        onFocus={() => {
          hasFocus.current = true;
        }}
        onBlur={() => {
          hasFocus.current = false;
        }}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" role="columnheader">
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.id} aria-rowindex={r + 2}>
              {row.getAllCells().map((tableCell, c) => {
                const matrixRow = row.original;
                if (c === 0) {
                  return (
                    <th key={tableCell.id} scope="row" role="rowheader" className={`kind-${matrixRow.kind}`}>
                      <span className="muted section-name">{matrixRow.sectionTitle}</span> {matrixRow.title}
                    </th>
                  );
                }
                const col = c - 1;
                const cell = matrixRow.cells[col];
                const isActive = active.row === r && active.col === col;
                return (
                  <td
                    key={tableCell.id}
                    role="gridcell"
                    tabIndex={isActive ? 0 : -1}
                    aria-selected={isActive}
                    data-row={r}
                    data-col={col}
                    data-criterion-id={matrixRow.criterionId}
                    data-bidder-id={cell?.bidderId}
                    className={cellClass(cell, isActive)}
                    onClick={() => {
                      hasFocus.current = true;
                      setState({ row: r, col, draft: null });
                    }}
                    onFocus={() => {
                      // Focus moved here from outside the grid (for example back from the cell details).
                      if (!isActive) setState({ row: r, col, draft: null });
                    }}
                  >
                    {isActive && active.draft !== null ? (
                      <span className="draft">{active.draft}</span>
                    ) : (
                      <CellContent cell={cell} kind={matrixRow.kind} />
                    )}
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

function cellClass(cell: MatrixCellView | undefined, active: boolean): string {
  const classes = ['score-cell'];
  if (active) classes.push('active');
  if (cell !== undefined && cell.lock !== null) classes.push('locked');
  if (cell?.stats?.noConsensus === true && cell.stats.consensus === null) classes.push('no-consensus');
  return classes.join(' ');
}

function CellContent({ cell, kind }: { readonly cell: MatrixCellView | undefined; readonly kind: RfpCriterionKind }) {
  const { t } = useTranslation();
  if (cell === undefined) return null;
  const formatNumeric = (value: number) => formatNumber(value, userLocale, 2);
  // A knockout score is a decision, so it reads Pass or Fail; its mean and median stay numbers.
  const format = (value: number) => {
    if (kind === 'knockout' && value === knockoutPass) return t('rfp.matrix.pass');
    if (kind === 'knockout' && value === knockoutFail) return t('rfp.matrix.fail');
    return formatNumeric(value);
  };
  const own = cell.own?.value ?? null;

  if (cell.formulaScore !== null || cell.lock === 'priceFormula') {
    return <span className="muted">{cell.formulaScore === null ? t('rfp.matrix.blank') : format(cell.formulaScore)}</span>;
  }
  if (cell.stats !== null) {
    const { stats } = cell;
    return (
      <span className="cell-stats">
        {own === null ? null : <span className="own-score">{format(own)}</span>}
        {stats.mean === null ? (
          <span className="muted">{t('rfp.matrix.blank')}</span>
        ) : (
          <span className="muted">
            {t('rfp.matrix.mean', { value: formatNumeric(stats.mean) })} ·{' '}
            {t('rfp.matrix.median', { value: formatNumeric(stats.median ?? stats.mean) })}
          </span>
        )}
        {stats.consensus === null ? null : (
          <span className="consensus">{t('rfp.matrix.consensusValue', { value: format(stats.consensus.value) })}</span>
        )}
        {stats.noConsensus && stats.consensus === null ? <span className="flag">{t('rfp.matrix.noConsensus')}</span> : null}
      </span>
    );
  }
  if (cell.lock !== null && cell.lock !== 'closed') {
    return <span className="muted">{t(`rfp.matrix.locked.${cell.lock}`)}</span>;
  }
  return own === null ? <span className="muted blank">{t('rfp.matrix.blank')}</span> : <span className="own-score">{format(own)}</span>;
}

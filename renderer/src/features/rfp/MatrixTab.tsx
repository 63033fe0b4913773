import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { setScore } from '../../db/rfp';
import { ConsensusPanel } from './ConsensusPanel';
import type { GridAction } from './gridKeys';
import { buildMatrixView, parseScoreText } from './matrixView';
import type { MatrixCellView, MatrixRowView } from './matrixView';
import type { RfpRecords } from './rfpRecords';
import { ScoreGrid } from './ScoreGrid';
import { ScoringSheetPanel } from './scoringSheet/ScoringSheetPanel';
import { selectChooseEvaluator, selectEvaluatorByRfp, useRfpUiStore } from './rfpUiStore';
import { useRfpWrite } from './useRfpWrite';

interface CellRef {
  readonly row: MatrixRowView;
  readonly cell: MatrixCellView;
}

interface OpenDetails extends CellRef {
  /** Digit typed on the cell in the consensus phase, prefilled as the consensus score. */
  readonly prefill: string | null;
}

interface PendingComment {
  readonly row: MatrixRowView;
  readonly cell: MatrixCellView;
  readonly value: number;
}

/** Scoring matrix for the evaluator chosen on this laptop, with comment prompts and the consensus panel. */
export function MatrixTab({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  const { t } = useTranslation();
  const rfpId = records.event.id;
  const chosen = useRfpUiStore(selectEvaluatorByRfp)[rfpId] ?? null;
  const chooseEvaluator = useRfpUiStore(selectChooseEvaluator);
  const evaluator = records.evaluators.find((candidate) => candidate.id === chosen) ?? null;
  const view = useMemo(() => buildMatrixView(records, evaluation.model, evaluator?.id ?? null), [records, evaluation.model, evaluator]);
  const write = useRfpWrite();
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [comment, setComment] = useState('');
  const [details, setDetails] = useState<OpenDetails | null>(null);
  // The cell that gets keyboard focus back once a comment form or the cell details close.
  const [focusTarget, setFocusTarget] = useState<{ readonly cell: CellRef; readonly request: number } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const commentFormRef = useRef<HTMLFormElement>(null);
  // The comment box opens above the grid, which may be scrolled far below it: bring it into view.
  useEffect(() => {
    if (pending !== null) commentFormRef.current?.scrollIntoView({ block: 'nearest' });
  }, [pending]);
  const consensusPhase = records.event.phase === 'consensus';

  useEffect(() => {
    if (focusTarget === null) return;
    const { row, cell } = focusTarget.cell;
    const selector = `[data-criterion-id="${CSS.escape(row.criterionId)}"][data-bidder-id="${CSS.escape(cell.bidderId)}"]`;
    rootRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [focusTarget]);

  const returnFocus = (row: MatrixRowView, cell: MatrixCellView) => {
    setFocusTarget((previous) => ({ cell: { row, cell }, request: (previous?.request ?? 0) + 1 }));
  };

  const bidderName = (cell: MatrixCellView) => view.bidders.find((bidder) => bidder.id === cell.bidderId)?.name ?? '';

  const save = async (row: MatrixRowView, cell: MatrixCellView, value: number | null, text: string) => {
    if (evaluator === null) return;
    const ok = await write.run(
      `Saving the score of evaluator ${evaluator.id} for bidder ${cell.bidderId} on criterion ${row.criterionId}`,
      (db, context) =>
        setScore(
          db,
          { rfpId, evaluatorId: evaluator.id, bidderId: cell.bidderId, criterionId: row.criterionId, value, comment: text },
          context,
        ),
    );
    if (!ok) return;
    const names = { bidder: bidderName(cell), criterion: row.title };
    setStatus(value === null ? t('rfp.matrix.cleared', names) : t('rfp.matrix.saved', { ...names, value }));
  };

  const onAction = (action: GridAction, row: MatrixRowView, cell: MatrixCellView) => {
    setStatus(null);
    write.clearError();
    if (action.type === 'activate') {
      setDetails({ row, cell, prefill: null });
      return;
    }
    if (action.type === 'openWith') {
      // A consensus score is set in the cell details. A cell without statistics (a hidden bidder
      // or a price-formula row) has no consensus form, so it falls through to the lock message.
      if (cell.stats !== null && cell.lock !== 'priceFormula') {
        setDetails({ row, cell, prefill: action.text });
        return;
      }
    }
    if (cell.lock !== null) {
      setStatus(t(`rfp.matrix.locked.${cell.lock}`));
      return;
    }
    if (action.type === 'clear') {
      void save(row, cell, null, '');
      return;
    }
    if (action.type === 'openWith') {
      setStatus(t('rfp.matrix.locked.closed'));
      return;
    }
    const parsed = parseScoreText(action.text, row);
    if (!parsed.ok) {
      setStatus(t('rfp.matrix.offScale', { value: action.text, allowed: parsed.allowed.join(', ') }));
      return;
    }
    if (parsed.needsComment) {
      setComment(cell.own?.comment ?? '');
      setPending({ row, cell, value: parsed.value });
      setStatus(t('rfp.matrix.commentNeeded', { value: parsed.value }));
      return;
    }
    void save(row, cell, parsed.value, cell.own?.comment ?? '');
  };

  return (
    <div className="rfp-matrix" ref={rootRef}>
      <label>
        {t('rfp.matrix.evaluatorLabel')}
        <select
          value={evaluator?.id ?? ''}
          data-testid="evaluator-select"
          onChange={(event) => {
            chooseEvaluator(rfpId, event.target.value === '' ? null : event.target.value);
            setDetails(null);
            setPending(null);
          }}
        >
          <option value="">{t('rfp.matrix.chooseEvaluator')}</option>
          {records.evaluators.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.evaluatorName}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t('rfp.matrix.help')}</p>
      {consensusPhase ? <p className="muted">{t('rfp.matrix.consensusHelp')}</p> : null}
      {records.event.phase === 'scoring' ? <p className="muted">{t('rfp.matrix.sealed')}</p> : null}
      {records.event.phase !== 'scoring' && records.event.phase !== 'consensus' ? (
        <p className="muted">{t('rfp.matrix.notScoring')}</p>
      ) : null}
      <p role="status" className="muted" data-testid="matrix-status">
        {status}
      </p>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      {pending === null ? null : (
        <form
          ref={commentFormRef}
          className="panel comment-form"
          aria-label={t('rfp.matrix.commentTitle', {
            value: pending.value,
            criterion: pending.row.title,
            bidder: bidderName(pending.cell),
          })}
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim() === '') return;
            const { row, cell, value } = pending;
            setPending(null);
            returnFocus(row, cell);
            void save(row, cell, value, comment.trim());
          }}
        >
          <p>{t('rfp.matrix.commentTitle', { value: pending.value, criterion: pending.row.title, bidder: bidderName(pending.cell) })}</p>
          <p className="muted">{t('rfp.matrix.commentHint')}</p>
          <label>
            {t('rfp.matrix.commentLabel')}
            <textarea
              rows={2}
              autoFocus
              required
              aria-describedby="rfp-comment-keys"
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  setPending(null);
                  returnFocus(pending.row, pending.cell);
                  return;
                }
                if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }}
            />
          </label>
          <p className="muted" id="rfp-comment-keys">
            {t('rfp.matrix.commentKeys')}
          </p>
          <div className="button-row">
            <button type="submit" className="button" disabled={comment.trim() === ''}>
              {t('rfp.matrix.save')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setPending(null);
                returnFocus(pending.row, pending.cell);
              }}
            >
              {t('rfp.matrix.cancel')}
            </button>
          </div>
        </form>
      )}
      <ScoringSheetPanel records={records} evaluator={evaluator} />
      <ScoreGrid
        label={t('rfp.matrix.gridLabel', { name: evaluator?.evaluatorName ?? t('rfp.matrix.chooseEvaluator') })}
        view={view}
        digitsOpenDetails={consensusPhase}
        onAction={onAction}
      />
      {details === null ? null : (
        <ConsensusPanel
          key={`${details.row.criterionId}:${details.cell.bidderId}`}
          records={records}
          view={view}
          criterionId={details.row.criterionId}
          bidderId={details.cell.bidderId}
          prefill={details.prefill}
          onClose={() => {
            setDetails(null);
            returnFocus(details.row, details.cell);
          }}
          onSaved={(value) => {
            setDetails(null);
            setStatus(t('rfp.matrix.consensusSaved', { value, bidder: bidderName(details.cell), criterion: details.row.title }));
            returnFocus(details.row, details.cell);
          }}
        />
      )}
    </div>
  );
}

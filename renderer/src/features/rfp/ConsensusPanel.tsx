import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { setConsensusScore } from '../../db/rfp';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { parseScoreText } from './matrixView';
import type { MatrixView } from './matrixView';
import type { RfpRecords } from './rfpRecords';
import { useRfpWrite } from './useRfpWrite';

interface ConsensusPanelProps {
  readonly records: RfpRecords;
  readonly view: MatrixView;
  readonly criterionId: Id;
  readonly bidderId: Id;
  /** Consensus score typed on the grid cell before the panel opened; `null` keeps the stored one. */
  readonly prefill: string | null;
  /** Called on Close and on Escape. */
  readonly onClose: () => void;
  /** Called after the consensus score `value` was saved. */
  readonly onSaved: (value: number) => void;
}

/**
 * Details of one matrix cell: every counting score, the mean, the median and the no-consensus
 * flag, and in the consensus phase the form for the panel's consensus score with its reason.
 * While scoring is sealed it shows only the chosen evaluator's own score. On opening it scrolls into
 * view and moves focus to its first field, so keyboard users land in the form.
 */
export function ConsensusPanel({ records, view, criterionId, bidderId, prefill, onClose, onSaved }: ConsensusPanelProps) {
  const { t } = useTranslation();
  const write = useRfpWrite();
  const row = view.rows.find((candidate) => candidate.criterionId === criterionId);
  const cell = row?.cells.find((candidate) => candidate.bidderId === bidderId);
  const agreed = cell?.stats?.consensus ?? null;
  const [value, setValue] = useState(prefill ?? (agreed === null ? '' : String(agreed.value)));
  const [reason, setReason] = useState(agreed?.reason ?? '');
  const [invalid, setInvalid] = useState(false);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const panel = panelRef.current;
    if (panel === null) return;
    panel.scrollIntoView({ block: 'nearest' });
    const first = panel.querySelector<HTMLElement>('input, button');
    first?.focus();
    // A typed digit is prefilled, so the cursor goes after it rather than selecting it.
    if (first instanceof HTMLInputElement) first.setSelectionRange(first.value.length, first.value.length);
  }, []);

  if (row === undefined || cell === undefined) return null;

  const bidder = view.bidders.find((candidate) => candidate.id === bidderId)?.name ?? '';
  const names = new Map(records.evaluators.map((evaluator) => [evaluator.id, evaluator.evaluatorName]));
  const format = (score: number | null) => (score === null ? t('rfp.matrix.blank') : formatNumber(score, userLocale, 2));
  const stats = cell.stats;
  const title = t('rfp.matrix.cellTitle', { bidder, criterion: row.title });

  const submit = () => {
    const parsed = parseScoreText(value, row);
    const ok = parsed.ok && reason.trim() !== '';
    setInvalid(!ok);
    if (!parsed.ok || !ok) return;
    void write
      .run(`Setting the consensus score of bidder ${bidderId} on criterion ${criterionId}`, (db, context) =>
        setConsensusScore(db, { rfpId: records.event.id, bidderId, criterionId, value: parsed.value, reason: reason.trim() }, context),
      )
      .then((saved) => {
        if (saved) onSaved(parsed.value);
      });
  };

  return (
    <section
      ref={panelRef}
      className="panel cell-details"
      aria-label={title}
      data-testid="cell-details"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <h3>{title}</h3>
      {stats === null ? (
        <p>{t('rfp.matrix.individual', { name: t('rfp.matrix.evaluatorLabel'), value: format(cell.own?.value ?? null) })}</p>
      ) : (
        <>
          <ul>
            {stats.individual.map((score) => (
              <li key={score.evaluatorId}>
                {score.excludedBecause === null
                  ? t('rfp.matrix.individual', { name: names.get(score.evaluatorId) ?? '', value: format(score.value) })
                  : t('rfp.matrix.excluded', {
                      name: names.get(score.evaluatorId) ?? '',
                      reason: t(`rfp.matrix.excludedReasons.${score.excludedBecause}`),
                    })}
                {score.comment === '' ? null : <span className="muted"> — {score.comment}</span>}
              </li>
            ))}
          </ul>
          <p>
            {t('rfp.matrix.mean', { value: format(stats.mean) })} · {t('rfp.matrix.median', { value: format(stats.median) })}
            {stats.noConsensus ? <strong className="flag"> {t('rfp.matrix.noConsensus')}</strong> : null}
          </p>
          {stats.consensus === null ? null : (
            <p>
              {t('rfp.matrix.consensusValue', { value: format(stats.consensus.value) })} — {stats.consensus.reason}
            </p>
          )}
        </>
      )}
      {records.event.phase === 'consensus' && stats !== null && cell.lock !== 'priceFormula' ? (
        <form
          className="toolbar"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label>
            {t('rfp.matrix.consensusValueLabel')}
            <input
              type="text"
              inputMode="numeric"
              size={3}
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
              }}
            />
          </label>
          <label>
            {t('rfp.matrix.consensusReasonLabel')}
            <input
              type="text"
              size={40}
              required
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </label>
          <button type="submit" className="button" disabled={write.busy}>
            {t('rfp.matrix.setConsensus')}
          </button>
        </form>
      ) : null}
      {invalid ? (
        <p className="alert error" role="alert">
          {t('rfp.matrix.consensusInvalid')}
        </p>
      ) : null}
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <button type="button" className="link-button" onClick={onClose}>
        {t('rfp.matrix.close')}
      </button>
    </section>
  );
}

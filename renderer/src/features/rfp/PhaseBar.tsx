import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpPhase } from '@shared/domain/rfp';
import { nextPhases } from '@shared/rfp/phases';
import { getDeviceContext } from '../../db/catalogue';
import { setRfpPhase } from '../../db/rfp';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { useEvaluatorCopyOf } from './EvaluatorFilePanel';
import type { RfpRecords } from './rfpRecords';

type MoveTarget = Exclude<RfpPhase, 'draft' | 'awarded'>;
/** Moves that cannot be undone, so they need confirmation. Consensus unseals every score, and cancelling ends the RFP. */
type ConfirmedMove = 'consensus' | 'cancelled';

function needsConfirmation(to: MoveTarget): to is ConfirmedMove {
  return to === 'consensus' || to === 'cancelled';
}

/**
 * Current phase and a button for each next phase of the status flow; the award itself is made on
 * the Award tab. In an evaluator's own copy the buttons are hidden, because the lead moves the RFP.
 */
export function PhaseBar({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<ConfirmedMove | null>(null);
  const ownCopy = useEvaluatorCopyOf(records);
  const phase = records.event.phase;

  const move = async (to: RfpPhase) => {
    setBusy(true);
    setMessage(null);
    try {
      await setRfpPhase(db, records.event.id, to, await getDeviceContext());
    } catch (thrown) {
      const reason = describeAppError(t, toAppError(thrown, `Moving RFP ${records.event.id} to ${to} failed`));
      setMessage(`${t('rfp.phaseFailed', { phase: t(`rfp.phases.${to}`) })} ${reason}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="toolbar rfp-phase">
      <p className="phase-badge" data-testid="rfp-phase">
        {t('rfp.phaseLabel', { phase: t(`rfp.phases.${phase}`) })}
      </p>
      {ownCopy === null ? null : (
        <p className="muted" data-testid="lead-only-note">
          {t('rfp.leadOnlyNote')}
        </p>
      )}
      {ownCopy !== null || confirming !== null
        ? null
        : nextPhases(phase)
            .filter((to): to is MoveTarget => to !== 'awarded' && to !== 'draft')
            .map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'cancelled' ? 'link-button' : 'button'}
                disabled={busy}
                onClick={() => {
                  if (needsConfirmation(to)) {
                    setConfirming(to);
                    return;
                  }
                  void move(to);
                }}
              >
                {t(`rfp.moveTo.${to}`)}
              </button>
            ))}
      {confirming === null ? null : (
        <span role="group" aria-label={t(`rfp.confirmMove.${confirming}`)} className="toolbar">
          <span>{t(`rfp.confirmMove.${confirming}`)}</span>
          <button
            type="button"
            className="button"
            disabled={busy}
            autoFocus
            onClick={() => {
              const to = confirming;
              setConfirming(null);
              void move(to);
            }}
          >
            {t(`rfp.moveTo.${confirming}`)}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setConfirming(null);
            }}
          >
            {t('rfp.confirmMove.keep')}
          </button>
        </span>
      )}
      {message === null ? null : (
        <p className="alert error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

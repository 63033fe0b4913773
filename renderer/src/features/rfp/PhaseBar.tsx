import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfpPhase } from '@shared/domain/rfp';
import { nextPhases } from '@shared/rfp/phases';
import { getDeviceContext } from '../../db/catalogue';
import { setRfpPhase } from '../../db/rfp';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { RfpRecords } from './rfpRecords';

/** Current phase and a button for each next phase of the status flow; the award itself is made on the Award tab. */
export function PhaseBar({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
      {nextPhases(phase)
        .filter((to): to is Exclude<RfpPhase, 'draft' | 'awarded'> => to !== 'awarded' && to !== 'draft')
        .map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'cancelled' ? 'link-button' : 'button'}
            disabled={busy}
            onClick={() => {
              void move(to);
            }}
          >
            {t(`rfp.moveTo.${to}`)}
          </button>
        ))}
      {message === null ? null : (
        <p className="alert error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

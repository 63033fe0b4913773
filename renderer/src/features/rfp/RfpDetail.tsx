import { useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { evaluateRfp } from '@shared/rfp/evaluate';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import type { RfpTab } from '../../state/uiStore';
import { AwardTab } from './AwardTab';
import { MatrixTab } from './MatrixTab';
import { PhaseBar } from './PhaseBar';
import { ResultsTab } from './ResultsTab';
import { SensitivityTab } from './SensitivityTab';
import { SetupTab } from './SetupTab';
import { useRfpRecords } from './useRfpData';

const tabs: readonly RfpTab[] = ['setup', 'matrix', 'results', 'sensitivity', 'award'];

/** Shows one RFP: phase buttons and the Setup, Matrix, Results, Sensitivity and Award tabs. */
export function RfpDetail({ rfpId, tab }: { readonly rfpId: Id; readonly tab: RfpTab }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const records = useRfpRecords(rfpId);
  // The engine runs once per change of the records; the tabs share its model and results.
  const evaluation = useMemo(() => (records ? evaluateRfp(records) : null), [records]);

  const back = (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        navigate({ name: 'rfps' });
      }}
    >
      {t('rfp.back')}
    </button>
  );
  if (records === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (records === null || evaluation === null) {
    return (
      <section>
        {back}
        <p className="alert error" role="alert">
          {t('rfp.notFound')}
        </p>
      </section>
    );
  }

  const select = (next: RfpTab) => {
    navigate({ name: 'rfp', rfpId, tab: next });
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(tab);
    const steps: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowLeft: -1 };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length] ?? 'setup';
    select(next);
    requestAnimationFrame(() => {
      document.getElementById(`rfp-tab-${next}`)?.focus();
    });
  };

  return (
    <section aria-labelledby="rfp-title" className="rfp-detail">
      {back}
      <h1 id="rfp-title">{records.event.title}</h1>
      <PhaseBar records={records} />
      <div role="tablist" aria-label={t('rfp.tabs.label')} className="tabs" onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`rfp-tab-${name}`}
            aria-selected={name === tab}
            aria-controls="rfp-tab-panel"
            tabIndex={name === tab ? 0 : -1}
            onClick={() => {
              select(name);
            }}
          >
            {t(`rfp.tabs.${name}`)}
          </button>
        ))}
      </div>
      {/* Keyed by phase so that notices and half-filled forms of the earlier phase are cleared. */}
      <div key={records.event.phase} role="tabpanel" id="rfp-tab-panel" aria-labelledby={`rfp-tab-${tab}`} className="tab-panel">
        {tab === 'setup' ? <SetupTab records={records} evaluation={evaluation} /> : null}
        {tab === 'matrix' ? <MatrixTab records={records} evaluation={evaluation} /> : null}
        {tab === 'results' ? <ResultsTab records={records} evaluation={evaluation} /> : null}
        {tab === 'sensitivity' ? <SensitivityTab records={records} evaluation={evaluation} /> : null}
        {tab === 'award' ? <AwardTab records={records} evaluation={evaluation} /> : null}
      </div>
    </section>
  );
}

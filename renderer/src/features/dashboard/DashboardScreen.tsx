/**
 * The Dashboard: the control tower and the breach list, both from the control tower summary,
 * which a worker computes and the portfolio database caches. Where a worker can start, the screen
 * reads no measurement on the main thread, so it opens at once on a large portfolio when the cache
 * is current. The breach list sits below every panel of the control tower, so it renders once the
 * browser is idle after the control tower has been painted.
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSelection } from '@shared/kpi/controlTowerSummary';
import type { ControlTowerSelection } from '@shared/kpi/controlTowerSummary';
import { describeAppError } from '../../errorMessage';
import { useEscalationRuleRun } from '../escalations/useEscalationData';
import { Attribution } from '../portfolio/Attribution';
import { EmptyState } from '../portfolio/EmptyState';
import { BreachesPanel } from './BreachesPanel';
import { ControlTower } from './ControlTower';
import { RenderWhenIdle } from './RenderWhenIdle';
import { useControlTowerSummary } from './useControlTowerSummary';

// The screen re-renders whenever a live query or the summary's state changes. Memoized, these
// render again only when their props change.
const MemoBreachesPanel = memo(BreachesPanel);
const MemoAttribution = memo(Attribution);

/** Height kept for the breach list before it renders, in px. Roughly that of its counts and table, so the page grows less when it appears. */
const breachesPlaceholderHeight = 900;

export function DashboardScreen() {
  const { t } = useTranslation();
  const [selection, setSelection] = useState<ControlTowerSelection>(defaultSelection);
  const { providerCount, summary, updating, error } = useControlTowerSummary(selection);
  const ruleError = useEscalationRuleRun();

  if (providerCount === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (providerCount === 0) return <EmptyState />;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {updating ? (
        <p className="muted" role="status" data-testid="dashboard-updating">
          {t('dashboard.updating')}
        </p>
      ) : null}
      {error === null ? null : (
        <p className="alert error" role="alert">
          {t('dashboard.summaryFailed')} {describeAppError(t, error)}
        </p>
      )}
      {summary === null ? (
        error === null ? (
          <p className="muted" aria-busy="true" data-testid="dashboard-computing">
            {t('dashboard.computing')}
          </p>
        ) : null
      ) : (
        <>
          <ControlTower
            summary={summary}
            ruleError={ruleError}
            onScopeChange={(scope) => {
              setSelection({ scope, month: selection.month });
            }}
            onMonthChange={(month) => {
              setSelection({ scope: selection.scope, month });
            }}
          />
          <RenderWhenIdle minHeight={breachesPlaceholderHeight}>
            <MemoBreachesPanel breaches={summary.breaches} kpis={summary.kpis} providers={summary.providers} />
            <MemoAttribution kpis={summary.kpis} />
          </RenderWhenIdle>
        </>
      )}
    </section>
  );
}

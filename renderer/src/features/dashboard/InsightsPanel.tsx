import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlTowerInsight } from '@shared/kpi/controlTowerInsights';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { insightSentence } from './insightSentences';
import type { InsightFormatters } from './insightSentences';

/** Insights shown before "Show all"; a large portfolio can have hundreds. */
const shownFirst = 10;

interface InsightsPanelProps {
  /** Ranked insights, or `null` while they are being computed after first paint. */
  readonly insights: readonly ControlTowerInsight[] | null;
  readonly format: InsightFormatters;
}

/** Lists the insights, most urgent first, each linking to its provider or escalation. */
export function InsightsPanel({ insights, format }: InsightsPanelProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const [showAll, setShowAll] = useState(false);
  let shown: readonly ControlTowerInsight[] = [];
  if (insights !== null) shown = showAll ? insights : insights.slice(0, shownFirst);

  return (
    <section className="panel" aria-labelledby="insights-title" data-testid="control-tower-insights">
      <h2 id="insights-title">{t('controlTower.insights.title')}</h2>
      <p className="muted">{t('controlTower.insights.description')}</p>
      {insights === null ? <p className="muted">{t('controlTower.insights.computing')}</p> : null}
      {insights?.length === 0 ? <p className="muted">{t('controlTower.insights.none')}</p> : null}
      <ol className="insights-list">
        {shown.map((insight) => {
          const key = insight.kind === 'escalation' ? insight.escalationId : `${insight.kind}|${'serviceLevelId' in insight ? insight.serviceLevelId : insight.deadline.subject}`;
          return (
            <li key={key} data-kind={insight.kind} data-score={insight.score}>
              <button
                type="button"
                className="link-button insight-link"
                onClick={() => {
                  navigate(insight.kind === 'escalation' ? { name: 'escalations', escalationId: insight.escalationId } : { name: 'provider', providerId: insight.providerId });
                }}
              >
                {insightSentence(t, insight, format)}
              </button>
            </li>
          );
        })}
      </ol>
      {insights !== null && insights.length > shownFirst ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setShowAll(!showAll);
          }}
        >
          {showAll ? t('controlTower.insights.showFewer') : t('controlTower.insights.showAll', { count: insights.length })}
        </button>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { OpenEscalationCounts } from '@shared/kpi/controlTower';
import { selectNavigate, useUiStore } from '../../state/uiStore';

/** Shows the open escalations by level, each count a link to the Escalations screen. */
export function EscalationsSummary({ counts }: { readonly counts: OpenEscalationCounts }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const levels = [
    { level: 3, name: t('escalations.levelNames.level3') },
    { level: 2, name: t('escalations.levelNames.level2') },
    { level: 1, name: t('escalations.levelNames.level1') },
  ] as const;
  const open = () => {
    navigate({ name: 'escalations' });
  };

  return (
    <section className="panel" aria-labelledby="open-escalations-title" data-testid="control-tower-escalations">
      <h2 id="open-escalations-title">{t('controlTower.escalations.title')}</h2>
      {counts.total === 0 ? <p className="muted">{t('controlTower.escalations.none')}</p> : null}
      <div className="stats">
        {levels.map(({ level, name }) => (
          <div className="stat" key={level} data-testid={`escalations-level-${String(level)}`}>
            <strong>{counts.byLevel[level]}</strong>
            <button type="button" className="link-button" onClick={open}>
              {t('controlTower.escalations.level', { level, name })}
            </button>
          </div>
        ))}
      </div>
      {counts.overdue > 0 ? (
        <p className="breach" data-testid="escalations-overdue">
          {t('controlTower.escalations.overdue', { count: counts.overdue })}
        </p>
      ) : null}
    </section>
  );
}

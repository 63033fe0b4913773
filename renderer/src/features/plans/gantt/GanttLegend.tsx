/**
 * Legend of the Gantt chart. Each entry shows the mark in the chart's own colours and describes
 * in words what sets it apart, so the critical path does not depend on colour alone.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ganttColors } from './ganttOption';

const swatches = {
  task: { background: ganttColors.bar, boxShadow: `inset 0 -5px 0 ${ganttColors.barProgress}` },
  critical: { background: ganttColors.critical, outline: `2px solid ${ganttColors.criticalOutline}`, outlineOffset: '-2px' },
  summary: { background: ganttColors.summary, height: '0.4rem' },
  milestone: { background: ganttColors.milestone, width: '0.7rem', height: '0.7rem', transform: 'rotate(45deg)' },
  baseline: { background: ganttColors.baseline, height: '0.35rem' },
  today: { borderLeft: `2px dashed ${ganttColors.today}`, width: '0.2rem', height: '1rem' },
  nonWorking: { background: ganttColors.shade, border: `1px solid ${ganttColors.rowLine}` },
} satisfies Record<string, CSSProperties>;

export function GanttLegend({ showBaseline }: { readonly showBaseline: boolean }) {
  const { t } = useTranslation();
  const entries = (['task', 'critical', 'summary', 'milestone', 'baseline', 'today', 'nonWorking'] as const).filter(
    (entry) => entry !== 'baseline' || showBaseline,
  );
  return (
    <ul className="gantt-legend" aria-label={t('gantt.legend.label')}>
      {entries.map((entry) => (
        <li key={entry}>
          <span className="gantt-swatch" style={swatches[entry]} aria-hidden="true" />
          {t(`gantt.legend.${entry}`)}
        </li>
      ))}
    </ul>
  );
}

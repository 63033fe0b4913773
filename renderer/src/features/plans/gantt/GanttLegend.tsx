/**
 * Legend of the Gantt chart. Each entry shows the mark in the chart's own colours and describes
 * in words what sets it apart, so the critical path does not depend on colour alone. It also
 * spells out the units of the grid (wd, cd) and how a dropped link picks its type.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ganttColors } from './ganttOption';

/** Calendar whose non-working days the chart shades, as the legend names it. */
export interface ShadingNote {
  readonly calendar: string;
  /** True when it is the selected task's own calendar rather than the plan calendar. */
  readonly fromTask: boolean;
}

const swatches = {
  task: { background: ganttColors.bar, boxShadow: `inset 0 -5px 0 ${ganttColors.barProgress}` },
  critical: { background: ganttColors.critical, outline: `2px solid ${ganttColors.criticalOutline}`, outlineOffset: '-2px' },
  summary: { background: ganttColors.summary, height: '0.4rem' },
  milestone: { background: ganttColors.milestone, width: '0.7rem', height: '0.7rem', transform: 'rotate(45deg)' },
  baseline: { background: ganttColors.baseline, height: '0.35rem' },
  today: { borderLeft: `2px dashed ${ganttColors.today}`, width: '0.2rem', height: '1rem' },
  constraint: {
    width: '0.5rem',
    height: '1rem',
    borderLeft: `2px solid ${ganttColors.constraint}`,
    background: `linear-gradient(to bottom right, ${ganttColors.constraint} 50%, transparent 50%) no-repeat 0 0 / 0.45rem 0.4rem`,
  },
  nonWorking: { background: ganttColors.shade, border: `1px solid ${ganttColors.rowLine}` },
} satisfies Record<string, CSSProperties>;

type MarkEntry = keyof typeof swatches;
/** Entries that explain in words only. */
type TextEntry = 'workingDays' | 'calendarDays' | 'linking';

export function GanttLegend({ showBaseline, shading }: { readonly showBaseline: boolean; readonly shading: ShadingNote | null }) {
  const { t } = useTranslation();
  const marks = (['task', 'critical', 'summary', 'milestone', 'baseline', 'today', 'constraint', 'nonWorking'] as const).filter(
    (entry: MarkEntry) => (entry !== 'baseline' || showBaseline) && (entry !== 'nonWorking' || shading !== null),
  );
  const words: readonly TextEntry[] = ['workingDays', 'calendarDays', 'linking'];
  const describe = (entry: MarkEntry): string => {
    if (entry !== 'nonWorking') return t(`gantt.legend.${entry}`);
    if (shading === null) return '';
    return t(shading.fromTask ? 'gantt.legend.nonWorkingTask' : 'gantt.legend.nonWorkingPlan', { calendar: shading.calendar });
  };
  return (
    <ul className="gantt-legend" aria-label={t('gantt.legend.label')} data-testid="gantt-legend">
      {marks.map((entry) => (
        <li key={entry}>
          <span className="gantt-swatch" style={swatches[entry]} aria-hidden="true" />
          {describe(entry)}
        </li>
      ))}
      {words.map((entry) => (
        <li key={entry}>{t(`gantt.legend.${entry}`)}</li>
      ))}
    </ul>
  );
}

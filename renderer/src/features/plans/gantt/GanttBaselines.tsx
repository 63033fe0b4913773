/**
 * Baselines in the Gantt view: save the current schedule under a name, choose a saved baseline
 * to compare with, and read how far the plan finish (the end milestone) moved against it. A
 * rejected name is reported in the view's status line, which the name field points to.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineData } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import type { WithId } from '@shared/schedule/model';
import { userLocale } from '../../../locale';
import type { BaselineComparison, GanttModel } from './ganttModel';
import type { GanttText } from './useGanttText';

export interface GanttBaselinesProps {
  readonly model: GanttModel;
  readonly baselines: readonly WithId<BaselineData>[];
  readonly selectedId: Id | null;
  readonly comparison: BaselineComparison | null;
  readonly text: GanttText;
  /** Id of the view's status line, which shows why a name was rejected. */
  readonly messageId: string;
  /** True while the status line shows a rejected name. */
  readonly invalidName: boolean;
  readonly onSelect: (baselineId: Id | null) => void;
  /** Saves a baseline under `name`; returns false when the name was rejected. */
  readonly onSave: (name: string) => boolean;
}

function takenOn(baseline: WithId<BaselineData>): string {
  const instant = new Date(baseline.takenAt);
  // `takenAt` is an instant, so it is shown in the user's own time zone.
  return Number.isNaN(instant.getTime()) ? baseline.takenAt : new Intl.DateTimeFormat(userLocale, { dateStyle: 'medium' }).format(instant);
}

export function GanttBaselines(props: GanttBaselinesProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  // Newest first. `takenAt` is a UTC ISO string, so text order is time order.
  const sorted = [...props.baselines].sort((left, right) => right.takenAt.localeCompare(left.takenAt, 'en'));

  return (
    <div className="gantt-baselines">
      <form
        className="gantt-baseline-form"
        aria-label={t('gantt.baseline.saveForm')}
        onSubmit={(event) => {
          event.preventDefault();
          if (props.onSave(name.trim())) setName('');
        }}
      >
        <label>
          {t('gantt.baseline.name')}
          <input
            value={name}
            placeholder={t('gantt.baseline.namePlaceholder')}
            aria-invalid={props.invalidName}
            aria-describedby={props.invalidName ? props.messageId : undefined}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </label>
        <button type="submit" className="button">
          {t('gantt.baseline.save')}
        </button>
      </form>
      <label className="gantt-baseline-picker">
        {t('gantt.baseline.compare')}
        <select
          value={props.selectedId ?? ''}
          onChange={(event) => {
            props.onSelect(event.target.value === '' ? null : event.target.value);
          }}
        >
          <option value="">{t('gantt.baseline.none')}</option>
          {sorted.map((baseline) => (
            <option key={baseline.id} value={baseline.id}>
              {t('gantt.baseline.option', { name: baseline.name, date: takenOn(baseline) })}
            </option>
          ))}
        </select>
      </label>
      <FinishVariance model={props.model} comparison={props.comparison} text={props.text} />
    </div>
  );
}

function FinishVariance(props: { readonly model: GanttModel; readonly comparison: BaselineComparison | null; readonly text: GanttText }) {
  const { t } = useTranslation();
  const { comparison, model, text } = props;
  if (comparison === null || model.schedule === null) return null;
  const values = {
    finish: text.grid.date(model.schedule.planFinish),
    baseline: comparison.baseline.name,
    baselineFinish: text.grid.date(comparison.baseline.planFinish),
    count: Math.abs(comparison.planFinishVariance),
  };
  const variance = comparison.planFinishVariance;
  const sentence =
    variance > 0
      ? t('gantt.baseline.finishLater', values)
      : variance < 0
        ? t('gantt.baseline.finishEarlier', values)
        : t('gantt.baseline.finishSame', values);
  return (
    <p className={variance > 0 ? 'gantt-finish-variance late' : 'gantt-finish-variance'} data-testid="gantt-finish-variance">
      {sentence}
    </p>
  );
}

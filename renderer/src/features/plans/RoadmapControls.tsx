/**
 * Controls of the roadmap: the date range that picks the plans on the chart, the zoom buttons
 * (the keyboard's way to zoom, next to the chart's slider), and the note on the plans that the
 * range leaves out.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDate, Id } from '@shared/domain/types';
import { isCalendarDate } from '@shared/schedule/days';
import { userLocale } from '../../locale';
import { errorAttributes, FieldError } from '../../components/FieldError';
import { planDateText } from './planList';
import type { RoadmapRow } from './roadmapOption';
import { zoomChanges } from './roadmapRange';
import type { RoadmapRange, RoadmapRangeMode, ZoomAction, ZoomWindow } from './roadmapRange';

const rangeModes: readonly RoadmapRangeMode[] = ['current', 'all', 'custom'];

function isRangeMode(value: string): value is RoadmapRangeMode {
  return rangeModes.some((mode) => mode === value);
}

/** Returns the date of a date input, or `null` when it is empty or not yet a whole date. */
function dateOrNull(value: string): CalendarDate | null {
  return isCalendarDate(value) ? value : null;
}

interface RangeControlsProps {
  readonly range: RoadmapRange;
  /** Whether the custom range ends before it starts. */
  readonly reversed: boolean;
  /** First day that the `current` range keeps plans from. */
  readonly cutOff: CalendarDate;
  readonly onChange: (range: RoadmapRange) => void;
}

/** Picker of the roadmap's date range, with the first and last day of a custom range. */
export function RoadmapRangeControls({ range, reversed, cutOff, onChange }: RangeControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const reversedText =
    reversed && range.from !== null ? t('plans.roadmap.rangeReversed', { from: planDateText(range.from, userLocale) }) : undefined;

  return (
    <div className="toolbar" role="group" aria-label={t('plans.roadmap.rangeGroup')}>
      <label>
        {t('plans.roadmap.rangeLabel')}
        <select
          value={range.mode}
          data-testid="roadmap-range"
          onChange={(event) => {
            const mode = event.target.value;
            if (isRangeMode(mode)) onChange({ ...range, mode });
          }}
        >
          {rangeModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`plans.roadmap.ranges.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      {range.mode === 'custom' ? (
        <>
          <label>
            {t('plans.roadmap.fromLabel')}
            <input
              type="date"
              value={range.from ?? ''}
              onChange={(event) => {
                onChange({ ...range, from: dateOrNull(event.target.value) });
              }}
            />
          </label>
          <div>
            <label>
              {t('plans.roadmap.toLabel')}
              <input
                type="date"
                value={range.to ?? ''}
                {...errorAttributes(`${id}-to-error`, reversedText)}
                onChange={(event) => {
                  onChange({ ...range, to: dateOrNull(event.target.value) });
                }}
              />
            </label>
            <FieldError id={`${id}-to-error`} problem={reversedText} />
          </div>
        </>
      ) : null}
      {range.mode === 'current' ? (
        <p className="muted">{t('plans.roadmap.currentNote', { date: planDateText(cutOff, userLocale) })}</p>
      ) : null}
    </div>
  );
}

const zoomActions: readonly ZoomAction[] = ['in', 'out', 'earlier', 'later', 'reset'];

interface ZoomButtonsProps {
  readonly zoom: ZoomWindow;
  /** Length of the time axis in days, which limits how far zooming in goes. */
  readonly axisDays: number;
  /** Id of the chart that the buttons zoom. */
  readonly chartId: string;
  /** Sentence with the first and last day in view. */
  readonly showing: string;
  readonly onZoom: (action: ZoomAction) => void;
}

/** Buttons that zoom and move the roadmap's time axis, and the dates in view, which a screen reader announces. */
export function RoadmapZoomButtons({ zoom, axisDays, chartId, showing, onZoom }: ZoomButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar" role="group" aria-label={t('plans.roadmap.zoomGroup')}>
      {zoomActions.map((action) => (
        <button
          key={action}
          type="button"
          className="button"
          aria-controls={chartId}
          disabled={!zoomChanges(zoom, action, axisDays)}
          onClick={() => {
            onZoom(action);
          }}
        >
          {t(`plans.roadmap.zoom.${action}`)}
        </button>
      ))}
      <span className="muted" role="status" data-testid="roadmap-showing">
        {showing}
      </span>
    </div>
  );
}

interface OutsideProps {
  readonly outside: readonly RoadmapRow[];
  readonly onShowAll: () => void;
  readonly onOpen: (planId: Id) => void;
}

/** Says how many plans the range leaves out, lists them on request, and offers to show every plan. */
export function RoadmapOutside({ outside, onShowAll, onOpen }: OutsideProps) {
  const { t } = useTranslation();
  if (outside.length === 0) return null;
  return (
    <div data-testid="roadmap-outside">
      <details>
        <summary>{t('plans.roadmap.outside', { count: outside.length })}</summary>
        <ul className="rfp-list">
          {outside.map((row) => (
            <li key={row.planId}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onOpen(row.planId);
                }}
              >
                {row.title}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <button type="button" className="button" onClick={onShowAll}>
        {t('plans.roadmap.showAll')}
      </button>
    </div>
  );
}

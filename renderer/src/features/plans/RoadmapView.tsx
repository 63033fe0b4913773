import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDate, Id } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { planDateText } from './planList';
import type { PlanOwnerNames, ScheduledPlan } from './planList';
import { RoadmapChart } from './RoadmapChart';
import { RoadmapOutside, RoadmapRangeControls, RoadmapZoomButtons } from './RoadmapControls';
import { axisDays, buildRoadmapOption, localToday, roadmapAxis, roadmapHeight, roadmapRows, visibleDates } from './roadmapOption';
import {
  axisLimits,
  defaultRoadmapRange,
  fullZoom,
  rangeLimits,
  rangeReversed,
  splitByRange,
  yearBefore,
  zoomWindow,
} from './roadmapRange';
import type { RoadmapRange, ZoomAction, ZoomWindow } from './roadmapRange';

interface RoadmapViewProps {
  readonly scheduled: readonly ScheduledPlan[];
  /** Names of the providers and contracts that the tooltips show. */
  readonly names: PlanOwnerNames;
  readonly onOpen: (planId: Id) => void;
}

/**
 * Shows the plans of the portfolio on one timeline, with a list of the plans for keyboard and
 * screen reader users. A date range picks the plans (at first those not finished more than a year
 * ago), and buttons and a slider zoom the time axis.
 */
export function RoadmapView({ scheduled, names, onOpen }: RoadmapViewProps) {
  const { t } = useTranslation();
  const chartId = useId();
  const [range, setRange] = useState<RoadmapRange>(defaultRoadmapRange);
  const [zoom, setZoom] = useState<ZoomWindow>(fullZoom);
  // NOTE: today is read once per visit to the roadmap, so a screen left open past midnight keeps the day before.
  const [today] = useState<CalendarDate>(() => localToday());

  const sorted = useMemo(
    () =>
      [...scheduled].sort(
        (a, b) =>
          (a.schedule?.planStart ?? '9999').localeCompare(b.schedule?.planStart ?? '9999') || a.plan.title.localeCompare(b.plan.title),
      ),
    [scheduled],
  );
  const allRows = useMemo(() => roadmapRows(sorted, names), [sorted, names]);
  const reversed = rangeReversed(range);
  const { inside, outside } = useMemo(() => splitByRange(allRows, rangeLimits(range, today)), [allRows, range, today]);
  const axis = useMemo(() => roadmapAxis(inside, today, axisLimits(range)), [inside, today, range]);
  const option = useMemo(
    () =>
      buildRoadmapOption(
        inside,
        {
          today: t('plans.roadmap.today'),
          phases: t('plans.roadmap.phases'),
          milestones: t('plans.roadmap.milestones'),
          barTooltip: t('plans.roadmap.barTooltip'),
          milestoneTooltip: t('plans.roadmap.milestoneTooltip'),
          providerTooltip: t('plans.roadmap.providerTooltip'),
          contractTooltip: t('plans.roadmap.contractTooltip'),
          description: t('plans.roadmap.description', { count: inside.length }),
          date: (date) => planDateText(date, userLocale),
        },
        today,
        axis,
      ),
    [inside, t, today, axis],
  );

  const changeRange = (next: RoadmapRange) => {
    setRange(next);
    setZoom(fullZoom);
  };
  const zoomBy = (action: ZoomAction) => {
    setZoom((current) => zoomWindow(current, action, axisDays(axis)));
  };
  const inView = visibleDates(axis, zoom);

  if (allRows.length === 0) return <p className="muted">{t('plans.none')}</p>;
  return (
    <section aria-label={t('plans.roadmap.label')} data-testid="roadmap">
      <p className="muted">{t('plans.roadmap.hint')}</p>
      <RoadmapRangeControls range={range} reversed={reversed} cutOff={yearBefore(today)} onChange={changeRange} />
      {reversed ? null : (
        <>
          {inside.length === 0 ? (
            <p className="muted">{t('plans.roadmap.noneInRange')}</p>
          ) : (
            <>
              <RoadmapZoomButtons
                zoom={zoom}
                axisDays={axisDays(axis)}
                chartId={chartId}
                showing={t('plans.roadmap.showing', {
                  from: planDateText(inView.from, userLocale),
                  to: planDateText(inView.to, userLocale),
                })}
                onZoom={zoomBy}
              />
              <RoadmapChart
                id={chartId}
                option={option}
                height={roadmapHeight(inside.length)}
                label={t('plans.roadmap.label')}
                zoom={zoom}
                onZoom={setZoom}
                onOpen={onOpen}
              />
            </>
          )}
          <RoadmapOutside
            outside={outside}
            onShowAll={() => {
              changeRange({ ...range, mode: 'all' });
            }}
            onOpen={onOpen}
          />
          <ul className="rfp-list" aria-label={t('plans.roadmap.listLabel')}>
            {inside.map((row) => (
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
                {row.unscheduled ? <span className="muted"> {t('plans.roadmap.unscheduled')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

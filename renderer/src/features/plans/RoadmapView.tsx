import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import type { PlanOwnerNames, ScheduledPlan } from './planList';
import { RoadmapChart } from './RoadmapChart';
import { buildRoadmapOption, localToday, roadmapHeight, roadmapRows } from './roadmapOption';

interface RoadmapViewProps {
  readonly scheduled: readonly ScheduledPlan[];
  /** Names of the providers and contracts that the tooltips show. */
  readonly names: PlanOwnerNames;
  readonly onOpen: (planId: Id) => void;
}

/** Shows every plan of the portfolio on one timeline, with a list of the plans for keyboard and screen reader users. */
export function RoadmapView({ scheduled, names, onOpen }: RoadmapViewProps) {
  const { t } = useTranslation();
  const sorted = useMemo(
    () =>
      [...scheduled].sort(
        (a, b) =>
          (a.schedule?.planStart ?? '9999').localeCompare(b.schedule?.planStart ?? '9999') || a.plan.title.localeCompare(b.plan.title),
      ),
    [scheduled],
  );
  const rows = useMemo(() => roadmapRows(sorted, names), [sorted, names]);
  const option = useMemo(
    () =>
      buildRoadmapOption(
        rows,
        {
          today: t('plans.roadmap.today'),
          phases: t('plans.roadmap.phases'),
          milestones: t('plans.roadmap.milestones'),
          barTooltip: t('plans.roadmap.barTooltip'),
          milestoneTooltip: t('plans.roadmap.milestoneTooltip'),
          providerTooltip: t('plans.roadmap.providerTooltip'),
          contractTooltip: t('plans.roadmap.contractTooltip'),
          description: t('plans.roadmap.description', { count: rows.length }),
        },
        localToday(),
      ),
    [rows, t],
  );

  if (rows.length === 0) return <p className="muted">{t('plans.none')}</p>;
  return (
    <section aria-label={t('plans.roadmap.label')} data-testid="roadmap">
      <p className="muted">{t('plans.roadmap.hint')}</p>
      <RoadmapChart option={option} height={roadmapHeight(rows.length)} label={t('plans.roadmap.label')} onOpen={onOpen} />
      <ul className="rfp-list" aria-label={t('plans.roadmap.listLabel')}>
        {rows.map((row) => (
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
    </section>
  );
}

/**
 * The Governance screen: meetings with their cadences, the decision log, action items, and the
 * calendar, workload and activity views, as tabs. The tab and the open meeting live in the UI
 * store, so a reload shows the same place.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../db/escalations';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import type { GovernanceTab } from '../../state/uiStore';
import { ActivityView } from '../audit/ActivityView';
import { CalendarView } from '../calendar/CalendarView';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { WorkloadView } from '../workload/WorkloadView';
import { ActionsTab } from './ActionsTab';
import { DecisionLog } from './DecisionLog';
import { MeetingDetail } from './MeetingDetail';
import { MeetingsTab } from './MeetingsTab';
import { useGovernanceData } from './useGovernanceData';
import './meetings.css';

const tabs: readonly GovernanceTab[] = ['meetings', 'decisions', 'actions', 'calendar', 'workload', 'activity'];

interface GovernanceScreenProps {
  readonly portfolio: PortfolioData;
  readonly tab: GovernanceTab;
  /** Meeting open on the Meetings tab, or `null` for the list. */
  readonly meetingId: string | null;
}

export function GovernanceScreen({ portfolio, tab, meetingId }: GovernanceScreenProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const data = useGovernanceData();
  // The user's own calendar day: meetings and due dates are local dates.
  const today = localDateOf(new Date().toISOString());

  const select = (next: GovernanceTab) => {
    navigate({ name: 'governance', tab: next });
  };
  const openMeeting = (id: string) => {
    navigate({ name: 'governance', tab: 'meetings', meetingId: id });
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowLeft: -1 };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] ?? 'meetings';
    select(next);
    requestAnimationFrame(() => {
      document.getElementById(`governance-tab-${next}`)?.focus();
    });
  };

  const meeting = meetingId === null ? undefined : data?.meetings.find((candidate) => candidate.id === meetingId);

  return (
    <section aria-labelledby="governance-title" className="governance">
      <h1 id="governance-title">{t('meetings.screenTitle')}</h1>
      <div role="tablist" aria-label={t('meetings.tabs.label')} className="tabs" onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`governance-tab-${name}`}
            aria-selected={name === tab}
            aria-controls="governance-tab-panel"
            tabIndex={name === tab ? 0 : -1}
            onClick={() => {
              select(name);
            }}
          >
            {t(`meetings.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="governance-tab-panel" aria-labelledby={`governance-tab-${tab}`} className="tab-panel">
        {data === undefined && (tab === 'meetings' || tab === 'decisions' || tab === 'actions') ? (
          <p className="muted">{t('app.loading')}</p>
        ) : null}
        {data !== undefined && tab === 'meetings' && meetingId !== null && meeting === undefined ? (
          <p className="alert error" role="alert">
            {t('meetings.detail.notFound')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                select('meetings');
              }}
            >
              {t('meetings.detail.back')}
            </button>
          </p>
        ) : null}
        {data !== undefined && tab === 'meetings' && meeting !== undefined ? (
          <MeetingDetail
            key={meeting.id}
            meeting={meeting}
            portfolio={portfolio}
            data={data}
            today={today}
            onBack={() => {
              select('meetings');
            }}
          />
        ) : null}
        {data !== undefined && tab === 'meetings' && meetingId === null ? (
          <MeetingsTab data={data} providers={portfolio.providers} today={today} onOpenMeeting={openMeeting} />
        ) : null}
        {data !== undefined && tab === 'decisions' ? (
          <DecisionLog data={data} providers={portfolio.providers} onOpenMeeting={openMeeting} />
        ) : null}
        {data !== undefined && tab === 'actions' ? <ActionsTab data={data} providers={portfolio.providers} today={today} /> : null}
        {tab === 'calendar' ? <CalendarView /> : null}
        {tab === 'workload' ? <WorkloadView /> : null}
        {tab === 'activity' ? <ActivityView /> : null}
      </div>
    </section>
  );
}

/**
 * The header's notification button: how many escalation events are new since this device last
 * marked the open portfolio's notifications as read, and a list of them linking to each
 * escalation. Mounting it also starts the escalation rule run in the control tower worker, so the
 * rules run whenever a portfolio opens.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { selectMarkNotificationsSeen, selectNavigate, selectNotificationsSeenAt, selectPortfolioId, useUiStore } from '../../state/uiStore';
import { levelName, levelNamesOf, newNotificationEvents } from '../escalations/escalationView';
import type { LevelNames } from '../escalations/escalationView';
import { ComingUp } from '../calendar/ComingUp';
import { useEscalationRuleRun } from '../escalations/useEscalationData';
import '../escalations/escalations.css';
import { usePortfolioDb } from '../portfolio/portfolioContext';

/** Items listed at most; the rest is counted. */
const listedItems = 30;

export function NotificationsButton() {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const portfolioId = useUiStore(selectPortfolioId);
  const seenAt = useUiStore(selectNotificationsSeenAt);
  const markSeen = useUiStore(selectMarkNotificationsSeen);
  const navigate = useUiStore(selectNavigate);
  const [open, setOpen] = useState(false);
  useEscalationRuleRun();

  // The events are counted once the window is idle: on a large portfolio they are thousands of
  // records, and reading them while the opening screen reads its own data would delay it.
  const idle = useIdle();
  const events = useLiveQuery(async () => (idle ? await db.escalationEvents.toArray() : undefined), [db, idle]);
  // The records behind each item's words are read only while the list is open: on a large
  // portfolio they are thousands of records that every app start would otherwise read.
  const details = useLiveQuery(async () => {
    if (!open) return null;
    const [escalations, serviceLevels, providers, kpis] = await Promise.all([
      db.escalations.toArray(),
      db.serviceLevels.toArray(),
      db.providers.toArray(),
      db.kpis.toArray(),
    ]);
    return { escalations, serviceLevels, providers, kpis };
  }, [db, open]);

  const lastSeen = portfolioId === null ? null : (seenAt[portfolioId] ?? null);
  const fresh = useMemo(() => newNotificationEvents(events ?? [], lastSeen), [events, lastSeen]);
  const names = useMemo(
    () => (details === undefined || details === null ? new Map<string, LevelNames>() : levelNamesOf(t, details.serviceLevels, details.providers, details.kpis)),
    [t, details],
  );
  const escalations = useMemo(() => new Map((details?.escalations ?? []).map((escalation) => [escalation.id, escalation])), [details]);

  const itemText = (event: (typeof fresh)[number]): string => {
    const escalation = escalations.get(event.escalationId);
    const levelNames = escalation === undefined ? undefined : names.get(escalation.serviceLevelId);
    const provider = levelNames?.provider ?? t('escalations.unknownProvider');
    const kpi = levelNames?.kpi ?? t('escalations.unknownKpi');
    const month = event.period === null ? '' : formatPeriod(event.period, userLocale, 'long');
    if (event.kind === 'opened') return t('notifications.items.opened', { provider, kpi, level: event.level, month });
    if (event.kind === 'repeatMiss') return t('notifications.items.repeatMiss', { provider, kpi, month });
    return t('notifications.items.raised', { provider, kpi, level: event.level, levelName: levelName(t, event.level) });
  };

  return (
    <div className="notifications">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        data-testid="notifications-button"
        aria-label={fresh.length === 0 ? t('notifications.button') : t('notifications.buttonCount', { count: fresh.length })}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {t('notifications.button')}
        {fresh.length === 0 ? null : (
          <span className="notifications-count" data-testid="notifications-count" aria-hidden="true">
            {fresh.length}
          </span>
        )}
      </button>
      {open ? (
        <div id="notifications-panel" className="notifications-panel" role="region" aria-label={t('notifications.title')} data-testid="notifications-panel">
          <h2>{t('notifications.title')}</h2>
          {fresh.length === 0 ? (
            <p className="muted">{t('notifications.empty')}</p>
          ) : details === undefined || details === null ? (
            <p className="muted">{t('app.loading')}</p>
          ) : (
            <ul>
              {fresh.slice(0, listedItems).map((event) => (
                <li key={event.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setOpen(false);
                      navigate({ name: 'escalations', escalationId: event.escalationId });
                    }}
                  >
                    {itemText(event)}
                  </button>
                </li>
              ))}
              {fresh.length > listedItems ? <li className="muted">{t('notifications.more', { count: fresh.length - listedItems })}</li> : null}
            </ul>
          )}
          <button
            type="button"
            className="button"
            disabled={fresh.length === 0 || portfolioId === null}
            onClick={() => {
              if (portfolioId === null) return;
              // The newest listed instant rather than now, so an event merged later with an instant after it still shows as new.
              // NOTE: an event merged from another laptop with an instant before this mark never shows as new.
              markSeen(portfolioId, fresh[0]?.at ?? new Date().toISOString());
            }}
          >
            {t('notifications.markAllRead')}
          </button>
          <ComingUp
            onNavigate={() => {
              setOpen(false);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Maximum wait for an idle period before the count is read anyway, in ms. */
const idleTimeoutMs = 2_000;

/** Returns `false` until the browser first reports an idle period (or `idleTimeoutMs` has passed), then `true`. */
function useIdle(): boolean {
  // Without `requestIdleCallback` there is nothing to wait for.
  const [idle, setIdle] = useState(() => typeof requestIdleCallback !== 'function');
  useEffect(() => {
    if (idle) return;
    const handle = requestIdleCallback(
      () => {
        setIdle(true);
      },
      { timeout: idleTimeoutMs },
    );
    return () => {
      cancelIdleCallback(handle);
    };
  }, [idle]);
  return idle;
}

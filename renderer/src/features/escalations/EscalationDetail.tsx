/** Details of one escalation: its facts, its history in sentences, and the actions a person can take. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escalation, EscalationEvent } from '@shared/domain/escalation';
import type { KpiDefinition, Measurement, ServiceLevel } from '@shared/domain/types';
import { compareEvents } from '@shared/kpi/escalationRules';
import { getDeviceContext } from '../../db/catalogue';
import { applyManualEscalationAction, manualActionProblem } from '../../db/escalations';
import type { ManualEscalationAction } from '../../db/escalations';
import { describeAppError } from '../../errorMessage';
import { translateDynamic } from '../../i18n/dynamic';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { EscalationRow, HistoryContext } from './escalationView';
import { describeEscalationEvent, formatCalendarDate, levelName } from './escalationView';

interface EscalationDetailProps {
  readonly row: EscalationRow;
  readonly escalation: Escalation;
  readonly events: readonly EscalationEvent[];
  readonly kpi: KpiDefinition | null;
  readonly serviceLevel: ServiceLevel | null;
  readonly measurements: readonly Measurement[];
  readonly onClose: () => void;
}

export function EscalationDetail(props: EscalationDetailProps) {
  const { row, escalation, kpi, serviceLevel, onClose } = props;
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [owner, setOwner] = useState(escalation.owner);
  const [dueDate, setDueDate] = useState(escalation.dueDate);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const history: HistoryContext = {
    kpi,
    serviceLevel,
    results: new Map(props.measurements.map((measurement) => [measurement.period, measurement])),
    locale: userLocale,
  };
  const events = [...props.events].sort(compareEvents);
  const open = escalation.status === 'open';

  const act = async (action: ManualEscalationAction) => {
    const invalid = manualActionProblem(escalation, action);
    if (invalid !== null) {
      setProblem(translateDynamic(t, `escalations.invalid.${invalid}`));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await applyManualEscalationAction(db, escalation.id, action, await getDeviceContext());
      if (action.kind !== 'setOwner' && action.kind !== 'setDueDate') setNote('');
    } catch (thrown) {
      setProblem(describeAppError(t, toAppError(thrown, `Escalation ${action.kind} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel escalation-detail" aria-labelledby="escalation-detail-title" data-testid="escalation-detail">
      <h2 id="escalation-detail-title">{t('escalations.detail.title', { kpi: row.kpiName, provider: row.providerName })}</h2>
      <dl>
        <dt>{t('escalations.columns.level')}</dt>
        <dd data-testid="escalation-level">{t('escalations.levelLabel', { level: escalation.level, name: levelName(t, escalation.level) })}</dd>
        <dt>{t('escalations.columns.status')}</dt>
        <dd>{t(`escalations.statuses.${escalation.status}`)}</dd>
        <dt>{t('escalations.columns.owner')}</dt>
        <dd data-testid="escalation-owner">{escalation.owner === '' ? t('escalations.noOwner') : escalation.owner}</dd>
        <dt>{t('escalations.columns.dueDate')}</dt>
        <dd className={row.overdue ? 'overdue' : undefined}>
          {formatCalendarDate(escalation.dueDate, userLocale)}
          {row.overdue ? ` (${t('escalations.overdue')})` : ''}
        </dd>
        <dt>{t('escalations.columns.openedPeriod')}</dt>
        <dd>
          {row.ageDays === 0
            ? t('escalations.detail.openedToday', { month: formatPeriod(escalation.openedPeriod, userLocale, 'long') })
            : t('escalations.detail.opened', {
                month: formatPeriod(escalation.openedPeriod, userLocale, 'long'),
                age: t('escalations.ageDays', { count: row.ageDays }),
              })}
        </dd>
      </dl>

      <h3>{t('escalations.detail.history')}</h3>
      <ol className="escalation-history" data-testid="escalation-history">
        {events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{new Date(event.at).toLocaleString(userLocale, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            {describeEscalationEvent(t, event, history)}
          </li>
        ))}
      </ol>

      <h3>{t('escalations.detail.actions')}</h3>
      <div className="escalation-actions">
        <div className="inline-field">
          <label>
            {t('escalations.actions.owner')}
            <input
              value={owner}
              onChange={(event) => {
                setOwner(event.target.value);
              }}
            />
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'setOwner', owner })}>
            {t('escalations.actions.saveOwner')}
          </button>
        </div>
        <div className="inline-field">
          <label>
            {t('escalations.actions.dueDate')}
            <input
              type="date"
              value={dueDate}
              onChange={(event) => {
                setDueDate(event.target.value);
              }}
            />
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'setDueDate', dueDate })}>
            {t('escalations.actions.saveDueDate')}
          </button>
        </div>
        <label>
          {t('escalations.actions.note')}
          <textarea
            rows={3}
            value={note}
            aria-describedby="escalation-note-hint"
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
        </label>
        <p id="escalation-note-hint" className="muted">
          {t('escalations.actions.noteHint')}
        </p>
        {problem === null ? null : (
          <p className="alert error" role="alert" data-testid="escalation-problem">
            {problem}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'note', note })}>
            {t('escalations.actions.addNote')}
          </button>
          {open && escalation.level < 3 ? (
            <button type="button" className="button primary" disabled={busy} onClick={() => void act({ kind: 'raise', note })}>
              {t('escalations.actions.raise', { level: escalation.level + 1 })}
            </button>
          ) : null}
          {open && escalation.level > 1 ? (
            <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'lower', note })}>
              {t('escalations.actions.lower', { level: escalation.level - 1 })}
            </button>
          ) : null}
          {open ? (
            <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'close', note })}>
              {t('escalations.actions.close')}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => void act({ kind: 'reopen', note })}>
              {t('escalations.actions.reopen')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('escalations.detail.close')}
          </button>
        </div>
      </div>
    </section>
  );
}

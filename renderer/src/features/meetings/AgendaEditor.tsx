/**
 * A meeting's agenda. "Draft agenda" adds a line for each record the meeting should discuss that
 * is not on the agenda yet. Lines can be edited, moved, removed and typed, and every change is
 * saved at once. A drafted line links to its record.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '@shared/domain/governance';
import { draftAgenda, riskChangesFor } from '@shared/governance/agendaDraft';
import { checkAgendaText, maxTextLength } from '@shared/forms/meeting';
import type { MeetingFormIssue } from '@shared/forms/meeting';
import { getDeviceContext } from '../../db/catalogue';
import { localDateOf } from '../../db/escalations';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import type { Screen } from '../../state/uiStore';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { agendaTexts } from './agendaTexts';
import { FormField } from './FormField';
import { moveItem } from './meetingLists';
import { updateMeeting } from './meetingWrites';
import { meetingUndoLabel } from './undoLabels';
import type { GovernanceData } from './useGovernanceData';

interface AgendaEditorProps {
  readonly meeting: Meeting;
  readonly portfolio: PortfolioData;
  readonly data: GovernanceData;
}

/** Returns where a drafted line's link goes: the escalation, the provider's page for a service level, the risk register filtered to the provider, or the action list. */
function recordScreen(item: AgendaItem, meeting: Meeting): Screen | null {
  if (item.recordId === null) return null;
  switch (item.source) {
    case 'escalation':
      return { name: 'escalations', escalationId: item.recordId };
    case 'serviceLevel':
    case 'noticeDeadline':
      return { name: 'provider', providerId: meeting.providerId };
    case 'risk':
      return { name: 'risks', providerId: meeting.providerId };
    case 'action':
      return { name: 'governance', tab: 'actions' };
    case 'note':
      return null;
  }
}

function sameRecord(a: AgendaItem, b: AgendaItem): boolean {
  return a.recordId !== null && a.source === b.source && a.recordId === b.recordId;
}

export function AgendaEditor({ meeting, portfolio, data }: AgendaEditorProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const formId = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editingIndex, setEditingIndex] = useState<number | null>(null);
  const [editText, setEditText] = useState('');
  const [editIssues, setEditIssues] = useState<readonly MeetingFormIssue[]>([]);
  const [newText, setNewText] = useState('');
  const [newIssues, setNewIssues] = useState<readonly MeetingFormIssue[]>([]);

  const save = async (agenda: readonly AgendaItem[]): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      const label = meetingUndoLabel(t, 'undo.label.meetingAgenda', meeting);
      await recordUndoable(db, label, await getDeviceContext(), (context) => updateMeeting(db, meeting.id, { agenda }, context));
      return true;
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the agenda of meeting ${meeting.id} failed`)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const draft = async () => {
    const drafted = draftAgenda(
      {
        meeting,
        escalations: data.escalations,
        serviceLevels: portfolio.serviceLevels,
        kpis: portfolio.kpis,
        measurements: portfolio.measurements,
        risks: data.risks,
        actionItems: data.actionItems,
        riskChanges: riskChangesFor(meeting, data.meetings, data.risks, (wallMs) => localDateOf(new Date(wallMs).toISOString())),
        contracts: data.contracts,
        cadence: data.cadences.find((cadence) => cadence.id === meeting.cadenceId) ?? null,
      },
      agendaTexts(t, userLocale),
    );
    const added = drafted.filter((item) => !meeting.agenda.some((existing) => sameRecord(existing, item)));
    if (added.length === 0) {
      setNotice(t('meetings.agenda.nothingToDraft'));
      return;
    }
    if (await save([...meeting.agenda, ...added])) setNotice(t('meetings.agenda.drafted', { count: added.length }));
  };

  const saveEdit = async (index: number) => {
    const check = checkAgendaText(editText);
    if (!check.ok) {
      setEditIssues(check.issues);
      return;
    }
    const agenda = meeting.agenda.map((item, position) => (position === index ? { ...item, text: check.value } : item));
    if (await save(agenda)) setEditingIndex(null);
  };

  const addLine = async () => {
    const check = checkAgendaText(newText);
    if (!check.ok) {
      setNewIssues(check.issues);
      return;
    }
    setNewIssues([]);
    if (await save([...meeting.agenda, { source: 'note', recordId: null, text: check.value }])) setNewText('');
  };

  return (
    <section className="panel" aria-labelledby={`${formId}-title`} data-testid="agenda">
      <h2 id={`${formId}-title`}>{t('meetings.agenda.heading')}</h2>
      <p className="muted">{t(`meetings.agenda.scope.${meeting.kind}`)}</p>
      <button type="button" className="button primary" disabled={busy} onClick={() => void draft()}>
        {t('meetings.agenda.draft')}
      </button>
      {notice === null ? null : <p role="status">{notice}</p>}
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      {meeting.agenda.length === 0 ? (
        <p className="muted">{t('meetings.agenda.empty')}</p>
      ) : (
        <ol className="meetings-agenda" data-testid="agenda-items">
          {meeting.agenda.map((item, index) => {
            const target = recordScreen(item, meeting);
            const position = { number: index + 1 };
            return (
              <li key={`${String(index)}-${item.recordId ?? item.text}`} data-testid="agenda-item">
                <span className="kind-badge">{t(`profile.agendaSources.${item.source}`)}</span>{' '}
                {editingIndex === index ? (
                  <form
                    className="meetings-inline-form"
                    noValidate
                    onSubmit={(event) => {
                      event.preventDefault();
                      void saveEdit(index);
                    }}
                  >
                    <FormField
                      label={t('meetings.agenda.itemText', position)}
                      name="text"
                      value={editText}
                      onChange={setEditText}
                      formId={`${formId}-edit`}
                      issues={editIssues}
                      maxLength={maxTextLength}
                    />
                    <button type="submit" className="button primary" disabled={busy}>
                      {t('meetings.agenda.saveItem')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setEditingIndex(null);
                      }}
                    >
                      {t('meetings.cancel')}
                    </button>
                  </form>
                ) : (
                  <span data-testid="agenda-text">{item.text}</span>
                )}
                <span className="button-row">
                  {target === null ? null : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        navigate(target);
                      }}
                    >
                      {t(`meetings.agenda.open.${item.source}`)}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button"
                    disabled={busy || editingIndex !== null}
                    aria-label={t('meetings.agenda.editItem', position)}
                    onClick={() => {
                      setEditingIndex(index);
                      setEditText(item.text);
                      setEditIssues([]);
                    }}
                  >
                    {t('meetings.agenda.edit')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy || index === 0}
                    aria-label={t('meetings.agenda.moveUp', position)}
                    onClick={() => void save(moveItem(meeting.agenda, index, -1))}
                  >
                    {t('meetings.agenda.up')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy || index === meeting.agenda.length - 1}
                    aria-label={t('meetings.agenda.moveDown', position)}
                    onClick={() => void save(moveItem(meeting.agenda, index, 1))}
                  >
                    {t('meetings.agenda.down')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-label={t('meetings.agenda.removeItem', position)}
                    onClick={() => void save(meeting.agenda.filter((_, position) => position !== index))}
                  >
                    {t('meetings.agenda.remove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="meetings-inline-form"
        aria-label={t('meetings.agenda.addLabel')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void addLine();
        }}
      >
        <FormField
          label={t('meetings.agenda.newItem')}
          name="text"
          value={newText}
          onChange={setNewText}
          formId={`${formId}-new`}
          issues={newIssues}
          maxLength={maxTextLength}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('meetings.agenda.add')}
        </button>
      </form>
    </section>
  );
}

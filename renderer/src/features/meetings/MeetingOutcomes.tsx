/**
 * Outcomes of a meeting: its decisions (for the decision log) and the action items raised in
 * it, with forms to add both. Owner and "decided by" suggest names from the provider's contacts
 * and the people who wrote to the portfolio.
 */
import { useId, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem, Decision, Meeting } from '@shared/domain/governance';
import type { CalendarDate, Provider } from '@shared/domain/types';
import { checkActionForm, checkDecisionForm } from '@shared/forms/meeting';
import type { ActionFormInput, DecisionFormInput, MeetingFormIssue } from '@shared/forms/meeting';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { formatCalendarDate } from '../escalations/escalationView';
import { focusFirstInvalid } from '../../components/FieldError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { ActionRow } from './ActionRow';
import { compareText } from './meetingLists';
import { addActionItem, addDecision } from './meetingWrites';
import { DecisionControls } from './DecisionControls';
import { ActionFields, DecisionFields } from './OutcomeFields';
import { OutcomeTable } from './OutcomeTable';
import { quotedExcerpt } from './undoLabels';

interface OutcomesProps {
  readonly meeting: Meeting;
  readonly decisions: readonly Decision[];
  readonly actions: readonly ActionItem[];
  /** Id of the `<datalist>` of names to suggest. */
  readonly namesListId: string;
  readonly today: CalendarDate;
}

interface OutcomeFormProps {
  readonly formRef: RefObject<HTMLFormElement | null>;
  readonly label: string;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly failure: string | null;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}

/** Form shell shared by the decision and action forms: the fields, the failure message and the add button. */
function OutcomeForm({ formRef, label, submitLabel, busy, failure, onSubmit, children }: OutcomeFormProps) {
  return (
    <form
      ref={formRef}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className="form-grid" disabled={busy}>
        {children}
      </fieldset>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

export function MeetingDecisions({ meeting, decisions, namesListId }: Omit<OutcomesProps, 'actions' | 'today'>) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const empty: DecisionFormInput = { text: '', decidedBy: '', decidedOn: meeting.date };
  const [input, setInput] = useState<DecisionFormInput>(empty);
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof DecisionFormInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };

  const submit = async () => {
    setFailure(null);
    const check = checkDecisionForm(input, meeting);
    if (!check.ok) {
      setIssues(check.issues);
      focusFirstInvalid(formRef.current);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const label = t('undo.label.addDecision', { text: quotedExcerpt(check.value.text) });
      await recordUndoable(db, label, await getDeviceContext(), (context) => addDecision(db, check.value, context));
      setInput(empty);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Recording a decision of meeting ${meeting.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const sorted = [...decisions].sort((a, b) => compareText(a.decidedOn, b.decidedOn) || compareText(a.clock, b.clock));
  return (
    <section className="panel" aria-labelledby={`${formId}-title`} data-testid="meeting-decisions">
      <h2 id={`${formId}-title`}>{t('meetings.decisions.heading')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('meetings.decisions.none')}</p>
      ) : (
        <ul>
          {sorted.map((decision) => (
            <li key={decision.id} data-testid="meeting-decision">
              {decision.text}{' '}
              <span className="muted">
                {decision.decidedBy === ''
                  ? t('meetings.decisions.on', { date: formatCalendarDate(decision.decidedOn, userLocale) })
                  : t('meetings.decisions.byOn', { by: decision.decidedBy, date: formatCalendarDate(decision.decidedOn, userLocale) })}
              </span>{' '}
              <DecisionControls decision={decision} namesListId={namesListId} />
            </li>
          ))}
        </ul>
      )}
      <OutcomeForm
        formRef={formRef}
        label={t('meetings.decisions.formLabel')}
        submitLabel={t('meetings.decisions.add')}
        busy={busy}
        failure={failure}
        onSubmit={() => void submit()}
      >
        <DecisionFields input={input} set={set} formId={formId} issues={issues} namesListId={namesListId} />
      </OutcomeForm>
    </section>
  );
}

export function MeetingActions({
  meeting,
  actions,
  namesListId,
  today,
  providers,
}: Omit<OutcomesProps, 'decisions'> & { readonly providers: readonly Provider[] }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const empty: ActionFormInput = { title: '', owner: '', dueDate: '' };
  const [input, setInput] = useState<ActionFormInput>(empty);
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof ActionFormInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };

  const submit = async () => {
    setFailure(null);
    const check = checkActionForm(input, meeting);
    if (!check.ok) {
      setIssues(check.issues);
      focusFirstInvalid(formRef.current);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const label = t('undo.label.addAction', { title: quotedExcerpt(check.value.title) });
      await recordUndoable(db, label, await getDeviceContext(), (context) => addActionItem(db, check.value, context));
      setInput(empty);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Adding an action item to meeting ${meeting.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${formId}-title`} data-testid="meeting-actions">
      <h2 id={`${formId}-title`}>{t('meetings.actions.heading')}</h2>
      <OutcomeTable
        columns={[
          t('meetings.actions.title'),
          t('meetings.actions.owner'),
          t('meetings.actions.dueDate'),
          t('meetings.actions.status'),
          t('meetings.actions.change'),
        ]}
        emptyText={actions.length === 0 ? t('meetings.actions.none') : null}
      >
        {actions.map((action) => (
          <ActionRow key={action.id} action={action} today={today} providers={providers} namesListId={namesListId} />
        ))}
      </OutcomeTable>
      <OutcomeForm
        formRef={formRef}
        label={t('meetings.actions.formLabel')}
        submitLabel={t('meetings.actions.add')}
        busy={busy}
        failure={failure}
        onSubmit={() => void submit()}
      >
        <ActionFields input={input} set={set} formId={formId} issues={issues} namesListId={namesListId} />
      </OutcomeForm>
    </section>
  );
}

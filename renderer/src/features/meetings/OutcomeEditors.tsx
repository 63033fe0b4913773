/**
 * Edit and delete controls of decisions and action items, used on the meeting page, the decision
 * log and the action list, and the form that adds an action item outside a meeting. Edits are
 * undoable. A deletion requests confirmation and cannot be undone (see docs/undo.md).
 */
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem, Decision } from '@shared/domain/governance';
import type { CalendarDate, Provider } from '@shared/domain/types';
import { actionOutsideMeeting, checkActionEdit, checkDecisionEdit } from '@shared/forms/meeting';
import type { ActionEditInput, DecisionFormInput, MeetingFormIssue } from '@shared/forms/meeting';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { errorAttributes, FieldError, focusFirstInvalid } from '../../components/FieldError';
import { ConfirmDialog } from '../portfolios/ConfirmDialog';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { useProblemText } from './FormField';
import { addActionItem, deleteActionItem, deleteDecision, updateActionItem, updateDecision } from './meetingWrites';
import { ActionFields, DecisionFields } from './OutcomeFields';
import { quotedExcerpt } from './undoLabels';

interface EditFormProps {
  readonly label: string;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly failure: string | null;
  readonly onSubmit: () => void;
  /** Closes the form without saving; the add form has none. */
  readonly onCancel?: () => void;
  readonly testId: string;
  readonly children: ReactNode;
}

function EditForm({ label, submitLabel, busy, failure, onSubmit, onCancel, testId, children }: EditFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={formRef}
      aria-label={label}
      data-testid={testId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
        requestAnimationFrame(() => {
          focusFirstInvalid(formRef.current);
        });
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
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel === undefined ? null : (
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            {t('meetings.actions.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Runs one write of a form and keeps its busy state and the sentence of its failure. */
function useOutcomeWrite() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (what: string, write: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await write();
      return true;
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, what)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

interface DecisionEditFormProps {
  readonly decision: Decision;
  /** Id of the `<datalist>` of names to suggest for "decided by", if any. */
  readonly namesListId?: string;
  readonly onClose: () => void;
}

export function DecisionEditForm({ decision, namesListId, onClose }: DecisionEditFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const write = useOutcomeWrite();
  const [input, setInput] = useState<DecisionFormInput>({
    text: decision.text,
    decidedBy: decision.decidedBy,
    decidedOn: decision.decidedOn,
  });
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const set = (field: keyof DecisionFormInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };

  const submit = async () => {
    const check = checkDecisionEdit(input);
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    const label = t('undo.label.decision', { text: quotedExcerpt(decision.text) });
    const saved = await write.run(`Editing decision ${decision.id} failed`, async () =>
      recordUndoable(db, label, await getDeviceContext(), (context) => updateDecision(db, decision.id, check.value, context)),
    );
    if (saved) onClose();
  };

  return (
    <EditForm
      label={t('meetings.decisions.editLabel', { name: quotedExcerpt(decision.text) })}
      submitLabel={t('meetings.actions.save')}
      busy={write.busy}
      failure={write.failure}
      onSubmit={() => void submit()}
      onCancel={onClose}
      testId="decision-edit-form"
    >
      <DecisionFields input={input} set={set} formId={formId} issues={issues} namesListId={namesListId} />
    </EditForm>
  );
}

interface ActionFormProps {
  /** The action to edit, or `null` for a new action outside a meeting. */
  readonly action: ActionItem | null;
  readonly providers: readonly Provider[];
  readonly today: CalendarDate;
  readonly namesListId?: string;
  readonly onClose: () => void;
}

function actionInput(action: ActionItem | null): ActionEditInput {
  if (action === null) return { title: '', owner: '', dueDate: '', providerId: '', status: 'open' };
  return {
    title: action.title,
    owner: action.owner,
    dueDate: action.dueDate ?? '',
    providerId: action.providerId ?? '',
    status: action.status,
  };
}

/** Form of an action item's details: an edit, or a new action outside a meeting, which may name a provider or none. */
export function ActionForm({ action, providers, today, namesListId, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const problemText = useProblemText();
  const write = useOutcomeWrite();
  const [input, setInput] = useState<ActionEditInput>(() => actionInput(action));
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const set = (field: keyof ActionEditInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };
  // An action raised in a meeting belongs to the meeting's provider, whose agenda drafts it.
  const providerFixed = action !== null && action.meetingId !== null;

  const submit = async () => {
    const check = checkActionEdit(input, { providerIds: providers.map((provider) => provider.id) });
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    const context = await getDeviceContext();
    const saved =
      action === null
        ? await write.run('Adding an action item outside a meeting failed', () =>
            recordUndoable(db, t('undo.label.addAction', { title: quotedExcerpt(check.value.title) }), context, (observed) =>
              addActionItem(db, actionOutsideMeeting(check.value, today), observed),
            ),
          )
        : await write.run(`Editing action item ${action.id} failed`, () =>
            recordUndoable(db, t('undo.label.action', { title: quotedExcerpt(action.title) }), context, (observed) =>
              updateActionItem(db, action.id, check.value, today, observed),
            ),
          );
    if (!saved) return;
    if (action === null) setInput(actionInput(null));
    onClose();
  };

  const providerLabel = t('meetings.fields.provider');
  const providerIssue = issues.find((issue) => issue.field === 'providerId');
  const providerProblem = providerIssue === undefined ? undefined : problemText(providerIssue.problem, providerLabel);
  const statusLabel = t('meetings.actions.status');
  const statusIssue = issues.find((issue) => issue.field === 'status');
  const statusProblem = statusIssue === undefined ? undefined : problemText(statusIssue.problem, statusLabel);
  const fixedProvider = providers.find((provider) => provider.id === action?.providerId);

  return (
    <EditForm
      label={action === null ? t('meetings.actionList.formLabel') : t('meetings.actions.editLabel', { name: quotedExcerpt(action.title) })}
      submitLabel={action === null ? t('meetings.actionList.add') : t('meetings.actions.save')}
      busy={write.busy}
      failure={write.failure}
      onSubmit={() => void submit()}
      {...(action === null ? {} : { onCancel: onClose })}
      testId={action === null ? 'action-add-form' : 'action-edit-form'}
    >
      <ActionFields input={input} set={set} formId={formId} issues={issues} namesListId={namesListId} />
      {action === null ? null : (
        <div className="meetings-field">
          <label>
            {statusLabel}
            <select
              value={input.status}
              {...errorAttributes(`${formId}-status-error`, statusProblem)}
              onChange={(event) => {
                set('status')(event.target.value);
              }}
            >
              <option value="open">{t('profile.actionStatuses.open')}</option>
              <option value="done">{t('profile.actionStatuses.done')}</option>
            </select>
          </label>
          <FieldError id={`${formId}-status-error`} problem={statusProblem} />
        </div>
      )}
      {providerFixed ? (
        <p className="muted">
          {t('meetings.actions.providerFromMeeting', { provider: fixedProvider?.name ?? t('meetings.unknownProvider') })}
        </p>
      ) : (
        <div className="meetings-field">
          <label>
            {providerLabel}
            <select
              value={input.providerId}
              {...errorAttributes(`${formId}-providerId-error`, providerProblem)}
              onChange={(event) => {
                set('providerId')(event.target.value);
              }}
            >
              <option value="">{t('meetings.log.portfolioWide')}</option>
              {providers.map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.name}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={`${formId}-providerId-error`} problem={providerProblem} />
        </div>
      )}
    </EditForm>
  );
}

interface DeleteOutcomeButtonProps {
  readonly kind: 'decision' | 'action';
  readonly id: string;
  /** The decision's text or the action's title, which the button and the confirmation quote. */
  readonly name: string;
}

/** Delete button of a decision or an action item, which requests confirmation before it deletes. */
export function DeleteOutcomeButton({ kind, id, name }: DeleteOutcomeButtonProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const write = useOutcomeWrite();
  const [confirming, setConfirming] = useState(false);
  const keys = kind === 'decision' ? 'meetings.decisions' : 'meetings.actions';
  const quoted = quotedExcerpt(name);
  const values = { name: quoted };

  const remove = async () => {
    const deleted = await write.run(`Deleting ${kind} ${id} failed`, async () => {
      const context = await getDeviceContext();
      await (kind === 'decision' ? deleteDecision(db, id, context) : deleteActionItem(db, id, context));
    });
    if (deleted) setConfirming(false);
  };

  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={t(`${keys}.deleteNamed`, values)}
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t(`${keys}.delete`)}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={t(`${keys}.deleteTitle`, values)}
          confirmLabel={t(`${keys}.deleteConfirm`)}
          busyLabel={t(`${keys}.deleting`)}
          busy={write.busy}
          typeToConfirm={null}
          testId={`delete-${kind}-dialog`}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
          }}
        >
          <p>{t(`${keys}.deleteBody`)}</p>
          {write.failure === null ? null : (
            <p className="alert error" role="alert">
              {write.failure}
            </p>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/**
 * Form of a meeting cadence, new from one of the three templates or edited. A template fills the
 * title and duration, which the user may change.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingCadence, MeetingCadenceKind } from '@shared/domain/governance';
import type { Contract, Provider } from '@shared/domain/types';
import { checkCadenceForm, maxTitleLength } from '@shared/forms/meeting';
import type { CadenceFormInput, MeetingFormIssue } from '@shared/forms/meeting';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { focusFirstInvalid } from '../../components/FieldError';
import { FormActions } from '../../components/FormActions';
import { SelectField } from '../../components/FormField';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { FormField, useProblemText } from './FormField';
import { addCadence, updateCadence } from './meetingWrites';
import { userTimeZone } from '../providerRecord/countries';
import { MeetingTimeFields } from './MeetingTimeFields';
import { quotedExcerpt } from './undoLabels';

export const cadenceKinds: readonly MeetingCadenceKind[] = ['weeklyOperational', 'monthlyManagement', 'quarterlySteering'];

/** Usual length of each standing meeting, in minutes: a judgement, changed freely in the form. */
const templateDurations: Readonly<Record<MeetingCadenceKind, number>> = {
  weeklyOperational: 60,
  monthlyManagement: 90,
  quarterlySteering: 120,
};

interface CadenceFormProps {
  readonly providers: readonly Provider[];
  readonly contracts: readonly Contract[];
  /** The cadence to edit, or `null` for a new one. */
  readonly cadence: MeetingCadence | null;
  readonly onClose: () => void;
}

function inputOf(cadence: MeetingCadence | null, providerId: string, title: (kind: MeetingCadenceKind) => string): CadenceFormInput {
  if (cadence === null) {
    return {
      providerId,
      contractId: '',
      kind: 'quarterlySteering',
      title: title('quarterlySteering'),
      firstDate: '',
      untilDate: '',
      startTime: '10:00',
      durationMinutes: String(templateDurations.quarterlySteering),
      timeZone: userTimeZone(),
      attendees: '',
    };
  }
  return {
    providerId: cadence.providerId,
    contractId: cadence.contractId ?? '',
    kind: cadence.kind,
    title: cadence.title,
    firstDate: cadence.firstDate,
    untilDate: cadence.untilDate ?? '',
    startTime: cadence.startTime,
    durationMinutes: String(cadence.durationMinutes),
    timeZone: cadence.timeZone,
    attendees: cadence.attendees,
  };
}

export function CadenceForm({ providers, contracts, cadence, onClose }: CadenceFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const problemText = useProblemText();
  const templateTitle = (kind: MeetingCadenceKind) => t(`profile.meetingKinds.${kind}`);
  const [input, setInput] = useState<CadenceFormInput>(() => inputOf(cadence, providers[0]?.id ?? '', templateTitle));
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof CadenceFormInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };
  const chooseTemplate = (kind: MeetingCadenceKind) => {
    setInput((current) => ({
      ...current,
      kind,
      // A title the user typed stays; the template's own title follows the template.
      title:
        cadenceKinds.some((other) => templateTitle(other) === current.title) || current.title.trim() === ''
          ? templateTitle(kind)
          : current.title,
      durationMinutes: String(templateDurations[kind]),
    }));
  };

  const providerContracts = contracts.filter((contract) => contract.providerId === input.providerId);
  const selectProblem = (field: 'providerId' | 'contractId', label: string) => {
    const issue = issues.find((candidate) => candidate.field === field);
    return issue === undefined ? undefined : problemText(issue.problem, label);
  };

  const submit = async () => {
    setFailure(null);
    const check = checkCadenceForm(input, { providerIds: providers.map((provider) => provider.id), contracts });
    if (!check.ok) {
      setIssues(check.issues);
      focusFirstInvalid(formRef.current);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      // NOTE: undoing a new cadence deletes it even after "Plan meetings" generated its meetings. They
      // stay and keep its id, the same state that deleting the cadence leaves, so the creation is undoable.
      const label =
        cadence === null
          ? t('undo.label.addCadence', { title: quotedExcerpt(check.value.title) })
          : t('undo.label.cadence', { title: quotedExcerpt(cadence.title) });
      await recordUndoable(db, label, await getDeviceContext(), (context) =>
        cadence === null ? addCadence(db, check.value, context) : updateCadence(db, cadence.id, check.value, context),
      );
      onClose();
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, cadence === null ? 'Adding a cadence failed' : `Saving the cadence ${cadence.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const providerLabel = t('meetings.cadence.provider');
  const contractLabel = t('meetings.cadence.contract');
  const providerProblem = selectProblem('providerId', providerLabel);
  const contractProblem = selectProblem('contractId', contractLabel);

  return (
    <form
      ref={formRef}
      className="panel"
      aria-label={cadence === null ? t('meetings.cadence.newFormLabel') : t('meetings.cadence.editFormLabel', { title: cadence.title })}
      data-testid="cadence-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={busy}>
        <label>
          {t('meetings.cadence.template')}
          <select
            value={input.kind}
            onChange={(event) => {
              chooseTemplate(event.target.value as MeetingCadenceKind);
            }}
          >
            {cadenceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`profile.meetingKinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <SelectField
          id={`${formId}-providerId`}
          label={providerLabel}
          error={providerProblem}
          value={input.providerId}
          options={providers.map((provider) => ({ value: provider.id, label: provider.name }))}
          onChange={(providerId) => {
            setInput((current) => ({ ...current, providerId, contractId: '' }));
          }}
        />
        <SelectField
          id={`${formId}-contractId`}
          label={contractLabel}
          error={contractProblem}
          value={input.contractId}
          options={[
            { value: '', label: t('meetings.cadence.noContract') },
            ...providerContracts.map((contract) => ({ value: contract.id, label: contract.title })),
          ]}
          onChange={set('contractId')}
        />
        <FormField
          label={t('meetings.cadence.title')}
          name="title"
          value={input.title}
          onChange={set('title')}
          formId={formId}
          issues={issues}
          maxLength={maxTitleLength}
        />
        <FormField
          label={t('meetings.cadence.firstDate')}
          name="firstDate"
          type="date"
          value={input.firstDate}
          onChange={set('firstDate')}
          formId={formId}
          issues={issues}
        />
        <FormField
          label={t('meetings.cadence.untilDate')}
          name="untilDate"
          type="date"
          value={input.untilDate}
          onChange={set('untilDate')}
          formId={formId}
          issues={issues}
          hint={t('meetings.cadence.untilDateHint')}
        />
        <MeetingTimeFields input={input} set={set} formId={formId} issues={issues} />
      </fieldset>
      <FormActions
        busy={busy}
        failure={failure}
        submitLabel={cadence === null ? t('meetings.cadence.create') : t('meetings.cadence.save')}
        cancelLabel={t('meetings.cancel')}
        onCancel={onClose}
      />
    </form>
  );
}

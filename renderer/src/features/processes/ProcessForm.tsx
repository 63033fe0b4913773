import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { processReadinessStages } from '@shared/domain/providerProfile';
import type { Process } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { checkProcessForm, maxProcessNameLength, processFunctions } from '@shared/forms/process';
import type { ProcessFormErrorKey, ProcessFormField, ProcessFormInput } from '@shared/forms/process';
import { FormActions } from '../../components/FormActions';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { RecordHistory } from '../audit/RecordHistory';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { saveLabel } from '../undo/saveLabel';
import { addProcess, saveProcess } from './processEdits';
import type { ProcessData } from './useProcessData';

interface ProcessFormProps {
  readonly data: ProcessData;
  /** The process to edit, or `null` to add one. */
  readonly process: Process | null;
  /** Provider preselected for a new process, such as the one the screen is filtered to. */
  readonly providerId: Id | null;
  readonly onClose: () => void;
}

function draftOf(process: Process | null, providerId: Id | null): ProcessFormInput {
  if (process === null) return { name: '', function: 'hr', providerId: providerId ?? '', contractId: '', readiness: 'notStarted' };
  return {
    name: process.name,
    function: process.function,
    providerId: process.providerId ?? '',
    contractId: process.contractId ?? '',
    readiness: process.readiness,
  };
}

/** Form that adds a process or edits one: name, function, provider, one of that provider's contracts, readiness. */
export function ProcessForm({ data, process, providerId, onClose }: ProcessFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftOf(process, providerId));
  const [errors, setErrors] = useState<Partial<Record<ProcessFormField, ProcessFormErrorKey>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const providerContracts = data.contracts.filter((contract) => contract.providerId === draft.providerId);
  const providers = [...data.providers].sort((a, b) => a.name.localeCompare(b.name));

  const submit = async () => {
    setFailure(null);
    const check = checkProcessForm(draft, {
      processes: data.processes,
      providerIds: data.providers.map((provider) => provider.id),
      contracts: data.contracts,
      editingId: process?.id ?? null,
    });
    if (!check.ok) {
      setErrors(check.errors);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const label = saveLabel(process?.name ?? null, check.value.name, {
        add: (name) => t('undo.label.addProcess', { name }),
        edit: (name) => t('undo.label.process', { name }),
        rename: (from, to) => t('undo.label.renameProcess', { from, to }),
      });
      await recordUndoable(db, label, await getDeviceContext(), (context) =>
        process === null ? addProcess(db, check.value, context) : saveProcess(db, process.id, check.value, context),
      );
      onClose();
    } catch (thrown) {
      setFailure(
        describeAppError(t, toAppError(thrown, process === null ? 'Adding a process failed' : `Saving process ${process.id} failed`)),
      );
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (name: ProcessFormField) =>
    errors[name] === undefined ? { 'aria-invalid': false } : { 'aria-invalid': true, 'aria-describedby': `${formId}-${name}` };
  const errorText = (name: ProcessFormField) => {
    const key = errors[name];
    return key === undefined ? null : (
      <span className="field-error" id={`${formId}-${name}`}>
        {t(key, { max: maxProcessNameLength, name: draft.name.trim() })}
      </span>
    );
  };
  const set = (name: keyof ProcessFormInput, value: string) => {
    setDraft((current) => ({ ...current, [name]: value, ...(name === 'providerId' ? { contractId: '' } : {}) }));
  };

  let submitLabel: string = process === null ? t('processes.add') : t('processes.save');
  if (busy) submitLabel = t('processes.saving');

  return (
    <form
      ref={formRef}
      className="panel"
      aria-label={process === null ? t('processes.addTitle') : t('processes.editTitle', { name: process.name })}
      data-testid="process-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{process === null ? t('processes.addTitle') : t('processes.editTitle', { name: process.name })}</h2>
      <fieldset className="form-grid" disabled={busy}>
        <label>
          {t('processes.fields.name')}
          <input
            type="text"
            autoComplete="off"
            value={draft.name}
            {...describedBy('name')}
            onChange={(event) => {
              set('name', event.target.value);
            }}
          />
          {errorText('name')}
        </label>
        <label>
          {t('processes.fields.function')}
          <select
            value={draft.function}
            {...describedBy('function')}
            onChange={(event) => {
              set('function', event.target.value);
            }}
          >
            {processFunctions.map((name) => (
              <option key={name} value={name}>
                {t(`profile.processFunctions.${name}`)}
              </option>
            ))}
          </select>
          {errorText('function')}
        </label>
        <label>
          {t('processes.fields.provider')}
          <select
            value={draft.providerId}
            {...describedBy('providerId')}
            onChange={(event) => {
              set('providerId', event.target.value);
            }}
          >
            <option value="">{t('processes.noProvider')}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
          {errorText('providerId')}
        </label>
        <label>
          {t('processes.fields.contract')}
          <select
            value={draft.contractId}
            disabled={draft.providerId === ''}
            {...describedBy('contractId')}
            onChange={(event) => {
              set('contractId', event.target.value);
            }}
          >
            <option value="">{t('processes.noContract')}</option>
            {providerContracts.map((contract) => (
              <option key={contract.id} value={contract.id}>
                {contract.title}
              </option>
            ))}
          </select>
          {errorText('contractId')}
        </label>
        <label>
          {t('processes.fields.readiness')}
          <select
            value={draft.readiness}
            {...describedBy('readiness')}
            onChange={(event) => {
              set('readiness', event.target.value);
            }}
          >
            {processReadinessStages.map((stage) => (
              <option key={stage} value={stage}>
                {t(`profile.readiness.${stage}`)}
              </option>
            ))}
          </select>
          {errorText('readiness')}
        </label>
      </fieldset>
      {draft.providerId === '' ? <p className="muted">{t('processes.contractHint')}</p> : null}
      {process === null ? null : <RecordHistory table="processes" recordId={process.id} />}
      <FormActions busy={busy} failure={failure} submitLabel={submitLabel} cancelLabel={t('processes.cancel')} onCancel={onClose} />
    </form>
  );
}

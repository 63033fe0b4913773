import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { createPlanFromTemplate, mondayToFriday } from '../../db/plans';
import { translateDynamic } from '../../i18n/dynamic';
import { parseHolidays } from './calendarForm';
import { ProviderSelect } from './ProviderSelect';
import { usePlanWrite } from './usePlanWrite';

interface NewPlanFormProps {
  /** Provider chosen when the form opens, for example from a provider's page. */
  readonly providerId: Id | null;
  readonly onCancel: () => void;
  readonly onCreated: (planId: Id) => void;
}

type Field = 'title' | 'startOn' | 'holidays';

/**
 * Form that creates a plan from the BPO transition template for a provider: title, start date,
 * the processes that get a wave each, and the holidays of the plan's Monday-to-Friday calendar.
 */
export function NewPlanForm({ providerId: initialProvider, onCancel, onCreated }: NewPlanFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const write = usePlanWrite();
  const [providerId, setProviderId] = useState<Id | null>(initialProvider);
  const [title, setTitle] = useState('');
  const [startOn, setStartOn] = useState('');
  const [processes, setProcesses] = useState('');
  const [holidays, setHolidays] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const fieldProps = (field: Field) => ({
    id: `${formId}-${field}`,
    'aria-invalid': problems[field] !== undefined,
    'aria-describedby': problems[field] === undefined ? undefined : `${formId}-${field}-error`,
  });
  const fieldError = (field: Field) =>
    problems[field] === undefined ? null : (
      <span className="field-error" id={`${formId}-${field}-error`}>
        {problems[field]}
      </span>
    );

  const submit = async () => {
    const parsed = parseHolidays(holidays);
    const found: Partial<Record<Field, string>> = {};
    if (title.trim() === '') found.title = t('plans.new.titleMissing');
    if (startOn === '') found.startOn = t('plans.new.startMissing');
    if (!parsed.ok) found.holidays = t('plans.new.holidayInvalid', { value: parsed.invalid });
    setProblems(found);
    if (Object.keys(found).length > 0 || !parsed.ok) return;

    const translate = (key: string, english: string) => translateDynamic(t, key, { defaultValue: english });
    const calendar = { name: t('plans.new.calendarName'), workingWeekdays: mondayToFriday, holidays: parsed.holidays };
    const input = { providerId, title, startOn, processes: processes.split('\n'), calendar, translate };
    const plan = await write.run('Creating a plan from the BPO transition template', (db, context) =>
      createPlanFromTemplate(db, input, context),
    );
    if (plan !== null) onCreated(plan.id);
  };

  return (
    <form
      className="panel plan-form"
      aria-labelledby={`${formId}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${formId}-heading`}>{t('plans.new.heading')}</h2>
      <p className="muted">{t('plans.new.intro')}</p>
      <fieldset disabled={write.busy} className="form-grid">
        <ProviderSelect value={providerId} onChange={setProviderId} />
        <label>
          {t('plans.new.titleLabel')}
          <input
            type="text"
            value={title}
            {...fieldProps('title')}
            onChange={(event) => {
              setTitle(event.target.value);
            }}
          />
          {fieldError('title')}
        </label>
        <label>
          {t('plans.new.startLabel')}
          <input
            type="date"
            value={startOn}
            {...fieldProps('startOn')}
            onChange={(event) => {
              setStartOn(event.target.value);
            }}
          />
          {fieldError('startOn')}
        </label>
        <label>
          {t('plans.new.processesLabel')}
          <textarea
            rows={3}
            value={processes}
            onChange={(event) => {
              setProcesses(event.target.value);
            }}
          />
        </label>
        <label>
          {t('plans.new.holidaysLabel')}
          <textarea
            rows={3}
            value={holidays}
            {...fieldProps('holidays')}
            onChange={(event) => {
              setHolidays(event.target.value);
            }}
          />
          {fieldError('holidays')}
        </label>
      </fieldset>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={write.busy}>
          {t('plans.new.create')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('plans.cancel')}
        </button>
      </div>
    </form>
  );
}

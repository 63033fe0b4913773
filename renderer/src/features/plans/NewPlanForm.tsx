import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { reusableCalendar } from '../../db/calendarNaming';
import { createPlanFromTemplate, mondayToFriday } from '../../db/plans';
import { translateDynamic } from '../../i18n/dynamic';
import { userLocale } from '../../locale';
import { parseHolidays } from './calendarForm';
import { calendarChoiceLabel } from './calendarUse';
import { errorAttributes, FieldError, focusFirstInvalid } from '../../components/FieldError';
import { ProviderSelect } from './ProviderSelect';
import { useCalendarUse } from './useCalendarUse';
import { usePlanWrite } from './usePlanWrite';

interface NewPlanFormProps {
  /** Provider chosen when the form opens, for example from a provider's page. */
  readonly providerId: Id | null;
  readonly onCancel: () => void;
  readonly onCreated: (planId: Id) => void;
}

type Field = 'title' | 'startOn' | 'holidays';

/** Value of the calendar picker's entry for a new calendar. The other entries have calendar ids as values. */
const newCalendar = '';

/**
 * Form that creates a plan from the BPO transition template for a provider: title, start date,
 * the processes that get a wave each, and the plan calendar. The calendar is an existing one or
 * a new Monday-to-Friday calendar with the holidays typed here. A stored Monday-to-Friday
 * calendar without holidays is chosen at first, so that plans share it instead of each adding
 * one more calendar of the same name.
 */
export function NewPlanForm({ providerId: initialProvider, onCancel, onCreated }: NewPlanFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const write = usePlanWrite();
  const calendarUse = useCalendarUse();
  const [providerId, setProviderId] = useState<Id | null>(initialProvider);
  const [title, setTitle] = useState('');
  const [startOn, setStartOn] = useState('');
  const [processes, setProcesses] = useState('');
  const [holidays, setHolidays] = useState('');
  /** Calendar the user picked, or `null` until they pick one. */
  const [pickedCalendar, setPickedCalendar] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const calendarName = t('plans.new.calendarName');
  const calendars = calendarUse?.calendars ?? [];
  const shared = reusableCalendar(calendars, { name: calendarName, workingWeekdays: mondayToFriday, holidays: [], site: '' });
  const pickable = pickedCalendar !== null && (pickedCalendar === newCalendar || calendars.some(({ id }) => id === pickedCalendar));
  const calendarChoice = pickable ? pickedCalendar : (shared?.id ?? newCalendar);

  const fieldId = (field: Field) => `${formId}-${field}`;
  const errorId = (field: Field) => `${formId}-${field}-error`;
  const fieldProps = (field: Field) => ({ id: fieldId(field), ...errorAttributes(errorId(field), problems[field]) });

  const submit = async () => {
    const parsed = calendarChoice === newCalendar ? parseHolidays(holidays) : { ok: true as const, holidays: [] };
    const found: Partial<Record<Field, string>> = {};
    if (title.trim() === '') found.title = t('plans.new.titleMissing');
    if (startOn === '') found.startOn = t('plans.new.startMissing');
    if (!parsed.ok) found.holidays = t('plans.new.holidayInvalid', { value: parsed.invalid });
    setProblems(found);
    if (Object.keys(found).length > 0 || !parsed.ok) {
      focusFirstInvalid(formRef.current);
      return;
    }

    const translate = (key: string, english: string) => translateDynamic(t, key, { defaultValue: english });
    const calendar =
      calendarChoice === newCalendar
        ? { calendar: { name: calendarName, workingWeekdays: mondayToFriday, holidays: parsed.holidays } }
        : { calendarId: calendarChoice };
    const input = { providerId, title, startOn, processes: processes.split('\n'), ...calendar, translate };
    const plan = await write.run('Creating a plan from the BPO transition template', (db, context) =>
      createPlanFromTemplate(db, input, context),
    );
    if (plan !== null) onCreated(plan.id);
  };

  return (
    <form
      ref={formRef}
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
        <div>
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
          </label>
          <FieldError id={errorId('title')} problem={problems.title} />
        </div>
        <div>
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
          </label>
          <FieldError id={errorId('startOn')} problem={problems.startOn} />
        </div>
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
          {t('plans.new.calendarLabel')}
          <select
            value={calendarChoice}
            data-testid="new-plan-calendar"
            onChange={(event) => {
              setPickedCalendar(event.target.value);
            }}
          >
            <option value={newCalendar}>{t('plans.new.newCalendar')}</option>
            {calendars.map((calendar) => (
              <option key={calendar.id} value={calendar.id}>
                {calendarUse === undefined ? calendar.name : calendarChoiceLabel(t, calendar, calendarUse.users, userLocale)}
              </option>
            ))}
          </select>
        </label>
        {calendarChoice === newCalendar ? (
          <div>
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
            </label>
            <FieldError id={errorId('holidays')} problem={problems.holidays} />
          </div>
        ) : null}
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

import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { createCalendar, deleteCalendar, updateCalendar } from '../../db/plans';
import { userLocale } from '../../locale';
import { checkCalendarDraft, draftOf, emptyCalendarDraft, isoWeekdays, toggleWeekday } from './calendarForm';
import type { CalendarDraft, CalendarDraftProblems } from './calendarForm';
import { calendarUseSentence } from './calendarUse';
import { errorAttributes, FieldError, focusFirstInvalid } from '../../components/FieldError';
import { useCalendarUse } from './useCalendarUse';
import { usePlanWrite } from './usePlanWrite';

/** Translation keys of the ISO weekdays 1 to 7. */
const weekdayKeys = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

interface CalendarFormProps {
  readonly initial: CalendarDraft;
  readonly heading: string;
  /** Sentence under the heading, such as the plans that use the calendar. */
  readonly note?: string;
  readonly submitLabel: string;
  readonly onSave: (draft: CalendarDraft, holidays: string[]) => Promise<boolean>;
  readonly onDelete?: () => void;
  readonly busy: boolean;
  readonly testId: string;
}

/** Form of one calendar: name, site, working weekdays and holidays. */
function CalendarForm({ initial, heading, note, submitLabel, onSave, onDelete, busy, testId }: CalendarFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<CalendarDraftProblems>({});
  const texts = {
    name: problems.name === undefined ? undefined : t('plans.calendars.nameMissing'),
    workingWeekdays: problems.workingWeekdays === undefined ? undefined : t('plans.calendars.noWeekday'),
    holidays: problems.holidays === undefined ? undefined : t('plans.calendars.holidayInvalid', { value: problems.holidays.invalid }),
  };

  const submit = async () => {
    const checked = checkCalendarDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      focusFirstInvalid(formRef.current);
      return;
    }
    setProblems({});
    if ((await onSave(draft, checked.holidays)) && onDelete === undefined) setDraft(initial);
  };

  return (
    <form
      ref={formRef}
      className="calendar-form"
      aria-labelledby={`${id}-heading`}
      data-testid={testId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={`${id}-heading`}>{heading}</h4>
      {note === undefined ? null : <p className="muted">{note}</p>}
      <fieldset className="form-grid" disabled={busy}>
        <div>
          <label>
            {t('plans.calendars.name')}
            <input
              type="text"
              value={draft.name}
              {...errorAttributes(`${id}-name-error`, texts.name)}
              onChange={(event) => {
                setDraft({ ...draft, name: event.target.value });
              }}
            />
          </label>
          <FieldError id={`${id}-name-error`} problem={texts.name} />
        </div>
        <label>
          {t('plans.calendars.site')}
          <input
            type="text"
            value={draft.site}
            onChange={(event) => {
              setDraft({ ...draft, site: event.target.value });
            }}
          />
        </label>
        <fieldset
          className="weekday-boxes"
          aria-describedby={texts.workingWeekdays === undefined ? undefined : `${id}-weekdays-error`}
          aria-invalid={texts.workingWeekdays !== undefined}
        >
          <legend>{t('plans.calendars.workingWeekdays')}</legend>
          {isoWeekdays.map((weekday) => (
            <label key={weekday}>
              <input
                type="checkbox"
                checked={draft.workingWeekdays.includes(weekday)}
                onChange={(event) => {
                  setDraft({ ...draft, workingWeekdays: toggleWeekday(draft.workingWeekdays, weekday, event.target.checked) });
                }}
              />
              {t(`plans.calendars.weekdays.${weekdayKeys[weekday - 1] ?? 'monday'}`)}
            </label>
          ))}
          <FieldError id={`${id}-weekdays-error`} problem={texts.workingWeekdays} />
        </fieldset>
        <div>
          <label>
            {t('plans.calendars.holidays')}
            <textarea
              rows={3}
              value={draft.holidays}
              {...errorAttributes(`${id}-holidays-error`, texts.holidays)}
              onChange={(event) => {
                setDraft({ ...draft, holidays: event.target.value });
              }}
            />
          </label>
          <FieldError id={`${id}-holidays-error`} problem={texts.holidays} />
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {onDelete === undefined ? null : (
          <button type="button" className="link-button" disabled={busy} onClick={onDelete}>
            {t('plans.calendars.delete')}
          </button>
        )}
      </div>
    </form>
  );
}

interface CalendarsPanelProps {
  readonly calendars: readonly Calendar[];
  /** Calendars the plan or its tasks use, listed first. */
  readonly usedIds: ReadonlySet<Id>;
}

/**
 * Shows the portfolio's working-day calendars for editing: the plan's calendar and the site
 * calendars its tasks use first, then the others, and a form for a new site calendar. A calendar
 * can serve several plans, so a change applies to every plan that uses it, and each calendar
 * names the plans that use it.
 */
export function CalendarsPanel({ calendars, usedIds }: CalendarsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const write = usePlanWrite();
  const users = useCalendarUse()?.users;
  const [status, setStatus] = useState<string | null>(null);
  const ordered = [...calendars].sort((a, b) => Number(usedIds.has(b.id)) - Number(usedIds.has(a.id)) || a.name.localeCompare(b.name));

  const save = async (calendar: Calendar | null, draft: CalendarDraft, holidays: string[]): Promise<boolean> => {
    setStatus(null);
    const input = { name: draft.name, site: draft.site, workingWeekdays: draft.workingWeekdays, holidays };
    const saved = await write.run(calendar === null ? 'Adding a calendar' : `Saving calendar ${calendar.id}`, (db, context) =>
      calendar === null ? createCalendar(db, input, context) : updateCalendar(db, calendar.id, input, context),
    );
    if (saved !== null) setStatus(t('plans.calendars.saved', { name: saved.name }));
    return saved !== null;
  };

  const remove = async (calendar: Calendar) => {
    setStatus(null);
    const done = await write.run(`Deleting calendar ${calendar.id}`, async (db, context) => {
      await deleteCalendar(db, calendar.id, context);
      return true;
    });
    if (done !== null) setStatus(t('plans.calendars.deleted', { name: calendar.name }));
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="plan-calendars">
      <h2 id={headingId}>{t('plans.calendars.heading')}</h2>
      <p className="muted">{t('plans.calendars.intro')}</p>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      {status === null ? null : <p role="status">{status}</p>}
      {ordered.map((calendar) => (
        <CalendarForm
          key={`${calendar.id}-${calendar.clock}-${Object.values(calendar.fieldClocks).join()}`}
          initial={draftOf(calendar)}
          heading={usedIds.has(calendar.id) ? t('plans.calendars.usedHeading', { name: calendar.name }) : calendar.name}
          {...(users === undefined ? {} : { note: calendarUseSentence(t, calendar.id, users, userLocale) })}
          submitLabel={t('plans.calendars.save')}
          busy={write.busy}
          testId={`calendar-${calendar.id}`}
          onSave={(draft, holidays) => save(calendar, draft, holidays)}
          onDelete={() => void remove(calendar)}
        />
      ))}
      <CalendarForm
        initial={emptyCalendarDraft}
        heading={t('plans.calendars.newHeading')}
        submitLabel={t('plans.calendars.add')}
        busy={write.busy}
        testId="calendar-new"
        onSave={(draft, holidays) => save(null, draft, holidays)}
      />
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '@shared/calendar/agenda';
import { icsFileName, writeAgendaIcs } from '@shared/calendar/ics';
import type { CalendarDate } from '@shared/domain/types';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { entryIcsText } from './agendaText';

type Outcome = { readonly kind: 'saved' | 'error'; readonly message: string };

/**
 * "Export to calendar (.ics)": writes `entries` as an iCalendar file and saves it through the
 * platform's save dialog, or as a download in browser mode.
 */
export function AgendaExportButton({
  entries,
  portfolioName,
  today,
}: {
  readonly entries: readonly CalendarEntry[];
  readonly portfolioName: string;
  readonly today: CalendarDate | null;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async (date: CalendarDate) => {
    setBusy(true);
    setOutcome(null);
    try {
      const calendarName = t('calendar.export.calendarName', { portfolio: portfolioName });
      const text = writeAgendaIcs(entries, {
        calendarName,
        describe: (entry) => entryIcsText(t, entry, userLocale),
        generatedAt: new Date(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      const saved = await platform.saveFile({
        title: t('calendar.export.dialogTitle'),
        suggestedName: icsFileName(calendarName, date),
        filters: [{ name: t('calendar.export.filter'), extensions: ['ics'] }],
        bytes: new TextEncoder().encode(text),
      });
      if (!saved.ok) setOutcome({ kind: 'error', message: describeAppError(t, saved.error) });
      else if (saved.value !== null) setOutcome({ kind: 'saved', message: t('calendar.export.saved', { file: saved.value.name, count: entries.length }) });
    } catch (thrown) {
      setOutcome({ kind: 'error', message: describeAppError(t, toAppError(thrown, 'Exporting the agenda as .ics failed')) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="calendar-export">
      <button
        type="button"
        className="button"
        disabled={busy || today === null || entries.length === 0}
        onClick={() => {
          if (today !== null) void save(today);
        }}
      >
        {t('calendar.export.button')}
      </button>
      {outcome === null ? null : (
        <p className={outcome.kind === 'error' ? 'alert error' : undefined} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}

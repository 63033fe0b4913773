import type { CalendarDate } from '@shared/domain/types';
import { formatCalendarDate } from '../features/escalations/escalationView';
import { userLocale } from '../locale';

/** Shows a calendar date in the user's locale, with the ISO date in `dateTime` for machines and tests. */
export function CalendarDateText({ date }: { readonly date: CalendarDate }) {
  return <time dateTime={date}>{formatCalendarDate(date, userLocale)}</time>;
}

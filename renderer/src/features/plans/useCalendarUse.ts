import { useLiveQuery } from 'dexie-react-hooks';
import type { Calendar } from '@shared/domain/plan';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { calendarUsers } from './calendarUse';
import type { CalendarUsers } from './calendarUse';

/** Every calendar of the portfolio, sorted by name, and the plans that use each one. */
export interface CalendarUse {
  readonly calendars: readonly Calendar[];
  readonly users: CalendarUsers;
}

/** Reads the open portfolio's calendars and which plans use each one; `undefined` while the first read runs. */
export function useCalendarUse(): CalendarUse | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(
    () =>
      db.transaction('r', [db.planCalendars, db.plans, db.planTasks], async () => {
        // IndexedDB leaves a record out of an index whose key is null, so reading through the
        // `calendarId` index returns only the tasks that follow a site calendar.
        const [calendars, plans, tasks] = await Promise.all([
          db.planCalendars.toArray(),
          db.plans.toArray(),
          db.planTasks.orderBy('calendarId').toArray(),
        ]);
        calendars.sort((a, b) => a.name.localeCompare(b.name) || a.site.localeCompare(b.site) || a.id.localeCompare(b.id));
        return { calendars, users: calendarUsers(plans, tasks) };
      }),
    [db],
  );
}

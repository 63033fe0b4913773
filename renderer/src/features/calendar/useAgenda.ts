/** Reads the records of the portfolio agenda from the open portfolio and builds the agenda. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { buildAgenda } from '@shared/calendar/agenda';
import type { CalendarEntry } from '@shared/calendar/agenda';
import type { CalendarDate } from '@shared/domain/types';
import { addDays } from '@shared/kpi/escalationRules';
import type { PortfolioDb } from '../../db/portfolioDb';
import { localToday } from '../plans/roadmapOption';
import { usePortfolioDb } from '../portfolio/portfolioContext';

/** Reads the records that can put an entry on the agenda between `today` and `today + horizonDays`. */
async function readAgendaRecords(db: PortfolioDb, today: CalendarDate, horizonDays: number) {
  const [contracts, certifications, meetings, actionItems, risks, providers] = await Promise.all([
    db.contracts.toArray(),
    // Every certification, because one beyond the horizon can replace an expiring one.
    db.certifications.toArray(),
    db.meetings.where('date').between(today, addDays(today, horizonDays), true, true).toArray(),
    db.actionItems.where('status').equals('open').toArray(),
    // Overdue reviews stay on the agenda, so every risk with a review date up to the horizon counts.
    db.risks.filter((risk) => risk.reviewDate !== null && risk.reviewDate <= addDays(today, horizonDays)).toArray(),
    db.providers.toArray(),
  ]);
  return { contracts, certifications, meetings, actionItems, risks, providers };
}

export interface Agenda {
  readonly today: CalendarDate;
  readonly entries: readonly CalendarEntry[];
}

/**
 * Returns the agenda from today, on the user's wall clock, to `horizonDays` later, or `undefined`
 * while the records load. Only `enabled` reads anything, so a closed panel costs no reads.
 */
export function useAgenda(horizonDays: number, enabled = true): Agenda | undefined {
  const db = usePortfolioDb();
  // NOTE: today is read once per mount, so a screen left open past midnight keeps the old day until it is reopened.
  const [today] = useState<CalendarDate>(() => localToday());
  const records = useLiveQuery(async () => (enabled ? await readAgendaRecords(db, today, horizonDays) : null), [db, today, horizonDays, enabled]);
  return useMemo(() => {
    if (records === undefined || records === null) return undefined;
    return { today, entries: buildAgenda(records, { today, horizonDays }) };
  }, [records, today, horizonDays]);
}

/**
 * The lines of a drafted agenda in the user's language (`governance.agenda.*`). A line is written
 * once, when the agenda is drafted, and the user may then edit it, so it states its facts in full.
 */
import type { TFunction } from 'i18next';
import type { AgendaTexts } from '@shared/governance/agendaDraft';
import { fromDayNumber, toDayNumber } from '@shared/schedule/days';
import { formatKpiValue, formatPeriod } from '../../format';
import { formatCalendarDate } from '../escalations/escalationView';
import { kpiName } from '../kpi/kpiName';

const levelKeys = { 1: 'level1', 2: 'level2', 3: 'level3' } as const;

/** Builds the agenda line of each kind of drafted entry, with numbers and dates in `locale`. */
export function agendaTexts(t: TFunction, locale: string): AgendaTexts {
  return {
    escalation: (entry) => {
      const { escalation } = entry;
      return t('governance.agenda.escalation', {
        level: escalation.level,
        levelName: t(`escalations.levelNames.${levelKeys[escalation.level]}`),
        kpi: entry.kpi === null ? t('escalations.unknownKpi') : kpiName(t, entry.kpi),
        period: formatPeriod(escalation.openedPeriod, locale, 'long'),
        owner: escalation.owner.trim() === '' ? t('governance.agenda.noOwner') : escalation.owner,
        due: formatCalendarDate(escalation.dueDate, locale),
      });
    },
    serviceLevel: (entry) =>
      t(entry.serviceLevel.critical ? 'governance.agenda.serviceLevelCritical' : 'governance.agenda.serviceLevel', {
        kpi: kpiName(t, entry.kpi),
        period: formatPeriod(entry.period, locale, 'long'),
        result: formatKpiValue(entry.result, entry.kpi.unit, locale),
        minimum: formatKpiValue(entry.minimum, entry.kpi.unit, locale),
      }),
    noticeDeadline: (entry) => {
      const values = {
        title: entry.contract.title,
        date: formatCalendarDate(entry.deadline, locale),
        next: formatCalendarDate(entry.nextMeetingDate, locale),
      };
      if (!entry.contract.autoRenewal) {
        return t('governance.agenda.noticeDeadline_ends', { ...values, endsOn: formatCalendarDate(entry.termEndDate, locale) });
      }
      const renewsOn = fromDayNumber(toDayNumber(entry.termEndDate) + 1);
      return t('governance.agenda.noticeDeadline_renews', { ...values, renewsOn: formatCalendarDate(renewsOn, locale) });
    },
    risk: (entry) =>
      t(entry.dueForReview && entry.risk.reviewDate !== null ? 'governance.agenda.riskDue' : 'governance.agenda.risk', {
        title: entry.risk.title,
        score: entry.score,
        rating: t(`governance.riskRating.${entry.rating}`),
        date: entry.risk.reviewDate === null ? '' : formatCalendarDate(entry.risk.reviewDate, locale),
      }),
    action: (entry) =>
      // The saved agenda keeps this line, so it relates the due date to the meeting, not to today.
      t(entry.overdue ? 'governance.agenda.actionBeforeMeeting' : 'governance.agenda.action', {
        title: entry.action.title,
        owner: entry.action.owner.trim() === '' ? t('governance.agenda.noOwner') : entry.action.owner,
        date: formatCalendarDate(entry.dueDate, locale),
      }),
  };
}

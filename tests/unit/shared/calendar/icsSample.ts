/**
 * A small portfolio agenda with every entry kind, and the `.ics` text written from it, shared by
 * `ics.test.ts` and the host time zone probe.
 */
import { buildAgenda, type AgendaOptions, type CalendarEntry } from '../../../../shared/calendar/agenda';
import { writeAgendaIcs, type IcsEventText } from '../../../../shared/calendar/ics';
import { makeAction, makeCertification, makeContract, makeMeeting, providers } from './factories';

export const sampleOptions: AgendaOptions = { today: '2026-09-01', horizonDays: 365 };

export const sampleGeneratedAt = new Date('2026-09-01T07:45:00Z');

export function sampleAgenda(): CalendarEntry[] {
  return buildAgenda(
    {
      contracts: [
        makeContract('contract-payroll', {
          title: 'Payroll services',
          endDate: '2026-12-31',
          noticePeriod: { amount: 3, unit: 'months' },
          autoRenewal: true,
          renewalMonths: 6,
        }),
      ],
      certifications: [
        makeCertification('cert-soc2', { standard: 'soc2Type2', expiresOn: '2026-11-15' }),
        makeCertification('cert-expired', { standard: 'pciDss', expiresOn: '2026-08-20' }),
      ],
      meetings: [
        // London leaves summer time on Sunday 2026-10-25; Kolkata has no daylight saving.
        makeMeeting('meeting-london-bst', { date: '2026-10-23', startTime: '10:00', durationMinutes: 60, timeZone: 'Europe/London' }),
        makeMeeting('meeting-london-gmt', { date: '2026-10-26', startTime: '10:00', durationMinutes: 90, timeZone: 'Europe/London' }),
        makeMeeting('meeting-kolkata-before', { date: '2026-10-23', startTime: '10:00', durationMinutes: 45, timeZone: 'Asia/Kolkata' }),
        makeMeeting('meeting-kolkata-after', { date: '2026-10-26', startTime: '10:00', durationMinutes: 45, timeZone: 'Asia/Kolkata' }),
      ],
      actionItems: [makeAction('action-sla-review', { dueDate: '2026-09-20' }), makeAction('action-overdue', { dueDate: '2026-08-01' })],
      risks: [],
      providers,
    },
    sampleOptions,
  );
}

export function describeInEnglish(entry: CalendarEntry): IcsEventText {
  return {
    summary: `${entry.kind}: ${entry.title} (${entry.providerName ?? 'no provider'})`,
    description: `Record ${entry.recordId}, ${entry.table}; due ${entry.date}`,
  };
}

export function sampleIcs(): string {
  return writeAgendaIcs(sampleAgenda(), {
    calendarName: 'Steerwise agenda',
    describe: describeInEnglish,
    generatedAt: sampleGeneratedAt,
    timeZone: 'UTC',
  });
}

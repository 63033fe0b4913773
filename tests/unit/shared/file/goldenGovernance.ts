/**
 * The provider profile and governance records of the golden portfolio, all of the North East
 * provider except a portfolio-wide risk: two delivery sites (one in Pune on the plan's Pune
 * calendar), an ISO 27001 certificate and a SOC 2 Type II report, a contact on each side, two
 * processes (one on the contract), the risk register, a monthly management review cadence with
 * one held meeting and its agenda, a decision and two action items. Everything is invented.
 */
import type { RecordsByTable } from '../../../../shared/sync/snapshot';

type ClockAt = (instant: string, deviceId: string, counter?: number) => string;
type GovernanceRecords = Pick<
  RecordsByTable,
  'providerSites' | 'certifications' | 'contacts' | 'processes' | 'risks' | 'meetingCadences' | 'meetings' | 'decisions' | 'actionItems'
>;

/** Ids of the golden portfolio's records that the governance records refer to. */
interface GovernanceOwners {
  readonly northEast: string;
  readonly contract: string;
  readonly escalation: string;
  /** The plan calendar of the Pune site. */
  readonly puneCalendar: string;
}

const cadence = '019c4700-0000-7000-8000-00000000d001';
const meeting = '019c4700-0000-7000-8000-00000000d002';
const riskAttrition = '019c4700-0000-7000-8000-00000000d003';
const actionPlan = '019c4700-0000-7000-8000-00000000d004';

/** Builds the records; `clockAt` is the golden portfolio's clock builder. */
export function goldenGovernanceRecords(owners: GovernanceOwners, clockAt: ClockAt, deviceId: string): GovernanceRecords {
  const { northEast, contract, escalation, puneCalendar } = owners;
  const profiled = clockAt('2026-02-04T10:00:00.000Z', deviceId);
  const governed = clockAt('2026-02-09T11:00:00.000Z', deviceId);
  const held = clockAt('2026-02-10T12:30:00.000Z', deviceId);
  const done = clockAt('2026-02-10T19:00:00.000Z', deviceId);
  const sync = (id: string, clock: string) => ({ id, clock, fieldClocks: {} });
  return {
    providerSites: [
      {
        ...sync('019c4700-0000-7000-8000-00000000d010', profiled),
        providerId: northEast,
        country: 'GB',
        city: 'Newcastle upon Tyne',
        deliveryModel: 'onshore',
        fte: 180,
        languages: ['en'],
        timeZone: 'Europe/London',
        calendarId: null,
      },
      {
        ...sync('019c4700-0000-7000-8000-00000000d011', profiled),
        providerId: northEast,
        country: 'IN',
        city: 'Pune',
        deliveryModel: 'offshore',
        fte: 42.5,
        languages: ['en', 'hi'],
        timeZone: 'Asia/Kolkata',
        calendarId: puneCalendar,
      },
    ],
    certifications: [
      {
        ...sync('019c4700-0000-7000-8000-00000000d020', profiled),
        providerId: northEast,
        standard: 'iso27001',
        name: 'Certificate 4471',
        issuedOn: '2024-03-01',
        expiresOn: '2027-02-28',
        evidence: 'Certificate and statement of applicability on the VMO share; scope covers both sites.',
      },
      {
        ...sync('019c4700-0000-7000-8000-00000000d021', profiled),
        providerId: northEast,
        standard: 'soc2Type2',
        name: '',
        issuedOn: '2025-01-15',
        expiresOn: '2026-01-14',
        evidence: 'Report for 2024; the 2025 report is overdue.',
      },
    ],
    contacts: [
      {
        ...sync('019c4700-0000-7000-8000-00000000d030', profiled),
        providerId: northEast,
        side: 'client',
        role: 'programmeManager',
        name: 'Priya Shah',
        email: 'priya.shah@example.org',
        phone: '',
      },
      {
        ...sync('019c4700-0000-7000-8000-00000000d031', profiled),
        providerId: northEast,
        side: 'provider',
        role: 'deliveryManager',
        name: 'Tom Ridley',
        email: 'tom.ridley@example.com',
        phone: '+44 191 496 0000',
      },
    ],
    processes: [
      {
        ...sync('019c4700-0000-7000-8000-00000000d040', profiled),
        name: 'Call handling',
        function: 'customerService',
        providerId: northEast,
        contractId: contract,
        readiness: 'migrated',
      },
      {
        ...sync('019c4700-0000-7000-8000-00000000d041', profiled),
        name: 'Clinical call-back scheduling',
        function: 'customerService',
        providerId: northEast,
        contractId: null,
        readiness: 'proceduresDocumented',
      },
    ],
    risks: [
      {
        ...sync(riskAttrition, governed),
        providerId: northEast,
        title: 'Call handler attrition above 40%',
        category: 'attrition',
        description: 'Winter recruitment lags leavers; new starters need six weeks to reach speed.',
        likelihood: 4,
        impact: 3,
        owner: 'Tom Ridley',
        mitigation: 'Retention bonus at six months; rolling recruitment.',
        status: 'mitigating',
        reviewDate: '2026-03-01',
      },
      {
        ...sync('019c4700-0000-7000-8000-00000000d051', governed),
        providerId: null,
        title: 'Two providers handle all NHS 111 calls',
        category: 'providerConcentration',
        description: '',
        likelihood: 2,
        impact: 5,
        owner: 'Priya Shah',
        mitigation: '',
        status: 'open',
        reviewDate: null,
      },
    ],
    meetingCadences: [
      {
        ...sync(cadence, governed),
        providerId: northEast,
        contractId: contract,
        kind: 'monthlyManagement',
        title: 'North East monthly management review',
        firstDate: '2026-01-31',
        untilDate: null,
        startTime: '10:00',
        durationMinutes: 90,
        timeZone: 'Europe/London',
        attendees: 'Priya Shah, Tom Ridley',
      },
    ],
    meetings: [
      {
        ...sync(meeting, governed),
        fieldClocks: { status: held, minutes: held },
        providerId: northEast,
        cadenceId: cadence,
        kind: 'monthlyManagement',
        title: 'North East monthly management review',
        date: '2026-01-31',
        startTime: '10:00',
        durationMinutes: 90,
        timeZone: 'Europe/London',
        status: 'held',
        agenda: [
          { source: 'escalation', recordId: escalation, text: 'Calls answered within 60 seconds missed in April 2015 (level 2)' },
          { source: 'risk', recordId: riskAttrition, text: 'Review: call handler attrition above 40%' },
          { source: 'note', recordId: null, text: 'Any other business' },
        ],
        attendees: 'Priya Shah, Tom Ridley',
        minutes: 'Recovery plan agreed; staffing to be reviewed weekly until the level is met.',
      },
    ],
    decisions: [
      {
        ...sync('019c4700-0000-7000-8000-00000000d060', held),
        meetingId: meeting,
        providerId: northEast,
        text: 'Accept the recovery plan; no step-in for now.',
        decidedOn: '2026-01-31',
        decidedBy: 'Priya Shah',
      },
    ],
    actionItems: [
      {
        ...sync(actionPlan, held),
        fieldClocks: { status: done, completedOn: done },
        meetingId: meeting,
        providerId: northEast,
        title: 'Send the staffing recovery plan',
        owner: 'Tom Ridley',
        dueDate: '2026-02-06',
        status: 'done',
        completedOn: '2026-02-05',
      },
      {
        ...sync('019c4700-0000-7000-8000-00000000d071', held),
        meetingId: meeting,
        providerId: northEast,
        title: 'Obtain the 2025 SOC 2 Type II report',
        owner: 'Priya Shah',
        dueDate: '2026-03-31',
        status: 'open',
        completedOn: null,
      },
    ],
  };
}

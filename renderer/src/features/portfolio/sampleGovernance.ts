/**
 * Illustrative governance records of the NHS 111 sample, for the three providers that carry the
 * illustrative contracts. They are delivery sites, certifications, contacts on both sides,
 * outsourced processes, risks, and a monthly and a quarterly standing meeting with their past
 * meetings, minutes, decisions and action items. Like the contracts, every record is invented,
 * because NHS 111 services publish none of this. Names are fictional and e-mail addresses use the reserved domain
 * example.org.
 *
 * Every date is counted from `today`, so the sample never goes stale: a certificate expires
 * within weeks, another expired last quarter, some actions are overdue and the next meetings lie
 * ahead. The same `today` always gives the same records.
 */
import type { ActionItemData, AgendaItem, DecisionData, MeetingCadenceData, MeetingData, RiskData } from '@shared/domain/governance';
import type { CertificationData, ContactData, ProcessData, ProviderSiteData } from '@shared/domain/providerProfile';
import type { CalendarDate } from '@shared/domain/types';
import { cadenceDates } from '@shared/governance/cadence';
import { fromDayNumber, toDayNumber } from '@shared/schedule/days';
import { planningRange } from '../meetings/meetingLists';

/** Codes of the sample providers that get governance records; the same three as the illustrative contracts. */
export const sampleGovernanceProviders = {
  london: '111AA7',
  westMidlands: '111AC9',
  northWest: '111AF8',
} as const;

type ProviderKey = keyof typeof sampleGovernanceProviders;

/** A record that names its provider by key, resolved to the provider's id when stored. */
type ForProvider<T extends { readonly providerId: unknown }> = Omit<T, 'providerId'> & { readonly provider: ProviderKey | null };

/** A past or planned meeting with the decisions and actions it produced. */
export interface SampleMeeting {
  readonly meeting: Omit<MeetingData, 'providerId' | 'cadenceId'>;
  readonly decisions: readonly Omit<DecisionData, 'meetingId' | 'providerId'>[];
  readonly actions: readonly Omit<ActionItemData, 'meetingId' | 'providerId'>[];
}

export interface SampleCadence {
  readonly provider: ProviderKey;
  readonly cadence: Omit<MeetingCadenceData, 'providerId' | 'contractId'>;
  readonly meetings: readonly SampleMeeting[];
}

export interface SampleGovernance {
  readonly sites: readonly ForProvider<ProviderSiteData>[];
  readonly certifications: readonly ForProvider<CertificationData>[];
  readonly contacts: readonly ForProvider<ContactData>[];
  readonly processes: readonly ForProvider<ProcessData>[];
  readonly risks: readonly ForProvider<RiskData>[];
  readonly cadences: readonly SampleCadence[];
  /** Action items raised outside a meeting. */
  readonly actions: readonly ForProvider<ActionItemData>[];
}

function shift(today: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(today) + days);
}

const siteTimeZones: Readonly<Record<string, string>> = { GB: 'Europe/London', IE: 'Europe/Dublin', IN: 'Asia/Kolkata' };

function sites(): ForProvider<ProviderSiteData>[] {
  const site = (provider: ProviderKey, city: string, country: string, deliveryModel: ProviderSiteData['deliveryModel'], fte: number) => ({
    provider,
    country,
    city,
    deliveryModel,
    fte,
    languages: country === 'IN' ? ['English', 'Hindi'] : ['English'],
    timeZone: siteTimeZones[country] ?? 'Europe/London',
    calendarId: null,
  });
  return [
    site('london', 'London', 'GB', 'onshore', 140),
    site('westMidlands', 'Brierley Hill', 'GB', 'onshore', 420),
    site('westMidlands', 'Pune', 'IN', 'offshore', 60),
    site('northWest', 'Preston', 'GB', 'onshore', 310),
    site('northWest', 'Cork', 'IE', 'nearshore', 45),
  ];
}

function certifications(today: CalendarDate): ForProvider<CertificationData>[] {
  return [
    {
      provider: 'westMidlands',
      standard: 'iso27001',
      name: 'ISO/IEC 27001:2022, contact centre and Pune back office',
      issuedOn: shift(today, -1060),
      // Expires within the calendar's warning window, so the renewal shows as due soon.
      expiresOn: shift(today, 35),
      evidence: 'Certificate 27001-WM-4471 (illustrative)',
    },
    {
      provider: 'westMidlands',
      standard: 'soc2Type2',
      name: 'SOC 2 Type II report, call handling platform',
      issuedOn: shift(today, -455),
      // Lapsed last quarter: the bridge letter was never received.
      expiresOn: shift(today, -90),
      evidence: 'Report period ending 12 months after issue (illustrative)',
    },
    {
      provider: 'northWest',
      standard: 'iso22301',
      name: 'ISO 22301 business continuity, Preston and Cork',
      issuedOn: shift(today, -400),
      expiresOn: shift(today, 695),
      evidence: 'Certificate BCM-NW-0932 (illustrative)',
    },
    {
      provider: 'london',
      standard: 'iso9001',
      name: 'ISO 9001 quality management',
      issuedOn: shift(today, -200),
      expiresOn: shift(today, 895),
      evidence: 'Certificate QMS-L-2210 (illustrative)',
    },
  ];
}

function contacts(): ForProvider<ContactData>[] {
  const contact = (provider: ProviderKey, side: ContactData['side'], role: ContactData['role'], name: string) => ({
    provider,
    side,
    role,
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
    phone: '',
  });
  return [
    contact('westMidlands', 'client', 'programmeManager', 'Helen Okafor'),
    contact('westMidlands', 'client', 'processOwner', 'Tom Reyes'),
    contact('westMidlands', 'provider', 'accountManager', 'Priya Nair'),
    contact('westMidlands', 'provider', 'deliveryManager', 'Gareth Lloyd'),
    contact('northWest', 'client', 'programmeManager', 'Helen Okafor'),
    contact('northWest', 'provider', 'accountManager', 'Siobhan Walsh'),
    contact('northWest', 'provider', 'qualityAssurance', 'Marek Nowak'),
    contact('london', 'client', 'itLiaison', 'Daniel Frost'),
    contact('london', 'provider', 'deliveryManager', 'Amara Bello'),
  ];
}

function processes(): ForProvider<ProcessData>[] {
  const process = (provider: ProviderKey | null, name: string, area: ProcessData['function'], readiness: ProcessData['readiness']) => ({
    provider,
    name,
    function: area,
    contractId: null,
    readiness,
  });
  return [
    process('westMidlands', 'NHS 111 call handling', 'customerService', 'migrated'),
    process('westMidlands', 'Complaints and patient feedback administration', 'customerService', 'pilotPassed'),
    process('westMidlands', 'Call recording retrieval requests', 'it', 'knowledgeTransferDone'),
    process('northWest', 'Out-of-hours call overflow', 'customerService', 'proceduresDocumented'),
    process('northWest', 'Directory of services updates', 'it', 'asIsMapped'),
    process('london', 'Clinical advisor rota management', 'hr', 'migrated'),
    process(null, 'Supplier invoice matching', 'financeAccounting', 'notStarted'),
  ];
}

function risks(today: CalendarDate): ForProvider<RiskData>[] {
  const risk = (
    provider: ProviderKey | null,
    title: string,
    category: RiskData['category'],
    likelihood: RiskData['likelihood'],
    impact: RiskData['impact'],
    status: RiskData['status'],
    reviewInDays: number | null,
    owner: string,
    mitigation: string,
  ): ForProvider<RiskData> => ({
    provider,
    title,
    category,
    description: '',
    likelihood,
    impact,
    owner,
    mitigation,
    status,
    reviewDate: reviewInDays === null ? null : shift(today, reviewInDays),
  });
  return [
    risk(
      null,
      'Half of the call volume sits with one provider',
      'providerConcentration',
      3,
      4,
      'open',
      40,
      'Helen Okafor',
      'Keep a second provider warm with overflow volume.',
    ),
    risk(
      'westMidlands',
      'Call handler attrition above 35% a year',
      'attrition',
      5,
      4,
      'mitigating',
      -7,
      'Gareth Lloyd',
      'Retention bonus and a shorter training path, reviewed monthly.',
    ),
    risk(
      'westMidlands',
      'Patient data handled offshore without a valid SOC 2 report',
      'dataProtection',
      3,
      5,
      'open',
      -3,
      'Tom Reyes',
      'Obtain the bridge letter or stop offshore access to records.',
    ),
    risk(
      'westMidlands',
      'Winter peak exceeds forecast call volume',
      'other',
      4,
      3,
      'mitigating',
      20,
      'Priya Nair',
      'Overflow agreement and seasonal staff from October.',
    ),
    risk(
      'westMidlands',
      'Telephony platform has no tested failover',
      'disasterRecovery',
      2,
      5,
      'open',
      10,
      'Daniel Frost',
      'Fail-over test at the next maintenance window.',
    ),
    risk(
      'northWest',
      'Nearshore overflow site not yet trained on local pathways',
      'other',
      3,
      3,
      'open',
      -14,
      'Siobhan Walsh',
      'Pathway training before the overflow goes live.',
    ),
    risk(
      'northWest',
      'Parent company refinancing',
      'financialDistress',
      2,
      4,
      'accepted',
      90,
      'Helen Okafor',
      'Watch the annual accounts; step-in rights in the contract.',
    ),
    risk(
      'northWest',
      'New clinical governance rules need process changes',
      'regulatoryChange',
      3,
      2,
      'open',
      60,
      'Marek Nowak',
      'Map the changes against the procedures.',
    ),
    risk('london', 'Clinical advisor shortage at weekends', 'attrition', 2, 2, 'open', 30, 'Amara Bello', 'Weekend rota incentives.'),
    risk(
      'london',
      'Shared directory of services out of date',
      'other',
      1,
      3,
      'closed',
      null,
      'Daniel Frost',
      'Weekly update cycle in place.',
    ),
  ];
}

/** Agenda of a held sample meeting, as typed lines: a monthly review or a steering committee. */
function heldAgenda(kind: MeetingCadenceData['kind']): AgendaItem[] {
  const lines =
    kind === 'quarterlySteering'
      ? [
          'Service performance over the quarter against the contract',
          'Service credits and earn-backs',
          'Top risks and their mitigations',
          'Contract changes and the renewal timeline',
          'Decisions and actions of the last committee',
        ]
      : ['Service level results of the month', 'Recovery plan progress', 'Staffing and attrition', 'Open actions'];
  return lines.map((text) => ({ source: 'note', recordId: null, text }));
}

/**
 * Builds the meetings of a cadence from its first date to the end of the range that "Plan
 * meetings" covers (`planningRange`): past ones held with their outcomes, later ones planned.
 */
function cadenceMeetings(
  cadence: Omit<MeetingCadenceData, 'providerId' | 'contractId'>,
  today: CalendarDate,
  outcomes: (date: CalendarDate, index: number) => Pick<SampleMeeting, 'decisions' | 'actions'> & { readonly minutes: string },
): SampleMeeting[] {
  return cadenceDates(cadence, cadence.firstDate, planningRange(today).to).map((date, index) => {
    const base = {
      kind: cadence.kind,
      title: cadence.title,
      date,
      startTime: cadence.startTime,
      durationMinutes: cadence.durationMinutes,
      timeZone: cadence.timeZone,
      attendees: cadence.attendees,
      agenda: [],
    };
    if (date >= today) return { meeting: { ...base, status: 'planned', minutes: '' }, decisions: [], actions: [] };
    const { minutes, decisions, actions } = outcomes(date, index);
    return { meeting: { ...base, status: 'held', agenda: heldAgenda(cadence.kind), minutes }, decisions, actions };
  });
}

function openAction(title: string, owner: string, dueDate: CalendarDate): Omit<ActionItemData, 'meetingId' | 'providerId'> {
  return { title, owner, dueDate, status: 'open', completedOn: null };
}

/** Builds an action of a past meeting: done two days early when it fell due over 30 days ago, otherwise open (overdue once past due). */
function meetingAction(
  title: string,
  owner: string,
  dueDate: CalendarDate,
  today: CalendarDate,
): Omit<ActionItemData, 'meetingId' | 'providerId'> {
  if (dueDate >= shift(today, -30)) return openAction(title, owner, dueDate);
  return { title, owner, dueDate, status: 'done', completedOn: shift(dueDate, -2) };
}

function cadences(today: CalendarDate): SampleCadence[] {
  const monthly: SampleCadence['cadence'] = {
    kind: 'monthlyManagement',
    title: 'Monthly service review, West Midlands',
    firstDate: shift(today, -150),
    untilDate: null,
    startTime: '10:00',
    durationMinutes: 60,
    timeZone: 'Europe/London',
    attendees: 'Helen Okafor, Tom Reyes, Priya Nair, Gareth Lloyd',
  };
  const quarterly: SampleCadence['cadence'] = {
    kind: 'quarterlySteering',
    title: 'Joint steering committee, West Midlands',
    firstDate: shift(today, -200),
    untilDate: null,
    startTime: '14:00',
    durationMinutes: 90,
    timeZone: 'Europe/London',
    attendees: 'Helen Okafor, Daniel Frost, Priya Nair, provider operations director',
  };

  const monthlyMeetings = cadenceMeetings(monthly, today, (date, index) => ({
    minutes:
      index % 2 === 0
        ? 'Calls answered within 60 seconds stayed below the 95% minimum. The provider presented its recovery plan: 18 new call handlers and a revised rota.'
        : 'Abandoned calls improved but remain above target at weekends. Attrition discussed; exit interviews point to shift patterns.',
    decisions: [
      {
        text:
          index % 2 === 0
            ? 'Accept the recovery plan, with weekly figures until the minimum is met'
            : 'Trial a 4-on 4-off shift pattern for one team',
        decidedOn: date,
        decidedBy: 'Monthly service review',
      },
    ],
    actions: [
      meetingAction('Send weekly answer-rate figures', 'Priya Nair', shift(date, 14), today),
      meetingAction(
        index % 2 === 0 ? 'Confirm start dates of the new call handlers' : 'Report exit interview themes',
        'Gareth Lloyd',
        shift(date, 21),
        today,
      ),
    ],
  }));

  const quarterlyMeetings = cadenceMeetings(quarterly, today, (date) => ({
    minutes:
      'Reviewed service credits for the quarter, the attrition risk and the lapsed SOC 2 report. The committee asked for an exit readiness check on the offshore back office.',
    decisions: [
      {
        text: 'Hold the Pune back office at current volume until a valid SOC 2 report is received',
        decidedOn: date,
        decidedBy: 'Joint steering committee',
      },
      { text: 'Waive the earn-back for the first month of the recovery plan', decidedOn: date, decidedBy: 'Joint steering committee' },
    ],
    actions: [meetingAction('Obtain the SOC 2 bridge letter from the provider', 'Tom Reyes', shift(date, 30), today)],
  }));

  return [
    { provider: 'westMidlands', cadence: monthly, meetings: monthlyMeetings },
    { provider: 'westMidlands', cadence: quarterly, meetings: quarterlyMeetings },
  ];
}

/** Builds the sample's governance records for `today`. */
export function sampleGovernance(today: CalendarDate): SampleGovernance {
  return {
    sites: sites(),
    certifications: certifications(today),
    contacts: contacts(),
    processes: processes(),
    risks: risks(today),
    cadences: cadences(today),
    actions: [
      {
        provider: 'northWest',
        meetingId: null,
        ...openAction('Agree the overflow pathway training plan', 'Siobhan Walsh', shift(today, -5)),
      },
      { provider: null, meetingId: null, ...openAction('Refresh the provider concentration analysis', 'Helen Okafor', shift(today, 25)) },
    ],
  };
}

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgenda } from '../../../../../../shared/calendar/agenda';
import type { AgendaRecords } from '../../../../../../shared/calendar/agenda';
import type { ActionItem, Meeting, Risk } from '../../../../../../shared/domain/governance';
import type { Certification } from '../../../../../../shared/domain/providerProfile';
import type { Contract } from '../../../../../../shared/domain/types';
import { contractGovernanceDefaults } from '../../../../../../shared/domain/profileDefaults';
import {
  entryDetails,
  entryIcsText,
  entryScreenOf,
  entrySubject,
  entrySummary,
  entryTiming,
  groupAgenda,
} from '../../../../../../renderer/src/features/calendar/agendaText';
import { en } from '../../../../../../renderer/src/i18n/en';

const sync = { clock: '0000000000000-0000-dev000000001', fieldClocks: {} };

const contract: Contract = {
  ...sync,
  ...contractGovernanceDefaults,
  id: 'contract-1',
  providerId: 'provider-1',
  title: 'Payroll services',
  startDate: '2024-01-01',
  endDate: '2026-12-31',
  currency: 'GBP',
  annualValueMinor: null,
  monthlyChargesMinor: null,
  atRiskPercent: null,
  noticePeriod: { amount: 3, unit: 'months' },
  autoRenewal: true,
  renewalMonths: 12,
};

const certification: Certification = {
  ...sync,
  id: 'certification-1',
  providerId: 'provider-1',
  standard: 'iso27001',
  name: '',
  issuedOn: '2024-01-01',
  expiresOn: '2026-09-20',
  evidence: '',
};

const meeting: Meeting = {
  ...sync,
  id: 'meeting-1',
  providerId: 'provider-1',
  cadenceId: null,
  kind: 'quarterlySteering',
  title: 'Q3 steering committee',
  date: '2026-10-05',
  startTime: '10:00',
  durationMinutes: 90,
  timeZone: 'Europe/London',
  status: 'planned',
  agenda: [],
  attendees: '',
  minutes: '',
};

const action: ActionItem = {
  ...sync,
  id: 'action-1',
  meetingId: null,
  providerId: null,
  title: 'Send exit plan',
  owner: 'Ann Lee',
  dueDate: '2026-09-28',
  status: 'open',
  completedOn: null,
};

const risk: Risk = {
  id: 'risk-1',
  clock: '0000000000000-0000-test',
  fieldClocks: {},
  providerId: 'provider-1',
  title: 'Attrition at the Pune site',
  category: 'attrition',
  description: '',
  likelihood: 4,
  impact: 3,
  owner: 'Raj Patel',
  mitigation: '',
  status: 'mitigating',
  reviewDate: '2026-10-15',
};

const records: AgendaRecords = {
  contracts: [contract],
  certifications: [certification],
  meetings: [meeting],
  actionItems: [action],
  risks: [risk],
  providers: [{ id: 'provider-1', name: 'North Payroll' }],
};

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

function agenda() {
  return buildAgenda(records, { today: '2026-09-25', horizonDays: 120 });
}

function entryOf(kind: string) {
  const entry = agenda().find((candidate) => candidate.kind === kind);
  if (entry === undefined) throw new Error(`no ${kind} entry`);
  return entry;
}

describe('groupAgenda', () => {
  it('groups by month then day', () => {
    const months = groupAgenda(agenda());
    expect(months.map((month) => month.period)).toEqual(['2026-09', '2026-10', '2026-12']);
    expect(months[0]?.days.map((day) => day.date)).toEqual(['2026-09-20', '2026-09-28', '2026-09-30']);
    expect(months[2]?.days[0]?.entries.map((entry) => entry.kind)).toEqual(['renewal']);
  });
});

describe('entry texts', () => {
  it('words timing in both directions', () => {
    expect(entryTiming(i18next.t, { daysUntil: 0 })).toBe('today');
    expect(entryTiming(i18next.t, { daysUntil: 1 })).toBe('in 1 day');
    expect(entryTiming(i18next.t, { daysUntil: 5 })).toBe('in 5 days');
    expect(entryTiming(i18next.t, { daysUntil: -2 })).toBe('overdue by 2 days');
  });

  it('names a listed standard without a qualifier', () => {
    expect(entrySubject(i18next.t, entryOf('certificationExpiry'))).toBe(en.profile.standards.iso27001);
  });

  it('summarises with and without provider', () => {
    expect(entrySummary(i18next.t, entryOf('noticeDeadline'))).toBe('Notice deadline: Payroll services (North Payroll)');
    expect(entrySummary(i18next.t, entryOf('actionDue'))).toBe('Action due: Send exit plan');
  });

  it('details a notice deadline and a meeting', () => {
    expect(entryDetails(i18next.t, entryOf('noticeDeadline'), 'en-GB')).toEqual([
      'Notice period 3 months',
      'Without notice the contract renews on 1 Jan 2027, the day after the term ends',
    ]);
    expect(entryDetails(i18next.t, entryOf('meeting'), 'en-GB')).toEqual([
      'Quarterly joint steering committee at 10:00 (Europe/London), 90 minutes',
    ]);
    expect(entryDetails(i18next.t, entryOf('renewal'), 'en-GB')).toEqual(['Renews automatically for 12 months', 'Notice by 30 Sept 2026']);
  });

  it('details a risk review', () => {
    expect(entrySummary(i18next.t, entryOf('riskReview'))).toBe('Risk review: Attrition at the Pune site (North Payroll)');
    expect(entryDetails(i18next.t, entryOf('riskReview'), 'en-GB')).toEqual(['Status: Being mitigated, score 12 of 25', 'Owner: Raj Patel']);
  });

  it('joins details into the ics description', () => {
    const text = entryIcsText(i18next.t, entryOf('actionDue'), 'en-GB');
    expect(text.summary).toBe('Action due: Send exit plan');
    expect(text.description).toBe('Owner: Ann Lee');
  });
});

describe('entryScreenOf', () => {
  it('opens each record where it is shown', () => {
    expect(entryScreenOf(entryOf('meeting'))).toEqual({ name: 'governance', tab: 'meetings', meetingId: 'meeting-1' });
    expect(entryScreenOf(entryOf('actionDue'))).toEqual({ name: 'governance', tab: 'actions' });
    expect(entryScreenOf(entryOf('renewal'))).toEqual({ name: 'provider', providerId: 'provider-1' });
    expect(entryScreenOf(entryOf('riskReview'))).toEqual({ name: 'risks', providerId: 'provider-1' });
  });
});

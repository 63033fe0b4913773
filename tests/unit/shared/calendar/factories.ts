import type { ActionItem, Meeting } from '../../../../shared/domain/governance';
import type { Certification } from '../../../../shared/domain/providerProfile';
import type { Contract } from '../../../../shared/domain/types';

const syncFields = { clock: '0000000000000-0000-device', fieldClocks: {} };

export function makeContract(id: string, overrides: Partial<Contract> = {}): Contract {
  return {
    ...syncFields,
    id,
    providerId: 'provider-acme',
    title: `Contract ${id}`,
    startDate: '2024-01-01',
    endDate: '2026-12-31',
    currency: 'GBP',
    annualValueMinor: null,
    monthlyChargesMinor: null,
    atRiskPercent: null,
    noticePeriod: null,
    autoRenewal: false,
    renewalMonths: null,
    pricingModel: null,
    exitProvisions: { exitPlan: false, dataReturn: false, knowledgeTransferBack: false, stepInRights: false },
    ...overrides,
  };
}

export function makeCertification(id: string, overrides: Partial<Certification> = {}): Certification {
  return {
    ...syncFields,
    id,
    providerId: 'provider-acme',
    standard: 'iso27001',
    name: '',
    issuedOn: '2024-01-01',
    expiresOn: '2027-01-01',
    evidence: '',
    ...overrides,
  };
}

export function makeMeeting(id: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    ...syncFields,
    id,
    providerId: 'provider-acme',
    cadenceId: null,
    kind: 'monthlyManagement',
    title: `Meeting ${id}`,
    date: '2026-10-01',
    startTime: '10:00',
    durationMinutes: 60,
    timeZone: 'Europe/London',
    status: 'planned',
    agenda: [],
    attendees: '',
    minutes: '',
    ...overrides,
  };
}

export function makeAction(id: string, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    ...syncFields,
    id,
    meetingId: null,
    providerId: 'provider-acme',
    title: `Action ${id}`,
    owner: 'Priya',
    dueDate: '2026-10-01',
    status: 'open',
    completedOn: null,
    ...overrides,
  };
}

export const providers = [
  { id: 'provider-acme', name: 'Acme Outsourcing' },
  { id: 'provider-beta', name: 'Beta Services' },
];

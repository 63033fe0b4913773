/** Record factories for governance tests: readable ids, fixed sync fields and overridable data. */
import type { Escalation, EscalationData } from '../../../../shared/domain/escalation';
import type { ActionItem, ActionItemData, MeetingCadence, MeetingCadenceData, Risk, RiskData } from '../../../../shared/domain/governance';

const syncFields = { clock: '0000000000000-0000-test', fieldClocks: {} } as const;

export function makeRisk(id: string, data: Partial<RiskData> = {}): Risk {
  return {
    ...syncFields,
    id,
    providerId: 'p1',
    title: `Risk ${id}`,
    category: 'other',
    description: '',
    likelihood: 3,
    impact: 3,
    owner: '',
    mitigation: '',
    status: 'open',
    reviewDate: null,
    ...data,
  };
}

export function makeAction(id: string, data: Partial<ActionItemData> = {}): ActionItem {
  return {
    ...syncFields,
    id,
    meetingId: null,
    providerId: 'p1',
    title: `Action ${id}`,
    owner: '',
    dueDate: null,
    status: 'open',
    completedOn: null,
    ...data,
  };
}

export function makeEscalation(id: string, data: Partial<EscalationData> = {}): Escalation {
  return {
    ...syncFields,
    id,
    providerId: 'p1',
    serviceLevelId: 'sl1',
    openedPeriod: '2024-01',
    level: 1,
    status: 'open',
    owner: '',
    dueDate: '2024-02-15',
    openedAt: '2024-02-01T09:00:00.000Z',
    ...data,
  };
}

export function makeCadence(id: string, data: Partial<MeetingCadenceData> = {}): MeetingCadence {
  return {
    ...syncFields,
    id,
    providerId: 'p1',
    contractId: null,
    kind: 'monthlyManagement',
    title: 'Monthly service review',
    firstDate: '2024-01-31',
    untilDate: null,
    startTime: '10:00',
    durationMinutes: 60,
    timeZone: 'Europe/London',
    attendees: 'Ann Lee, Raj Patel',
    ...data,
  };
}

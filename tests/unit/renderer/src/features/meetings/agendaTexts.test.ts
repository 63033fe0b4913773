import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaScopes, draftAgenda } from '../../../../../../shared/governance/agendaDraft';
import type { AgendaDraftInput, AgendaScope } from '../../../../../../shared/governance/agendaDraft';
import type { MeetingKind } from '../../../../../../shared/domain/governance';
import { agendaTexts } from '../../../../../../renderer/src/features/meetings/agendaTexts';
import { en } from '../../../../../../renderer/src/i18n/en';
import { makeKpi, makeMeasurement, makeServiceLevel } from '../../../../shared/domain/factories';
import { makeContract } from '../../../../shared/calendar/factories';
import { makeAction, makeEscalation, makeRisk } from '../../../../shared/governance/factories';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const kpi = makeKpi('answered', { name: 'Calls answered within 60 seconds', unit: 'percent', direction: 'higherIsBetter' });
const level = { ...makeServiceLevel('sl1', 'p1', 'answered', 95, 97), critical: true };

function input(kind: AgendaDraftInput['meeting']['kind']): AgendaDraftInput {
  return {
    meeting: { providerId: 'p1', kind, date: '2024-04-10' },
    escalations: [makeEscalation('e1', { level: 3, owner: 'Sam Lee', dueDate: '2024-04-20', openedPeriod: '2024-01' })],
    serviceLevels: [level],
    kpis: [kpi],
    measurements: [makeMeasurement('p1', 'answered', '2024-03', 91.25)],
    risks: [makeRisk('r1', { title: 'Attrition', likelihood: 4, impact: 4, reviewDate: '2024-04-01' })],
    actionItems: [makeAction('a1', { title: 'Send the exit plan', dueDate: '2024-04-01' })],
    contracts: [],
    cadence: null,
  };
}

describe('agendaTexts', () => {
  it('writes each monthly management line', () => {
    const lines = draftAgenda(input('monthlyManagement'), agendaTexts(t, 'en-GB')).map((item) => item.text);
    expect(lines).toEqual([
      'Level 3 (Steering committee): Calls answered within 60 seconds missed in January 2024, owner Sam Lee, due 20 Apr 2024',
      'Calls answered within 60 seconds (critical) below its minimum in March 2024: 91.25% against 95.00%',
      '“Attrition” due 1 Apr 2024: High, score 16 of 25',
      '“Send the exit plan” due 1 Apr 2024, before this meeting, owner not assigned',
    ]);
  });

  it('writes notice deadline lines', () => {
    const renewing = makeContract('c1', {
      providerId: 'p1',
      title: 'Payroll',
      endDate: '2024-06-30',
      noticePeriod: { amount: 60, unit: 'days' },
      autoRenewal: true,
      renewalMonths: 12,
    });
    const ending = makeContract('c2', {
      providerId: 'p1',
      title: 'Service desk',
      endDate: '2024-06-30',
      noticePeriod: { amount: 1, unit: 'months' },
    });
    const base = { ...input('quarterlySteering'), escalations: [], risks: [], actionItems: [], contracts: [renewing, ending] };
    const lines = draftAgenda(base, agendaTexts(t, 'en-GB')).map((item) => item.text);
    expect(lines).toEqual([
      '1 May 2024 for contract “Payroll”, before the next meeting on 10 Jul 2024: without notice it renews on 1 Jul 2024',
      '30 May 2024 for contract “Service desk”, before the next meeting on 10 Jul 2024: the term ends on 30 Jun 2024',
    ]);
  });

  it('omits the review date of a steering committee risk', () => {
    const risk = makeRisk('r2', { title: 'Data protection', likelihood: 5, impact: 5, reviewDate: null });
    const lines = draftAgenda({ ...input('quarterlySteering'), risks: [risk] }, agendaTexts(t, 'en-GB')).map((item) => item.text);
    expect(lines).toContain('“Data protection”: Critical, score 25 of 25');
  });

  it('does not repeat the kind badge', () => {
    const contract = makeContract('c1', { providerId: 'p1', title: 'Payroll', endDate: '2024-06-30', noticePeriod: { amount: 60, unit: 'days' } });
    const drafted = draftAgenda({ ...input('quarterlySteering'), contracts: [contract] }, agendaTexts(t, 'en-GB'));
    const sources = new Set(drafted.map((item) => item.source));
    expect([...sources].sort()).toEqual(['action', 'escalation', 'noticeDeadline', 'risk']);
    for (const item of drafted) {
      const badge = t(`profile.agendaSources.${item.source}`).toLowerCase();
      expect(item.text.toLowerCase(), `${item.source} line`).not.toContain(badge);
    }
  });
});

describe('agenda scope help', () => {
  const scopes = Object.entries(agendaScopes) as [MeetingKind, AgendaScope][];
  it.each(scopes)('%s names notice deadlines when drafted', (kind, scope) => {
    const help = t(`meetings.agenda.scope.${kind}`);
    expect(help.includes('notice deadlines')).toBe(scope.noticeDeadlines);
  });
});

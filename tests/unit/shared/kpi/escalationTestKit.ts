/** Builders for escalation rule tests: critical levels, stored escalations, and an in-memory writer of rule actions. */
import type { Escalation, EscalationEvent, EscalationEventData } from '../../../../shared/domain/escalation';
import type { KpiDefinition, Measurement, ServiceLevel } from '../../../../shared/domain/types';
import type { EscalationAction, EscalationRuleInput } from '../../../../shared/kpi/escalationRules';
import { makeKpi, makeServiceLevel } from '../domain/factories';

export const answered = makeKpi('answered');
export const abandoned = makeKpi('abandoned', { direction: 'lowerIsBetter' });

/** Makes a critical level of a provider (`p1` unless given) on `kpi`. */
export function criticalLevel(id: string, kpi: KpiDefinition, minimum: number, expected = minimum, providerId = 'p1'): ServiceLevel {
  return { ...makeServiceLevel(id, providerId, kpi.id, minimum, expected), critical: true, allocationPercent: 20 };
}

/** The stored state the rules read, which `applyActions` updates as the database writer would. */
export interface EscalationState {
  readonly escalations: Escalation[];
  readonly events: EscalationEvent[];
}

let sequence = 0;

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

function event(escalationId: string, at: string, data: Omit<EscalationEventData, 'escalationId' | 'at' | 'user' | 'note'>): EscalationEvent {
  const id = nextId('ev');
  return { id, clock: id, fieldClocks: {}, escalationId, at, user: 'Rules', note: '', ...data };
}

/** Writes `actions` into `state` the way `renderer/src/db/escalations.ts` writes them into the database. */
export function applyActions(state: EscalationState, actions: readonly EscalationAction[], now: string): EscalationState {
  const escalations = [...state.escalations];
  const events = [...state.events];
  const find = (action: EscalationAction) => {
    const index = escalations.findIndex(
      (escalation) => escalation.serviceLevelId === action.serviceLevelId && escalation.openedPeriod === action.openedPeriod,
    );
    const found = escalations[index];
    if (found === undefined) throw new Error(`no escalation ${action.serviceLevelId} ${action.openedPeriod}`);
    return { index, found };
  };

  for (const action of actions) {
    if (action.kind === 'open') {
      const id = nextId('esc');
      escalations.push({
        id,
        clock: id,
        fieldClocks: {},
        providerId: action.providerId,
        serviceLevelId: action.serviceLevelId,
        openedPeriod: action.openedPeriod,
        level: action.level,
        status: 'open',
        owner: '',
        dueDate: action.dueDate,
        openedAt: now,
      });
      events.push(event(id, now, { kind: 'opened', level: action.level, rule: action.rule, period: action.openedPeriod, amount: action.amount }));
    } else if (action.kind === 'repeatMiss') {
      const { found } = find(action);
      events.push(event(found.id, now, { kind: 'repeatMiss', level: found.level, rule: null, period: action.period, amount: null }));
    } else {
      const { index, found } = find(action);
      escalations[index] = { ...found, level: action.level, dueDate: action.dueDate };
      events.push(event(found.id, now, { kind: 'raised', level: action.level, rule: action.rule, period: null, amount: action.amount }));
    }
  }
  return { escalations, events };
}

/** Builds rule input from the pieces a test varies, with no escalations stored unless given. */
export function ruleInput(
  levels: readonly ServiceLevel[],
  measurements: readonly Measurement[],
  now: string,
  state: EscalationState = { escalations: [], events: [] },
): EscalationRuleInput {
  return {
    serviceLevels: levels,
    kpis: [answered, abandoned],
    measurements,
    escalations: state.escalations,
    events: state.events,
    now,
    today: now.slice(0, 10),
  };
}

import { describe, expect, it } from 'vitest';
import { parseControlTowerMessage, parseControlTowerRequest } from '../../../../../../renderer/src/features/dashboard/controlTowerWorkerProtocol';

const summaryRequest = { kind: 'summary', databaseName: 'steerwise-portfolio-p1', selection: { scope: null, month: null }, today: '2026-12-05' };
const summaryValue = {
  today: '2026-12-05',
  providers: [],
  kpis: [],
  months: [],
  reportingMonth: null,
  insights: [],
  comparisonKpis: [],
  breaches: { rows: [], total: 0, countByKpi: [], countByProvider: [], measuredMonths: 0 },
};

describe('parseControlTowerRequest', () => {
  it('accepts a summary request', () => {
    expect(parseControlTowerRequest(summaryRequest)).toEqual(summaryRequest);
  });

  it('accepts a chosen scope and month', () => {
    const request = { ...summaryRequest, selection: { scope: 'all', month: '2016-03' } };
    expect(parseControlTowerRequest(request)).toEqual(request);
  });

  it('accepts an escalation actions request', () => {
    const request = { kind: 'escalationActions', databaseName: 'steerwise-portfolio-p1', now: '2026-12-05T09:00:00.000Z', today: '2026-12-05' };
    expect(parseControlTowerRequest(request)).toEqual(request);
  });

  it('rejects an unknown scope', () => {
    expect(parseControlTowerRequest({ ...summaryRequest, selection: { scope: 'some', month: null } })).toBeNull();
  });

  it('rejects a month that is a date', () => {
    expect(parseControlTowerRequest({ ...summaryRequest, selection: { scope: null, month: '2016-03-01' } })).toBeNull();
  });

  it('rejects a missing database name', () => {
    expect(parseControlTowerRequest({ ...summaryRequest, databaseName: '' })).toBeNull();
  });

  it('accepts a comparison request', () => {
    const request = { kind: 'comparison', databaseName: 'steerwise-portfolio-p1', kpiId: 'k1', reportingMonth: '2016-03', basis: 'trailingYear' };
    expect(parseControlTowerRequest(request)).toEqual(request);
  });

  it('rejects an unknown comparison basis', () => {
    const request = { kind: 'comparison', databaseName: 'steerwise-portfolio-p1', kpiId: 'k1', reportingMonth: '2016-03', basis: 'quarter' };
    expect(parseControlTowerRequest(request)).toBeNull();
  });

  it('rejects an unknown kind', () => {
    expect(parseControlTowerRequest({ ...summaryRequest, kind: 'export' })).toBeNull();
  });
});

describe('parseControlTowerMessage', () => {
  it('accepts ready', () => {
    expect(parseControlTowerMessage('summary', { type: 'ready' })).toEqual({ type: 'ready' });
  });

  it('keeps the summary object itself', () => {
    const message = parseControlTowerMessage('summary', { type: 'done', value: summaryValue });
    expect(message?.type === 'done' ? message.value : null).toBe(summaryValue);
  });

  it('rejects a summary without breaches', () => {
    const withoutBreaches: Record<string, unknown> = { ...summaryValue };
    delete withoutBreaches.breaches;
    expect(parseControlTowerMessage('summary', { type: 'done', value: withoutBreaches })).toBeNull();
  });

  it('accepts comparison rows', () => {
    const rows = [{ providerId: 'p1', providerName: 'North', serviceLevelId: 'l1', critical: true, result: 95, months: 1, target: 96, percentOfTarget: 99, status: 'compared' }];
    expect(parseControlTowerMessage('comparison', { type: 'done', value: rows })).toEqual({ type: 'done', value: rows });
  });

  it('rejects a comparison row without status', () => {
    expect(parseControlTowerMessage('comparison', { type: 'done', value: [{ providerId: 'p1', serviceLevelId: 'l1' }] })).toBeNull();
  });

  it('accepts escalation actions', () => {
    const actions = [{ kind: 'repeatMiss', serviceLevelId: 'l1', openedPeriod: '2016-01', period: '2016-02' }];
    expect(parseControlTowerMessage('escalationActions', { type: 'done', value: actions })).toEqual({ type: 'done', value: actions });
  });

  it('rejects an action of unknown kind', () => {
    expect(parseControlTowerMessage('escalationActions', { type: 'done', value: [{ kind: 'close' }] })).toBeNull();
  });

  it('keeps code and cause of a failure', () => {
    const error = { code: 'unexpected', cause: 'IndexedDB read failed' };
    expect(parseControlTowerMessage('summary', { type: 'failed', error })).toEqual({ type: 'failed', error });
  });

  it('rejects a failure with an unknown code', () => {
    expect(parseControlTowerMessage('summary', { type: 'failed', error: { code: 'nope' } })).toBeNull();
  });

  it('rejects a non-object message', () => {
    expect(parseControlTowerMessage('summary', 'done')).toBeNull();
  });
});

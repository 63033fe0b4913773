/**
 * The reads the control tower worker runs, called directly in Node on the sample portfolio, the
 * client's main-thread fallback, which Node takes because it has no `Worker`, and the summary
 * cache. Uses the shared catalogue, so this file runs alone with its own fake IndexedDB.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareKpiAcrossProviders } from '../../../../../../shared/kpi/controlTowerComparison';
import { unpackHeatmap } from '../../../../../../shared/kpi/controlTowerPackedHeatmap';
import { buildControlTowerSummary, defaultSelection } from '../../../../../../shared/kpi/controlTowerSummary';
import { createPortfolio, getDeviceContext } from '../../../../../../renderer/src/db/catalogue';
import { applyPendingEscalationActions, runEscalationRules } from '../../../../../../renderer/src/db/escalations';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { updateRecord } from '../../../../../../renderer/src/db/repository';
import { readVersionVector } from '../../../../../../renderer/src/db/versionVector';
import { computeControlTowerSummary, computeKpiComparison, computePendingEscalationActions } from '../../../../../../renderer/src/features/dashboard/controlTowerInput';
import { readCachedSummary, storeCachedSummary, summaryFreshness } from '../../../../../../renderer/src/features/dashboard/summaryCache';
import { openSamplePortfolio } from '../../../../../../renderer/src/features/portfolio/samplePortfolio';

vi.hoisted(() => {
  // The client logs through the platform module, which reads `window.steerwise`, and Node has no `window`.
  vi.stubGlobal('window', globalThis);
});

const { startControlTowerTask, summaryRequest } = await import('../../../../../../renderer/src/features/dashboard/controlTowerClient');

const today = '2026-12-05';
let db: PortfolioDb;

beforeAll(async () => {
  const starter = await createPortfolio('Portfolio 1');
  db = await openPortfolioDb(await openSamplePortfolio('NHS 111 sample', starter.id));
});

afterAll(() => {
  db.close();
});

async function readAll() {
  const [providers, kpis, serviceLevels, measurements, contracts, escalations] = await Promise.all([
    db.providers.toArray(),
    db.kpis.toArray(),
    db.serviceLevels.toArray(),
    db.measurements.toArray(),
    db.contracts.toArray(),
    db.escalations.toArray(),
  ]);
  return { providers, kpis, serviceLevels, measurements, contracts, escalations, today };
}

describe('computeControlTowerSummary', () => {
  it('matches the builder on the sample', async () => {
    const summary = await computeControlTowerSummary(db, defaultSelection, today);
    expect(summary.providers).toHaveLength(46);
    expect(summary.board).not.toBeNull();
    expect(summary).toEqual(buildControlTowerSummary(await readAll(), defaultSelection));
  });

  it('runs on this thread without Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const outcome = await startControlTowerTask(db, summaryRequest(db, { scope: 'all', month: null }, today)).outcome;
    expect(outcome.kind).toBe('done');
    if (outcome.kind === 'done') expect(outcome.value).toEqual(buildControlTowerSummary(await readAll(), { scope: 'all', month: null }));
  });
});

describe('computeKpiComparison', () => {
  it('matches compareKpiAcrossProviders on both bases', async () => {
    const summary = await computeControlTowerSummary(db, defaultSelection, today);
    const reportingMonth = summary.reportingMonth;
    if (reportingMonth === null) throw new Error('The sample has no reporting month');
    const all = await readAll();
    expect(summary.comparisonKpis.length).toBeGreaterThan(0);
    for (const { kpi } of summary.comparisonKpis) {
      for (const basis of ['month', 'trailingYear'] as const) {
        const expected = compareKpiAcrossProviders({ kpi, serviceLevels: all.serviceLevels, providers: all.providers, measurements: all.measurements, reportingMonth, basis });
        expect(expected.length).toBeGreaterThan(0);
        expect(await computeKpiComparison(db, kpi.id, reportingMonth, basis)).toEqual(expected);
      }
    }
  });

  it('returns no rows for an unknown KPI', async () => {
    expect(await computeKpiComparison(db, 'no-such-kpi', '2016-03', 'month')).toEqual([]);
  });
});

describe('computePendingEscalationActions', () => {
  it('finds nothing after a rule run', async () => {
    const context = await getDeviceContext();
    await runEscalationRules(db, context, today);
    expect(await computePendingEscalationActions(db, context.now(), today)).toEqual([]);
  });

  it('finds the actions a rule run writes', async () => {
    const context = await getDeviceContext();
    const critical = (await db.serviceLevels.toArray()).filter((level) => level.critical);
    const target = critical[0];
    if (target === undefined) throw new Error('The sample has no critical service level');
    // Removing every escalation of one level makes the rules open them again.
    const removed = (await db.escalations.toArray()).filter((escalation) => escalation.serviceLevelId === target.id);
    expect(removed.length).toBeGreaterThan(0);
    await db.escalations.bulkDelete(removed.map((escalation) => escalation.id));

    const basedOn = await readVersionVector(db);
    const pending = await computePendingEscalationActions(db, context.now(), today);
    expect(pending.filter((action) => action.kind === 'open').length).toBe(removed.length);
    const written = await applyPendingEscalationActions(db, context, pending, basedOn);
    expect(written).toEqual(pending);
    expect(await db.escalations.where('serviceLevelId').equals(target.id).count()).toBe(removed.length);
    expect(await computePendingEscalationActions(db, context.now(), today)).toEqual([]);
  });

  it('skips actions of changed data', async () => {
    const context = await getDeviceContext();
    const target = (await db.escalations.toArray())[0];
    if (target === undefined) throw new Error('The sample has no escalation');
    const basedOn = await readVersionVector(db);
    await db.escalations.delete(target.id);
    const pending = await computePendingEscalationActions(db, context.now(), today);
    expect(pending.length).toBeGreaterThan(0);
    // A write after the read raises the vector, so the computed actions are no longer applied.
    await updateRecord(db, 'kpis', (await db.kpis.toArray())[0]?.id ?? '', { description: 'Changed after the read' }, context);
    const changed = await readVersionVector(db);
    const eventCount = await db.escalationEvents.count();
    expect(await applyPendingEscalationActions(db, context, pending, basedOn)).toBeNull();
    expect(await db.escalationEvents.count()).toBe(eventCount);
    expect(await readVersionVector(db)).toEqual(changed);
    expect(await applyPendingEscalationActions(db, context, pending, changed)).toEqual(pending);
  });

  it('applies nothing without pending actions', async () => {
    const context = await getDeviceContext();
    const before = await readVersionVector(db);
    expect(await applyPendingEscalationActions(db, context, [], before)).toEqual([]);
    expect(await readVersionVector(db)).toEqual(before);
  });
});

describe('summary cache', () => {
  it('stores without raising the vector', async () => {
    const vector = await readVersionVector(db);
    const summary = await computeControlTowerSummary(db, defaultSelection, today);
    await storeCachedSummary(db, summary, vector);
    expect(await readVersionVector(db)).toEqual(vector);
    const cached = await readCachedSummary(db);
    expect(cached?.value.summary).toEqual(summary);
    expect(summaryFreshness(cached, vector, today)).toBe('fresh');
  });

  it('keeps the packed heatmap', async () => {
    const summary = await computeControlTowerSummary(db, defaultSelection, today);
    await storeCachedSummary(db, summary, await readVersionVector(db));
    const heatmap = (await readCachedSummary(db))?.value.summary.heatmap;
    expect(heatmap?.counts).toBeInstanceOf(Uint32Array);
    // The default scope is the critical levels, which only the sample's three illustrative contracts have.
    expect(heatmap?.providers).toHaveLength(3);
    if (heatmap === null || heatmap === undefined || summary.heatmap === null) throw new Error('The sample summary has no heatmap');
    expect(unpackHeatmap(heatmap)).toEqual(unpackHeatmap(summary.heatmap));
    expect(unpackHeatmap(heatmap).cells.flat().some((cell) => cell.worst === 'red')).toBe(true);
  });

  it('goes stale after a write', async () => {
    const cached = await readCachedSummary(db);
    const provider = (await db.providers.toArray())[0];
    if (provider === undefined) throw new Error('The sample has no provider');
    await updateRecord(db, 'providers', provider.id, { name: `${provider.name} (renamed)` }, await getDeviceContext());
    expect(summaryFreshness(cached, await readVersionVector(db), today)).toBe('stale');
  });
});

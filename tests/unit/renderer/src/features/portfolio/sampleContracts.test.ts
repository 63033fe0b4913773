// Uses the shared catalogue, so this file runs alone with its own fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listBreaches } from '../../../../../../shared/domain/kpiBreaches';
import { buildStatusBoard, summarizeQuarterCredits, trackLevels } from '../../../../../../shared/kpi/controlTower';
import { computePortfolioCredits } from '../../../../../../shared/kpi/credits';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { illustrativeContracts, illustrativeContractTitle } from '../../../../../../renderer/src/features/portfolio/sampleContracts';
import { openSamplePortfolio } from '../../../../../../renderer/src/features/portfolio/samplePortfolio';
import { sampleBreachCount } from '../../../../../e2e/sampleData';

const sampleId = await openSamplePortfolio('NHS 111 sample', null);
const db = await openPortfolioDb(sampleId);
const [providers, kpis, serviceLevels, measurements, contracts, escalations] = await Promise.all([
  db.providers.toArray(),
  db.kpis.toArray(),
  db.serviceLevels.toArray(),
  db.measurements.toArray(),
  db.contracts.toArray(),
  db.escalations.toArray(),
]);
db.close();
const codeOf = new Map(providers.map((provider) => [provider.id, provider.code]));

describe('sample illustrative contracts', () => {
  it('adds one contract per listed provider', () => {
    expect(contracts.map((contract) => codeOf.get(contract.providerId)).sort()).toEqual(illustrativeContracts.map((entry) => entry.providerCode).sort());
    expect(contracts.every((contract) => contract.title === illustrativeContractTitle && contract.atRiskPercent === 12)).toBe(true);
  });

  it('links two critical levels to each', () => {
    const critical = serviceLevels.filter((level) => level.critical);
    expect(critical).toHaveLength(6);
    expect(new Set(critical.map((level) => level.contractId)).size).toBe(3);
  });

  it('keeps the breach count of the national standards', () => {
    const expected = sampleBreachCount();
    expect(listBreaches(providers, kpis, serviceLevels, measurements).rows).toHaveLength(expected.answered + expected.abandoned);
  });

  it('owes credits in the first quarter of 2016', () => {
    const credits = computePortfolioCredits(contracts, serviceLevels, kpis, measurements);
    const summary = summarizeQuarterCredits(credits.values(), '2016-03');
    expect(summary.label).toBe('2016-Q1');
    expect(summary.totals).toHaveLength(1);
    expect(summary.totals[0]?.currency).toBe('GBP');
    expect(summary.totals[0]?.dueMinor).toBeGreaterThan(0);
  });

  it('shows red, amber and green in March 2016', () => {
    const board = buildStatusBoard(trackLevels('critical', serviceLevels, kpis, measurements), providers, '2016-03');
    expect(board.counts.red).toBeGreaterThan(0);
    expect(board.counts.amber).toBeGreaterThan(0);
    expect(board.counts.green).toBeGreaterThan(0);
  });

  it('opens escalations for the missed critical levels', () => {
    expect(escalations.length).toBeGreaterThan(0);
    const critical = new Set(serviceLevels.filter((level) => level.critical).map((level) => level.id));
    expect(escalations.every((escalation) => critical.has(escalation.serviceLevelId))).toBe(true);
  });
});

// Uses the shared catalogue, so this file runs alone with its own fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listBreaches } from '../../../../../../shared/domain/kpiBreaches';
import { buildStatusBoard, summarizeQuarterCredits, trackLevels } from '../../../../../../shared/kpi/controlTower';
import { computePortfolioCredits } from '../../../../../../shared/kpi/credits';
import { localDateOf } from '../../../../../../renderer/src/db/escalations';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { contractSchedule } from '../../../../../../renderer/src/features/portfolio/contractSchedule';
import {
  illustrativeContracts,
  illustrativeContractTitle,
  illustrativeGovernanceTerms,
  illustrativeTermEnd,
} from '../../../../../../renderer/src/features/portfolio/sampleContracts';
import { openSamplePortfolio } from '../../../../../../renderer/src/features/portfolio/samplePortfolio';
import { sampleBreachCount } from '../../../../../e2e/sampleData';

const sampleId = await openSamplePortfolio('NHS 111 sample', null);
const db = await openPortfolioDb(sampleId);
const openedOn = localDateOf(new Date().toISOString());
const [providers, kpis, serviceLevels, measurements, contracts, escalations, cadences] = await Promise.all([
  db.providers.toArray(),
  db.kpis.toArray(),
  db.serviceLevels.toArray(),
  db.measurements.toArray(),
  db.contracts.toArray(),
  db.escalations.toArray(),
  db.meetingCadences.toArray(),
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

describe('sample contract terms', () => {
  it('end the current term ahead', () => {
    for (const contract of contracts) {
      const code = codeOf.get(contract.providerId) ?? contract.providerId;
      expect(contract.startDate, code).toMatch(/^2015-/);
      expect((contract.endDate ?? '') > openedOn, code).toBe(true);
    }
  });

  it('alert the West Midlands notice deadline', () => {
    const westMidlands = contracts.find((contract) => codeOf.get(contract.providerId) === '111AC9');
    if (westMidlands === undefined) throw new Error('no West Midlands contract');
    const schedule = contractSchedule(westMidlands, openedOn);
    expect(schedule.noticeMissed).toBe(false);
    expect(schedule.noticeDueInDays).not.toBeNull();
  });

  it('link every cadence to its contract', () => {
    expect(cadences.length).toBeGreaterThan(0);
    for (const cadence of cadences) {
      const contract = contracts.find((candidate) => candidate.id === cadence.contractId);
      expect(contract?.providerId, cadence.title).toBe(cadence.providerId);
    }
  });
});

describe('illustrativeTermEnd', () => {
  const westMidlands = illustrativeContracts.find((contract) => contract.providerCode === '111AC9');
  if (westMidlands === undefined) throw new Error('no West Midlands contract');

  it.each([
    ['2026-01-31', '2026-08-31'],
    ['2026-07-01', '2027-02-28'],
    ['2027-07-15', '2028-02-29'],
  ])('ends on the last day of a month for %s', (today, end) => {
    expect(illustrativeTermEnd(westMidlands, today)).toBe(end);
  });

  it.each(['2026-01-01', '2026-01-31', '2026-07-01', '2026-12-31'])('leaves 4 to 9 weeks of notice from %s', (today) => {
    const days = contractSchedule({ ...illustrativeGovernanceTerms, endDate: illustrativeTermEnd(westMidlands, today) }, today).noticeDueInDays;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(63);
  });
});

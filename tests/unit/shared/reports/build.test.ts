import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePortfolioCredits } from '../../../../shared/kpi/credits';
import { countOpenEscalations, summarizeQuarterCredits } from '../../../../shared/kpi/controlTower';
import { buildReport, buildReportStepwise } from '../../../../shared/reports/build';
import { latestChangeOf, monthsOfPeriod } from '../../../../shared/reports/input';
import type { ReportCell, ReportOptions, ReportPack, ReportSection, ReportSectionKey } from '../../../../shared/reports/types';
import { reportSectionKeys } from '../../../../shared/reports/types';
import { packHlc } from '../../../../shared/sync/hlc';
import { emptyRecords, recordTables } from '../../../../shared/sync/snapshot';
import type { PortfolioSnapshot, RecordsByTable } from '../../../../shared/sync/snapshot';
import { makeKpi, makeMeasurement, makeProvider, makeServiceLevel } from '../domain/factories';
import { goldenIds, goldenSnapshot } from '../file/goldenSnapshot';
import { maxLevelCharts } from '../../../../shared/reports/scorecards';

const quarterOptions: ReportOptions = {
  scope: { kind: 'portfolio' },
  period: { kind: 'quarter', year: 2015, quarter: 2 },
  sections: reportSectionKeys,
  withoutCommercialTerms: false,
  today: '2026-02-15',
  generatedAt: '2026-02-15T10:00:00.000Z',
};

function sectionOf<K extends ReportSectionKey>(pack: ReportPack, key: K): Extract<ReportSection, { key: K }> {
  const section = pack.sections.find((entry) => entry.key === key);
  if (section === undefined) throw new Error(`The pack has no ${key} section`);
  return section as Extract<ReportSection, { key: K }>;
}

function allCells(pack: ReportPack): ReportCell[] {
  return pack.sections.flatMap((section) => section.tables.flatMap((table) => table.rows.flat()));
}

describe('buildReport', () => {
  const pack = buildReport({ snapshot: goldenSnapshot }, quarterOptions);

  it('keeps the section order', () => {
    expect(pack.sections.map((section) => section.key)).toEqual([...reportSectionKeys]);
  });

  it('builds only the chosen sections', () => {
    const partial = buildReport({ snapshot: goldenSnapshot }, { ...quarterOptions, sections: ['risks', 'summary'] });
    expect(partial.sections.map((section) => section.key)).toEqual(['summary', 'risks']);
  });

  it('lists the quarter months', () => {
    expect(pack.months).toEqual(['2015-04', '2015-05', '2015-06']);
  });

  it('totals credits as the dashboard does', () => {
    const credits = computePortfolioCredits(
      goldenSnapshot.records.contracts,
      goldenSnapshot.records.serviceLevels,
      goldenSnapshot.records.kpis,
      goldenSnapshot.records.measurements,
    );
    const dashboard = summarizeQuarterCredits(credits.values(), '2015-06').totals;
    const facts = sectionOf(pack, 'summary').facts;
    expect(dashboard.length).toBeGreaterThan(0);
    expect(facts.credits).toEqual(dashboard.map(({ currency, dueMinor, pendingMinor, bonusMinor }) => ({ currency, dueMinor, pendingMinor, bonusMinor })));
  });

  it('counts escalations as the dashboard does', () => {
    const counts = countOpenEscalations(goldenSnapshot.records.escalations, quarterOptions.today).byLevel;
    expect(sectionOf(pack, 'summary').facts.openEscalations).toEqual({ 1: counts[1], 2: counts[2], 3: counts[3] });
  });

  it('counts missed critical levels', () => {
    const facts = sectionOf(pack, 'summary').facts;
    expect(facts.criticalLevels).toBe(2);
    expect(facts.missedLevels).toBe(1);
  });

  it('counts overdue deadlines apart', () => {
    // On 2026-02-15 the golden contract's notice deadline (2025-09-30) and its SOC 2 report (2026-01-14) have passed.
    const facts = sectionOf(pack, 'summary').facts;
    expect(facts.passedNoticeDeadlines).toBe(1);
    expect(facts.expiredCertifications).toBe(1);
    expect(facts.upcomingDeadlines).toBe(1);
  });

  it('scores every level with a KPI', () => {
    const scorecard = sectionOf(pack, 'scorecards').tables[0];
    expect(scorecard?.rows).toHaveLength(goldenSnapshot.records.serviceLevels.length);
  });

  it('charts critical levels over 12 months', () => {
    const charts = sectionOf(pack, 'scorecards').charts;
    expect(charts).toHaveLength(2);
    expect(charts[0]?.months).toHaveLength(12);
    expect(charts[0]?.months.at(-1)).toBe('2015-06');
  });

  it('lists credits with earn-back status', () => {
    const credits = sectionOf(pack, 'credits');
    expect(credits.state).toBe('ready');
    const lines = credits.tables.find((table) => table.key === 'creditLines');
    expect(lines?.rows.length).toBeGreaterThan(0);
    expect(lines?.rows.every((row) => row[7]?.kind === 'code')).toBe(true);
  });

  it('reports plans against their baseline', () => {
    const transitions = sectionOf(pack, 'transitions');
    expect(transitions.state).toBe('ready');
    expect(transitions.tables[0]?.rows).toHaveLength(goldenSnapshot.records.plans.length);
    expect(transitions.gantts.length).toBeGreaterThan(0);
  });

  it('ranks the RFP bidders', () => {
    const ranking = sectionOf(pack, 'rfps').tables.find((table) => table.key === 'rfpRanking');
    expect(ranking?.rows.map((row) => row[2])).toEqual([
      { kind: 'integer', value: 1 },
      { kind: 'integer', value: 2 },
    ]);
  });

  it('ranks no bidder before scoring', () => {
    const unscored: PortfolioSnapshot = { ...goldenSnapshot, records: { ...goldenSnapshot.records, rfpScores: [], rfpConsensusScores: [], rfpPriceBids: [] } };
    const ranking = sectionOf(buildReport({ snapshot: unscored }, quarterOptions), 'rfps').tables.find((table) => table.key === 'rfpRanking');
    expect(ranking?.rows.length).toBe(2);
    for (const row of ranking?.rows ?? []) {
      expect(row[2]).toEqual({ kind: 'code', group: 'rfpRank', value: 'notScored' });
      expect(row[7]).toEqual({ kind: 'boolean', value: false });
    }
  });

  it('marks portfolio-wide risks', () => {
    const [first, ...rest] = goldenSnapshot.records.risks;
    if (first === undefined) throw new Error('The golden snapshot has no risk');
    const records = { ...goldenSnapshot.records, risks: [{ ...first, providerId: null }, ...rest] };
    const risks = sectionOf(buildReport({ snapshot: { ...goldenSnapshot, records } }, quarterOptions), 'risks').tables[0];
    const row = risks?.rows.find((cells) => cells[0]?.kind === 'text' && cells[0].value === first.title);
    expect(row?.[1]).toEqual({ kind: 'code', group: 'providerScope', value: 'portfolioWide' });
  });

  it('quotes consensus reasons', () => {
    const consensus = sectionOf(pack, 'rfps').tables.find((table) => table.key === 'rfpConsensus');
    expect(consensus?.rows.flat()).toContainEqual({ kind: 'text', value: 'Panel agreed on the published monthly figures.' });
  });

  it('places open risks on the heatmap', () => {
    const risks = sectionOf(pack, 'risks');
    const open = goldenSnapshot.records.risks.filter((risk) => risk.status !== 'closed').length;
    expect(risks.heatmap.flat().reduce((sum, count) => sum + count, 0)).toBe(open);
  });

  it('states the latest change', () => {
    expect(pack.dataChangedAt).toBe(latestChangeOf(goldenSnapshot.records));
    expect(pack.dataChangedAt).not.toBeNull();
  });
});

describe('buildReport without commercial terms', () => {
  const pack = buildReport({ snapshot: goldenSnapshot }, { ...quarterOptions, withoutCommercialTerms: true });

  it('redacts the credits section', () => {
    expect(sectionOf(pack, 'credits').state).toBe('redacted');
  });

  it('leaves credits out of the summary', () => {
    expect(sectionOf(pack, 'summary').facts.credits).toBeNull();
  });

  it('shows no money anywhere', () => {
    expect(allCells(pack).filter((cell) => cell.kind === 'money')).toEqual([]);
  });

  it('keeps the other sections', () => {
    expect(sectionOf(pack, 'scorecards').state).toBe('ready');
    expect(sectionOf(pack, 'rfps').state).toBe('ready');
  });
});

describe('buildReport for chosen providers', () => {
  const pack = buildReport({ snapshot: goldenSnapshot }, { ...quarterOptions, scope: { kind: 'providers', providerIds: [goldenIds.lincolnshire] } });

  it('names the providers', () => {
    expect(pack.scopeProviderNames).toEqual(['LINCOLNSHIRE NHS 111']);
  });

  it('scores only their levels', () => {
    const rows = sectionOf(pack, 'scorecards').tables[0]?.rows ?? [];
    expect(rows.length).toBe(2);
    expect(rows.every((row) => row[0]?.kind === 'text' && row[0].value === 'LINCOLNSHIRE NHS 111')).toBe(true);
  });

  it('leaves RFPs out as the scoped export does', () => {
    expect(sectionOf(pack, 'rfps').state).toBe('empty');
  });
});

describe('buildReport of an empty portfolio', () => {
  const empty: PortfolioSnapshot = { ...goldenSnapshot, records: emptyRecords(), tombstones: [] };
  const pack = buildReport({ snapshot: empty }, quarterOptions);

  it('keeps every section', () => {
    expect(pack.sections.map((section) => section.key)).toEqual([...reportSectionKeys]);
  });

  it('marks sections without data empty', () => {
    expect(pack.sections.filter((section) => section.key !== 'summary').every((section) => section.state === 'empty')).toBe(true);
  });

  it('has no change time', () => {
    expect(pack.dataChangedAt).toBeNull();
  });
});

describe('monthsOfPeriod', () => {
  it('lists one month', () => {
    expect(monthsOfPeriod({ kind: 'month', month: '2016-03' })).toEqual(['2016-03']);
  });

  it('rejects an invalid month', () => {
    expect(() => monthsOfPeriod({ kind: 'month', month: '2016-13' })).toThrow(RangeError);
  });

  it('lists the fourth quarter', () => {
    expect(monthsOfPeriod({ kind: 'quarter', year: 2015, quarter: 4 })).toEqual(['2015-10', '2015-11', '2015-12']);
  });
});

describe('buildReportStepwise', () => {
  it('equals the one-call build', async () => {
    const stepwise = await buildReportStepwise({ snapshot: goldenSnapshot }, quarterOptions);
    expect(stepwise).toEqual(buildReport({ snapshot: goldenSnapshot }, quarterOptions));
  });

  it('reports progress per section', async () => {
    const seen: (ReportSectionKey | null)[] = [];
    await buildReportStepwise({ snapshot: goldenSnapshot }, quarterOptions, { onProgress: (progress) => seen.push(progress.section) });
    expect(seen).toEqual([...reportSectionKeys, null]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const build = buildReportStepwise({ snapshot: goldenSnapshot }, quarterOptions, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.section === 'credits') controller.abort(new Error('cancelled by the test'));
      },
    });
    await expect(build).rejects.toThrow('cancelled by the test');
  });
});

describe('buildReport determinism', () => {
  it('ignores the order of records', () => {
    const expected = buildReport({ snapshot: goldenSnapshot }, quarterOptions);
    const tableOrders = fc.record(
      Object.fromEntries(recordTables.map((table) => [table, fc.shuffledSubarray([...goldenSnapshot.records[table]], { minLength: goldenSnapshot.records[table].length })])),
    );
    fc.assert(
      fc.property(tableOrders, (records) => {
        const shuffled: PortfolioSnapshot = { ...goldenSnapshot, records: records as unknown as RecordsByTable };
        expect(buildReport({ snapshot: shuffled }, quarterOptions)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('scorecard charts', () => {
  /** 30 providers with one critical level each; provider i misses the 95% minimum in i of the quarter's months, at most 3. */
  function manyLevels(): PortfolioSnapshot {
    const records = emptyRecords();
    const kpi = makeKpi('answered', { key: 'nhs111.answeredWithin60s' });
    const providers = Array.from({ length: 30 }, (_, index) => makeProvider(`p${String(index).padStart(2, '0')}`, `Provider ${String(index).padStart(2, '0')}`));
    const levels = providers.map((provider) => ({ ...makeServiceLevel(`l-${provider.id}`, provider.id, kpi.id, 95, 96), critical: true }));
    const measurements = providers.flatMap((provider, index) =>
      ['2015-04', '2015-05', '2015-06'].map((period, month) => makeMeasurement(provider.id, kpi.id, period, month < index % 4 ? 90 : 97)),
    );
    // The factories' clock is a placeholder that no clock parser reads, so each record gets a real one.
    const clock = packHlc({ wallMs: Date.parse('2026-02-01T00:00:00.000Z'), counter: 0, deviceId: 'a1b2c3d4e5f6' });
    const stamped = <T extends object>(items: readonly T[]): T[] => items.map((item) => ({ ...item, clock }));
    return {
      ...goldenSnapshot,
      records: { ...records, providers: stamped(providers), kpis: stamped([kpi]), serviceLevels: stamped(levels), measurements: stamped(measurements) },
      tombstones: [],
    };
  }

  const section = sectionOf(buildReport({ snapshot: manyLevels() }, { ...quarterOptions, sections: ['scorecards'] }), 'scorecards');

  it('draws at most the chart limit', () => {
    expect(section.charts).toHaveLength(maxLevelCharts);
    expect(section.criticalLevels).toBe(30);
  });

  it('charts the worst levels first', () => {
    const firstMissed = section.charts.slice(0, 7).map((chart) => chart.providerName);
    expect(firstMissed).toEqual(['Provider 03', 'Provider 07', 'Provider 11', 'Provider 15', 'Provider 19', 'Provider 23', 'Provider 27']);
  });

  it('lists every level in the table', () => {
    expect(section.tables[0]?.rows).toHaveLength(30);
  });
});

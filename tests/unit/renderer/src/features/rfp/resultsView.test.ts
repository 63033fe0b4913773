import { describe, expect, it } from 'vitest';
import { evaluateRfp } from '@shared/rfp/evaluate';
import { bidderRadarOption, buildResultRows, sectionBreakdownOption } from '../../../../../../renderer/src/features/rfp/resultsView';
import { consensus, ids, makeRfp, score } from './rfpFixture';

const text = { points: 'Points', formatPoints: (points: number) => points.toFixed(1) };

function scoredRfp() {
  return makeRfp('consensus', {
    scores: [
      score(ids.ann, ids.acme, ids.quality, 4),
      score(ids.ann, ids.bolt, ids.quality, 3),
      score(ids.ann, ids.crest, ids.quality, 2),
      score(ids.ann, ids.acme, ids.price, 3),
      score(ids.ann, ids.bolt, ids.price, 4),
      score(ids.ann, ids.crest, ids.price, 4),
      score(ids.ann, ids.acme, ids.staffing, 3),
      score(ids.ann, ids.bolt, ids.staffing, 3),
      score(ids.ann, ids.crest, ids.iso, 0, 'No ISO 27001 certificate.'),
      score(ids.ben, ids.crest, ids.iso, 0, ''),
    ],
  });
}

describe('buildResultRows', () => {
  it('ranks knocked-out bidders last with reasons', () => {
    const rfp = scoredRfp();
    const rows = buildResultRows(rfp, evaluateRfp(rfp).results);
    expect(rows.map((row) => row.name)).toEqual(['Acme', 'Bolt', 'Crest']);
    expect(rows[2]?.knockedOut).toBe(true);
    expect(rows[2]?.failedKnockouts).toEqual([{ criterionTitle: 'Title of crit-iso', reasons: ['No ISO 27001 certificate.'] }]);
  });

  it('flags blanks and never scores them zero', () => {
    const rfp = scoredRfp();
    const rows = buildResultRows(rfp, evaluateRfp(rfp).results);
    // Crest has no staffing score; it is knocked out, so staffing still counts for Acme and Bolt.
    expect(rows[2]?.blankCriterionTitles).toEqual(['Title of crit-staffing']);
    expect(rows[2]?.partialTotal).toBe(true);
    expect(rows[0]?.blankCriterionTitles).toEqual([]);
  });

  it('uses a consensus score', () => {
    const base = scoredRfp();
    const rfp = { ...base, consensusScores: [consensus(ids.bolt, ids.quality, 5, 'Strong references.')] };
    expect(buildResultRows(rfp, evaluateRfp(rfp).results)[0]?.name).toBe('Bolt');
  });
});

describe('chart options', () => {
  it('stacks section points per bidder', () => {
    const rfp = scoredRfp();
    const results = evaluateRfp(rfp).results;
    const option = sectionBreakdownOption(rfp, results, text) as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['Acme', 'Bolt', 'Crest']);
    expect(option.series.map((series) => series.name)).toEqual(['Service', 'Cost']);
    const acmeTotal = option.series.reduce((sum, series) => sum + (series.data[0] ?? 0), 0);
    expect(acmeTotal).toBeCloseTo(results.ranking[0]?.total ?? Number.NaN, 1);
  });

  it('draws a radar per bidder', () => {
    const rfp = scoredRfp();
    const option = bidderRadarOption(rfp, evaluateRfp(rfp).results, ids.acme) as {
      radar: { indicator: { name: string }[] };
      series: { data: { value: (number | string)[] }[] }[];
    };
    expect(option.radar.indicator.map((indicator) => indicator.name)).toEqual(['Service', 'Cost']);
    expect(option.series[0]?.data[0]?.value).toEqual([expect.any(Number), 60]);
  });
});

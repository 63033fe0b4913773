import { describe, expect, it } from 'vitest';
import { evaluateRfp } from '@shared/rfp/evaluate';
import { buildTornadoRows, rankWithWeights, tornadoOption } from '../../../../../../renderer/src/features/rfp/sensitivityView';
import { ids, makeRfp, score } from './rfpFixture';

// Acme leads on service, Bolt on price: the cost weight decides the winner.
const rfp = makeRfp('consensus', {
  scores: [
    score(ids.ann, ids.acme, ids.quality, 5, 'Best.'),
    score(ids.ann, ids.bolt, ids.quality, 1),
    score(ids.ann, ids.acme, ids.staffing, 4),
    score(ids.ann, ids.bolt, ids.staffing, 2),
    score(ids.ann, ids.acme, ids.price, 1, 'Dear.'),
    score(ids.ann, ids.bolt, ids.price, 5, 'Cheap.'),
  ],
  bidders: makeRfp('draft').bidders.slice(0, 2),
});

describe('buildTornadoRows', () => {
  it('reports the flip share and new winner', () => {
    const evaluation = evaluateRfp(rfp);
    expect(evaluation.results.winnerId).toBe(ids.acme);
    const rows = buildTornadoRows(rfp, evaluation.sensitivity, (title) => `Section: ${title}`);
    const cost = rows.find((row) => row.id === ids.cost);
    expect(cost?.label).toBe('Section: Cost');
    expect(cost?.currentPercent).toBe(40);
    expect(cost?.upperFlip?.newWinner).toBe('Bolt');
    expect(cost?.upperFlip?.percent).toBeGreaterThan(40);
    expect(cost?.highPercent).toBe(cost?.upperFlip?.percent);
    expect(rows.map((row) => row.label)).toContain('Title of crit-quality');
  });

  it('builds one bar per row', () => {
    const evaluation = evaluateRfp(rfp);
    const rows = buildTornadoRows(rfp, evaluation.sensitivity, (title) => title);
    const option = tornadoOption(rows, { belowCurrent: 'Below', aboveCurrent: 'Above', axis: 'Share' }) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(option.yAxis.data).toEqual(rows.map((row) => row.label).reverse());
    expect(option.series).toHaveLength(3);
  });
});

describe('rankWithWeights', () => {
  it('re-ranks when the cost weight rises', () => {
    const { model } = evaluateRfp(rfp);
    const results = rankWithWeights(model, { sections: new Map([[ids.cost, 90]]), criteria: new Map() });
    expect(results.winnerId).toBe(ids.bolt);
  });

  it('keeps the ranking with entered weights', () => {
    const { model } = evaluateRfp(rfp);
    expect(rankWithWeights(model, { sections: new Map(), criteria: new Map() }).winnerId).toBe(ids.acme);
  });
});

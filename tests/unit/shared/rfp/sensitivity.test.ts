import { describe, expect, test } from 'vitest';
import type { RfpInput } from '../../../../shared/rfp/input';
import { buildRfpModel } from '../../../../shared/rfp/model';
import { computeResults } from '../../../../shared/rfp/results';
import { analyseSensitivity } from '../../../../shared/rfp/sensitivity';
import { bidder, emptyInput, evaluator, knockout, scored, scoresFor, section } from './factories';

/** Criteria c1..cn, all weight 1 in one section; `scores[bidder]` lists one score per criterion. */
function matrix(scores: Record<string, readonly number[]>, weights?: readonly number[]): RfpInput {
  const criterionCount = Object.values(scores)[0]?.length ?? 0;
  const ids = Array.from({ length: criterionCount }, (_, c) => `c${String(c + 1)}`);
  return emptyInput({
    sections: [section('s', 1, 1)],
    criteria: ids.map((id, c) => scored(id, 's', weights?.[c] ?? 1, c)),
    bidders: Object.keys(scores).map((id) => bidder(id)),
    evaluators: [evaluator('e')],
    scores: Object.entries(scores).flatMap(([bidderId, values]) =>
      values.flatMap((value, c) => scoresFor(ids[c] ?? '', bidderId, ['e'], [value])),
    ),
  });
}

function analyse(input: RfpInput) {
  const model = buildRfpModel(input);
  return analyseSensitivity(model, computeResults(model));
}

describe('analyseSensitivity', () => {
  /*
   * a: 5, 0 and b: 0, 4 on c1, c2 with equal weights. a 50, b 40. For c1 at share t:
   * a = 100 t, b = 80 (1 - t); equal at t = 80/180 = 4/9. Below 4/9 b leads.
   */
  test('two criteria flip point', () => {
    const analysis = analyse(matrix({ a: [5, 0], b: [0, 4] }));
    const c1 = analysis.items.find((item) => item.id === 'c1');
    expect(analysis.winnerId).toBe('a');
    expect(c1?.lowerFlip?.share).toBeCloseTo(4 / 9, 12);
    expect(c1?.lowerFlip?.newWinnerId).toBe('b');
    expect(c1?.upperFlip).toBeNull();
    const c2 = analysis.items.find((item) => item.id === 'c2');
    // c2 at t: a = 100 (1 - t), b = 80 t: equal at t = 100/180 = 5/9.
    expect(c2?.upperFlip?.share).toBeCloseTo(5 / 9, 12);
  });

  test('ranking flip among the runners-up', () => {
    /*
     * a: 5, 5, 5 wins at every share. b: 4, 0, 2 and c: 0, 4, 2. On c1 at share t, others
     * scaled by (1 - t) / (2/3): b = 80 t + (1 - t) * 20, c = 0 + (1 - t) * 60; equal where
     * 80 t + 20 - 20 t = 60 - 60 t, so t = 40/120 = 1/3, the current share: b and c tie now.
     */
    const analysis = analyse(matrix({ a: [5, 5, 5], b: [4, 0, 2], c: [0, 4, 2] }));
    const c1 = analysis.items.find((item) => item.id === 'c1');
    expect(c1?.winnerRange).toEqual({ low: 0, high: 1 });
    expect(c1?.lowerRankFlip?.share).toBeCloseTo(1 / 3, 12);
    expect(c1?.lowerRankFlip?.bidderIds).toEqual(['b', 'c']);
  });

  test('single bidder has no flips', () => {
    const analysis = analyse(matrix({ a: [3, 4] }));
    expect(analysis.items.map((item) => [item.lowerFlip, item.upperFlip, item.winnerRange])).toEqual([
      [null, null, { low: 0, high: 1 }],
      [null, null, { low: 0, high: 1 }],
      [null, null, { low: 0, high: 1 }],
    ]);
  });

  test('whole-weight item has no flips', () => {
    const analysis = analyse(matrix({ a: [5, 0], b: [0, 5] }, [1, 0]));
    const c1 = analysis.items.find((item) => item.id === 'c1');
    expect(c1?.share).toBe(1);
    expect([c1?.lowerFlip, c1?.upperFlip]).toEqual([null, null]);
  });

  test('knocked-out bidders are left out', () => {
    const base = matrix({ a: [5, 0], b: [0, 4], c: [5, 5] });
    const input = {
      ...base,
      criteria: [...base.criteria, knockout('k', 's', 9)],
      scores: [...base.scores, ...scoresFor('k', 'c', ['e'], [0], 'No certificate')],
    };
    const analysis = analyse(input);
    expect(analysis.winnerId).toBe('a');
    expect(analysis.items.every((item) => item.lowerFlip?.newWinnerId !== 'c' && item.upperFlip?.newWinnerId !== 'c')).toBe(true);
  });

  test('no winner gives no items', () => {
    expect(analyse(matrix({ a: [1], b: [2] }, [0]))).toEqual({ winnerId: null, items: [], tornado: [] });
  });

  test('tornado sorted by swing', () => {
    const analysis = analyse(matrix({ a: [5, 3, 4], b: [1, 4, 4] }, [2, 1, 1]));
    const swings = analysis.tornado.map((bar) => bar.swing);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    expect(analysis.tornado).toHaveLength(analysis.items.length);
  });

  test('tornado ends stay within 0 and 1', () => {
    const analysis = analyse(matrix({ a: [5, 3], b: [1, 4] }, [9, 1]));
    const c1 = analysis.items.find((item) => item.id === 'c1');
    // Share .9: low .45, high min(1, 1.35) = 1.
    expect(c1?.tornado.lowShare).toBeCloseTo(0.45, 12);
    expect(c1?.tornado.highShare).toBe(1);
  });
});

import { describe, expect, test } from 'vitest';
import type { ScoreInput } from '../../../../shared/rfp/input';
import { evaluatorView } from '../../../../shared/rfp/visibility';
import { consensus, evaluator } from './factories';

const scores: ScoreInput[] = [
  { evaluatorId: 'ann', bidderId: 'a', criterionId: 'c', value: 3, comment: 'ann on a' },
  { evaluatorId: 'ann', bidderId: 'b', criterionId: 'c', value: 4, comment: 'ann on b' },
  { evaluatorId: 'bob', bidderId: 'a', criterionId: 'c', value: 2, comment: 'bob on a' },
  { evaluatorId: 'bob', bidderId: 'b', criterionId: 'c', value: 5, comment: 'bob on b' },
];
const agreed = [consensus('c', 'a', 3, 'Agreed'), consensus('c', 'b', 4, 'Agreed')];
const comments = (list: readonly ScoreInput[]) => list.map((score) => score.comment);

describe('evaluatorView', () => {
  test('sealed while scoring', () => {
    const view = evaluatorView('scoring', evaluator('ann'), scores, agreed);
    expect(comments(view.own)).toEqual(['ann on a', 'ann on b']);
    expect(view.others).toEqual([]);
    expect(view.consensusScores).toEqual([]);
    expect(view.mayViewResults).toBe(false);
  });

  test('open from consensus on', () => {
    for (const phase of ['consensus', 'awarded'] as const) {
      const view = evaluatorView(phase, evaluator('ann'), scores, agreed);
      expect(comments(view.others)).toEqual(['bob on a', 'bob on b']);
      expect(view.consensusScores).toHaveLength(2);
      expect(view.mayViewResults).toBe(true);
    }
  });

  test('conflict hides that bidder', () => {
    const view = evaluatorView('consensus', evaluator('ann', { conflictStatus: 'declared', conflictBidderIds: ['b'] }), scores, agreed);
    expect(comments(view.others)).toEqual(['bob on a']);
    expect(view.consensusScores.map((entry) => entry.bidderId)).toEqual(['a']);
    expect(view.hiddenBidderIds).toEqual(['b']);
  });

  test('pending declaration stays sealed', () => {
    const view = evaluatorView('consensus', evaluator('ann', { conflictStatus: 'pending' }), scores, agreed);
    expect(view.others).toEqual([]);
    expect(view.mayViewResults).toBe(false);
  });

  test.each(['draft', 'open', 'cancelled'] as const)('%s shows only own', (phase) => {
    const view = evaluatorView(phase, evaluator('bob'), scores, agreed);
    expect(comments(view.own)).toEqual(['bob on a', 'bob on b']);
    expect(view.others).toEqual([]);
    expect(view.consensusScores).toEqual([]);
    expect(view.mayViewResults).toBe(false);
  });
});

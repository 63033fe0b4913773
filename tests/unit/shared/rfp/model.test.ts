import { describe, expect, test } from 'vitest';
import { matrixCell } from '../../../../shared/rfp/cells';
import type { RfpInput } from '../../../../shared/rfp/input';
import { buildRfpModel, removeConsensus, setConsensus, setScore } from '../../../../shared/rfp/model';
import {
  bidder,
  consensus,
  emptyInput,
  evaluator,
  knockout,
  makeEvent,
  monthlyBid,
  price,
  scaleOf,
  scored,
  scoresFor,
  section,
} from './factories';

const panel = ['e1', 'e2', 'e3', 'e4'];

function oneCell(values: readonly (number | null)[], data: Partial<RfpInput> = {}): RfpInput {
  return emptyInput({
    sections: [section('s', 1, 1)],
    criteria: [scored('c', 's', 1, 1)],
    bidders: [bidder('b')],
    evaluators: panel.slice(0, values.length).map((id) => evaluator(id)),
    scores: scoresFor('c', 'b', panel, values, 'why'),
    ...data,
  });
}

const cellOf = (input: RfpInput, bidderId = 'b', criterionId = 'c') => matrixCell(buildRfpModel(input), bidderId, criterionId)!;

describe('cell aggregates', () => {
  test('mean and median, odd count', () => {
    const cell = cellOf(oneCell([1, 5, 3]));
    expect([cell.mean, cell.median, cell.spread]).toEqual([3, 3, 4]);
  });

  test('median of an even count', () => {
    const cell = cellOf(oneCell([1, 2, 4, 5]));
    expect([cell.mean, cell.median]).toEqual([3, 3]);
    expect(cellOf(oneCell([0, 1, 1, 5])).median).toBe(1);
  });

  test('blank individual is skipped', () => {
    const cell = cellOf(oneCell([2, null, 4]));
    expect([cell.mean, cell.effective, cell.source]).toEqual([3, 3, 'mean']);
    expect(cell.individual[1]).toEqual({ evaluatorId: 'e2', value: null, comment: 'why', excludedBecause: null });
  });

  test('all blank is a blank cell', () => {
    const cell = cellOf(oneCell([null, null]));
    expect([cell.mean, cell.median, cell.spread, cell.effective, cell.source]).toEqual([null, null, null, null, 'blank']);
  });

  test('spread at 30% of range flags', () => {
    const tenPoint = { criteria: [scored('c', 's', 1, 1, scaleOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))] };
    // Range 10: a spread of 3 reaches 30%, a spread of 2 does not.
    expect(cellOf(oneCell([4, 7], tenPoint)).noConsensus).toBe(true);
    expect(cellOf(oneCell([4, 6], tenPoint)).noConsensus).toBe(false);
    // Range 5: threshold 1.5, so 2 flags and 1 does not.
    expect(cellOf(oneCell([3, 5])).noConsensus).toBe(true);
    expect(cellOf(oneCell([3, 4])).noConsensus).toBe(false);
  });

  test('one score never flags', () => {
    expect(cellOf(oneCell([0, null])).noConsensus).toBe(false);
  });

  test('consensus overrides the mean', () => {
    const cell = cellOf(oneCell([1, 5], { consensusScores: [consensus('c', 'b', 4, 'Site visit settled it')] }));
    expect([cell.mean, cell.effective, cell.source, cell.noConsensus]).toEqual([3, 4, 'consensus', true]);
    expect(cell.consensus).toEqual({ value: 4, reason: 'Site visit settled it' });
  });

  test('consensus without reason is ignored', () => {
    const cell = cellOf(oneCell([1, 5], { consensusScores: [consensus('c', 'b', 4, '   ')] }));
    expect([cell.effective, cell.source, cell.consensusIgnored, cell.consensus]).toEqual([3, 'mean', true, null]);
  });

  test('conflicted evaluator does not count', () => {
    const input = oneCell([1, 5, 5], {
      evaluators: [evaluator('e1', { conflictStatus: 'declared', conflictBidderIds: ['b'] }), evaluator('e2'), evaluator('e3')],
    });
    const cell = cellOf(input);
    expect(cell.mean).toBe(5);
    expect(cell.individual[0]?.excludedBecause).toBe('conflictOfInterest');
  });

  test('evaluator outside scope does not count', () => {
    const input = oneCell([1, 5], { evaluators: [evaluator('e1', { sectionIds: ['other'] }), evaluator('e2', { sectionIds: ['s'] })] });
    const cell = cellOf(input);
    expect(cell.mean).toBe(5);
    expect(cell.individual[0]?.excludedBecause).toBe('outsideScope');
  });

  test('unknown cell is null', () => {
    expect(matrixCell(buildRfpModel(oneCell([1])), 'nobody', 'c')).toBeNull();
  });
});

describe('knockouts', () => {
  const knockoutInput = (values: readonly (number | null)[], data: Partial<RfpInput> = {}): RfpInput =>
    emptyInput({
      sections: [section('s', 1, 1)],
      criteria: [knockout('k', 's', 1), scored('c', 's', 1, 2)],
      bidders: [bidder('b')],
      evaluators: panel.slice(0, values.length).map((id) => evaluator(id)),
      scores: scoresFor('k', 'b', panel, values, 'checked'),
      ...data,
    });
  const statusOf = (input: RfpInput) => cellOf(input, 'b', 'k').knockout;

  test.each([
    [[1, 1, 1], 'pass'],
    [[0, 0, 0], 'fail'],
    [[1, 0, 1], 'disputed'],
    [[1, 1, null], 'pending'],
    [[0, null, null], 'pending'],
    [[1, 0, null], 'disputed'],
  ] as const)('verdicts %j give %s', (values, status) => {
    expect(statusOf(knockoutInput(values))).toBe(status);
  });

  test('no evaluator is pending', () => {
    expect(statusOf(knockoutInput([]))).toBe('pending');
  });

  test('consensus decides a dispute', () => {
    expect(statusOf(knockoutInput([1, 0], { consensusScores: [consensus('k', 'b', 0, 'Certificate expired in January')] }))).toBe('fail');
    expect(statusOf(knockoutInput([0, 0], { consensusScores: [consensus('k', 'b', 1, 'Renewal certificate received')] }))).toBe('pass');
  });

  test('knockout cell has no score', () => {
    const cell = cellOf(knockoutInput([1, 1]), 'b', 'k');
    expect([cell.effective, cell.source]).toEqual([null, 'blank']);
  });

  test('only a fail knocks out', () => {
    expect(buildRfpModel(knockoutInput([0, 0])).knockedOut[0]).toBe(1);
    expect(buildRfpModel(knockoutInput([1, 0])).knockedOut[0]).toBe(0);
  });
});

describe('price cells', () => {
  const priceInput = (method: 'lowestOverBid' | 'linear' | 'manual'): RfpInput =>
    emptyInput({
      event: makeEvent({ priceScoreMethod: method, termMonths: 10 }),
      sections: [section('s', 1, 1)],
      criteria: [price('p', 's', 1, 1)],
      bidders: [bidder('a'), bidder('b'), bidder('c')],
      evaluators: [evaluator('e1')],
      scores: [{ evaluatorId: 'e1', bidderId: 'a', criterionId: 'p', value: 2, comment: 'manual' }],
      // TCOs 1,000, 2,000, and none for c.
      priceBids: [monthlyBid('a', 0, 100), monthlyBid('b', 0, 200)],
    });

  test('formula fills the cells', () => {
    const model = buildRfpModel(priceInput('lowestOverBid'));
    expect(matrixCell(model, 'a', 'p')?.effective).toBe(5);
    expect(matrixCell(model, 'b', 'p')?.effective).toBe(2.5);
    expect(matrixCell(model, 'a', 'p')?.source).toBe('priceFormula');
    expect(matrixCell(model, 'c', 'p')?.source).toBe('blank');
  });

  test('formula ignores evaluator scores', () => {
    expect(matrixCell(buildRfpModel(priceInput('linear')), 'a', 'p')?.mean).toBeNull();
  });

  test('manual takes evaluator scores', () => {
    const cell = matrixCell(buildRfpModel(priceInput('manual')), 'a', 'p');
    expect([cell?.effective, cell?.source]).toEqual([2, 'mean']);
  });
});

describe('edits', () => {
  test('setScore refreshes the cell', () => {
    const model = buildRfpModel(oneCell([1, 1]));
    expect(setScore(model, { evaluatorId: 'e2', bidderId: 'b', criterionId: 'c', value: 5, comment: 'revised' })).toBe(true);
    const cell = matrixCell(model, 'b', 'c');
    expect([cell?.mean, cell?.noConsensus, cell?.individual[1]?.comment]).toEqual([3, true, 'revised']);
  });

  test('setScore with null blanks', () => {
    const model = buildRfpModel(oneCell([1, 3]));
    setScore(model, { evaluatorId: 'e1', bidderId: 'b', criterionId: 'c', value: null, comment: '' });
    expect(matrixCell(model, 'b', 'c')?.mean).toBe(3);
  });

  test('setScore rejects unknown ids', () => {
    const model = buildRfpModel(oneCell([1]));
    expect(setScore(model, { evaluatorId: 'ghost', bidderId: 'b', criterionId: 'c', value: 5, comment: '' })).toBe(false);
    expect(matrixCell(model, 'b', 'c')?.mean).toBe(1);
  });

  test('consensus set and removed', () => {
    const model = buildRfpModel(oneCell([1, 3]));
    expect(setConsensus(model, consensus('c', 'b', 4, 'Agreed'))).toBe(true);
    expect(matrixCell(model, 'b', 'c')?.effective).toBe(4);
    expect(removeConsensus(model, 'b', 'c')).toBe(true);
    expect(matrixCell(model, 'b', 'c')?.effective).toBe(2);
    expect(removeConsensus(model, 'b', 'nothing')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { buildRfpModel } from '@shared/rfp/model';
import { buildMatrixView, parseScoreText } from '../../../../../../renderer/src/features/rfp/matrixView';
import type { RfpRecords } from '../../../../../../renderer/src/features/rfp/rfpRecords';
import { evaluator, ids, makeRfp, score } from './rfpFixture';

function view(rfp: RfpRecords, evaluatorId: string | null) {
  return buildMatrixView(rfp, buildRfpModel(rfp), evaluatorId);
}

const scores = [score(ids.ann, ids.acme, ids.quality, 4), score(ids.ben, ids.acme, ids.quality, 1)];

describe('buildMatrixView', () => {
  it('seals other scores while scoring', () => {
    const matrix = view(makeRfp('scoring', { scores }), ids.ann);
    const cell = matrix.rows[0]?.cells[0];
    expect(matrix.unsealed).toBe(false);
    expect(cell?.own?.value).toBe(4);
    expect(cell?.stats).toBeNull();
    expect(cell?.lock).toBeNull();
  });

  it('shows statistics in consensus', () => {
    const matrix = view(makeRfp('consensus', { scores }), ids.ann);
    const stats = matrix.rows[0]?.cells[0]?.stats;
    expect(matrix.unsealed).toBe(true);
    expect(stats?.mean).toBe(2.5);
    expect(stats?.median).toBe(2.5);
    expect(stats?.noConsensus).toBe(true);
    expect(matrix.rows[0]?.cells[0]?.lock).toBe('closed');
  });

  it('hides bidders of a declared conflict', () => {
    const conflicted = evaluator(ids.ann, 'Ann', {
      conflictStatus: 'declared',
      conflictBidderIds: [ids.acme],
      conflictStatement: 'Former employer.',
    });
    const matrix = view(makeRfp('consensus', { scores, evaluators: [conflicted, evaluator(ids.ben, 'Ben')] }), ids.ann);
    expect(matrix.rows[0]?.cells[0]?.stats).toBeNull();
    expect(matrix.rows[0]?.cells[1]?.stats).not.toBeNull();
  });

  it('locks cells for conflicts and pending declarations', () => {
    const conflicted = evaluator(ids.ann, 'Ann', {
      conflictStatus: 'declared',
      conflictBidderIds: [ids.bolt],
      conflictStatement: 'Shares.',
    });
    const pending = evaluator(ids.ben, 'Ben', { conflictStatus: 'pending' });
    const rfp = makeRfp('scoring', { evaluators: [conflicted, pending] });
    expect(view(rfp, ids.ann).rows[0]?.cells.map((cell) => cell.lock)).toEqual([null, 'conflictOfInterest', null]);
    expect(view(rfp, ids.ben).rows[0]?.cells[0]?.lock).toBe('conflictPending');
  });

  it('locks every cell without an evaluator', () => {
    const matrix = view(makeRfp('scoring', { scores }), null);
    expect(matrix.rows.flatMap((row) => row.cells).every((cell) => cell.lock === 'closed' && cell.own === null)).toBe(true);
  });

  it('locks a formula-scored price criterion', () => {
    const rfp = makeRfp('scoring');
    const formula = { ...rfp, event: { ...rfp.event, priceScoreMethod: 'linear' as const } };
    const price = view(formula, ids.ann).rows.find((row) => row.criterionId === ids.price);
    expect(price?.cells[0]?.lock).toBe('priceFormula');
  });
});

describe('parseScoreText', () => {
  const scored = { kind: 'scored' as const, levels: makeRfp('draft').criteria[0]?.scale?.levels ?? [] };

  it('reads a level value', () => {
    expect(parseScoreText('3', scored)).toEqual({ ok: true, value: 3, needsComment: false });
  });

  it('asks for a comment at either end', () => {
    expect(parseScoreText('0', scored)).toEqual({ ok: true, value: 0, needsComment: true });
    expect(parseScoreText('5', scored)).toEqual({ ok: true, value: 5, needsComment: true });
  });

  it('rejects values off the scale', () => {
    expect(parseScoreText('7', scored)).toEqual({ ok: false, allowed: [0, 1, 2, 3, 4, 5] });
    expect(parseScoreText('2.5', scored).ok).toBe(false);
  });

  it('reads knockout pass and fail', () => {
    const knockout = { kind: 'knockout' as const, levels: [] };
    expect(parseScoreText('1', knockout)).toEqual({ ok: true, value: 1, needsComment: false });
    expect(parseScoreText('0', knockout)).toEqual({ ok: true, value: 0, needsComment: true });
    expect(parseScoreText('2', knockout).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { foldedTombstoneClock, naturalKey } from '../../../../shared/sync/mergeNaturalKeys';
import { at, bidder, priceBid, provider, recordOf, score, snapshot, tombstone } from './mergeTestKit';

const now = Date.UTC(2026, 0, 2);

describe('merge of RFP scores', () => {
  it('folds two records of one cell', () => {
    const local = snapshot({
      records: { rfpScores: [score('sB', { clock: at(5, 'devL') }, ['ann', 'b1', 'c1'], { value: 4, comment: 'Local' })] },
    });
    const remote = snapshot({
      records: { rfpScores: [score('sA', { clock: at(3, 'devR') }, ['ann', 'b1', 'c1'], { value: 2, comment: 'Remote' })] },
    });

    const merged = mergeSnapshots(local, remote, { now }).snapshot;

    expect(merged.records.rfpScores.map((record) => record.id)).toEqual(['sA']);
    expect(recordOf(merged, 'rfpScores', 'sA')).toMatchObject({ value: 4, comment: 'Local' });
    expect(merged.tombstones).toEqual([tombstone('sB', 'rfpScores', foldedTombstoneClock)]);
  });

  it('keeps two evaluators apart', () => {
    const local = snapshot({ records: { rfpScores: [score('sL', { clock: at(1, 'devL') }, ['ann', 'b1', 'c1'])] } });
    const remote = snapshot({ records: { rfpScores: [score('sR', { clock: at(1, 'devR') }, ['bob', 'b1', 'c1'])] } });

    const result = mergeSnapshots(local, remote, { now });

    expect(result.snapshot.records.rfpScores.map((record) => record.id)).toEqual(['sL', 'sR']);
    expect(result.preview.tables.rfpScores).toEqual({ added: 1, changed: 0, deleted: 0, mergedByNaturalKey: 0 });
  });

  it('reports a concurrent re-score as a conflict', () => {
    const base = score('s1', { clock: at(1, 'devL') }, ['ann', 'b1', 'c1'], { value: 3 });
    const local = snapshot({
      records: { rfpScores: [{ ...base, value: 4, fieldClocks: { value: at(5, 'devL') } }] },
      versionVector: { devL: at(5, 'devL') },
    });
    const remote = snapshot({
      records: { rfpScores: [{ ...base, value: 2, fieldClocks: { value: at(6, 'devR') } }] },
      versionVector: { devL: at(1, 'devL'), devR: at(6, 'devR') },
    });

    const result = mergeSnapshots(local, remote, { now });

    expect(recordOf(result.snapshot, 'rfpScores', 's1')?.value).toBe(2);
    expect(result.preview.conflicts.map((conflict) => [conflict.table, conflict.field, conflict.winner])).toEqual([
      ['rfpScores', 'value', 'remote'],
    ]);
  });
});

describe('merge of other RFP records', () => {
  it('folds price bids of one round', () => {
    const local = snapshot({
      records: { rfpPriceBids: [priceBid('bB', { clock: at(1, 'devL') }, 'b1', 1), priceBid('bC', { clock: at(1, 'devL') }, 'b1', 2)] },
    });
    const remote = snapshot({ records: { rfpPriceBids: [priceBid('bA', { clock: at(2, 'devR') }, 'b1', 1)] } });

    const merged = mergeSnapshots(local, remote, { now }).snapshot;

    expect(merged.records.rfpPriceBids.map((record) => record.id)).toEqual(['bA', 'bC']);
  });

  it('rewrites a bidder to the folded provider', () => {
    const local = snapshot({
      records: {
        providers: [provider('pB', { clock: at(1, 'devL') }, { code: 'RX1' })],
        rfpBidders: [bidder('d1', { clock: at(1, 'devL') }, 'rfp1', { providerId: 'pB' })],
      },
    });
    const remote = snapshot({ records: { providers: [provider('pA', { clock: at(2, 'devR') }, { code: 'RX1' })] } });

    const merged = mergeSnapshots(local, remote, { now }).snapshot;

    expect(recordOf(merged, 'rfpBidders', 'd1')?.providerId).toBe('pA');
  });

  it('gives no key to bids without a whole round', () => {
    expect(naturalKey('rfpPriceBids', { bidderId: 'b1', round: 1.5 })).toBeNull();
    expect(naturalKey('rfpPriceBids', { bidderId: 'b1', round: 2 })).toBe('2:b12');
    expect(naturalKey('rfpBidders', { rfpId: 'r1', name: 'Acme', providerId: 'p1' })).toBeNull();
  });
});

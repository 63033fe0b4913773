/**
 * Evaluator files in shared code: what `scopeSnapshot` keeps for one evaluator, what the reader
 * rejects in such a file, and the part a merge on the lead's laptop takes back in. Built on the
 * golden portfolio, whose RFP has Ann (no conflict) and Raj (a conflict with the prospect).
 */
import { describe, expect, test } from 'vitest';
import { readPortfolioFile, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import type { EvaluatorScope } from '../../../../shared/file';
import { evaluatorScoresOnly, missingEvaluatorScopeRecord, summarizeEvaluatorImport } from '../../../../shared/rfp/evaluatorScope';
import { recordTables } from '../../../../shared/sync/snapshot';
import { errorOf, valueOf } from '../../../support/node/results';
import { editRecord, repack, unzipEntries } from '../file/craft';
import { goldenMetadata, goldenSnapshot } from '../file/goldenSnapshot';
import { goldenRfpIds } from '../file/goldenRfp';

const annScope: EvaluatorScope = { rfpId: goldenRfpIds.rfp, evaluatorId: goldenRfpIds.ann };
const rajScope: EvaluatorScope = { rfpId: goldenRfpIds.rfp, evaluatorId: goldenRfpIds.raj };

function writeEvaluatorFile(scope: EvaluatorScope): Promise<Uint8Array> {
  return writePortfolioFile(scopeSnapshot(goldenSnapshot, { rfp: scope }), { ...goldenMetadata, scope: { rfp: scope } });
}

describe('scopeSnapshot for an evaluator', () => {
  test('keeps the RFP and Ann scores', () => {
    const { records, tombstones, scoped } = scopeSnapshot(goldenSnapshot, { rfp: annScope });
    expect(scoped).toBe(true);
    expect(tombstones).toEqual([]);
    expect(records.rfpEvents.map((event) => event.id)).toEqual([goldenRfpIds.rfp]);
    expect(records.rfpSections).toEqual(goldenSnapshot.records.rfpSections);
    expect(records.rfpCriteria).toEqual(goldenSnapshot.records.rfpCriteria);
    expect(records.rfpBidders).toEqual(goldenSnapshot.records.rfpBidders);
    expect(records.rfpEvaluators.map((evaluator) => evaluator.id)).toEqual([goldenRfpIds.ann]);
    expect(records.rfpScores).toHaveLength(2);
    expect(records.rfpScores.every((score) => score.evaluatorId === goldenRfpIds.ann)).toBe(true);
  });

  test('leaves out every other table', () => {
    const { records } = scopeSnapshot(goldenSnapshot, { rfp: annScope });
    const kept = new Set(['rfpEvents', 'rfpSections', 'rfpCriteria', 'rfpBidders', 'rfpEvaluators', 'rfpScores']);
    for (const table of recordTables.filter((name) => !kept.has(name))) {
      expect(records[table], table).toEqual([]);
    }
    expect(goldenSnapshot.records.rfpConsensusScores.length).toBeGreaterThan(0);
    expect(goldenSnapshot.records.rfpPriceBids.length).toBeGreaterThan(0);
  });

  test('drops bidders Raj has a conflict with', () => {
    const { records } = scopeSnapshot(goldenSnapshot, { rfp: rajScope });
    expect(records.rfpBidders.map((bidder) => bidder.id)).toEqual([goldenRfpIds.incumbent]);
    expect(records.rfpScores.map((score) => score.evaluatorId)).toEqual([goldenRfpIds.raj]);
  });

  test('names a missing evaluator', () => {
    const scope = { ...annScope, evaluatorId: 'gone' };
    expect(missingEvaluatorScopeRecord(goldenSnapshot.records, scope)).toEqual({ table: 'rfpEvaluators', id: 'gone' });
    expect(missingEvaluatorScopeRecord(goldenSnapshot.records, { ...annScope, rfpId: 'gone' })).toEqual({ table: 'rfpEvents', id: 'gone' });
    expect(missingEvaluatorScopeRecord(goldenSnapshot.records, annScope)).toBeNull();
  });
});

describe('readPortfolioFile of an evaluator file', () => {
  test('reads the scope back', async () => {
    const parsed = valueOf(await readPortfolioFile(await writeEvaluatorFile(annScope), 'ann.steerwise'));
    expect(parsed.manifest.scope).toEqual({ rfp: annScope });
    expect(parsed.snapshot.scoped).toBe(true);
    expect(parsed.snapshot.portfolioId).toBe(goldenSnapshot.portfolioId);
  });

  test('rejects another evaluator score', async () => {
    const entries = unzipEntries(await writeEvaluatorFile(annScope));
    const annScoreId = '019c3200-0000-7000-8000-00000000a00c';
    editRecord(entries, 'records/rfpScores.json', annScoreId, (record) => (record.evaluatorId = goldenRfpIds.raj));
    const error = errorOf(await readPortfolioFile(repack(entries), 'ann.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ table: 'rfpScores', recordId: annScoreId, field: 'evaluatorId', reason: 'outOfScope' });
  });

  test('rejects a scope with providers', async () => {
    const entries = unzipEntries(await writeEvaluatorFile(annScope));
    const bytes = repack(entries, (manifest) => (manifest.scope = { rfp: annScope, providerIds: ['x'] }));
    const error = errorOf(await readPortfolioFile(bytes, 'ann.steerwise'));
    expect(error.code).toBe('portfolioFile.invalidManifest');
    expect(error.detail).toMatchObject({ field: 'scope.rfp' });
  });
});

describe('evaluatorScoresOnly', () => {
  test('keeps Ann scores and declaration', () => {
    const { records, scoped, tombstones } = evaluatorScoresOnly(goldenSnapshot, annScope);
    expect(scoped).toBe(true);
    expect(tombstones).toEqual([]);
    expect(records.rfpScores.map((score) => score.evaluatorId)).toEqual([goldenRfpIds.ann, goldenRfpIds.ann]);
    expect(records.rfpEvents).toEqual([]);
    expect(records.rfpBidders).toEqual([]);
    expect(records.providers).toEqual([]);
  });

  test('strips the assignment to conflict fields', () => {
    const source = goldenSnapshot.records.rfpEvaluators.find((evaluator) => evaluator.id === goldenRfpIds.ann);
    const [kept] = evaluatorScoresOnly(goldenSnapshot, annScope).records.rfpEvaluators;
    expect(Object.keys(kept ?? {}).sort()).toEqual(
      ['clock', 'conflictBidderIds', 'conflictDeclaredOn', 'conflictStatement', 'conflictStatus', 'fieldClocks', 'id'].sort(),
    );
    expect(kept?.clock).toBe(source?.clock);
    expect(kept?.fieldClocks).toEqual(source?.fieldClocks);
  });
});

describe('summarizeEvaluatorImport', () => {
  test('names Ann and the RFP', () => {
    const summary = summarizeEvaluatorImport(goldenSnapshot, annScope, 'scoring');
    expect(summary.evaluatorName).toBe('Ann Okafor');
    expect(summary.rfpTitle).toBe(goldenSnapshot.records.rfpEvents[0]?.title);
    expect(summary.scoreCount).toBe(2);
    expect(summary.lateScores).toBe(false);
  });

  test('flags scores after scoring', () => {
    expect(summarizeEvaluatorImport(goldenSnapshot, annScope, 'consensus').lateScores).toBe(true);
    expect(summarizeEvaluatorImport(goldenSnapshot, annScope, 'awarded').lateScores).toBe(true);
    expect(summarizeEvaluatorImport(goldenSnapshot, annScope, null).lateScores).toBe(false);
  });
});

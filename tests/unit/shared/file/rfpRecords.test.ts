import { describe, expect, test } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { readPortfolioFile, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import { rfpTables } from '../../../../shared/sync/snapshot';
import { errorOf, valueOf } from '../../../support/node/results';
import { editRecord, repack, unzipEntries } from './craft';
import { goldenRfpIds } from './goldenRfp';
import { goldenIds, goldenMetadata, goldenSnapshot } from './goldenSnapshot';

const [firstScore] = goldenSnapshot.records.rfpScores;
const [firstBid] = goldenSnapshot.records.rfpPriceBids;

async function goldenEntries(): Promise<Map<string, Uint8Array>> {
  return unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata));
}

/** Reads the golden file after `edit` changed one record of `entry`, and returns the error. */
async function errorAfterEdit(entry: string, id: string, edit: (record: Record<string, unknown>) => void) {
  const entries = await goldenEntries();
  editRecord(entries, entry, id, edit);
  return errorOf(await readPortfolioFile(repack(entries), 'rfp.steerwise'));
}

describe('RFP records in a portfolio file', () => {
  test('round-trip unchanged', async () => {
    const parsed = valueOf(await readPortfolioFile(await writePortfolioFile(goldenSnapshot, goldenMetadata), 'rfp.steerwise'));
    for (const table of rfpTables) expect(parsed.snapshot.records[table], table).toEqual(goldenSnapshot.records[table]);
  });

  test.each([
    ['records/rfpEvents.json', goldenRfpIds.rfp, 'phase', 'closed', 'oneOf'],
    ['records/rfpEvents.json', goldenRfpIds.rfp, 'termMonths', 0, 'positiveInteger'],
    ['records/rfpEvents.json', goldenRfpIds.rfp, 'questionsDueOn', '2026-02-30', 'calendarDateOrNull'],
    ['records/rfpEvents.json', goldenRfpIds.rfp, 'scope', 'Payroll', 'textList'],
    ['records/rfpBidders.json', goldenRfpIds.prospect, 'providerId', '', 'idOrNull'],
    ['records/rfpEvaluators.json', goldenRfpIds.raj, 'sectionIds', 'all', 'idListOrNull'],
    ['records/rfpEvaluators.json', goldenRfpIds.raj, 'conflictStatus', 'maybe', 'oneOf'],
    ['records/rfpScores.json', firstScore?.id ?? '', 'value', '5', 'finiteNumberOrNull'],
    ['records/rfpPriceBids.json', firstBid?.id ?? '', 'round', 1.5, 'positiveInteger'],
    ['records/rfpPriceBids.json', firstBid?.id ?? '', 'exchangeRateToBase', 0, 'positiveNumber'],
    ['records/rfpPriceBids.json', firstBid?.id ?? '', 'submittedOn', null, 'calendarDate'],
  ] as const)('%s rejects %s %s', async (entry, id, field, value, reason) => {
    const error = await errorAfterEdit(entry, id, (record) => (record[field] = value));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ entry, recordId: id, field, reason });
  });

  test('rejects a charge without a period', async () => {
    const error = await errorAfterEdit('records/rfpPriceBids.json', firstBid?.id ?? '', (record) => {
      record.recurringCharges = [{ label: 'Fee', amountMinor: 100 }];
    });
    expect(error.detail).toMatchObject({ field: 'recurringCharges.0.period', reason: 'required' });
  });

  test('rejects an unknown score field', async () => {
    const error = await errorAfterEdit('records/rfpScores.json', firstScore?.id ?? '', (record) => (record.weightedValue = 4));
    expect(error.detail).toMatchObject({ field: 'weightedValue', reason: 'unknownField' });
  });
});

describe('RFP records in a scoped file', () => {
  test('one provider leaves them out', () => {
    const scoped = scopeSnapshot(goldenSnapshot, { providerIds: [goldenIds.northEast] });
    for (const table of rfpTables) expect(scoped.records[table], table).toEqual([]);
  });

  test('without commercial terms leaves price bids out', () => {
    const scoped = scopeSnapshot(goldenSnapshot, { withoutCommercialTerms: true });
    expect(scoped.records.rfpPriceBids).toEqual([]);
    expect(scoped.records.rfpScores).toEqual(goldenSnapshot.records.rfpScores);
  });

  test('one provider rejects an RFP record', async () => {
    const scope = { providerIds: [goldenIds.northEast] };
    const scoped = scopeSnapshot(goldenSnapshot, scope);
    const withEvent = { ...scoped, records: { ...scoped.records, rfpEvents: goldenSnapshot.records.rfpEvents } };
    const failure = await writePortfolioFile(withEvent, { ...goldenMetadata, scope }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    const error = (failure as AppFailure).appError;
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ table: 'rfpEvents', recordId: goldenRfpIds.rfp, reason: 'outOfScope' });
  });

  test('without commercial terms rejects a price bid', async () => {
    const scope = { withoutCommercialTerms: true };
    const entries = unzipEntries(await writePortfolioFile(scopeSnapshot(goldenSnapshot, scope), { ...goldenMetadata, scope }));
    const full = await goldenEntries();
    const bids = full.get('records/rfpPriceBids.json');
    if (bids === undefined) throw new Error('golden file without price bids');
    entries.set('records/rfpPriceBids.json', bids);
    const error = errorOf(
      await readPortfolioFile(
        repack(entries, (manifest) => (manifest.recordCounts.rfpPriceBids = 2)),
        'rfp.steerwise',
      ),
    );
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ table: 'rfpPriceBids', reason: 'commercialTerm' });
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateRfp } from '../../../../shared/rfp/evaluate';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import {
  awardRfp,
  declareConflict,
  loadRfpInput,
  loadRfpRecords,
  setConsensusScore,
  setPriceBid,
  setRfpPhase,
  setScore,
  updateRfpEvent,
} from '../../../../renderer/src/db/rfp';
import type { PriceBidEntry, ScoreEntry } from '../../../../renderer/src/db/rfp';
import { listRecordAudit } from '../../../../renderer/src/db/queries';
import { manualWall, openTestDb, rejection, testContext } from './factories';
import { buildRfp, databaseContents } from './rfpFactories';
import type { BuiltRfp } from './rfpFactories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

const wall = manualWall(Date.UTC(2026, 3, 14, 9, 0, 0));
const context = testContext(wall);

async function expectRejected(database: PortfolioDb, call: () => Promise<unknown>, code: string) {
  const before = await databaseContents(database);
  const failure = await rejection(call());
  expect(failure.appError.code).toBe(code);
  expect(await databaseContents(database)).toEqual(before);
  return failure.appError.detail ?? {};
}

function scoreOf(built: BuiltRfp, value: number | null, comment = ''): ScoreEntry {
  return { rfpId: built.event.id, evaluatorId: built.bob.id, bidderId: built.prospect.id, criterionId: built.quality.id, value, comment };
}

function bidOf(built: BuiltRfp, round: number, monthlyMinor: number): PriceBidEntry {
  return {
    rfpId: built.event.id,
    bidderId: built.incumbent.id,
    round,
    currency: 'GBP',
    oneTimeCharges: [{ label: 'Transition', amountMinor: 5_000_000 }],
    recurringCharges: [{ label: 'Service fee', amountMinor: monthlyMinor, period: 'month' }],
    exchangeRateToBase: 1,
    exchangeRateDate: '2026-04-01',
    submittedOn: '2026-04-01',
  };
}

describe('setScore', () => {
  it('creates, then updates the same record', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const first = await setScore(database, scoreOf(built, 3), context);
    const second = await setScore(database, scoreOf(built, 5, ' Strong evidence. '), context);

    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ value: 5, comment: 'Strong evidence.' });
    expect(await database.rfpScores.count()).toBe(1);
  });

  it('keeps every change in the audit trail', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const score = await setScore(database, scoreOf(built, 3), context);
    await setScore(database, scoreOf(built, 4), context);
    await setScore(database, scoreOf(built, null), context);

    const entries = await listRecordAudit(database, score.id);
    expect(entries.map((entry) => entry.changes.value)).toEqual([
      { old: 4, new: null },
      { old: 3, new: 4 },
      { old: null, new: 3 },
    ]);
    expect(entries.every((entry) => entry.table === 'rfpScores' && entry.user === 'Test User')).toBe(true);
  });

  it('accepts a knockout pass without comment', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const score = await setScore(database, { ...scoreOf(built, 1), criterionId: built.knockout.id }, context);
    expect(score.value).toBe(1);
  });

  it.each([
    ['value off the scale', 7, 'x', 'rfp.scoreNotOnScale'],
    ['top score without comment', 5, ' ', 'rfp.commentRequired'],
    ['bottom score without comment', 0, '', 'rfp.commentRequired'],
  ] as const)('rejects a %s', async (_case, value, comment, code) => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    await expectRejected(database, () => setScore(database, scoreOf(built, value, comment), context), code);
  });

  it('rejects a knockout fail without comment', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const entry = { ...scoreOf(built, 0), criterionId: built.knockout.id };
    await expectRejected(database, () => setScore(database, entry, context), 'rfp.commentRequired');
  });

  it('rejects before scoring opens', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    await declareConflict(database, built.bob.id, { status: 'none', bidderIds: [], statement: '' }, context);
    const detail = await expectRejected(database, () => setScore(database, scoreOf(built, 3), context), 'rfp.scoringClosed');
    expect(detail).toMatchObject({ phase: 'open' });
  });

  it('rejects a pending declaration', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    await setRfpPhase(database, built.event.id, 'scoring', context);
    const detail = await expectRejected(database, () => setScore(database, scoreOf(built, 3), context), 'rfp.conflictNotDeclared');
    expect(detail).toMatchObject({ evaluator: 'Bob', field: 'evaluatorId' });
  });

  it('rejects a conflicted bidder', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    await declareConflict(
      database,
      built.bob.id,
      { status: 'declared', bidderIds: [built.prospect.id], statement: 'Brother works there.' },
      context,
    );
    await expectRejected(database, () => setScore(database, scoreOf(built, 3), context), 'rfp.conflictOfInterest');
  });

  it('rejects the formula-scored price criterion', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    await expectRejected(
      database,
      () => setScore(database, { ...scoreOf(built, 3), criterionId: built.price.id }, context),
      'rfp.priceScoredByFormula',
    );
  });

  it('rejects records of another RFP', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const other = await buildRfp(database, context, 'scoring', 'Other');
    await expectRejected(database, () => setScore(database, { ...scoreOf(built, 3), evaluatorId: other.bob.id }, context), 'rfp.wrongRfp');
    await expectRejected(
      database,
      () => setScore(database, { ...scoreOf(built, 3), criterionId: other.quality.id }, context),
      'rfp.wrongRfp',
    );
  });

  it('rejects after scoring ends', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await expectRejected(database, () => setScore(database, scoreOf(built, 3), context), 'rfp.scoringClosed');
  });
});

describe('setConsensusScore', () => {
  it('upserts with the reason and date', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const entry = { rfpId: built.event.id, bidderId: built.incumbent.id, criterionId: built.quality.id, value: 3, reason: 'Panel agreed.' };
    const first = await setConsensusScore(database, entry, context);
    const second = await setConsensusScore(database, { ...entry, value: 4, reason: 'Reference call confirmed.' }, context);
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ value: 4, reason: 'Reference call confirmed.', agreedOn: '2026-04-14' });
    expect(await database.rfpConsensusScores.count()).toBe(1);
  });

  it('rejects a blank reason', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const entry = { rfpId: built.event.id, bidderId: built.incumbent.id, criterionId: built.quality.id, value: 3, reason: '  ' };
    await expectRejected(database, () => setConsensusScore(database, entry, context), 'rfp.consensusReasonMissing');
  });

  it('rejects during scoring', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const entry = { rfpId: built.event.id, bidderId: built.incumbent.id, criterionId: built.quality.id, value: 3, reason: 'Agreed.' };
    await expectRejected(database, () => setConsensusScore(database, entry, context), 'rfp.consensusNotOpen');
  });

  it('rejects a value off the scale', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const entry = { rfpId: built.event.id, bidderId: built.incumbent.id, criterionId: built.quality.id, value: 2.5, reason: 'Between.' };
    await expectRejected(database, () => setConsensusScore(database, entry, context), 'rfp.scoreNotOnScale');
  });
});

describe('setPriceBid', () => {
  it('upserts one bid per round', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    const first = await setPriceBid(database, bidOf(built, 1, 1_000_000), context);
    const revised = await setPriceBid(database, bidOf(built, 1, 900_000), context);
    const second = await setPriceBid(database, bidOf(built, 2, 850_000), context);

    expect(revised.id).toBe(first.id);
    expect(second.id).not.toBe(first.id);
    expect((await database.rfpPriceBids.get(first.id))?.recurringCharges[0]?.amountMinor).toBe(900_000);
  });

  it.each([
    ['bad currency', { currency: 'gbp' }, 'rfp.invalidCurrency'],
    ['round 0', { round: 0 }, 'rfp.invalidRound'],
    ['rate not 1 in base currency', { exchangeRateToBase: 1.2 }, 'rfp.exchangeRateNotOne'],
    ['bad submission date', { submittedOn: '1 April' }, 'rfp.invalidDate'],
  ] as const)('rejects %s', async (_case, change, code) => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    await expectRejected(database, () => setPriceBid(database, { ...bidOf(built, 1, 1_000_000), ...change }, context), code);
  });

  it('rejects a bid in draft', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const detail = await expectRejected(database, () => setPriceBid(database, bidOf(built, 1, 1_000_000), context), 'rfp.phaseLocked');
    expect(detail).toMatchObject({ reason: 'priceBids' });
  });
});

describe('awardRfp', () => {
  it('creates a provider for a prospect', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const providersBefore = await database.providers.count();

    const result = await awardRfp(database, built.event.id, built.prospect.id, ' Best value and strongest transition plan. ', context);

    expect(result.event).toMatchObject({
      phase: 'awarded',
      awardedBidderId: built.prospect.id,
      awardReason: 'Best value and strongest transition plan.',
      awardedContractId: result.contract.id,
    });
    expect(result.provider).toMatchObject({ name: 'Prospect Services', code: null });
    expect(await database.providers.count()).toBe(providersBefore + 1);
    expect((await database.rfpBidders.get(built.prospect.id))?.providerId).toBe(result.provider.id);
    expect(result.contract).toMatchObject({
      providerId: result.provider.id,
      title: 'Payroll outsourcing',
      currency: 'GBP',
      startDate: null,
    });
  });

  it('links an existing provider', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const result = await awardRfp(database, built.event.id, built.incumbent.id, 'Incumbent renewed.', context);
    expect(result.provider.id).toBe(built.provider.id);
    expect(await database.providers.count()).toBe(1);
    expect(await database.contracts.where('providerId').equals(built.provider.id).count()).toBe(1);
  });

  it('locks the RFP afterwards', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await awardRfp(database, built.event.id, built.incumbent.id, 'Incumbent renewed.', context);
    const detail = await expectRejected(
      database,
      () => updateRfpEvent(database, built.event.id, { title: 'Changed' }, context),
      'rfp.phaseLocked',
    );
    expect(detail).toMatchObject({ reason: 'awarded' });
    await expectRejected(database, () => setRfpPhase(database, built.event.id, 'cancelled', context), 'rfp.invalidTransition');
  });

  it('values the contract from the winning price bid', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await setPriceBid(database, bidOf(built, 1, 1_000_000), context);
    // Round 2 is in euros: 12 * 9,000.01 EUR = 108,000.12 EUR, at 0.8523 = 92,048.502276 GBP.
    await setPriceBid(database, { ...bidOf(built, 2, 900_001), currency: 'EUR', exchangeRateToBase: 0.8523 }, context);
    await setPriceBid(database, { ...bidOf(built, 3, 10_000), bidderId: built.prospect.id }, context);

    const result = await awardRfp(database, built.event.id, built.incumbent.id, 'Incumbent renewed.', context);

    expect(result.contract.annualValueMinor).toBe(9_204_850);
    expect(result.annualValueSource).toMatchObject({ kind: 'priceBid', round: 2, bidCurrency: 'EUR', recurringPerYearMinor: 10_800_012 });
    const stored = await database.contracts.get(result.contract.id);
    expect(stored).toMatchObject({
      providerId: built.provider.id,
      title: 'Payroll outsourcing',
      currency: 'GBP',
      startDate: null,
      endDate: null,
      annualValueMinor: 9_204_850,
    });
  });

  it('leaves the value empty without a bid', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await setPriceBid(database, bidOf(built, 1, 1_000_000), context);

    const result = await awardRfp(database, built.event.id, built.prospect.id, 'Best transition plan.', context);

    expect(result.annualValueSource).toEqual({ kind: 'noPriceBid' });
    expect((await database.contracts.get(result.contract.id))?.annualValueMinor).toBeNull();
  });

  it('leaves the value empty without recurring charges', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await setPriceBid(database, { ...bidOf(built, 1, 1_000_000), recurringCharges: [] }, context);

    const result = await awardRfp(database, built.event.id, built.incumbent.id, 'Incumbent renewed.', context);

    expect(result.annualValueSource).toEqual({ kind: 'noRecurringCharges', round: 1 });
    expect((await database.contracts.get(result.contract.id))?.annualValueMinor).toBeNull();
  });

  it('audits the contract value', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await setPriceBid(database, bidOf(built, 1, 1_000_000), context);

    const result = await awardRfp(database, built.event.id, built.incumbent.id, 'Incumbent renewed.', context);

    const entries = await listRecordAudit(database, result.contract.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changes.annualValueMinor).toMatchObject({ new: 12_000_000 });
  });

  it('rejects a blank rationale', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    await expectRejected(database, () => awardRfp(database, built.event.id, built.prospect.id, '  ', context), 'rfp.awardReasonMissing');
  });

  it('rejects a bidder of another RFP', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const other = await buildRfp(database, context, 'draft', 'Other');
    await expectRejected(
      database,
      () => awardRfp(database, built.event.id, other.prospect.id, 'Chosen.', context),
      'rfp.awardBidderMissing',
    );
  });

  it('rejects an award during scoring', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    await expectRejected(
      database,
      () => awardRfp(database, built.event.id, built.prospect.id, 'Chosen.', context),
      'rfp.invalidTransition',
    );
  });
});

describe('loadRfpInput', () => {
  it('feeds the scoring engine', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    await setPriceBid(database, bidOf(built, 1, 1_000_000), context);
    await setPriceBid(database, { ...bidOf(built, 1, 800_000), bidderId: built.prospect.id }, context);
    await declareConflict(database, built.ann.id, { status: 'none', bidderIds: [], statement: '' }, context);
    await declareConflict(database, built.bob.id, { status: 'none', bidderIds: [], statement: '' }, context);
    await setRfpPhase(database, built.event.id, 'scoring', context);
    for (const evaluatorId of [built.ann.id, built.bob.id]) {
      await setScore(database, { ...scoreOf(built, 4), evaluatorId, bidderId: built.incumbent.id }, context);
      await setScore(database, { ...scoreOf(built, 2), evaluatorId }, context);
      for (const bidderId of [built.incumbent.id, built.prospect.id]) {
        await setScore(database, { ...scoreOf(built, 1), evaluatorId, bidderId, criterionId: built.knockout.id }, context);
      }
    }

    const input = await loadRfpInput(database, built.event.id);
    expect(input.scores).toHaveLength(8);
    expect(input.priceBids).toHaveLength(2);
    // Quality (70%): 4 of 5 against 2 of 5. Price (30%): the prospect's lower TCO scores 5.
    const { results } = evaluateRfp(input);
    expect(results.winnerId).toBe(built.incumbent.id);
    expect(results.ranking.map((entry) => entry.bidderId)).toEqual([built.incumbent.id, built.prospect.id]);
  });

  it('reads only the chosen RFP', async () => {
    const database = await open();
    const first = await buildRfp(database, context, 'draft', 'First');
    await buildRfp(database, context, 'draft', 'Second');
    const records = await loadRfpRecords(database, first.event.id);
    expect(records.sections.every((section) => section.rfpId === first.event.id)).toBe(true);
    expect(records.bidders).toHaveLength(2);
  });

  it('rejects an unknown RFP', async () => {
    const database = await open();
    const failure = await rejection(loadRfpInput(database, 'missing'));
    expect(failure.appError).toMatchObject({ code: 'storage.notFound', detail: { table: 'rfpEvents', id: 'missing' } });
  });
});

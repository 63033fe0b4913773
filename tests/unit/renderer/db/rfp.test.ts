import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { bpoTemplate } from '../../../../shared/rfp/templates/bpo';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import {
  addBidder,
  addCriterion,
  addEvaluator,
  addSection,
  createRfpFromTemplate,
  declareConflict,
  listRfps,
  removeBidder,
  removeCriterion,
  removeSection,
  setPriceBid,
  setRfpPhase,
  updateCriterion,
  updateRfpEvent,
  updateSection,
} from '../../../../renderer/src/db/rfp';
import type { NewRfpInput } from '../../../../renderer/src/db/rfp';
import { insertRecord } from '../../../../renderer/src/db/repository';
import { manualWall, openTestDb, rejection, testContext } from './factories';
import { buildRfp, databaseContents, smallTemplate } from './rfpFactories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

const wall = manualWall(Date.UTC(2026, 2, 2, 10, 0, 0));
const context = testContext(wall);

const newRfp: NewRfpInput = {
  title: 'Accounts payable',
  baseCurrency: 'GBP',
  termMonths: 60,
  priceScoreMethod: 'linear',
  template: 'bpo',
  scope: ['  Accounts payable ', '', 'Vendor master data'],
  questionsDueOn: '2026-03-10',
  responseDueOn: '2026-03-31',
  awardTargetOn: '2026-05-01',
};

/** Runs `call`, expects it to reject with `code`, and checks that the database did not change. Returns the failure's detail. */
async function expectRejected(database: PortfolioDb, call: () => Promise<unknown>, code: string) {
  const before = await databaseContents(database);
  const failure = await rejection(call());
  expect(failure.appError.code).toBe(code);
  expect(await databaseContents(database)).toEqual(before);
  return failure.appError.detail ?? {};
}

describe('createRfpFromTemplate', () => {
  it('copies the built-in BPO template', async () => {
    const database = await open();
    const event = await createRfpFromTemplate(database, newRfp, context);

    expect(event.phase).toBe('draft');
    expect(event.scope).toEqual(['Accounts payable', 'Vendor master data']);
    expect(event.awardTargetOn).toBe('2026-05-01');
    const sections = await database.rfpSections.where('rfpId').equals(event.id).toArray();
    const criteria = await database.rfpCriteria.where('rfpId').equals(event.id).toArray();
    expect(sections).toHaveLength(bpoTemplate.sections.length);
    expect(criteria).toHaveLength(bpoTemplate.sections.reduce((sum, section) => sum + section.criteria.length, 0));
    const sectionIds = new Set(sections.map((section) => section.id));
    expect(criteria.every((criterion) => sectionIds.has(criterion.sectionId))).toBe(true);
  });

  it('writes one audit entry per record', async () => {
    const database = await open();
    await createRfpFromTemplate(database, { ...newRfp, template: smallTemplate }, context);
    expect(await database.audit.count()).toBe(1 + 2 + 3);
  });

  it.each([
    ['blank title', { title: '  ' }, 'rfp.textMissing'],
    ['unknown template', { template: 'nope' }, 'rfp.unknownTemplate'],
    ['bad currency', { baseCurrency: 'pounds' }, 'rfp.invalidCurrency'],
    ['zero term', { termMonths: 0 }, 'rfp.invalidTerm'],
    ['bad date', { responseDueOn: '2026-02-30' }, 'rfp.invalidDate'],
    ['dates out of order', { questionsDueOn: '2026-04-10' }, 'rfp.datesOutOfOrder'],
  ] as const)('rejects %s', async (_case, change, code) => {
    const database = await open();
    await expectRejected(database, () => createRfpFromTemplate(database, { ...newRfp, ...change }, context), code);
  });
});

describe('updateRfpEvent', () => {
  it('changes scope and dates', async () => {
    const database = await open();
    const event = await createRfpFromTemplate(database, newRfp, context);
    const updated = await updateRfpEvent(database, event.id, { scope: ['Payroll'], issuedOn: '2026-03-01' }, context);
    expect(updated.scope).toEqual(['Payroll']);
    expect(updated.issuedOn).toBe('2026-03-01');
  });

  it('rejects dates out of order', async () => {
    const database = await open();
    const event = await createRfpFromTemplate(database, newRfp, context);
    const detail = await expectRejected(
      database,
      () => updateRfpEvent(database, event.id, { awardTargetOn: '2026-03-01' }, context),
      'rfp.datesOutOfOrder',
    );
    expect(detail).toMatchObject({ field: 'awardTargetOn', otherField: 'responseDueOn' });
  });

  it('rejects changes once cancelled', async () => {
    const database = await open();
    const event = await createRfpFromTemplate(database, newRfp, context);
    await setRfpPhase(database, event.id, 'cancelled', context);
    const detail = await expectRejected(database, () => updateRfpEvent(database, event.id, { title: 'Other' }, context), 'rfp.phaseLocked');
    expect(detail).toMatchObject({ reason: 'cancelled', edit: 'event' });
  });
});

describe('setRfpPhase', () => {
  it('opens with bidders and sets the issue date', async () => {
    const database = await open();
    const { event } = await buildRfp(database, context, 'open');
    expect(event.phase).toBe('open');
    expect(event.issuedOn).toBe('2026-03-02');
  });

  it('rejects opening without bidders', async () => {
    const database = await open();
    const event = await createRfpFromTemplate(database, { ...newRfp, template: smallTemplate }, context);
    await expectRejected(database, () => setRfpPhase(database, event.id, 'open', context), 'rfp.noBidders');
  });

  it('rejects opening with no weighted criteria', async () => {
    const database = await open();
    const { event, sections } = await buildRfp(database, context, 'draft');
    for (const section of sections) await updateSection(database, section.id, { weight: 0 }, context);
    await expectRejected(database, () => setRfpPhase(database, event.id, 'open', context), 'rfp.noWeightedCriteria');
  });

  it('rejects scoring without evaluators', async () => {
    const database = await open();
    const event = await createRfpFromTemplate(database, { ...newRfp, template: smallTemplate }, context);
    await addBidder(database, event.id, { name: 'Acme' }, context);
    await setRfpPhase(database, event.id, 'open', context);
    await expectRejected(database, () => setRfpPhase(database, event.id, 'scoring', context), 'rfp.noEvaluators');
  });

  it('rejects consensus without scores', async () => {
    const database = await open();
    const { event } = await buildRfp(database, context, 'scoring');
    await expectRejected(database, () => setRfpPhase(database, event.id, 'consensus', context), 'rfp.noScores');
  });

  it('rejects skipping a phase', async () => {
    const database = await open();
    const { event } = await buildRfp(database, context, 'draft');
    const detail = await expectRejected(database, () => setRfpPhase(database, event.id, 'scoring', context), 'rfp.invalidTransition');
    expect(detail).toMatchObject({ from: 'draft', to: 'scoring' });
  });

  it('rejects awarded without awardRfp', async () => {
    const database = await open();
    const { event } = await buildRfp(database, context, 'consensus');
    await expectRejected(database, () => setRfpPhase(database, event.id, 'awarded', context), 'rfp.awardBidderMissing');
  });

  it('rejects an unknown RFP', async () => {
    const database = await open();
    await expectRejected(database, () => setRfpPhase(database, 'missing', 'open', context), 'storage.notFound');
  });

  it('cancels from scoring and locks everything', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const cancelled = await setRfpPhase(database, built.event.id, 'cancelled', context);
    expect(cancelled.phase).toBe('cancelled');
    await expectRejected(database, () => setRfpPhase(database, built.event.id, 'consensus', context), 'rfp.invalidTransition');
    await expectRejected(database, () => addEvaluator(database, built.event.id, { evaluatorName: 'Cy' }, context), 'rfp.phaseLocked');
    await expectRejected(database, () => updateSection(database, built.sections[0]?.id ?? '', { title: 'X' }, context), 'rfp.phaseLocked');
  });
});

describe('sections', () => {
  it('add, update and remove in draft', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const added = await addSection(database, built.event.id, { title: ' Exit ', weight: 5 }, context);
    expect(added).toMatchObject({ title: 'Exit', order: 3, templateKey: null, description: '' });

    const updated = await updateSection(database, added.id, { weight: 10, description: 'Exit plan' }, context);
    expect(updated).toMatchObject({ weight: 10, description: 'Exit plan' });

    await removeSection(database, built.sections[0]?.id ?? '', context);
    const criteria = await database.rfpCriteria.where('rfpId').equals(built.event.id).toArray();
    expect(criteria.map((criterion) => criterion.id)).toEqual([built.price.id]);
    const tombstones = await database.tombstones.toArray();
    expect(tombstones.map((tombstone) => tombstone.table).sort()).toEqual(['rfpCriteria', 'rfpCriteria', 'rfpSections']);
  });

  it('rejects a negative weight', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    await expectRejected(database, () => addSection(database, built.event.id, { title: 'Exit', weight: -1 }, context), 'rfp.invalidWeight');
  });

  it('texts change after open, weights do not', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    const sectionId = built.sections[0]?.id ?? '';
    const renamed = await updateSection(database, sectionId, { title: 'Service delivery' }, context);
    expect(renamed.title).toBe('Service delivery');
    const detail = await expectRejected(database, () => updateSection(database, sectionId, { weight: 50 }, context), 'rfp.phaseLocked');
    expect(detail).toMatchObject({ reason: 'criteriaTree' });
    await expectRejected(database, () => removeSection(database, sectionId, context), 'rfp.phaseLocked');
  });
});

describe('criteria', () => {
  it('add with the default scale', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const added = await addCriterion(
      database,
      { rfpId: built.event.id, sectionId: built.quality.sectionId, title: 'Reporting', kind: 'scored', weight: 2 },
      context,
    );
    expect(added.scale?.levels.map((level) => level.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(added.order).toBe(3);
  });

  it('knockout stores no weight or scale', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const added = await addCriterion(
      database,
      { rfpId: built.event.id, sectionId: built.quality.sectionId, title: 'PCI-DSS', kind: 'knockout', weight: 9 },
      context,
    );
    expect(added).toMatchObject({ weight: 0, scale: null });
  });

  it('rejects a second price criterion', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const call = () =>
      addCriterion(
        database,
        { rfpId: built.event.id, sectionId: built.price.sectionId, title: 'Price 2', kind: 'price', weight: 1 },
        context,
      );
    await expectRejected(database, call, 'rfp.multiplePriceCriteria');
  });

  it('rejects an invalid scale', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const scale = { levels: [{ value: 1, label: 'Only', description: 'One level' }] };
    const call = () =>
      addCriterion(
        database,
        { rfpId: built.event.id, sectionId: built.quality.sectionId, title: 'X', kind: 'scored', weight: 1, scale },
        context,
      );
    await expectRejected(database, call, 'rfp.invalidScale');
  });

  it('rejects a section of another RFP', async () => {
    const database = await open();
    const first = await buildRfp(database, context, 'draft', 'First');
    const second = await buildRfp(database, context, 'draft', 'Second');
    const call = () =>
      addCriterion(
        database,
        { rfpId: first.event.id, sectionId: second.quality.sectionId, title: 'X', kind: 'scored', weight: 1 },
        context,
      );
    await expectRejected(database, call, 'rfp.wrongRfp');
    const move = () => updateCriterion(database, first.quality.id, { sectionId: second.quality.sectionId }, context);
    await expectRejected(database, move, 'rfp.wrongRfp');
  });

  it('change to knockout drops weight and scale', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const updated = await updateCriterion(database, built.quality.id, { kind: 'knockout' }, context);
    expect(updated).toMatchObject({ kind: 'knockout', weight: 0, scale: null });
    const back = await updateCriterion(database, built.quality.id, { kind: 'scored', weight: 3 }, context);
    expect(back.scale?.levels).toHaveLength(6);
  });

  it('remove deletes its scores', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    // A score that arrived with a merged file while this copy was still in draft.
    const data = {
      rfpId: built.event.id,
      evaluatorId: built.ann.id,
      bidderId: built.incumbent.id,
      criterionId: built.quality.id,
      value: 3,
      comment: '',
    };
    const score = await insertRecord(database, 'rfpScores', data, context);
    await removeCriterion(database, built.quality.id, context);
    expect(await database.rfpScores.get(score.id)).toBeUndefined();
    expect(await database.rfpCriteria.get(built.quality.id)).toBeUndefined();
  });

  it('rejects a weight change after open', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    await expectRejected(database, () => updateCriterion(database, built.quality.id, { weight: 4 }, context), 'rfp.phaseLocked');
    const retitled = await updateCriterion(database, built.quality.id, { description: 'Quality controls and audits.' }, context);
    expect(retitled.description).toBe('Quality controls and audits.');
  });
});

describe('bidders', () => {
  it('provider bidder takes the provider name', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    expect(built.incumbent).toMatchObject({ name: 'North Payroll Ltd', providerId: built.provider.id });
    expect(built.prospect).toMatchObject({ name: 'Prospect Services', providerId: null });
  });

  it.each([
    ['same provider', 'provider'],
    ['same name', 'name'],
  ] as const)('rejects the %s twice', async (_case, kind) => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const bidder = kind === 'provider' ? { providerId: built.provider.id } : { name: ' prospect services ' };
    await expectRejected(database, () => addBidder(database, built.event.id, bidder, context), 'rfp.duplicateBidder');
  });

  it('rejects an unknown provider', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    await expectRejected(database, () => addBidder(database, built.event.id, { providerId: 'missing' }, context), 'storage.notFound');
  });

  it('rejects a blank prospect name', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const detail = await expectRejected(database, () => addBidder(database, built.event.id, { name: ' ' }, context), 'rfp.textMissing');
    expect(detail).toMatchObject({ field: 'name' });
  });

  it('remove deletes its price bids and conflicts', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'open');
    await declareConflict(
      database,
      built.ann.id,
      { status: 'declared', bidderIds: [built.prospect.id], statement: 'Former employer.' },
      context,
    );
    const bid = await setPriceBid(
      database,
      {
        rfpId: built.event.id,
        bidderId: built.prospect.id,
        round: 1,
        currency: 'GBP',
        oneTimeCharges: [],
        recurringCharges: [{ label: 'Service fee', amountMinor: 100_000, period: 'month' }],
        exchangeRateToBase: 1,
        exchangeRateDate: '2026-03-20',
        submittedOn: '2026-03-20',
      },
      context,
    );

    await removeBidder(database, built.prospect.id, context);

    expect(await database.rfpBidders.get(built.prospect.id)).toBeUndefined();
    expect(await database.rfpPriceBids.get(bid.id)).toBeUndefined();
    expect((await database.rfpEvaluators.get(built.ann.id))?.conflictBidderIds).toEqual([]);
  });

  it('rejects adding after scoring starts', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'scoring');
    const detail = await expectRejected(
      database,
      () => addBidder(database, built.event.id, { name: 'Late Ltd' }, context),
      'rfp.phaseLocked',
    );
    expect(detail).toMatchObject({ reason: 'bidders' });
    await expectRejected(database, () => removeBidder(database, built.prospect.id, context), 'rfp.phaseLocked');
  });
});

describe('evaluators', () => {
  it('start with a pending declaration', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    expect(built.ann).toMatchObject({ conflictStatus: 'pending', conflictBidderIds: [], conflictDeclaredOn: null, sectionIds: null });
  });

  it('may be limited to sections of the RFP', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const sectionId = built.quality.sectionId;
    const cy = await addEvaluator(database, built.event.id, { evaluatorName: 'Cy', sectionIds: [sectionId, sectionId] }, context);
    expect(cy.sectionIds).toEqual([sectionId]);

    const other = await buildRfp(database, context, 'draft', 'Other');
    const call = () => addEvaluator(database, built.event.id, { evaluatorName: 'Di', sectionIds: [other.quality.sectionId] }, context);
    await expectRejected(database, call, 'rfp.wrongRfp');
  });

  it('declare a conflict with a bidder', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const declared = await declareConflict(
      database,
      built.bob.id,
      { status: 'declared', bidderIds: [built.incumbent.id], statement: ' Worked there until 2024. ' },
      context,
    );
    expect(declared).toMatchObject({
      conflictStatus: 'declared',
      conflictBidderIds: [built.incumbent.id],
      conflictStatement: 'Worked there until 2024.',
      conflictDeclaredOn: '2026-03-02',
    });
  });

  it.each([
    ['no bidders', { status: 'declared', bidderIds: [], statement: 'Conflict.' }, 'rfp.conflictBiddersMissing'],
    ['no statement', { status: 'declared', bidderIds: ['incumbent'], statement: ' ' }, 'rfp.conflictStatementMissing'],
  ] as const)('rejects a declaration with %s', async (_case, declaration, code) => {
    const database = await open();
    const built = await buildRfp(database, context, 'draft');
    const bidderIds = declaration.bidderIds.map(() => built.incumbent.id);
    await expectRejected(database, () => declareConflict(database, built.bob.id, { ...declaration, bidderIds }, context), code);
  });

  it('rejects a declaration in consensus', async () => {
    const database = await open();
    const built = await buildRfp(database, context, 'consensus');
    const call = () => declareConflict(database, built.bob.id, { status: 'none', bidderIds: [], statement: '' }, context);
    await expectRejected(database, call, 'rfp.phaseLocked');
  });
});

describe('listRfps', () => {
  it('sorts by title', async () => {
    const database = await open();
    await buildRfp(database, context, 'draft', 'Service desk');
    await buildRfp(database, context, 'draft', 'Accounts payable');
    expect((await listRfps(database)).map((event) => event.title)).toEqual(['Accounts payable', 'Service desk']);
  });
});

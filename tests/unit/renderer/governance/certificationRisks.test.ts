/**
 * Certification risks from RFPs written through the RFP repository, as the app writes them: the
 * built-in BPO template with its SOC 2 Type II, ISO 27001 and PCI DSS knockouts, real evaluator
 * verdicts, consensus and award.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Certification, CertificationStandard } from '../../../../shared/domain/providerProfile';
import type { Bidder, EvaluatorAssignment, RfpCriterion, RfpEvent } from '../../../../shared/domain/rfp';
import type { Provider } from '../../../../shared/domain/types';
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { deriveCertificationRisks, type KnockoutStandard } from '../../../../shared/governance/certificationRisks';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import {
  addBidder,
  addEvaluator,
  awardRfp,
  createRfpFromTemplate,
  declareConflict,
  listRfps,
  loadRfpRecords,
  setConsensusScore,
  setRfpPhase,
  setScore,
} from '../../../../renderer/src/db/rfp';
import { insertRecord } from '../../../../renderer/src/db/repository';
import { manualWall, openTestDb, testContext } from '../db/factories';
import { buildRfp } from '../db/rfpFactories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

const today = '2026-03-02';
const context = testContext(manualWall(Date.UTC(2026, 2, 2, 10, 0, 0)));

/** An RFP from the BPO template in `scoring`, with a portfolio provider and a prospect as bidders and two evaluators. */
interface BpoRfp {
  readonly event: RfpEvent;
  readonly knockouts: Readonly<Record<KnockoutStandard, RfpCriterion>>;
  readonly incumbent: Bidder;
  readonly prospect: Bidder;
  readonly ann: EvaluatorAssignment;
  readonly bob: EvaluatorAssignment;
}

async function addProvider(database: PortfolioDb, name: string): Promise<Provider> {
  return insertRecord(database, 'providers', { code: null, name, formerNames: [], ...providerProfileDefaults }, context);
}

async function buildBpoRfp(database: PortfolioDb, provider: Provider, title = 'Contact centre'): Promise<BpoRfp> {
  const created = await createRfpFromTemplate(
    database,
    { title, baseCurrency: 'GBP', termMonths: 36, priceScoreMethod: 'lowestOverBid', template: 'bpo', scope: ['Customer service'] },
    context,
  );
  const criteria = await database.rfpCriteria.where('rfpId').equals(created.id).toArray();
  const knockout = (standard: KnockoutStandard): RfpCriterion => {
    const found = criteria.find((criterion) => criterion.kind === 'knockout' && criterion.templateKey?.endsWith(`.${standard}`) === true);
    if (found === undefined) throw new Error(`knockout ${standard} missing from the BPO template`);
    return found;
  };

  const incumbent = await addBidder(database, created.id, { providerId: provider.id }, context);
  const prospect = await addBidder(database, created.id, { name: 'Prospect Services' }, context);
  const ann = await addEvaluator(database, created.id, { evaluatorName: 'Ann', role: 'IT security' }, context);
  const bob = await addEvaluator(database, created.id, { evaluatorName: 'Bob', role: 'Operations' }, context);
  const none = { status: 'none', bidderIds: [], statement: 'No links to any bidder.' } as const;
  await setRfpPhase(database, created.id, 'open', context);
  await declareConflict(database, ann.id, none, context);
  await declareConflict(database, bob.id, none, context);
  await setRfpPhase(database, created.id, 'scoring', context);

  const event = await database.rfpEvents.get(created.id);
  if (event === undefined) throw new Error('event missing');
  return {
    event,
    knockouts: { soc2Type2: knockout('soc2Type2'), iso27001: knockout('iso27001'), pciDss: knockout('pciDss') },
    incumbent,
    prospect,
    ann,
    bob,
  };
}

/** Records one evaluator's knockout verdict: 1 pass, 0 fail (a fail needs a comment). */
async function verdict(
  database: PortfolioDb,
  rfp: BpoRfp,
  evaluator: EvaluatorAssignment,
  bidder: Bidder,
  standard: KnockoutStandard,
  value: 0 | 1,
) {
  const comment = value === 1 ? '' : 'No current report was provided.';
  await setScore(
    database,
    { rfpId: rfp.event.id, evaluatorId: evaluator.id, bidderId: bidder.id, criterionId: rfp.knockouts[standard].id, value, comment },
    context,
  );
}

async function bothPass(database: PortfolioDb, rfp: BpoRfp, bidder: Bidder, standard: KnockoutStandard) {
  await verdict(database, rfp, rfp.ann, bidder, standard, 1);
  await verdict(database, rfp, rfp.bob, bidder, standard, 1);
}

function certificate(id: string, providerId: string, standard: CertificationStandard, data: Partial<Certification> = {}) {
  return { id, providerId, standard, issuedOn: '2025-02-01', expiresOn: '2026-01-31', ...data };
}

async function allRfps(database: PortfolioDb) {
  return Promise.all((await listRfps(database)).map((event) => loadRfpRecords(database, event.id)));
}

async function derive(database: PortfolioDb, certifications: readonly ReturnType<typeof certificate>[], providers?: readonly Provider[]) {
  const rfps = await allRfps(database);
  return deriveCertificationRisks({ rfps, certifications, providers: providers ?? (await database.providers.toArray()), today });
}

describe('deriveCertificationRisks', () => {
  it('raises a risk for an expired certificate', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'iso27001');

    const risks = await derive(database, [certificate('cert1', provider.id, 'iso27001')]);

    expect(risks).toEqual([
      {
        id: `certification:${provider.id}:iso27001`,
        providerId: provider.id,
        category: 'dataProtection',
        status: 'open',
        standard: 'iso27001',
        likelihood: 3,
        impact: 4,
        gap: 'expired',
        certificationId: 'cert1',
        expiredOn: '2026-01-31',
        reliedOn: [
          {
            rfpId: rfp.event.id,
            criterionId: rfp.knockouts.iso27001.id,
            bidderId: rfp.incumbent.id,
            knockoutStatus: 'pass',
            awarded: false,
          },
        ],
      },
    ]);
  });

  it('raises none while a certificate is valid', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'iso27001');

    // A certificate is valid through its expiry date.
    expect(await derive(database, [certificate('c', provider.id, 'iso27001', { expiresOn: today })])).toEqual([]);
    expect(await derive(database, [certificate('c', provider.id, 'iso27001', { expiresOn: null })])).toEqual([]);
    const renewed = [
      certificate('old', provider.id, 'iso27001'),
      certificate('new', provider.id, 'iso27001', { issuedOn: '2026-01-20', expiresOn: '2029-01-19' }),
    ];
    expect(await derive(database, renewed)).toEqual([]);

    const yesterday = await derive(database, [certificate('c', provider.id, 'iso27001', { expiresOn: '2026-03-01' })]);
    expect(yesterday.map((risk) => [risk.gap, risk.expiredOn])).toEqual([['expired', '2026-03-01']]);
  });

  it('names the certificate that expired last', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'iso27001');

    const risks = await derive(database, [
      certificate('older', provider.id, 'iso27001', { expiresOn: '2025-01-31' }),
      certificate('latest', provider.id, 'iso27001', { expiresOn: '2026-02-27' }),
      certificate('otherStandard', provider.id, 'soc2Type2', { expiresOn: null }),
      certificate('otherProvider', 'someone-else', 'iso27001', { expiresOn: null }),
    ]);
    expect(risks.map((risk) => [risk.certificationId, risk.expiredOn])).toEqual([['latest', '2026-02-27']]);
  });

  it('reports a missing or future certificate', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'soc2Type2');

    const missing = await derive(database, []);
    expect(missing.map((risk) => [risk.standard, risk.gap, risk.certificationId, risk.expiredOn])).toEqual([
      ['soc2Type2', 'missing', null, null],
    ]);

    const future = await derive(database, [
      certificate('next', provider.id, 'soc2Type2', { issuedOn: '2026-04-01', expiresOn: '2027-03-31' }),
    ]);
    expect(future.map((risk) => [risk.gap, risk.certificationId])).toEqual([['notYetValid', 'next']]);
  });

  it('ignores failed, disputed and pending knockouts', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await verdict(database, rfp, rfp.ann, rfp.incumbent, 'pciDss', 0);
    await verdict(database, rfp, rfp.bob, rfp.incumbent, 'pciDss', 0);
    await verdict(database, rfp, rfp.ann, rfp.incumbent, 'iso27001', 1);
    await verdict(database, rfp, rfp.bob, rfp.incumbent, 'iso27001', 0);
    await verdict(database, rfp, rfp.ann, rfp.incumbent, 'soc2Type2', 1);

    expect(await derive(database, [])).toEqual([]);
  });

  it('follows the consensus verdict', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await verdict(database, rfp, rfp.ann, rfp.incumbent, 'iso27001', 1);
    await verdict(database, rfp, rfp.bob, rfp.incumbent, 'iso27001', 0);
    expect(await derive(database, [])).toEqual([]);

    await setRfpPhase(database, rfp.event.id, 'consensus', context);
    const cell = { rfpId: rfp.event.id, bidderId: rfp.incumbent.id, criterionId: rfp.knockouts.iso27001.id };
    await setConsensusScore(database, { ...cell, value: 1, reason: 'The certificate covers the Manila site after all.' }, context);

    const risks = await derive(database, []);
    expect(risks.map((risk) => [risk.standard, risk.reliedOn[0]?.knockoutStatus])).toEqual([['iso27001', 'pass']]);
  });

  it('counts an award whatever the knockout outcome', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'iso27001');
    await setRfpPhase(database, rfp.event.id, 'consensus', context);
    const award = await awardRfp(database, rfp.event.id, rfp.prospect.id, 'Best transition plan.', context);

    const risks = await derive(database, [certificate('isoOk', award.provider.id, 'iso27001', { expiresOn: '2027-01-31' })]);

    const winner = risks.filter((risk) => risk.providerId === award.provider.id);
    expect(winner.map((risk) => [risk.standard, risk.gap, risk.likelihood, risk.impact])).toEqual([
      ['soc2Type2', 'missing', 3, 4],
      ['pciDss', 'missing', 3, 5],
    ]);
    expect(winner[0]?.reliedOn).toEqual([
      { rfpId: rfp.event.id, criterionId: rfp.knockouts.soc2Type2.id, bidderId: rfp.prospect.id, knockoutStatus: 'pending', awarded: true },
    ]);
    // The losing incumbent still passed its ISO 27001 knockout, and has no certificate on record.
    expect(risks.filter((risk) => risk.providerId === provider.id).map((risk) => risk.standard)).toEqual(['iso27001']);
  });

  it('skips a cancelled RFP', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'iso27001');
    await setRfpPhase(database, rfp.event.id, 'cancelled', context);

    expect(await derive(database, [])).toEqual([]);
  });

  it('skips exited and unknown providers', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const rfp = await buildBpoRfp(database, provider);
    await bothPass(database, rfp, rfp.incumbent, 'iso27001');

    expect(await derive(database, [], [{ ...provider, lifecycle: 'exited' }])).toEqual([]);
    expect(await derive(database, [], [])).toEqual([]);
    expect(await derive(database, [], [{ ...provider, lifecycle: 'exiting' }])).toHaveLength(1);
  });

  it('lists every RFP that relied on one standard', async () => {
    const database = await open();
    const provider = await addProvider(database, 'North Contact Ltd');
    const first = await buildBpoRfp(database, provider, 'Contact centre');
    const second = await buildBpoRfp(database, provider, 'Accounts payable');
    await bothPass(database, first, first.incumbent, 'iso27001');
    await bothPass(database, second, second.incumbent, 'iso27001');

    const risks = await derive(database, [certificate('cert1', provider.id, 'iso27001')]);

    expect(risks).toHaveLength(1);
    const rfpIds = [first.event.id, second.event.id].sort();
    expect(risks[0]?.reliedOn.map((reliance) => reliance.rfpId)).toEqual(rfpIds);
    expect(risks[0]?.id).toBe(`certification:${provider.id}:iso27001`);
  });

  it('ignores knockouts of other criteria', async () => {
    const database = await open();
    // The small template's knockout has the key `iso`, which names no certification standard.
    const built = await buildRfp(database, context, 'consensus');
    const cell = { rfpId: built.event.id, bidderId: built.incumbent.id, criterionId: built.knockout.id };
    await setConsensusScore(database, { ...cell, value: 1, reason: 'Certificate seen.' }, context);
    const providers = (await database.providers.toArray()).map((provider) => ({ ...provider, ...providerProfileDefaults }));

    expect(await derive(database, [], providers)).toEqual([]);
  });
});

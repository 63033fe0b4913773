/** Builders for RFP repository tests: a small template and RFPs brought to a given phase through the repository. */
import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import type { Bidder, EvaluatorAssignment, RfpCriterion, RfpEvent, RfpPhase, RfpSection } from '../../../../shared/domain/rfp';
import type { Provider } from '../../../../shared/domain/types';
import type { CriteriaTemplate } from '../../../../shared/rfp/templates/types';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { recordTables } from '../../../../shared/sync/snapshot';
import { addBidder, addEvaluator, createRfpFromTemplate, declareConflict, setRfpPhase, setScore } from '../../../../renderer/src/db/rfp';
import { insertRecord } from '../../../../renderer/src/db/repository';

const levels = ['None', 'Poor', 'Weak', 'Adequate', 'Good', 'Excellent'] as const;

/** Two sections: service (one scored criterion and one knockout) and cost (the price criterion). */
export const smallTemplate: CriteriaTemplate = {
  key: 'small',
  title: 'Small test template',
  description: 'Two sections for repository tests.',
  sections: [
    {
      key: 'service',
      weight: 70,
      title: 'Service',
      description: 'How the service is run.',
      criteria: [
        { key: 'quality', kind: 'scored', weight: 1, title: 'Quality', description: 'Quality controls.', applicability: '', levels },
        { key: 'iso', kind: 'knockout', weight: 0, title: 'ISO 27001', description: 'Certified.', applicability: '', levels: null },
      ],
    },
    {
      key: 'cost',
      weight: 30,
      title: 'Cost',
      description: 'Total cost of ownership.',
      criteria: [{ key: 'price', kind: 'price', weight: 1, title: 'Price', description: 'TCO.', applicability: '', levels }],
    },
  ],
};

/** An RFP built through the repository, with the records the tests refer to. */
export interface BuiltRfp {
  readonly event: RfpEvent;
  readonly sections: readonly RfpSection[];
  /** The scored criterion, the knockout and the price criterion, in that order. */
  readonly quality: RfpCriterion;
  readonly knockout: RfpCriterion;
  readonly price: RfpCriterion;
  /** A bidder that is a provider of the portfolio, and a prospect. */
  readonly incumbent: Bidder;
  readonly prospect: Bidder;
  readonly provider: Provider;
  /** Two evaluators; both declared no conflict once the RFP is past `open`. */
  readonly ann: EvaluatorAssignment;
  readonly bob: EvaluatorAssignment;
}

/**
 * Creates an RFP from `smallTemplate` with two bidders and two evaluators, and moves it through
 * the flow until it reaches `phase` (`draft` to `consensus`). On the way to `consensus`, Ann
 * scores the quality criterion for the incumbent.
 */
export async function buildRfp(
  db: PortfolioDb,
  context: DeviceContext,
  phase: Exclude<RfpPhase, 'awarded' | 'cancelled'>,
  title = 'Payroll outsourcing',
): Promise<BuiltRfp> {
  const created = await createRfpFromTemplate(
    db,
    { title, baseCurrency: 'GBP', termMonths: 36, priceScoreMethod: 'lowestOverBid', template: smallTemplate, scope: ['Payroll'] },
    context,
  );
  const sections = await db.rfpSections.where('rfpId').equals(created.id).sortBy('order');
  const criteria = await db.rfpCriteria.where('rfpId').equals(created.id).toArray();
  const byKey = (suffix: string): RfpCriterion => {
    const found = criteria.find((criterion) => criterion.templateKey?.endsWith(suffix) === true);
    if (found === undefined) throw new Error(`criterion ${suffix} missing`);
    return found;
  };

  const provider = await insertRecord(
    db,
    'providers',
    { code: 'PRV1', name: 'North Payroll Ltd', formerNames: [], ...providerProfileDefaults },
    context,
  );
  const incumbent = await addBidder(db, created.id, { providerId: provider.id }, context);
  const prospect = await addBidder(db, created.id, { name: 'Prospect Services' }, context);
  let ann = await addEvaluator(db, created.id, { evaluatorName: 'Ann', role: 'Operations' }, context);
  let bob = await addEvaluator(db, created.id, { evaluatorName: 'Bob', role: 'Finance' }, context);

  const flow: readonly RfpPhase[] = ['open', 'scoring', 'consensus'];
  const target = flow.indexOf(phase) + 1;
  for (const step of flow.slice(0, target)) {
    if (step === 'scoring') {
      ann = await declareConflict(db, ann.id, { status: 'none', bidderIds: [], statement: 'No links to any bidder.' }, context);
      bob = await declareConflict(db, bob.id, { status: 'none', bidderIds: [], statement: 'No links to any bidder.' }, context);
    }
    if (step === 'consensus') {
      const entry = {
        rfpId: created.id,
        evaluatorId: ann.id,
        bidderId: incumbent.id,
        criterionId: byKey('quality').id,
        value: 3,
        comment: '',
      };
      await setScore(db, entry, context);
    }
    await setRfpPhase(db, created.id, step, context);
  }

  const event = await db.rfpEvents.get(created.id);
  if (event === undefined) throw new Error('event missing');
  return {
    event,
    sections,
    quality: byKey('quality'),
    knockout: byKey('iso'),
    price: byKey('price'),
    incumbent,
    prospect,
    provider,
    ann,
    bob,
  };
}

/** Reads every record table, the tombstones, the audit trail and `meta`, to check that a rejected call wrote nothing. */
export async function databaseContents(db: PortfolioDb): Promise<Record<string, unknown[]>> {
  const contents: Record<string, unknown[]> = {};
  for (const table of recordTables) contents[table] = await db.recordTable(table).toArray();
  contents.tombstones = await db.tombstones.toArray();
  contents.audit = await db.audit.toArray();
  contents.meta = await db.meta.toArray();
  return contents;
}

/**
 * The RFP of the golden portfolio: a re-procurement of NHS 111 call handling in phase
 * `consensus`. It has two sections, three criteria (scored, knockout, price), the incumbent and a
 * prospect as bidders, and two evaluators, one with a declared conflict. It also has three
 * scores, one consensus score and two price bids, one of them in euros. Everything in it is
 * invented.
 */
import type {
  Bidder,
  ConsensusScore,
  EvaluatorAssignment,
  PriceBid,
  RfpCriterion,
  RfpEvent,
  RfpSection,
  Score,
  ScoringScale,
} from '../../../../shared/domain/rfp';
import type { RecordsByTable } from '../../../../shared/sync/snapshot';

type ClockAt = (instant: string, deviceId: string, counter?: number) => string;
type RfpRecords = Pick<
  RecordsByTable,
  'rfpEvents' | 'rfpSections' | 'rfpCriteria' | 'rfpBidders' | 'rfpEvaluators' | 'rfpScores' | 'rfpConsensusScores' | 'rfpPriceBids'
>;

const rfp = '019c3200-0000-7000-8000-00000000a001';
const serviceSection = '019c3200-0000-7000-8000-00000000a002';
const costSection = '019c3200-0000-7000-8000-00000000a003';
const answering = '019c3200-0000-7000-8000-00000000a004';
const iso27001 = '019c3200-0000-7000-8000-00000000a005';
const price = '019c3200-0000-7000-8000-00000000a006';
const incumbent = '019c3200-0000-7000-8000-00000000a007';
const prospect = '019c3200-0000-7000-8000-00000000a008';
const ann = '019c3200-0000-7000-8000-00000000a009';
const raj = '019c3200-0000-7000-8000-00000000a00a';

const scale: ScoringScale = {
  levels: [
    { value: 0, label: 'Not met', description: 'No evidence of meeting the 95% standard.' },
    { value: 3, label: 'Adequate', description: 'Meets the 95% standard in most months.' },
    { value: 5, label: 'Excellent', description: 'Meets the 95% standard every month, with evidence.' },
  ],
};

/** Builds the RFP records; `northEast` is the incumbent provider's id and `clockAt` the golden portfolio's clock builder. */
export function goldenRfpRecords(northEast: string, clockAt: ClockAt, deviceId: string): RfpRecords {
  const drafted = clockAt('2026-02-04T10:00:00.000Z', deviceId);
  const declared = clockAt('2026-02-05T11:00:00.000Z', deviceId);
  const scored = clockAt('2026-02-06T15:20:00.000Z', deviceId);
  const rescored = clockAt('2026-02-07T09:05:00.000Z', deviceId);
  const agreed = clockAt('2026-02-09T16:00:00.000Z', deviceId);

  const event: RfpEvent = {
    id: rfp,
    clock: drafted,
    fieldClocks: { phase: agreed },
    title: 'NHS 111 call handling re-procurement',
    description: 'Replace the North East call handling contract when it ends in March 2018.',
    scope: ['NHS 111 call handling', 'Clinical call-backs'],
    phase: 'consensus',
    baseCurrency: 'GBP',
    termMonths: 36,
    priceScoreMethod: 'lowestOverBid',
    issuedOn: '2026-02-04',
    questionsDueOn: '2026-02-11',
    responseDueOn: '2026-02-25',
    awardTargetOn: '2026-03-31',
    awardedBidderId: null,
    awardReason: '',
    awardedContractId: null,
  };
  const sections: RfpSection[] = [
    {
      id: serviceSection,
      clock: drafted,
      fieldClocks: {},
      rfpId: rfp,
      templateKey: null,
      title: 'Service delivery',
      description: '',
      weight: 70,
      order: 1,
    },
    {
      id: costSection,
      clock: drafted,
      fieldClocks: {},
      rfpId: rfp,
      templateKey: null,
      title: 'Cost',
      description: '',
      weight: 30,
      order: 2,
    },
  ];
  const criterion = (
    id: string,
    sectionId: string,
    data: Pick<RfpCriterion, 'title' | 'kind' | 'weight' | 'scale' | 'order'>,
  ): RfpCriterion => ({
    id,
    clock: drafted,
    fieldClocks: {},
    rfpId: rfp,
    sectionId,
    templateKey: null,
    description: '',
    applicabilityNote: '',
    ...data,
  });
  const criteria: RfpCriterion[] = [
    criterion(answering, serviceSection, { title: 'Calls answered within 60 seconds', kind: 'scored', weight: 1, scale, order: 1 }),
    criterion(iso27001, serviceSection, { title: 'ISO 27001 certification', kind: 'knockout', weight: 0, scale: null, order: 2 }),
    criterion(price, costSection, { title: 'Total cost of ownership', kind: 'price', weight: 1, scale, order: 1 }),
  ];
  const bidders: Bidder[] = [
    { id: incumbent, clock: drafted, fieldClocks: {}, rfpId: rfp, name: 'NORTH EAST ENGLAND NHS 111', providerId: northEast },
    { id: prospect, clock: drafted, fieldClocks: {}, rfpId: rfp, name: 'Coastal Contact Ltd', providerId: null },
  ];
  const evaluators: EvaluatorAssignment[] = [
    {
      id: ann,
      clock: drafted,
      fieldClocks: { conflictStatus: declared, conflictStatement: declared, conflictDeclaredOn: declared },
      rfpId: rfp,
      evaluatorName: 'Ann Okafor',
      role: 'Operations',
      sectionIds: null,
      conflictStatus: 'none',
      conflictBidderIds: [],
      conflictStatement: 'No links to either bidder.',
      conflictDeclaredOn: '2026-02-05',
    },
    {
      id: raj,
      clock: drafted,
      fieldClocks: { conflictStatus: declared, conflictBidderIds: declared, conflictStatement: declared, conflictDeclaredOn: declared },
      rfpId: rfp,
      evaluatorName: 'Raj Patel',
      role: 'Information security',
      sectionIds: [serviceSection],
      conflictStatus: 'declared',
      conflictBidderIds: [prospect],
      conflictStatement: 'Worked for Coastal Contact until 2024.',
      conflictDeclaredOn: '2026-02-05',
    },
  ];
  const score = (id: string, evaluatorId: string, bidderId: string, criterionId: string, value: number | null, comment: string): Score => ({
    id,
    clock: scored,
    fieldClocks: {},
    rfpId: rfp,
    evaluatorId,
    bidderId,
    criterionId,
    value,
    comment,
  });
  const scores: Score[] = [
    {
      ...score('019c3200-0000-7000-8000-00000000a00b', ann, incumbent, answering, 5, 'Met 95% in every month of 2015-16.'),
      fieldClocks: { value: rescored, comment: rescored },
    },
    score('019c3200-0000-7000-8000-00000000a00c', ann, prospect, answering, 3, ''),
    score('019c3200-0000-7000-8000-00000000a00d', raj, incumbent, iso27001, 1, ''),
  ];
  const consensusScores: ConsensusScore[] = [
    {
      id: '019c3200-0000-7000-8000-00000000a00e',
      clock: agreed,
      fieldClocks: {},
      rfpId: rfp,
      bidderId: incumbent,
      criterionId: answering,
      value: 5,
      reason: 'Panel agreed on the published monthly figures.',
      agreedOn: '2026-02-09',
    },
  ];
  const priceBids: PriceBid[] = [
    {
      id: '019c3200-0000-7000-8000-00000000a00f',
      clock: scored,
      fieldClocks: {},
      rfpId: rfp,
      bidderId: incumbent,
      round: 1,
      currency: 'GBP',
      oneTimeCharges: [],
      recurringCharges: [{ label: 'Call handling', amountMinor: 26_000_000, period: 'month' }],
      exchangeRateToBase: 1,
      exchangeRateDate: '2026-02-20',
      submittedOn: '2026-02-20',
    },
    {
      id: '019c3200-0000-7000-8000-00000000a010',
      clock: scored,
      fieldClocks: {},
      rfpId: rfp,
      bidderId: prospect,
      round: 1,
      currency: 'EUR',
      oneTimeCharges: [{ label: 'Transition', amountMinor: 45_000_000 }],
      recurringCharges: [{ label: 'Call handling', amountMinor: 29_500_000, period: 'month' }],
      exchangeRateToBase: 0.8523,
      exchangeRateDate: '2026-02-20',
      submittedOn: '2026-02-24',
    },
  ];

  return {
    rfpEvents: [event],
    rfpSections: sections,
    rfpCriteria: criteria,
    rfpBidders: bidders,
    rfpEvaluators: evaluators,
    rfpScores: scores,
    rfpConsensusScores: consensusScores,
    rfpPriceBids: priceBids,
  };
}

/** Ids of the golden RFP's records that tests refer to. */
export const goldenRfpIds = { rfp, incumbent, prospect, ann, raj, answering } as const;

/** Small in-memory RFPs for the view-model tests: two sections, a knockout, three bidders, two evaluators. */
import type { RfpPhase } from '@shared/domain/rfp';
import { defaultScale } from '@shared/rfp/scale';
import type {
  BidderRecord,
  ConsensusRecord,
  EvaluatorRecord,
  RfpCriterionRecord,
  RfpRecords,
  ScoreRecord,
} from '../../../../../../renderer/src/features/rfp/rfpRecords';

export const ids = {
  rfp: 'rfp-1',
  service: 'sec-service',
  cost: 'sec-cost',
  quality: 'crit-quality',
  staffing: 'crit-staffing',
  iso: 'crit-iso',
  price: 'crit-price',
  acme: 'bid-acme',
  bolt: 'bid-bolt',
  crest: 'bid-crest',
  ann: 'eval-ann',
  ben: 'eval-ben',
} as const;

function criterion(id: string, sectionId: string, kind: RfpCriterionRecord['kind'], weight: number, order: number): RfpCriterionRecord {
  return {
    id,
    rfpId: ids.rfp,
    sectionId,
    templateKey: null,
    title: `Title of ${id}`,
    description: '',
    kind,
    weight,
    scale: kind === 'knockout' ? null : defaultScale,
    applicabilityNote: '',
    order,
  };
}

function evaluator(id: string, name: string, overrides: Partial<EvaluatorRecord> = {}): EvaluatorRecord {
  return {
    id,
    rfpId: ids.rfp,
    evaluatorName: name,
    role: '',
    sectionIds: null,
    conflictStatus: 'none',
    conflictBidderIds: [],
    conflictStatement: 'No conflict.',
    conflictDeclaredOn: '2026-01-05',
    ...overrides,
  };
}

export function score(evaluatorId: string, bidderId: string, criterionId: string, value: number | null, comment = ''): ScoreRecord {
  return { id: `${evaluatorId}/${bidderId}/${criterionId}`, rfpId: ids.rfp, evaluatorId, bidderId, criterionId, value, comment };
}

export function consensus(bidderId: string, criterionId: string, value: number, reason: string): ConsensusRecord {
  return { id: `c/${bidderId}/${criterionId}`, rfpId: ids.rfp, bidderId, criterionId, value, reason, agreedOn: '2026-02-01' };
}

const bidders: readonly BidderRecord[] = [
  { id: ids.acme, rfpId: ids.rfp, name: 'Acme', providerId: null },
  { id: ids.bolt, rfpId: ids.rfp, name: 'Bolt', providerId: null },
  { id: ids.crest, rfpId: ids.rfp, name: 'Crest', providerId: null },
];

/** Builds the RFP in `phase`; section weights 60 (service) and 40 (cost), quality 2 and staffing 1 within service. */
export function makeRfp(phase: RfpPhase, overrides: Partial<RfpRecords> = {}): RfpRecords {
  return {
    event: {
      id: ids.rfp,
      title: 'Payroll outsourcing',
      description: '',
      scope: ['Payroll'],
      phase,
      baseCurrency: 'GBP',
      termMonths: 12,
      priceScoreMethod: 'manual',
      issuedOn: '2026-01-02',
      questionsDueOn: null,
      responseDueOn: '2026-01-30',
      awardTargetOn: null,
      awardedBidderId: null,
      awardReason: '',
      awardedContractId: null,
    },
    sections: [
      { id: ids.service, rfpId: ids.rfp, templateKey: null, title: 'Service', description: '', weight: 60, order: 1 },
      { id: ids.cost, rfpId: ids.rfp, templateKey: null, title: 'Cost', description: '', weight: 40, order: 2 },
    ],
    criteria: [
      criterion(ids.quality, ids.service, 'scored', 2, 1),
      criterion(ids.staffing, ids.service, 'scored', 1, 2),
      criterion(ids.iso, ids.service, 'knockout', 0, 3),
      criterion(ids.price, ids.cost, 'price', 1, 1),
    ],
    bidders,
    evaluators: [evaluator(ids.ann, 'Ann'), evaluator(ids.ben, 'Ben')],
    scores: [],
    consensusScores: [],
    priceBids: [],
    ...overrides,
  };
}

export { evaluator };

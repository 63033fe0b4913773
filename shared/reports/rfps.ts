/**
 * RFP evaluation results: for each RFP in scope, the ranking and the sensitivity analysis of the
 * scoring engine (`evaluateRfp`), and the consensus reasons of the panel. An RFP still in draft
 * has nothing to rank and is left out; so is a cancelled one.
 */
import type { RfpEvent } from '../domain/rfp';
import type { Id } from '../domain/types';
import { evaluateRfp } from '../rfp/evaluate';
import type { RfpEvaluation } from '../rfp/evaluate';
import type { RecordsByTable } from '../sync/snapshot';
import { booleanCell, codeCell, compareText, decimalCell, emptyCell, integerCell, shareCell, textCell } from './tableText';
import type { ReportCell, RfpsSection } from './types';

/** Most sensitivity rows of one RFP: the items whose weight moves the winner's margin most. */
export const maxSensitivityRows = 10;

interface EvaluatedRfp {
  readonly event: RfpEvent;
  readonly evaluation: RfpEvaluation;
  readonly bidderNames: ReadonlyMap<Id, string>;
  readonly itemTitles: ReadonlyMap<Id, string>;
}

const byId = <T extends { readonly id: Id }>(a: T, b: T): number => compareText(a.id, b.id);

/** Evaluates every RFP past its draft, sorted by title and id. Each table is sorted by id first, so the input order never matters. */
function evaluateRfps(records: RecordsByTable): EvaluatedRfp[] {
  const events = records.rfpEvents
    .filter((event) => event.phase !== 'draft' && event.phase !== 'cancelled')
    .sort((a, b) => compareText(a.title, b.title) || byId(a, b));
  return events.map((event) => {
    const ofRfp = <T extends { readonly rfpId: Id; readonly id: Id }>(items: readonly T[]): T[] =>
      items.filter((item) => item.rfpId === event.id).sort(byId);
    const sections = ofRfp(records.rfpSections);
    const criteria = ofRfp(records.rfpCriteria);
    const bidders = ofRfp(records.rfpBidders);
    const evaluation = evaluateRfp({
      event,
      sections,
      criteria,
      bidders,
      evaluators: ofRfp(records.rfpEvaluators),
      scores: ofRfp(records.rfpScores),
      consensusScores: ofRfp(records.rfpConsensusScores),
      priceBids: ofRfp(records.rfpPriceBids),
    });
    return {
      event,
      evaluation,
      bidderNames: new Map(bidders.map((bidder) => [bidder.id, bidder.name])),
      itemTitles: new Map([...sections, ...criteria].map((item) => [item.id, item.title])),
    };
  });
}

export function buildRfpsSection(records: RecordsByTable): RfpsSection {
  const rfps = evaluateRfps(records);
  if (rfps.length === 0) return { key: 'rfps', state: 'empty', tables: [] };
  return {
    key: 'rfps',
    state: 'ready',
    tables: [
      { key: 'rfpRanking', columns: ['rfp', 'phase', 'rank', 'bidder', 'total', 'knockedOut', 'blankCriteria', 'winner'], rows: rfps.flatMap(rankingRows) },
      { key: 'rfpSensitivity', columns: ['rfp', 'kind', 'item', 'share', 'winnerFrom', 'winnerTo', 'flipsAt', 'newWinner'], rows: rfps.flatMap(sensitivityRows) },
      { key: 'rfpConsensus', columns: ['rfp', 'bidder', 'criterion', 'score', 'reason'], rows: rfps.flatMap((rfp) => consensusRows(rfp, records)) },
    ],
  };
}

function rankingRows({ event, evaluation, bidderNames }: EvaluatedRfp): ReportCell[][] {
  return evaluation.results.ranking.map((bidder) => [
    textCell(event.title),
    codeCell('rfpPhase', event.phase),
    // Without a total (no criterion scored yet) the engine's order is only its tie-break, not a ranking.
    bidder.total === null ? codeCell('rfpRank', 'notScored') : integerCell(bidder.rank),
    textCell(bidderNames.get(bidder.bidderId) ?? ''),
    decimalCell(bidder.total),
    booleanCell(bidder.knockedOut),
    integerCell(bidder.blankCriterionIds.length),
    booleanCell(evaluation.results.winnerId === bidder.bidderId),
  ]);
}

/** Lists the tornado's items (largest swing first) with the share range in which the winner stays, and the first flip. */
function sensitivityRows({ event, evaluation, bidderNames, itemTitles }: EvaluatedRfp): ReportCell[][] {
  const items = new Map(evaluation.sensitivity.items.map((item) => [`${item.kind}|${item.id}`, item]));
  return evaluation.sensitivity.tornado.slice(0, maxSensitivityRows).flatMap((bar) => {
    const item = items.get(`${bar.kind}|${bar.id}`);
    if (item === undefined) return [];
    const flip = item.lowerFlip ?? item.upperFlip;
    return [
      [
        textCell(event.title),
        codeCell('sensitivityKind', item.kind),
        textCell(itemTitles.get(item.id) ?? ''),
        shareCell(item.share),
        shareCell(item.winnerRange.low),
        shareCell(item.winnerRange.high),
        flip === null ? emptyCell : shareCell(flip.share),
        flip === null ? emptyCell : textCell(bidderNames.get(flip.newWinnerId) ?? ''),
      ],
    ];
  });
}

/** Consensus scores with a reason, by bidder name, then criterion title. */
function consensusRows({ event, bidderNames, itemTitles }: EvaluatedRfp, records: RecordsByTable): ReportCell[][] {
  const rows = records.rfpConsensusScores
    .filter((score) => score.rfpId === event.id && score.reason.trim() !== '')
    .map((score) => ({
      bidder: bidderNames.get(score.bidderId) ?? '',
      criterion: itemTitles.get(score.criterionId) ?? '',
      score,
    }))
    .sort((a, b) => compareText(a.bidder, b.bidder) || compareText(a.criterion, b.criterion) || byId(a.score, b.score));
  return rows.map(({ bidder, criterion, score }) => [
    textCell(event.title),
    textCell(bidder),
    textCell(criterion),
    decimalCell(score.value),
    textCell(score.reason),
  ]);
}

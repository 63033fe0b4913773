/**
 * Risks (heatmap and top risks), decisions and open actions, and upcoming deadlines. Risk scores
 * and ratings are those of the risk register (`shared/governance/riskMatrix.ts`), deadlines those
 * of the Calendar tab (`buildAgenda`).
 */
import { buildAgenda } from '../calendar/agenda';
import type { CalendarEntry } from '../calendar/agenda';
import type { Risk } from '../domain/governance';
import type { CalendarDate, Id, Period } from '../domain/types';
import { buildRiskHeatmap, riskRating, riskScore } from '../governance/riskMatrix';
import type { RecordsByTable } from '../sync/snapshot';
import { booleanCell, codeCell, compareText, dateCell, integerCell, textCell } from './tableText';
import type { DeadlinesSection, GovernanceSection, ReportCell, RisksSection } from './types';

/** Most risks the top risks table lists. */
export const maxTopRisks = 10;

/** Days after `today` that the deadlines section and the summary look ahead. */
export const deadlineHorizonDays = 90;

/** Kinds of calendar entries the deadlines section lists: contract and certification dates, not meetings or actions. */
const deadlineKinds: ReadonlySet<CalendarEntry['kind']> = new Set(['noticeDeadline', 'renewal', 'certificationExpiry']);

/** Open risks (every status but closed), by score (highest first), review date (soonest first, none last), title and id. */
export function rankOpenRisks(risks: readonly Risk[]): Risk[] {
  return risks
    .filter((risk) => risk.status !== 'closed')
    .sort(
      (a, b) =>
        riskScore(b) - riskScore(a) ||
        compareText(a.reviewDate ?? '9999-99-99', b.reviewDate ?? '9999-99-99') ||
        compareText(a.title, b.title) ||
        compareText(a.id, b.id),
    );
}

/** Returns the provider cell of a governance record: its name, "Portfolio-wide" without a provider, or empty for a provider not in scope. */
function providerCell(providerId: Id | null, providerNames: ReadonlyMap<Id, string>): ReportCell {
  if (providerId === null) return codeCell('providerScope', 'portfolioWide');
  return textCell(providerNames.get(providerId) ?? '');
}

export function buildRisksSection(records: RecordsByTable): RisksSection {
  const open = rankOpenRisks(records.risks);
  if (open.length === 0) return { key: 'risks', state: 'empty', tables: [], heatmap: [] };
  const heatmap = buildRiskHeatmap(open).rows.map((row) => row.map((cell) => cell.count));
  const providerNames = new Map(records.providers.map((provider) => [provider.id, provider.name]));
  const rows = open.slice(0, maxTopRisks).map((risk): ReportCell[] => [
    textCell(risk.title),
    providerCell(risk.providerId, providerNames),
    codeCell('riskCategory', risk.category),
    integerCell(risk.likelihood),
    integerCell(risk.impact),
    integerCell(riskScore(risk)),
    codeCell('riskRating', riskRating(risk)),
    textCell(risk.owner),
    codeCell('riskStatus', risk.status),
    dateCell(risk.reviewDate),
  ]);
  return {
    key: 'risks',
    state: 'ready',
    tables: [{ key: 'topRisks', columns: ['risk', 'provider', 'category', 'likelihood', 'impact', 'score', 'rating', 'owner', 'status', 'reviewDate'], rows }],
    heatmap,
  };
}

/** Decisions dated in the period's months, and every open action item. */
export function buildGovernanceSection(records: RecordsByTable, months: readonly Period[], today: CalendarDate): GovernanceSection {
  const inPeriod = new Set(months);
  const providerNames = new Map(records.providers.map((provider) => [provider.id, provider.name]));

  const decisions = records.decisions
    .filter((decision) => inPeriod.has(decision.decidedOn.slice(0, 7)))
    .sort((a, b) => compareText(a.decidedOn, b.decidedOn) || compareText(a.text, b.text) || compareText(a.id, b.id))
    .map((decision): ReportCell[] => [dateCell(decision.decidedOn), providerCell(decision.providerId, providerNames), textCell(decision.text), textCell(decision.decidedBy)]);
  const actions = records.actionItems
    .filter((action) => action.status === 'open')
    .sort(
      (a, b) =>
        compareText(a.dueDate ?? '9999-99-99', b.dueDate ?? '9999-99-99') || compareText(a.title, b.title) || compareText(a.id, b.id),
    )
    .map((action): ReportCell[] => [
      textCell(action.title),
      providerCell(action.providerId, providerNames),
      textCell(action.owner),
      dateCell(action.dueDate),
      booleanCell(action.dueDate !== null && action.dueDate < today),
    ]);

  if (decisions.length === 0 && actions.length === 0) return { key: 'governance', state: 'empty', tables: [] };
  return {
    key: 'governance',
    state: 'ready',
    tables: [
      { key: 'decisions', columns: ['date', 'provider', 'decision', 'decidedBy'], rows: decisions },
      { key: 'openActions', columns: ['action', 'provider', 'owner', 'due', 'overdue'], rows: actions },
    ],
  };
}

/** Notice deadlines, renewals and certification expiries up to `deadlineHorizonDays` after `today`, overdue ones included. */
export function upcomingDeadlines(records: RecordsByTable, today: CalendarDate): CalendarEntry[] {
  return buildAgenda(records, { today, horizonDays: deadlineHorizonDays }).filter((entry) => deadlineKinds.has(entry.kind));
}

export function buildDeadlinesSection(entries: readonly CalendarEntry[]): DeadlinesSection {
  if (entries.length === 0) return { key: 'deadlines', state: 'empty', tables: [] };
  const rows = entries.map((entry): ReportCell[] => [
    dateCell(entry.date),
    codeCell('deadlineKind', entry.kind),
    textCell(entry.providerName ?? ''),
    entry.kind === 'certificationExpiry' && entry.title.trim() === '' ? codeCell('certificationStandard', entry.standard) : textCell(entry.title),
    integerCell(entry.daysUntil),
    booleanCell(entry.overdue),
  ]);
  return { key: 'deadlines', state: 'ready', tables: [{ key: 'deadlines', columns: ['date', 'kind', 'provider', 'subject', 'daysUntil', 'overdue'], rows }] };
}

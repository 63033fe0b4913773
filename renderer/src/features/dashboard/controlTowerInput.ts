/**
 * Reads of the portfolio database that the control tower worker runs: the records of the
 * dashboard summary, of one KPI's comparison, and of the escalation rules. The worker runs them on its own
 * connection, and the client runs them on the main thread where no worker can start.
 */
import type { CalendarDate, Id, Instant, Period } from '@shared/domain/types';
import { compareKpiAcrossProviders } from '@shared/kpi/controlTowerComparison';
import type { ComparisonBasis, KpiComparisonRow } from '@shared/kpi/controlTowerComparison';
import type { ControlTowerSelection, ControlTowerSummary } from '@shared/kpi/controlTowerSummary';
import { buildControlTowerSummary } from '@shared/kpi/controlTowerSummary';
import { computeEscalationActions } from '@shared/kpi/escalationRules';
import type { EscalationAction } from '@shared/kpi/escalationRules';
import type { PortfolioDb } from '../../db/portfolioDb';

/**
 * Compares one KPI across providers in `reportingMonth`, reading only that KPI's service levels
 * and measurements through their `kpiId` index.
 */
export async function computeKpiComparison(db: PortfolioDb, kpiId: Id, reportingMonth: Period, basis: ComparisonBasis): Promise<KpiComparisonRow[]> {
  return db.transaction('r', [db.kpis, db.serviceLevels, db.measurements, db.providers], async () => {
    const [kpi, serviceLevels, measurements, providers] = await Promise.all([
      db.kpis.get(kpiId),
      db.serviceLevels.where('kpiId').equals(kpiId).toArray(),
      db.measurements.where('kpiId').equals(kpiId).toArray(),
      db.providers.toArray(),
    ]);
    if (kpi === undefined) return [];
    return compareKpiAcrossProviders({ kpi, serviceLevels, providers, measurements, reportingMonth, basis });
  });
}

/** Reads every record the dashboard shows in one read transaction and builds its summary. */
export async function computeControlTowerSummary(db: PortfolioDb, selection: ControlTowerSelection, today: CalendarDate): Promise<ControlTowerSummary> {
  const tables = [db.providers, db.kpis, db.serviceLevels, db.measurements, db.contracts, db.escalations];
  const input = await db.transaction('r', tables, async () => {
    const [providers, kpis, serviceLevels, measurements, contracts, escalations] = await Promise.all([
      db.providers.toArray(),
      db.kpis.toArray(),
      db.serviceLevels.toArray(),
      db.measurements.toArray(),
      db.contracts.toArray(),
      db.escalations.toArray(),
    ]);
    return { providers, kpis, serviceLevels, measurements, contracts, escalations, today };
  });
  return buildControlTowerSummary(input, selection);
}

/**
 * Computes the actions of the escalation rules without writing them, from the same records that
 * `applyEscalationRules` in `db/escalations.ts` reads: the critical service levels, their
 * measurements, and their escalations and events.
 */
export async function computePendingEscalationActions(db: PortfolioDb, now: Instant, today: CalendarDate): Promise<EscalationAction[]> {
  const tables = [db.serviceLevels, db.kpis, db.measurements, db.escalations, db.escalationEvents];
  return db.transaction('r', tables, async () => {
    const critical = (await db.serviceLevels.toArray()).filter((level) => level.critical);
    if (critical.length === 0) return [];

    const providerIds = [...new Set(critical.map((level) => level.providerId))];
    const criticalKpis = new Set(critical.map((level) => level.kpiId));
    const [kpis, perProvider, allEscalations, allEvents] = await Promise.all([
      db.kpis.toArray(),
      Promise.all(providerIds.map((id) => db.measurements.where('providerId').equals(id).toArray())),
      db.escalations.toArray(),
      db.escalationEvents.toArray(),
    ]);
    const criticalIds = new Set(critical.map((level) => level.id));
    const escalations = allEscalations.filter((escalation) => criticalIds.has(escalation.serviceLevelId));
    const escalationIds = new Set(escalations.map((escalation) => escalation.id));
    return computeEscalationActions({
      serviceLevels: critical,
      kpis,
      measurements: perProvider.flat().filter((measurement) => criticalKpis.has(measurement.kpiId)),
      escalations,
      events: allEvents.filter((event) => escalationIds.has(event.escalationId)),
      now,
      today,
    });
  });
}

/**
 * Pure builders of the Risks screen: one register row per stored risk and per risk that Steerwise
 * raised itself, the register's filters, and the heatmap input.
 *
 * A raised (derived) risk counts as recorded when a stored risk of the same provider carries its
 * id (`certification:<providerId>:<standard>`) in the description, which "Record as a risk" writes
 * there. The id survives translation and renaming, unlike a title. A recorded derived risk stays
 * in the register, marked with the stored risk, but leaves the heatmap so that the same risk is
 * not counted twice.
 */
import type { TFunction } from 'i18next';
import type { Risk, RiskCategory, RiskScore, RiskStatus } from '@shared/domain/governance';
import type { Certification } from '@shared/domain/providerProfile';
import type { CalendarDate, Id, Provider } from '@shared/domain/types';
import type { CertificationRisk } from '@shared/governance/certificationRisks';
import { riskRating, riskScore } from '@shared/governance/riskMatrix';
import type { HeatmapRisk, RiskRating } from '@shared/governance/riskMatrix';

export type ReviewState = 'due' | 'overdue' | null;

export interface RiskRow {
  /** Stored risk id, or the derived risk's `certification:<providerId>:<standard>`. */
  readonly id: string;
  readonly source: 'stored' | 'derived';
  readonly title: string;
  readonly category: RiskCategory;
  readonly providerId: Id | null;
  /** Provider name, or the "Portfolio-wide" text. */
  readonly providerName: string;
  readonly likelihood: RiskScore;
  readonly impact: RiskScore;
  readonly score: number;
  readonly rating: RiskRating;
  readonly owner: string;
  readonly status: RiskStatus;
  readonly reviewDate: CalendarDate | null;
  /** Review marker: `due` on the review date, `overdue` after it, `null` when closed or without a review date. */
  readonly review: ReviewState;
  /** For a derived row, the stored risk that records it, else `null`. */
  readonly recordedAs: Risk | null;
}

/** Returns `due` when the review date is today, `overdue` when it has passed, else `null`. Closed risks are never due. */
export function reviewStateOf(risk: Pick<Risk, 'status' | 'reviewDate'>, today: CalendarDate): ReviewState {
  if (risk.status === 'closed' || risk.reviewDate === null) return null;
  // `YYYY-MM-DD` strings compare in date order.
  if (risk.reviewDate < today) return 'overdue';
  return risk.reviewDate === today ? 'due' : null;
}

/** Finds the stored risk that records a derived one: same provider, the derived id in its description. */
export function findRecordingRisk(derived: Pick<CertificationRisk, 'id' | 'providerId'>, stored: readonly Risk[]): Risk | null {
  return stored.find((risk) => risk.providerId === derived.providerId && risk.description.includes(derived.id)) ?? null;
}

/** Builds the title of a derived risk, such as "ISO/IEC 27001 certificate expired on 14 Jan 2026". */
export function derivedRiskTitle(
  t: TFunction,
  risk: CertificationRisk,
  certificates: ReadonlyMap<Id, Pick<Certification, 'issuedOn'>>,
  formatDate: (date: CalendarDate) => string,
): string {
  const standard = t(`profile.standards.${risk.standard}`);
  if (risk.gap === 'expired' && risk.expiredOn !== null) {
    return t('governance.certificationRisks.title_expired', { standard, date: formatDate(risk.expiredOn) });
  }
  const startsOn = risk.certificationId === null ? null : (certificates.get(risk.certificationId)?.issuedOn ?? null);
  if (risk.gap === 'notYetValid' && startsOn !== null) {
    return t('governance.certificationRisks.title_notYetValid', { standard, date: formatDate(startsOn) });
  }
  return t('governance.certificationRisks.title_missing', { standard });
}

export interface RiskRowInput {
  readonly risks: readonly Risk[];
  readonly derived: readonly CertificationRisk[];
  readonly providers: readonly Pick<Provider, 'id' | 'name'>[];
  readonly certifications: readonly Pick<Certification, 'id' | 'issuedOn'>[];
  readonly today: CalendarDate;
  readonly formatDate: (date: CalendarDate) => string;
}

/** Builds the register rows: stored risks first, then the derived ones, each in input order. */
export function buildRiskRows(t: TFunction, input: RiskRowInput): RiskRow[] {
  const names = new Map(input.providers.map((provider) => [provider.id, provider.name]));
  const providerName = (providerId: Id | null) =>
    providerId === null ? t('risks.portfolioWide') : (names.get(providerId) ?? t('risks.unknownProvider'));
  const certificates = new Map(input.certifications.map((certificate) => [certificate.id, certificate]));

  const stored = input.risks.map(
    (risk): RiskRow => ({
      id: risk.id,
      source: 'stored',
      title: risk.title,
      category: risk.category,
      providerId: risk.providerId,
      providerName: providerName(risk.providerId),
      likelihood: risk.likelihood,
      impact: risk.impact,
      score: riskScore(risk),
      rating: riskRating(risk),
      owner: risk.owner,
      status: risk.status,
      reviewDate: risk.reviewDate,
      review: reviewStateOf(risk, input.today),
      recordedAs: null,
    }),
  );
  const derived = input.derived.map(
    (risk): RiskRow => ({
      id: risk.id,
      source: 'derived',
      title: derivedRiskTitle(t, risk, certificates, input.formatDate),
      category: risk.category,
      providerId: risk.providerId,
      providerName: providerName(risk.providerId),
      likelihood: risk.likelihood,
      impact: risk.impact,
      score: riskScore(risk),
      rating: riskRating(risk),
      owner: '',
      status: risk.status,
      reviewDate: null,
      review: null,
      recordedAs: findRecordingRisk(risk, input.risks),
    }),
  );
  return [...stored, ...derived];
}

/** Provider filter: `all`, `portfolioWide` for risks without a provider, or one provider's id. */
export type ProviderFilter = string;

export interface RiskFilters {
  readonly provider: ProviderFilter;
  readonly status: RiskStatus | 'all';
  readonly category: RiskCategory | 'all';
  readonly rating: RiskRating | 'all';
  /** Shows closed risks; choosing the status `closed` shows them too. */
  readonly showClosed: boolean;
}

export const noRiskFilters: RiskFilters = { provider: 'all', status: 'all', category: 'all', rating: 'all', showClosed: false };

/** Keeps the rows that pass every filter. */
export function filterRiskRows(rows: readonly RiskRow[], filters: RiskFilters): RiskRow[] {
  return rows.filter((row) => {
    if (row.status === 'closed' && !filters.showClosed && filters.status !== 'closed') return false;
    if (filters.status !== 'all' && row.status !== filters.status) return false;
    if (filters.category !== 'all' && row.category !== filters.category) return false;
    if (filters.rating !== 'all' && row.rating !== filters.rating) return false;
    if (filters.provider === 'portfolioWide') return row.providerId === null;
    return filters.provider === 'all' || row.providerId === filters.provider;
  });
}

/** Returns the filters that show every risk, closed ones too when `row` is closed, so that `row` is in the register. */
export function filtersShowing(row: Pick<RiskRow, 'status'>): RiskFilters {
  return { ...noRiskFilters, showClosed: row.status === 'closed' };
}

/** Checks whether the chosen row is left out of the register that `shown` lists. */
export function isHiddenByFilters(selected: Pick<RiskRow, 'id'> | null, shown: readonly Pick<RiskRow, 'id'>[]): boolean {
  return selected !== null && !shown.some((row) => row.id === selected.id);
}

/** Rows as the heatmap reads them: every row except derived ones already recorded as a stored risk. */
export function heatmapRisksOf(rows: readonly RiskRow[]): HeatmapRisk[] {
  return rows
    .filter((row) => row.recordedAs === null)
    .map((row) => ({ id: row.id, likelihood: row.likelihood, impact: row.impact, status: row.status }));
}

/**
 * The steering committee pack as plain data: the report choices (`ReportOptions`) and the pack
 * that `buildReport` returns (`ReportPack`). The pack contains numbers, codes, dates, tables and
 * chart series but no sentences, so the renderer writes every word through i18n and the PDF, the
 * workbook and the CSV files render the same content. See docs/reports.md.
 */
import type { CalendarDate, Id, Instant, KpiUnit, Period } from '../domain/types';

/** Sections of a pack, in the order the pack prints them. */
export const reportSectionKeys = ['summary', 'scorecards', 'credits', 'transitions', 'rfps', 'risks', 'governance', 'deadlines'] as const;
export type ReportSectionKey = (typeof reportSectionKeys)[number];

/** A calendar month, or a calendar quarter (January to March is Q1). */
export type ReportPeriod =
  | { readonly kind: 'month'; readonly month: Period }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 };

/** The whole portfolio, or the providers listed. */
export type ReportScope = { readonly kind: 'portfolio' } | { readonly kind: 'providers'; readonly providerIds: readonly Id[] };

export interface ReportOptions {
  readonly scope: ReportScope;
  readonly period: ReportPeriod;
  /** Sections to build; the pack keeps the order of `reportSectionKeys` whatever the order here. */
  readonly sections: readonly ReportSectionKey[];
  /** Leaves out the commercial terms of `shared/domain/commercialTerms.ts`, as the scoped export does. */
  readonly withoutCommercialTerms: boolean;
  /** The user's date, for deadlines, overdue actions and risk reviews. */
  readonly today: CalendarDate;
  /** Instant printed as the generation time; the pack never reads a clock. */
  readonly generatedAt: Instant;
}

/** One cell of a report table. Money is in minor units of its currency, as stored. */
export type ReportCell =
  | { readonly kind: 'text'; readonly value: string }
  /** A KPI's name: the renderer shows the translation of a library or preset `key`, else `name`. */
  | { readonly kind: 'kpi'; readonly key: string; readonly name: string }
  /** A value from a fixed list, translated as `reports.codes.<group>.<value>`. */
  | { readonly kind: 'code'; readonly group: ReportCodeGroup; readonly value: string }
  /** A KPI result or level in the KPI's unit (percent is 0 to 100). */
  | { readonly kind: 'kpiValue'; readonly value: number; readonly unit: KpiUnit }
  /** A count or another whole number. */
  | { readonly kind: 'integer'; readonly value: number }
  /** A plain decimal number such as an RFP score in points. */
  | { readonly kind: 'decimal'; readonly value: number }
  /** A share from 0 to 1, shown as a percentage. */
  | { readonly kind: 'share'; readonly value: number }
  | { readonly kind: 'money'; readonly minor: number; readonly currency: string }
  | { readonly kind: 'date'; readonly value: CalendarDate }
  | { readonly kind: 'month'; readonly value: Period }
  /** A point in time, shown in the reader's time zone. */
  | { readonly kind: 'instant'; readonly value: Instant }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'empty' };

export type ReportCodeGroup =
  | 'status'
  | 'levelKind'
  | 'schedule'
  | 'earnBack'
  | 'riskRating'
  | 'riskStatus'
  | 'riskCategory'
  | 'deadlineKind'
  | 'certificationStandard'
  | 'rfpPhase'
  | 'rfpRank'
  | 'sensitivityKind'
  /** A record of no single provider, such as a portfolio-wide risk: `portfolioWide`. */
  | 'providerScope';

/** Tables of the pack; the renderer titles each as `reports.tables.<key>.title`. */
export type ReportTableKey =
  | 'scorecard'
  | 'creditsByContract'
  | 'creditLines'
  | 'plans'
  | 'milestones'
  | 'rfpRanking'
  | 'rfpSensitivity'
  | 'rfpConsensus'
  | 'topRisks'
  /** The risk heatmap as a table, which only the workbook and the CSV files write. */
  | 'riskHeatmap'
  | 'decisions'
  | 'openActions'
  | 'deadlines';

export interface ReportTable {
  readonly key: ReportTableKey;
  /** Column keys, headed `reports.tables.<key>.columns.<column>`. */
  readonly columns: readonly string[];
  /** Rows of cells, one cell per column. */
  readonly rows: readonly (readonly ReportCell[])[];
}

/**
 * State of a section: `ready` with content, `empty` when its scope has no data for it (the pack
 * prints a line in its place), or `redacted` when it shows only commercial terms and the pack
 * leaves them out.
 */
export type SectionState = 'ready' | 'empty' | 'redacted';

/** Monthly results of one critical service level, for a chart against its levels. */
export interface LevelChart {
  readonly serviceLevelId: Id;
  readonly providerName: string;
  /** KPI key and stored name, as in a `kpi` cell. */
  readonly kpiKey: string;
  readonly kpiName: string;
  readonly unit: KpiUnit;
  /** Months shown, oldest first: up to 12 months ending with the period's last month. */
  readonly months: readonly Period[];
  /** Result of each month of `months`, `null` for a month without data. */
  readonly results: readonly (number | null)[];
  /** Expected and minimum levels in force in each month of `months`, `null` before go-live. */
  readonly expected: readonly (number | null)[];
  readonly minimum: readonly (number | null)[];
}

/** One bar of a Gantt excerpt: a top-level task or a milestone. */
export interface GanttBar {
  readonly taskId: Id;
  readonly name: string;
  readonly start: CalendarDate;
  /** Last day of work, included; the start for a milestone. */
  readonly finish: CalendarDate;
  readonly milestone: boolean;
  readonly critical: boolean;
  /** Percent complete, 0 to 100. */
  readonly progress: number;
  /** Finish in the latest baseline, or `null` when the plan has none or the task is newer. */
  readonly baselineFinish: CalendarDate | null;
}

export interface GanttExcerpt {
  readonly planId: Id;
  readonly title: string;
  readonly bars: readonly GanttBar[];
}

/** Credits of one currency in the period; amounts of different currencies are never added. */
export interface CurrencyCredits {
  readonly currency: string;
  /** Final credits after earn-back and cap. */
  readonly dueMinor: number;
  /** Credits that earn-back may still waive. */
  readonly pendingMinor: number;
  readonly bonusMinor: number;
}

/** The numbers behind the executive summary's sentences. */
export interface SummaryFacts {
  /** Critical service levels in scope with a result in the period. */
  readonly criticalLevels: number;
  /** Of those, levels that missed the minimum in at least one month of the period. */
  readonly missedLevels: number;
  /** Credits of the period per currency, or `null` when commercial terms are left out. */
  readonly credits: readonly CurrencyCredits[] | null;
  /** Open escalations on `today`, by level 1 (operations), 2 (management), 3 (steering committee). */
  readonly openEscalations: { readonly 1: number; readonly 2: number; readonly 3: number };
  /** Open risks rated high or critical. */
  readonly highRisks: number;
  /** Open action items due before `today`. */
  readonly overdueActions: number;
  /** Notice deadlines, renewals and certification expiries from `today` to 90 days later. */
  readonly upcomingDeadlines: number;
  /**
   * Notice deadlines before `today` whose term has not ended, so the contract can no longer be
   * ended at that term's end. Renewals are never overdue: the agenda lists term ends from `today` on.
   */
  readonly passedNoticeDeadlines: number;
  /** Certifications that expired before `today` and that no later certification replaces. */
  readonly expiredCertifications: number;
  /** Plans whose finish is later than in their latest baseline. */
  readonly slippingPlans: number;
}

interface SectionOf<K extends ReportSectionKey> {
  readonly key: K;
  readonly state: SectionState;
  readonly tables: readonly ReportTable[];
}

export type SummarySection = SectionOf<'summary'> & { readonly facts: SummaryFacts };
export type ScorecardsSection = SectionOf<'scorecards'> & {
  /** Charts of the critical levels with the worst results, worst first, at most `maxLevelCharts`. */
  readonly charts: readonly LevelChart[];
  /** Critical levels in scope, charted or not. */
  readonly criticalLevels: number;
};
export type CreditsSection = SectionOf<'credits'> & { readonly totals: readonly CurrencyCredits[] };
export type TransitionsSection = SectionOf<'transitions'> & { readonly gantts: readonly GanttExcerpt[] };
export type RfpsSection = SectionOf<'rfps'>;
/** `heatmap[likelihood - 1][impact - 1]` is the number of open risks in that cell. */
export type RisksSection = SectionOf<'risks'> & { readonly heatmap: readonly (readonly number[])[] };
export type GovernanceSection = SectionOf<'governance'>;
export type DeadlinesSection = SectionOf<'deadlines'>;

export type ReportSection =
  | SummarySection
  | ScorecardsSection
  | CreditsSection
  | TransitionsSection
  | RfpsSection
  | RisksSection
  | GovernanceSection
  | DeadlinesSection;

export interface ReportPack {
  readonly portfolioName: string;
  readonly scope: ReportScope;
  /** Names of the providers of a provider scope, sorted; empty for the whole portfolio. */
  readonly scopeProviderNames: readonly string[];
  readonly period: ReportPeriod;
  /** Months of the period, oldest first. */
  readonly months: readonly Period[];
  readonly withoutCommercialTerms: boolean;
  readonly today: CalendarDate;
  readonly generatedAt: Instant;
  /** Wall time of the latest clock among the records read, or `null` when no record was read. */
  readonly dataChangedAt: Instant | null;
  readonly sections: readonly ReportSection[];
}

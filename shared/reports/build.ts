/**
 * `buildReport`: the steering committee pack from the portfolio's snapshot and the report
 * choices, section by section. The pack depends on its input only (see docs/reports.md), so the
 * same data and options give an equal pack.
 */
import { countOpenEscalations } from '../kpi/controlTower';
import { riskRating } from '../governance/riskMatrix';
import type { Period } from '../domain/types';
import type { RecordsByTable } from '../sync/snapshot';
import { buildCreditsSection, creditsOfPeriod, totalsByCurrency } from './credits';
import type { ContractPeriodCredits } from './credits';
import { buildDeadlinesSection, buildGovernanceSection, buildRisksSection, rankOpenRisks, upcomingDeadlines } from './governance';
import { latestChangeOf, monthsOfPeriod, recordsInScope } from './input';
import type { ReportData } from './input';
import { buildRfpsSection } from './rfps';
import { buildScorecardsSection, scoreLevels } from './scorecards';
import type { LevelScore } from './scorecards';
import { compareText } from './tableText';
import { buildTransitionsSection, planStatuses } from './transitions';
import type { PlanStatus } from './transitions';
import { reportSectionKeys } from './types';
import type { ReportOptions, ReportPack, ReportSection, ReportSectionKey, SummaryFacts, SummarySection } from './types';

/** Progress of a stepwise build: `done` of `total` steps, and the section being built next (`null` once done). */
export interface ReportProgress {
  readonly done: number;
  readonly total: number;
  readonly section: ReportSectionKey | null;
}

export interface StepwiseControl {
  /** Aborts the build at the next step; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReportProgress) => void;
  /** Called between steps, so a caller on a UI thread can yield to its event loop; resolves immediately when absent. */
  readonly pause?: () => Promise<void>;
}

/** Builds the whole pack in one call. */
export function buildReport(data: ReportData, options: ReportOptions): ReportPack {
  const builder = new PackBuilder(data, options);
  return builder.pack(builder.sectionKeys.map((key) => builder.section(key)));
}

/**
 * Builds the pack one section at a time, reporting progress before each and pausing between
 * them. Rejects with the signal's reason once `control.signal` is aborted, at the next step.
 */
export async function buildReportStepwise(data: ReportData, options: ReportOptions, control: StepwiseControl = {}): Promise<ReportPack> {
  const { signal, onProgress, pause } = control;
  signal?.throwIfAborted();
  const builder = new PackBuilder(data, options);
  const keys = builder.sectionKeys;
  const sections: ReportSection[] = [];
  for (const [index, key] of keys.entries()) {
    onProgress?.({ done: index, total: keys.length, section: key });
    if (pause !== undefined) await pause();
    signal?.throwIfAborted();
    sections.push(builder.section(key));
  }
  onProgress?.({ done: keys.length, total: keys.length, section: null });
  return builder.pack(sections);
}

/** Computes each part of the pack once, on first use, because the summary reads the other sections' numbers. */
class PackBuilder {
  readonly sectionKeys: readonly ReportSectionKey[];
  private readonly records: RecordsByTable;
  private readonly months: readonly Period[];
  private scores: LevelScore[] | null = null;
  private credits: ContractPeriodCredits[] | null = null;
  private plans: PlanStatus[] | null = null;

  constructor(
    private readonly data: ReportData,
    private readonly options: ReportOptions,
  ) {
    this.sectionKeys = reportSectionKeys.filter((key) => options.sections.includes(key));
    this.months = monthsOfPeriod(options.period);
    this.records = recordsInScope(data.snapshot, options);
  }

  section(key: ReportSectionKey): ReportSection {
    const { records, months, options } = this;
    switch (key) {
      case 'summary':
        return this.summary();
      case 'scorecards':
        return buildScorecardsSection(this.levelScores(), months);
      case 'credits':
        return buildCreditsSection(this.periodCredits(), records, months, options.withoutCommercialTerms);
      case 'transitions':
        return buildTransitionsSection(this.planStatuses());
      case 'rfps':
        return buildRfpsSection(records);
      case 'risks':
        return buildRisksSection(records);
      case 'governance':
        return buildGovernanceSection(records, months, options.today);
      case 'deadlines':
        return buildDeadlinesSection(upcomingDeadlines(records, options.today));
    }
  }

  pack(sections: readonly ReportSection[]): ReportPack {
    const { options, records } = this;
    const scopeProviderNames =
      options.scope.kind === 'providers' ? records.providers.map((provider) => provider.name).sort(compareText) : [];
    return {
      portfolioName: this.data.snapshot.portfolioName,
      scope: options.scope,
      scopeProviderNames,
      period: options.period,
      months: this.months,
      withoutCommercialTerms: options.withoutCommercialTerms,
      today: options.today,
      generatedAt: options.generatedAt,
      dataChangedAt: latestChangeOf(records),
      sections,
    };
  }

  private summary(): SummarySection {
    const { records, options } = this;
    const critical = this.levelScores().filter((score) => score.tracked.level.critical && score.monthsWithData > 0);
    const escalations = countOpenEscalations(records.escalations, options.today).byLevel;
    const deadlines = upcomingDeadlines(records, options.today);
    const facts: SummaryFacts = {
      criticalLevels: critical.length,
      missedLevels: critical.filter((score) => score.monthsMissed > 0).length,
      credits: options.withoutCommercialTerms ? null : totalsByCurrency(this.periodCredits()),
      openEscalations: { 1: escalations[1], 2: escalations[2], 3: escalations[3] },
      highRisks: rankOpenRisks(records.risks).filter((risk) => ['high', 'critical'].includes(riskRating(risk))).length,
      overdueActions: records.actionItems.filter((action) => action.status === 'open' && action.dueDate !== null && action.dueDate < options.today)
        .length,
      upcomingDeadlines: deadlines.filter((entry) => !entry.overdue).length,
      passedNoticeDeadlines: deadlines.filter((entry) => entry.overdue && entry.kind === 'noticeDeadline').length,
      expiredCertifications: deadlines.filter((entry) => entry.overdue && entry.kind === 'certificationExpiry').length,
      slippingPlans: this.planStatuses().filter((status) => (status.variance?.planFinishVariance ?? 0) > 0).length,
    };
    return { key: 'summary', state: 'ready', tables: [], facts };
  }

  private levelScores(): LevelScore[] {
    this.scores ??= scoreLevels(this.records, this.months);
    return this.scores;
  }

  private periodCredits(): ContractPeriodCredits[] {
    // Without commercial terms the charges are placeholders, so no credit can be computed or shown.
    if (this.options.withoutCommercialTerms) return [];
    this.credits ??= creditsOfPeriod(this.records, this.months);
    return this.credits;
  }

  private planStatuses(): PlanStatus[] {
    this.plans ??= planStatuses(this.records);
    return this.plans;
  }
}

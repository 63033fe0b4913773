/**
 * Checks an import plan before anything is written and indexes it: which planned provider
 * each measurement row belongs to, and the latest period each provider has in the file.
 */
import { AppFailure } from '@shared/errors';
import type { Period } from '@shared/domain/types';
import type { ImportPlan } from '@shared/import/types';

export type PlannedProvider = ImportPlan['providers'][number];

export interface PlanIndex {
  /** For each entry of `plan.measurements`, the index of its provider in `plan.providers`. */
  readonly rowProviders: Int32Array;
  /** For each entry of `plan.providers`, its latest period in the file, or `null` without rows. */
  readonly latestPeriods: readonly (Period | null)[];
}

/**
 * Rejects a plan that has errors, counted by `issueCounts` or listed in `issues`. The failure
 * carries the first listed error's code and detail plus `file`, `row`, `column` and
 * `errorCount`, so its sentence names the first problem.
 */
export function assertPlanWritable(plan: Pick<ImportPlan, 'fileName' | 'issues' | 'issueCounts'>): void {
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  const errorCount = Math.max(plan.issueCounts.errors, errors.length);
  if (errorCount === 0) return;

  const cause = `import plan for ${plan.fileName} has ${errorCount} error(s)`;
  const first = errors[0];
  if (first === undefined) {
    throw new AppFailure({ code: 'unexpected', detail: { file: plan.fileName, errorCount }, cause: `${cause}, none of them listed` });
  }
  throw new AppFailure({
    code: first.code,
    detail: {
      ...first.detail,
      file: plan.fileName,
      ...(first.row === null ? {} : { row: first.row }),
      ...(first.column === null ? {} : { column: first.column }),
      errorCount,
    },
    cause,
  });
}

/** Failure for a plan that contradicts itself; that is a bug in the code that built it. */
export function inconsistentPlan(plan: ImportPlan, detail: Readonly<Record<string, string | number>>, cause: string): AppFailure {
  return new AppFailure({ code: 'unexpected', detail: { file: plan.fileName, ...detail }, cause: `inconsistent import plan: ${cause}` });
}

/**
 * Indexes `plan`. A row with a provider code belongs to the planned provider with that code.
 * A row without one belongs to the code-less planned provider with that name or former name.
 * Rejects a row whose provider is not planned (`unexpected`), and a second row for the same
 * provider, KPI and period (`csv.duplicateRow`).
 */
export function indexPlan(plan: ImportPlan): PlanIndex {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  plan.providers.forEach((provider, index) => {
    if (provider.code !== null) {
      byCode.set(provider.code, index);
      return;
    }
    for (const name of [...provider.formerNames, provider.name]) byName.set(name, index);
  });

  const rowProviders = new Int32Array(plan.measurements.length);
  const latestPeriods: (Period | null)[] = plan.providers.map(() => null);
  const seen = new Map<string, number>();

  plan.measurements.forEach((row, rowIndex) => {
    const providerIndex = row.providerCode === null ? byName.get(row.providerName) : byCode.get(row.providerCode);
    if (providerIndex === undefined) {
      throw inconsistentPlan(
        plan,
        { row: row.row, provider: row.providerCode ?? row.providerName },
        `row ${row.row} names a provider that is not in the plan`,
      );
    }
    rowProviders[rowIndex] = providerIndex;

    const latest = latestPeriods[providerIndex] ?? null;
    if (latest === null || row.period > latest) latestPeriods[providerIndex] = row.period;

    const key = `${providerIndex}\u001f${row.kpiKey}\u001f${row.period}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      throw new AppFailure({
        code: 'csv.duplicateRow',
        detail: {
          file: plan.fileName,
          row: row.row,
          firstRow,
          provider: row.providerCode ?? row.providerName,
          kpi: row.kpiKey,
          period: row.period,
        },
      });
    }
    seen.set(key, row.row);
  });

  return { rowProviders, latestPeriods };
}

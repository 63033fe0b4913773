/** Builders for storage tests: write contexts with an injected wall clock, import plans, databases. */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { KpiDefinitionData } from '../../../../shared/domain/types';
import type { ImportIssue, ImportPlan, MeasurementRow, ServiceLevelDefault } from '../../../../shared/import/types';
import { createClock } from '../../../../shared/sync/hlc';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import { openChecked } from '../../../../renderer/src/db/openDatabase';
import { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { AppFailure } from '../../../../shared/errors';

/** A wall clock the test moves by hand, in ms since the epoch. */
export interface ManualWall {
  (): number;
  set(ms: number): void;
}

export function manualWall(start = Date.UTC(2026, 0, 15, 9, 0, 0)): ManualWall {
  let current = start;
  const wall = (() => current) as ManualWall;
  wall.set = (ms) => {
    current = ms;
  };
  return wall;
}

/** Creates a write context with its own clock, independent of any catalogue. */
export function testContext(wall: () => number = Date.now, deviceId = 'dev000000001', user = 'Test User'): DeviceContext {
  const clock = createClock(deviceId, wall);
  return { deviceId, user, tick: () => clock.tick(), now: () => new Date(wall()).toISOString() };
}

export function freshName(prefix: string): string {
  return `${prefix}-${uuidv7()}`;
}

/** Opens the portfolio database `name`, after registering `middleware`. */
export async function openNamedDb(name: string, ...middleware: Middleware<DBCore>[]): Promise<PortfolioDb> {
  const db = new PortfolioDb(name);
  for (const item of middleware) db.use(item);
  return openChecked(db);
}

/** Opens an empty portfolio database under a fresh name, after registering `middleware`. */
export function openTestDb(...middleware: Middleware<DBCore>[]): Promise<PortfolioDb> {
  return openNamedDb(freshName('test-portfolio'), ...middleware);
}

/** Middleware that makes every add or put on `tableName` fail with a DOMException named `errorName`. */
export function failingWrites(tableName: string, errorName = 'QuotaExceededError'): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `failing-${tableName}`,
    create: (down) => ({
      ...down,
      table: (name): DBCoreTable => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            request.type === 'add' || request.type === 'put'
              ? Promise.reject(new DOMException(`simulated ${errorName}`, errorName))
              : table.mutate(request),
        };
      },
    }),
  };
}

export const answeredKpi: KpiDefinitionData = {
  key: 'test.answeredWithin60s',
  name: 'Calls answered within 60 seconds',
  description: 'Share of answered calls picked up within 60 seconds.',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};

export const abandonedKpi: KpiDefinitionData = {
  key: 'test.abandoned',
  name: 'Calls abandoned',
  description: 'Share of offered calls abandoned after 30 seconds.',
  unit: 'percent',
  direction: 'lowerIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};

export const defaultLevels: readonly ServiceLevelDefault[] = [
  { kpiKey: answeredKpi.key, expected: 95, minimum: 90 },
  { kpiKey: abandonedKpi.key, expected: 5, minimum: 8 },
];

export interface PlannedProviderInput {
  readonly code: string | null;
  readonly name: string;
  readonly formerNames?: readonly string[];
}

export interface PlanOptions {
  readonly fileName?: string;
  readonly providers?: readonly PlannedProviderInput[];
  readonly periods?: readonly string[];
  readonly kpis?: readonly KpiDefinitionData[];
  readonly serviceLevels?: readonly ServiceLevelDefault[];
  readonly issues?: readonly ImportIssue[];
  /** Numerator of each row from its provider index, period index and KPI index. */
  readonly numerator?: (provider: number, period: number, kpi: number) => number;
}

/** Months `count` long from January 2025: `2025-01`, `2025-02`, ... */
export function months(count: number, startYear = 2025): string[] {
  return Array.from({ length: count }, (_, index) => {
    const year = startYear + Math.floor(index / 12);
    const month = (index % 12) + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

/** Builds a plan with one row per provider, period and KPI, each a ratio over a denominator of 1,000. */
export function makePlan(options: PlanOptions = {}): ImportPlan {
  const providers = (
    options.providers ?? [
      { code: 'RX1', name: 'North Contact Centre' },
      { code: 'RX2', name: 'South Contact Centre' },
    ]
  ).map((provider) => ({ code: provider.code, name: provider.name, formerNames: provider.formerNames ?? [] }));
  const periods = options.periods ?? months(3);
  const kpis = options.kpis ?? [answeredKpi, abandonedKpi];
  const issues = options.issues ?? [];
  const numerator = options.numerator ?? ((provider, period, kpi) => 900 + provider * 10 + period + kpi);

  const measurements: MeasurementRow[] = [];
  let row = 2;
  providers.forEach((provider, providerIndex) => {
    periods.forEach((period, periodIndex) => {
      kpis.forEach((kpi, kpiIndex) => {
        const top = numerator(providerIndex, periodIndex, kpiIndex);
        measurements.push({
          row,
          providerCode: provider.code,
          providerName: provider.name,
          period,
          kpiKey: kpi.key,
          value: (100 * top) / 1000,
          numerator: top,
          denominator: 1000,
        });
      });
      row += 1;
    });
  });

  return {
    fileName: options.fileName ?? 'calls.csv',
    rowCount: providers.length * periods.length,
    kpis,
    serviceLevels: options.serviceLevels ?? defaultLevels,
    providers,
    measurements,
    issues,
    issueCounts: {
      errors: issues.filter((issue) => issue.severity === 'error').length,
      warnings: issues.filter((issue) => issue.severity === 'warning').length,
    },
  };
}

/** Awaits a promise that must reject with an `AppFailure` and returns that failure. */
export async function rejection(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

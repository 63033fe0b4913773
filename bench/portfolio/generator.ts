/**
 * Seeded generator of a large portfolio for the benchmarks: providers of four kinds of
 * outsourcing, their contracts, a KPI library, service levels and monthly measurements, with
 * the change history that three devices leave behind. Monthly imports share one clock each,
 * later corrections, renames and renegotiations are recorded in `fieldClocks`, and deletions
 * leave tombstones. Nothing reads the real time or `Math.random`, so one shape always gives
 * the same snapshot.
 */
import { contractGovernanceDefaults, providerProfileDefaults } from '../../shared/domain/profileDefaults';
import { reportedLevelTerms } from '../../shared/domain/serviceTerms';
import type { Contract, HlcString, KpiDefinition, Measurement, Provider, ServiceLevel, Tombstone } from '../../shared/domain/types';
import { monthIndexToPeriod, periodToMonthIndex } from '../../shared/domain/period';
import { changedFieldNames, dataFieldNames, stampFields } from '../../shared/sync/fieldClocks';
import { parseHlc } from '../../shared/sync/hlc';
import type { PortfolioSnapshot, RecordsByTable } from '../../shared/sync/snapshot';
import { recordTables } from '../../shared/sync/snapshot';
import { compareText } from '../../shared/sync/mergeFields';
import { ClockIssuer } from './clockIssuer';
import { kpiLibrary, serviceTypes } from './kpiLibrary';
import type { LibraryKpi, ServiceType } from './kpiLibrary';
import { contractTitle, providerName, regions, renamedProviderName } from './names';
import type { Region } from './names';
import { SeededRandom } from './random';
import { drawResult } from './results';

export interface PortfolioShape {
  /** Seed of the pseudo-random numbers. */
  readonly seed: number;
  /** Providers, at least 1. */
  readonly providers: number;
  /** Live measurements in the snapshot, at least 1. Deleted ones add tombstones on top. */
  readonly measurements: number;
}

/** The benchmark's full size: 200 providers and 150,000 measurements. */
export const defaultShape: PortfolioShape = { seed: 20_261_204, providers: 200, measurements: 150_000 };

/** Devices that wrote the history, by role. Each id is 12 lowercase hex digits. */
export interface Devices {
  /** The VMO office desktop that runs most monthly imports and exports the portfolio. */
  readonly office: string;
  /** The vendor manager's laptop: some imports, corrections, renames and deletions. */
  readonly manager: string;
  /** A consultant's laptop: renegotiated service levels and extended contracts. */
  readonly consultant: string;
}

/** Records that the history changed after they were created, by kind. */
export interface HistoryCounts {
  readonly correctedMeasurements: number;
  readonly renamedProviders: number;
  readonly renegotiatedServiceLevels: number;
  readonly extendedContracts: number;
  readonly deletedMeasurements: number;
  readonly deletedContracts: number;
}

export interface GeneratedPortfolio {
  readonly snapshot: PortfolioSnapshot;
  readonly devices: Devices;
  /** Wall time of the latest clock in the snapshot, in ms since the Unix epoch. */
  readonly latestWallMs: number;
  readonly history: HistoryCounts;
}

/** Shares of the history, each a fraction of the records of its table. */
const shares = {
  kpisPerProvider: [8, 14] as const,
  contractlessServiceLevel: 0.1,
  secondContract: 0.25,
  deletedSecondContract: 0.3,
  correctedMeasurement: 0.03,
  deletedMeasurement: 0.004,
  renamedProvider: 0.15,
  renegotiatedProvider: 0.2,
  extendedContract: 0.2,
  importsByManager: 0.15,
};

const dayMs = 86_400_000;
/** Setup day of the portfolio, 2020-01-06 09:00 UTC. */
const setupStartMs = Date.UTC(2020, 0, 6, 9, 0, 0);
/** Month index (see `periodToMonthIndex`) of the first period with results: the setup month, 2020-01. */
const firstMonthIndex = periodToMonthIndex('2020-01');

/** Wall time of the import of `monthIndex`'s results: the 10th of the following month, 09:00 UTC. */
function importWallMs(monthIndex: number): number {
  const next = monthIndex + 1;
  return Date.UTC(Math.floor(next / 12), next % 12, 10, 9, 0, 0);
}

interface ProviderPlan {
  readonly provider: Provider;
  readonly serviceType: ServiceType;
  readonly region: Region;
  /** Library KPIs the provider reports, in library order. */
  readonly kpis: readonly LibraryKpi[];
  /** Standard deviations by which the provider's results beat the KPIs' typical results. */
  readonly bias: number;
}

/**
 * Returns an empty array for every record table. The generator fills the portfolio tables and
 * leaves the others (the RFP tables) empty.
 */
function emptyTables(): RecordsByTable {
  return Object.fromEntries(recordTables.map((table) => [table, []])) as unknown as RecordsByTable;
}

function checkShape(shape: PortfolioShape): void {
  for (const [name, value] of [
    ['providers', shape.providers],
    ['measurements', shape.measurements],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`Invalid portfolio shape: ${name} must be a whole number of at least 1, not ${value}`);
  }
}

/** Returns a copy of `records` sorted by id. */
export function inIdOrder<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compareText(a.id, b.id));
}

/** Generates the portfolio of `shape`. The same shape gives a deeply equal result every time. */
export function generatePortfolio(shape: PortfolioShape = defaultShape): GeneratedPortfolio {
  checkShape(shape);
  const builder = new PortfolioBuilder(new SeededRandom(shape.seed));
  return builder.build(shape);
}

class PortfolioBuilder {
  private readonly clocks = new ClockIssuer();
  private readonly devices: Devices;
  private readonly kpis: KpiDefinition[] = [];
  private readonly plans: ProviderPlan[] = [];
  private readonly contracts: Contract[] = [];
  private readonly serviceLevels: ServiceLevel[] = [];
  private readonly tombstones: Tombstone[] = [];
  private readonly deletedIds = new Set<string>();

  constructor(private readonly random: SeededRandom) {
    this.devices = { office: random.hex(12), manager: random.hex(12), consultant: random.hex(12) };
  }

  build(shape: PortfolioShape): GeneratedPortfolio {
    const portfolioId = this.random.uuidv7(setupStartMs);
    this.addKpis();
    for (let index = 0; index < shape.providers; index += 1) this.addProvider(index);
    const measurements = this.addMeasurements(shape.measurements);
    const history = this.addHistory(measurements);

    const snapshot: PortfolioSnapshot = {
      portfolioId,
      portfolioName: `Benchmark portfolio (seed ${shape.seed})`,
      deviceId: this.devices.office,
      // In id order, as the app's database reads them and its files hold them.
      records: {
        ...emptyTables(),
        providers: inIdOrder(this.plans.map((plan) => plan.provider)),
        contracts: inIdOrder(this.contracts),
        kpis: inIdOrder(this.kpis),
        serviceLevels: inIdOrder(this.serviceLevels),
        measurements: inIdOrder(measurements.filter((record) => !this.isDeleted(record.id))),
      },
      tombstones: this.tombstones,
      versionVector: this.clocks.versionVector(),
    };
    const latestWallMs = Math.max(...Object.values(snapshot.versionVector).map((clock) => parseHlc(clock).wallMs));
    return { snapshot, devices: this.devices, latestWallMs, history };
  }

  private isDeleted(id: string): boolean {
    return this.deletedIds.has(id);
  }

  private addKpis(): void {
    kpiLibrary.forEach((entry, index) => {
      const wallMs = setupStartMs + index * 20_000;
      this.kpis.push({
        id: this.random.uuidv7(wallMs),
        clock: this.clocks.issue(this.devices.office, wallMs),
        fieldClocks: {},
        ...entry.data,
      });
    });
  }

  /** Adds provider `index` with its first contract, its service levels and maybe a second contract. */
  private addProvider(index: number): void {
    const { random, devices } = this;
    const serviceType = random.pick(serviceTypes);
    const region = random.pick(regions);
    const wallMs = setupStartMs + dayMs + index * 120_000;
    const provider: Provider = {
      id: random.uuidv7(wallMs),
      clock: this.clocks.issue(devices.office, wallMs),
      fieldClocks: {},
      code: `BP${String(index + 1).padStart(4, '0')}`,
      name: providerName(random, serviceType, region),
      formerNames: [],
      ...providerProfileDefaults,
    };
    const typeKpis = kpiLibrary.filter((entry) => entry.serviceType === serviceType);
    const chosen = new Set(random.sample(typeKpis, random.int(...shares.kpisPerProvider)));
    const plan: ProviderPlan = {
      provider,
      serviceType,
      region,
      kpis: typeKpis.filter((entry) => chosen.has(entry)),
      bias: random.normal(0, 1),
    };
    this.plans.push(plan);

    const contract = this.newContract(plan, wallMs + 10_000, 2019 + random.int(0, 1));
    plan.kpis.forEach((entry, kpiIndex) => {
      const levelWallMs = wallMs + 20_000 + kpiIndex * 1_000;
      const kpi = this.kpis[kpiLibrary.indexOf(entry)];
      if (kpi === undefined) throw new Error(`KPI ${entry.data.key} was not generated`);
      this.serviceLevels.push({
        id: random.uuidv7(levelWallMs),
        clock: this.clocks.issue(devices.office, levelWallMs),
        fieldClocks: {},
        kpiId: kpi.id,
        providerId: provider.id,
        contractId: random.chance(shares.contractlessServiceLevel) ? null : contract.id,
        expected: entry.expected,
        minimum: entry.minimum,
        // A provider's first five levels carry credits, 30% of the at-risk amount each; no random number is drawn.
        ...reportedLevelTerms,
        critical: kpiIndex < 5,
        allocationPercent: kpiIndex < 5 ? 30 : null,
      });
    });
    if (random.chance(shares.secondContract)) this.newContract(plan, wallMs + 60_000, 2021 + random.int(0, 2));
  }

  private newContract(plan: ProviderPlan, wallMs: number, startYear: number): Contract {
    const id = this.random.uuidv7(wallMs);
    const clock = this.clocks.issue(this.devices.office, wallMs);
    const startDate = `${startYear}-${String(this.random.int(1, 12)).padStart(2, '0')}-01`;
    const endDate = `${startYear + this.random.pick([3, 5])}-12-31`;
    // 200,000 to 30,000,000 in major units, in steps of 100,000. A tenth have no value entered.
    const annualValueMinor = this.random.chance(0.1) ? null : this.random.int(2, 300) * 100_000 * 100;
    const contract: Contract = {
      id,
      clock,
      fieldClocks: {},
      providerId: plan.provider.id,
      title: contractTitle(plan.serviceType, startYear),
      startDate,
      endDate,
      currency: plan.region.currency,
      annualValueMinor,
      // Charges are a twelfth of the annual value and 12% is at risk; they draw no random number, so the data stay as before.
      monthlyChargesMinor: annualValueMinor === null ? null : Math.round(annualValueMinor / 12),
      atRiskPercent: 12,
      ...contractGovernanceDefaults,
    };
    this.contracts.push(contract);
    return contract;
  }

  /**
   * Generates `live` measurements plus the ones the history deletes, month after month for every
   * provider and KPI it reports, one import with one clock per month. The last month may be
   * partial, as when not every provider has reported yet.
   */
  private addMeasurements(live: number): Measurement[] {
    const { random, devices } = this;
    const total = live + Math.round(live * shares.deletedMeasurement);
    const measurements: Measurement[] = [];
    for (let monthIndex = firstMonthIndex; measurements.length < total; monthIndex += 1) {
      const period = monthIndexToPeriod(monthIndex);
      const wallMs = importWallMs(monthIndex) + random.int(0, 8 * 60) * 60_000;
      const clock = this.clocks.issue(random.chance(shares.importsByManager) ? devices.manager : devices.office, wallMs);
      const sourceFile = `bench-results-${period}.csv`;
      for (const plan of this.plans) {
        for (const entry of plan.kpis) {
          if (measurements.length === total) break;
          const kpiId = this.kpis[kpiLibrary.indexOf(entry)]?.id ?? '';
          const result = drawResult(random, entry, plan.bias);
          measurements.push({
            id: random.uuidv7(wallMs),
            clock,
            fieldClocks: {},
            providerId: plan.provider.id,
            kpiId,
            period,
            ...result,
            sourceFile,
          });
        }
      }
    }
    return measurements;
  }

  /** Applies the later history to the generated records and returns how many records each kind changed. */
  private addHistory(measurements: Measurement[]): HistoryCounts {
    const deletedMeasurements = this.deleteMeasurements(measurements);
    return {
      correctedMeasurements: this.correctMeasurements(measurements),
      deletedMeasurements,
      renamedProviders: this.renameProviders(),
      renegotiatedServiceLevels: this.renegotiateServiceLevels(),
      extendedContracts: this.extendContracts(),
      deletedContracts: this.deleteSecondContracts(),
    };
  }

  /** Replaces a record's fields and stamps the ones whose value changed with `clock`, as the app's repositories do. */
  private static edited<T extends Provider | Contract | ServiceLevel | Measurement>(record: T, patch: Partial<T>, clock: HlcString): T {
    const merged = { ...record, ...patch };
    const clocks = stampFields(record, dataFieldNames(merged), changedFieldNames(record, merged), clock);
    return { ...merged, ...clocks };
  }

  /**
   * Re-imports corrected results of measurements that were not deleted: one clock per corrected
   * month, 5 to 25 days after its import.
   */
  private correctMeasurements(measurements: Measurement[]): number {
    const { random } = this;
    const byKpiId = new Map(this.kpis.map((kpi, index) => [kpi.id, kpiLibrary[index]]));
    const correctionClocks = new Map<string, HlcString>();
    const live = [...measurements.keys()].filter((index) => !this.isDeleted(measurements[index]?.id ?? ''));
    const chosen = random.sample(live, Math.round(live.length * shares.correctedMeasurement));
    for (const index of chosen.sort((a, b) => a - b)) {
      const record = measurements[index];
      const entry = record === undefined ? undefined : byKpiId.get(record.kpiId);
      if (record === undefined || entry === undefined) continue;
      let clock = correctionClocks.get(record.period);
      if (clock === undefined) {
        const wallMs = importWallMs(periodToMonthIndex(record.period)) + random.int(5, 25) * dayMs;
        clock = this.clocks.issue(random.chance(0.5) ? this.devices.office : this.devices.manager, wallMs);
        correctionClocks.set(record.period, clock);
      }
      const patch = { ...drawResult(random, entry, 0), sourceFile: `bench-results-${record.period}-corrected.csv` };
      measurements[index] = PortfolioBuilder.edited(record, patch, clock);
    }
    return chosen.length;
  }

  /** Deletes measurements on the manager's laptop, 2 to 30 days after their import. */
  private deleteMeasurements(measurements: readonly Measurement[]): number {
    const { random } = this;
    const count = measurements.length - Math.round(measurements.length / (1 + shares.deletedMeasurement));
    for (const record of random.sample(measurements, count)) {
      const wallMs = importWallMs(periodToMonthIndex(record.period)) + random.int(2, 30) * dayMs;
      this.tombstones.push({ id: record.id, table: 'measurements', clock: this.clocks.issue(this.devices.manager, wallMs) });
      this.deletedIds.add(record.id);
    }
    return count;
  }

  private randomHistoryWallMs(): number {
    return setupStartMs + this.random.int(30, 1_500) * dayMs + this.random.int(0, 8 * 3_600) * 1_000;
  }

  private renameProviders(): number {
    const chosen = this.random.sample([...this.plans.keys()], Math.round(this.plans.length * shares.renamedProvider));
    for (const index of chosen) {
      const plan = this.plans[index];
      if (plan === undefined) continue;
      const { provider } = plan;
      const name = renamedProviderName(this.random, plan.serviceType, plan.region, provider.name);
      const clock = this.clocks.issue(this.devices.manager, this.randomHistoryWallMs());
      this.plans[index] = {
        ...plan,
        provider: PortfolioBuilder.edited(provider, { name, formerNames: [provider.name], ...providerProfileDefaults }, clock),
      };
    }
    return chosen.length;
  }

  /** Renegotiates every service level of some providers in one sitting on the consultant's laptop. */
  private renegotiateServiceLevels(): number {
    const chosen = new Set(
      this.random.sample(
        this.plans.map((plan) => plan.provider.id),
        Math.round(this.plans.length * shares.renegotiatedProvider),
      ),
    );
    const sittings = new Map<string, number>();
    let count = 0;
    this.serviceLevels.forEach((level, index) => {
      if (!chosen.has(level.providerId)) return;
      const wallMs = sittings.get(level.providerId) ?? this.randomHistoryWallMs();
      sittings.set(level.providerId, wallMs);
      const step = Math.abs(level.expected) < 10 ? 0.1 : 0.5;
      const patch = { expected: level.expected + step, minimum: level.minimum + step };
      this.serviceLevels[index] = PortfolioBuilder.edited(level, patch, this.clocks.issue(this.devices.consultant, wallMs));
      count += 1;
    });
    return count;
  }

  private extendContracts(): number {
    const chosen = this.random.sample([...this.contracts.keys()], Math.round(this.contracts.length * shares.extendedContract));
    for (const index of chosen) {
      const contract = this.contracts[index];
      if (contract === undefined || contract.endDate === null) continue;
      const endDate = `${Number(contract.endDate.slice(0, 4)) + 2}${contract.endDate.slice(4)}`;
      this.contracts[index] = PortfolioBuilder.edited(
        contract,
        { endDate },
        this.clocks.issue(this.devices.consultant, this.randomHistoryWallMs()),
      );
    }
    return chosen.length;
  }

  /** Deletes some second contracts, which no service level refers to. */
  private deleteSecondContracts(): number {
    const firstContractOf = new Set<string>();
    const seconds: Contract[] = [];
    for (const contract of this.contracts) {
      if (firstContractOf.has(contract.providerId)) seconds.push(contract);
      firstContractOf.add(contract.providerId);
    }
    const deleted = this.random.sample(seconds, Math.round(seconds.length * shares.deletedSecondContract));
    for (const contract of deleted) {
      this.tombstones.push({
        id: contract.id,
        table: 'contracts',
        clock: this.clocks.issue(this.devices.manager, this.randomHistoryWallMs()),
      });
    }
    const deletedIds = new Set(deleted.map((contract) => contract.id));
    const remaining = this.contracts.filter((contract) => !deletedIds.has(contract.id));
    this.contracts.length = 0;
    this.contracts.push(...remaining);
    return deleted.length;
  }
}

/**
 * Simulated laptops for the merge property tests. Each laptop holds a snapshot as its database,
 * writes through the same clock rules as the repositories (one HLC tick per write, `stampFields`
 * for updates, a tombstone per deletion), and merges snapshots it receives from the others.
 */
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import fc from 'fast-check';
import type { HlcString, Id, RecordTable, Tombstone } from '../../../../shared/domain/types';
import { dataFieldNames, stampFields } from '../../../../shared/sync/fieldClocks';
import { createClock } from '../../../../shared/sync/hlc';
import type { Clock } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { applyFieldWrite, resolveConflictKeepOther } from '../../../../shared/sync/mergeKeepOther';
import type { PortfolioSnapshot, RecordsByTable } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import { baseWallMs, snapshot } from './mergeTestKit';

type AnyRecord = { readonly id: Id; readonly clock: HlcString; readonly fieldClocks: Readonly<Record<string, HlcString>> } & Readonly<
  Record<string, unknown>
>;
type Tables = Record<RecordTable, AnyRecord[]>;

export const deviceIds = ['laptopA', 'laptopB', 'laptopC'] as const;
const codes = ['RYE', 'NWAS', 'SECAMB'];
const kpiKeys = ['answered60s', 'abandoned', 'callbacks10m'];
const periods = ['2025-01', '2025-02', '2025-03'];
const names = ['North', 'South', 'East', 'West'];

/** Fields a laptop may edit in place, by table. Natural-key fields and references are not edited (see `mergeNaturalKeys.ts`). */
const editableFields: { readonly [T in RecordTable]: readonly string[] } = {
  providers: ['name', 'formerNames'],
  contracts: ['title', 'currency', 'startDate', 'annualValueMinor'],
  kpis: ['name', 'description', 'unit'],
  serviceLevels: ['expected', 'minimum'],
  measurements: ['value', 'numerator', 'sourceFile'],
  rfpEvents: ['title', 'phase', 'scope', 'awardReason'],
  rfpSections: ['title', 'weight'],
  rfpCriteria: ['title', 'weight', 'description'],
  rfpBidders: ['name'],
  rfpEvaluators: ['role', 'conflictStatement'],
  rfpScores: ['value', 'comment'],
  rfpConsensusScores: ['value', 'reason'],
  rfpPriceBids: ['exchangeRateToBase', 'submittedOn'],
  planCalendars: ['name', 'workingWeekdays', 'holidays', 'site'],
  plans: ['title', 'startOn', 'description'],
  planTasks: ['name', 'duration', 'progress', 'owner', 'startNoEarlierThan'],
  planDependencies: ['type', 'lag'],
  planBaselines: ['name'],
  escalations: ['level', 'status', 'owner', 'dueDate'],
  escalationEvents: ['note'],
  providerSites: ['city', 'fte'],
  certifications: ['expiresOn', 'evidence'],
  contacts: ['name', 'email'],
  processes: ['name', 'readiness'],
  risks: ['title', 'likelihood', 'status'],
  meetingCadences: ['title', 'startTime'],
  meetings: ['title', 'status', 'minutes'],
  decisions: ['text'],
  actionItems: ['owner', 'status', 'dueDate'],
};

function editedValue(table: RecordTable, field: string, choice: number): unknown {
  switch (field) {
    case 'formerNames':
      return names.slice(0, choice % 3);
    case 'currency':
      return ['GBP', 'EUR', 'USD'][choice % 3];
    case 'scope':
      return names.slice(choice % 3);
    case 'phase':
      return ['draft', 'open', 'scoring', 'consensus'][choice % 4];
    case 'weight':
    case 'exchangeRateToBase':
      return 1 + (choice % 5);
    case 'submittedOn':
    case 'startDate':
      return choice % 2 === 0 ? null : `2025-0${String((choice % 9) + 1)}-01`;
    case 'annualValueMinor':
      return choice % 4 === 0 ? null : 100_000_00 * (choice % 9);
    case 'unit':
      return ['percent', 'seconds', 'number'][choice % 3];
    case 'expected':
    case 'minimum':
    case 'numerator':
      return 50 + (choice % 7);
    case 'value':
      return table === 'rfpScores' || table === 'rfpConsensusScores' ? choice % 6 : 50 + (choice % 7);
    case 'fte':
      return choice % 3 === 0 ? null : 10 * (choice % 9);
    case 'expiresOn':
      return choice % 2 === 0 ? null : `2026-0${String((choice % 9) + 1)}-15`;
    case 'readiness':
      return ['notStarted', 'asIsMapped', 'pilotPassed', 'migrated'][choice % 4];
    case 'likelihood':
      return 1 + (choice % 5);
    case 'startTime':
      return `${String(8 + (choice % 9)).padStart(2, '0')}:30`;
    case 'sourceFile':
      return choice % 2 === 0 ? null : `import-${String(choice % 5)}.csv`;
    case 'workingWeekdays':
      return [
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4, 5, 6],
        [1, 2, 3, 4, 7],
      ][choice % 3];
    case 'holidays':
      return ['2025-12-25', '2026-01-01', '2026-04-03'].slice(choice % 3);
    case 'startOn':
      return `2026-0${String((choice % 9) + 1)}-01`;
    case 'startNoEarlierThan':
      return choice % 2 === 0 ? null : `2026-0${String((choice % 9) + 1)}-15`;
    case 'duration':
      return choice % 20;
    case 'progress':
      return (choice * 7) % 101;
    case 'type':
      return ['FS', 'SS', 'FF', 'SF'][choice % 4];
    case 'lag':
      return (choice % 7) - 3;
    case 'level':
      return 1 + (choice % 3);
    case 'status':
      if (table === 'meetings') return ['planned', 'held', 'cancelled'][choice % 3];
      if (table === 'actionItems') return choice % 2 === 0 ? 'open' : 'done';
      return choice % 2 === 0 ? 'open' : 'closed';
    case 'dueDate':
      return `2025-0${String((choice % 9) + 1)}-28`;
    default:
      return `${table}.${field}.${String(choice % 5)}`;
  }
}

export type Operation =
  | { readonly kind: 'moveWall'; readonly laptop: number; readonly deltaMs: number }
  | {
      readonly kind: 'import';
      readonly laptop: number;
      readonly code: number;
      readonly key: number;
      readonly period: number;
      readonly value: number;
    }
  | { readonly kind: 'addProvider'; readonly laptop: number; readonly code: number | null; readonly name: number }
  | { readonly kind: 'addContract'; readonly laptop: number; readonly pick: number }
  | { readonly kind: 'addServiceLevel'; readonly laptop: number; readonly pick: number; readonly minimum: number }
  | { readonly kind: 'addRfp'; readonly laptop: number; readonly pick: number }
  | { readonly kind: 'addBidder'; readonly laptop: number; readonly pick: number; readonly prospect: boolean }
  | { readonly kind: 'addEvaluator'; readonly laptop: number; readonly pick: number }
  | { readonly kind: 'score'; readonly laptop: number; readonly pick: number; readonly value: number }
  | { readonly kind: 'consensus'; readonly laptop: number; readonly pick: number; readonly value: number }
  | { readonly kind: 'priceBid'; readonly laptop: number; readonly pick: number; readonly round: number }
  | { readonly kind: 'addPlan'; readonly laptop: number; readonly pick: number; readonly withProvider: boolean }
  | { readonly kind: 'addTask'; readonly laptop: number; readonly pick: number; readonly nested: boolean }
  | { readonly kind: 'link'; readonly laptop: number; readonly pick: number }
  | { readonly kind: 'baseline'; readonly laptop: number; readonly pick: number }
  | { readonly kind: 'escalate'; readonly laptop: number; readonly pick: number }
  | { readonly kind: 'meet'; readonly laptop: number; readonly pick: number }
  | {
      readonly kind: 'update';
      readonly laptop: number;
      readonly table: number;
      readonly pick: number;
      readonly fields: number;
      readonly choice: number;
    }
  | { readonly kind: 'delete'; readonly laptop: number; readonly table: number; readonly pick: number }
  | { readonly kind: 'sync'; readonly from: number; readonly to: number; readonly keepOther: boolean };

const laptopIndex = fc.integer({ min: 0, max: deviceIds.length - 1 });
const small = fc.nat({ max: 1000 });

export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  // Wall clocks jump back by up to a minute or forward by up to two.
  {
    arbitrary: fc.record({
      kind: fc.constant('moveWall' as const),
      laptop: laptopIndex,
      deltaMs: fc.integer({ min: -60_000, max: 120_000 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      laptop: laptopIndex,
      code: fc.nat({ max: codes.length - 1 }),
      key: fc.nat({ max: kpiKeys.length - 1 }),
      period: fc.nat({ max: periods.length - 1 }),
      value: small,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('addProvider' as const),
      laptop: laptopIndex,
      code: fc.option(fc.nat({ max: codes.length - 1 })),
      name: small,
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('addContract' as const), laptop: laptopIndex, pick: small }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('addServiceLevel' as const), laptop: laptopIndex, pick: small, minimum: small }), weight: 1 },
  // RFP records: an event with one section and criterion, bidders, evaluators, then upserts of
  // scores, consensus scores and price bids by natural key, as `renderer/src/db/rfp.ts` does.
  { arbitrary: fc.record({ kind: fc.constant('addRfp' as const), laptop: laptopIndex, pick: small }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('addBidder' as const), laptop: laptopIndex, pick: small, prospect: fc.boolean() }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('addEvaluator' as const), laptop: laptopIndex, pick: small }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('score' as const), laptop: laptopIndex, pick: small, value: small }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant('consensus' as const), laptop: laptopIndex, pick: small, value: small }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('priceBid' as const),
      laptop: laptopIndex,
      pick: small,
      round: fc.integer({ min: 1, max: 2 }),
    }),
    weight: 1,
  },
  // Transition plans: a plan with its calendar, a summary task, two tasks and a link, as
  // `renderer/src/db/plans.ts` creates them, then tasks, links and baselines added to a plan.
  {
    arbitrary: fc.record({ kind: fc.constant('addPlan' as const), laptop: laptopIndex, pick: small, withProvider: fc.boolean() }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('addTask' as const), laptop: laptopIndex, pick: small, nested: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('link' as const), laptop: laptopIndex, pick: small }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('baseline' as const), laptop: laptopIndex, pick: small }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('escalate' as const), laptop: laptopIndex, pick: small }), weight: 2 },
  // Governance: a cadence generates a meeting on a date, which two laptops may both generate, and the meeting raises an action.
  { arbitrary: fc.record({ kind: fc.constant('meet' as const), laptop: laptopIndex, pick: small }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      laptop: laptopIndex,
      table: fc.nat({ max: recordTables.length - 1 }),
      pick: small,
      fields: fc.integer({ min: 1, max: 7 }),
      choice: small,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      laptop: laptopIndex,
      table: fc.nat({ max: recordTables.length - 1 }),
      pick: small,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), from: laptopIndex, to: laptopIndex, keepOther: fc.boolean() }), weight: 4 },
);

export interface SimulationOptions {
  /**
   * Skip deletions that are concurrent with the creation of a related record: one with the
   * deleted record's natural key, or one that refers to a record with that key. A deletion is
   * skipped when such a record exists that the deleting laptop has not seen. A creation is
   * skipped when such a deletion happened that the creating laptop has not seen. Merges across
   * such a pair are not associative (see `shared/sync/merge.ts`).
   */
  readonly avoidConcurrentTwinDeletes: boolean;
}

class Laptop {
  readonly deviceId: string;
  readonly clock: Clock;
  wallMs: number;
  tables: Tables = Object.fromEntries(recordTables.map((table) => [table, []])) as unknown as Tables;
  tombstones: Tombstone[] = [];
  versionVector: Record<string, HlcString> = {};

  constructor(deviceId: string, wallOffsetMs: number) {
    this.deviceId = deviceId;
    this.wallMs = baseWallMs + wallOffsetMs;
    this.clock = createClock(deviceId, () => this.wallMs);
  }

  tick(): HlcString {
    const clock = this.clock.tick();
    this.versionVector[this.deviceId] = clock;
    return clock;
  }

  snapshot(): PortfolioSnapshot {
    return {
      ...snapshot({ deviceId: this.deviceId, tombstones: [...this.tombstones], versionVector: { ...this.versionVector } }),
      records: Object.fromEntries(recordTables.map((table) => [table, [...this.tables[table]]])) as unknown as RecordsByTable,
    };
  }

  load(state: PortfolioSnapshot): void {
    for (const table of recordTables) this.tables[table] = [...(state.records[table] as unknown as readonly AnyRecord[])];
    this.tombstones = [...state.tombstones];
    this.versionVector = { ...state.versionVector };
    let latest: HlcString | null = null;
    for (const clock of Object.values(this.versionVector)) if (latest === null || clock > latest) latest = clock;
    // A laptop's clock moves past everything it has seen, so its next edit wins over all of it.
    if (latest !== null) this.clock.receive(latest);
  }

  find(table: RecordTable, match: (record: AnyRecord) => boolean): AnyRecord | undefined {
    return this.tables[table].find(match);
  }

  insert(table: RecordTable, data: Readonly<Record<string, unknown>>, clock: HlcString): AnyRecord {
    // Ids start with the creating clock, so they sort roughly by creation time as UUIDv7 ids do.
    const record = { ...data, id: `${clock}.${table}`, clock, fieldClocks: {} } as AnyRecord;
    this.tables[table].push(record);
    return record;
  }

  update(table: RecordTable, record: AnyRecord, patch: Readonly<Record<string, unknown>>, clock: () => HlcString): AnyRecord {
    const changed = new Set(Object.keys(patch).filter((field) => JSON.stringify(record[field]) !== JSON.stringify(patch[field])));
    if (changed.size === 0) return record;
    const merged = { ...record, ...patch };
    const updated = { ...merged, ...stampFields(record, dataFieldNames(merged), changed, clock()) } as AnyRecord;
    this.tables[table] = this.tables[table].map((item) => (item.id === record.id ? updated : item));
    return updated;
  }

  remove(table: RecordTable, record: AnyRecord): void {
    const clock = this.tick();
    this.tables[table] = this.tables[table].filter((item) => item.id !== record.id);
    this.tombstones = [...this.tombstones.filter((item) => item.id !== record.id), { id: record.id, table, clock }];
  }

  knows(id: Id): boolean {
    return (
      recordTables.some((table) => this.tables[table].some((record) => record.id === id)) || this.tombstones.some((item) => item.id === id)
    );
  }

  /** Natural key with provider and KPI ids replaced by their code and key, so that twins on two laptops compare equal. */
  semanticKey(table: RecordTable, record: AnyRecord): string | null {
    const providerKey = (id: unknown): string => {
      const found = this.find('providers', (item) => item.id === id);
      return typeof found?.code === 'string' ? `code:${found.code}` : `id:${String(id)}`;
    };
    const kpiKey = (id: unknown): string => {
      const found = this.find('kpis', (item) => item.id === id);
      return typeof found?.key === 'string' ? `key:${found.key}` : `id:${String(id)}`;
    };
    switch (table) {
      case 'providers':
        return typeof record.code === 'string' ? `code:${record.code}` : null;
      case 'kpis':
        return `key:${String(record.key)}`;
      case 'contracts':
        return null;
      case 'serviceLevels':
        return JSON.stringify([providerKey(record.providerId), kpiKey(record.kpiId)]);
      case 'measurements':
        return JSON.stringify([providerKey(record.providerId), kpiKey(record.kpiId), record.period]);
      case 'rfpEvents':
      case 'rfpSections':
      case 'rfpCriteria':
      case 'rfpBidders':
      case 'rfpEvaluators':
        return null;
      case 'rfpScores':
        return JSON.stringify([record.evaluatorId, record.bidderId, record.criterionId]);
      case 'rfpConsensusScores':
        return JSON.stringify([record.bidderId, record.criterionId]);
      case 'rfpPriceBids':
        return JSON.stringify([record.bidderId, record.round]);
      case 'planCalendars':
      case 'plans':
      case 'planTasks':
      case 'planDependencies':
      case 'planBaselines':
        return null;
      case 'escalations': {
        const level = this.find('serviceLevels', (item) => item.id === record.serviceLevelId);
        const levelKey = level === undefined ? `id:${String(record.serviceLevelId)}` : this.semanticKey('serviceLevels', level);
        return JSON.stringify([levelKey, record.openedPeriod]);
      }
      case 'meetings':
        return typeof record.cadenceId === 'string' ? JSON.stringify([record.cadenceId, record.date]) : null;
      case 'escalationEvents':
      case 'providerSites':
      case 'certifications':
      case 'contacts':
      case 'processes':
      case 'risks':
      case 'meetingCadences':
      case 'decisions':
      case 'actionItems':
        return null;
    }
  }
}

/** Three laptops with skewed wall clocks that run operations and exchange snapshots. */
export class Simulation {
  readonly laptops: Laptop[];
  /** Field conflicts reported by the syncs so far. */
  conflictCount = 0;
  /** Natural key of every record created so far, with provider and KPI ids replaced by code and key. */
  private readonly semanticKeys = new Map<Id, string>();
  /** Ids deleted by a laptop (not by a natural-key fold). */
  private readonly deletedIds = new Set<Id>();

  constructor(
    wallOffsetsMs: readonly number[],
    private readonly options: SimulationOptions,
  ) {
    this.laptops = deviceIds.map((deviceId, index) => new Laptop(deviceId, wallOffsetsMs[index] ?? 0));
  }

  /**
   * Creates a record on `laptop`, or returns `undefined` without creating it when the creation
   * would be concurrent with a related deletion (see `SimulationOptions`).
   */
  private create(
    laptop: Laptop,
    table: RecordTable,
    data: Readonly<Record<string, unknown>>,
    clock: () => HlcString,
  ): AnyRecord | undefined {
    const key = laptop.semanticKey(table, data as AnyRecord);
    if (this.options.avoidConcurrentTwinDeletes) {
      const related = new Set(this.referencedKeys(data));
      if (key !== null) related.add(`${table}/${key}`);
      const unseenDeletion = [...this.deletedIds].some((id) => related.has(this.semanticKeys.get(id) ?? '') && !laptop.knows(id));
      if (unseenDeletion) return undefined;
    }
    const record = laptop.insert(table, data, clock());
    if (key !== null) this.semanticKeys.set(record.id, `${table}/${key}`);
    return record;
  }

  private laptop(index: number): Laptop {
    const laptop = this.laptops[index % this.laptops.length];
    if (laptop === undefined) throw new Error(`No laptop ${String(index)}`);
    return laptop;
  }

  run(operation: Operation): void {
    switch (operation.kind) {
      case 'moveWall': {
        const laptop = this.laptop(operation.laptop);
        laptop.wallMs = Math.max(0, laptop.wallMs + operation.deltaMs);
        return;
      }
      case 'import':
        this.importRow(this.laptop(operation.laptop), operation);
        return;
      case 'addProvider':
        this.addProvider(this.laptop(operation.laptop), operation.code, operation.name);
        return;
      case 'addContract': {
        const laptop = this.laptop(operation.laptop);
        const target = pick(laptop.tables.providers, operation.pick);
        if (target !== undefined)
          this.create(
            laptop,
            'contracts',
            {
              providerId: target.id,
              title: `Contract ${String(operation.pick)}`,
              startDate: null,
              endDate: null,
              currency: 'GBP',
              annualValueMinor: null,
              monthlyChargesMinor: null,
              atRiskPercent: null,
              ...contractGovernanceDefaults,
            },
            () => laptop.tick(),
          );
        return;
      }
      case 'addServiceLevel':
        this.addServiceLevel(this.laptop(operation.laptop), operation.pick, operation.minimum);
        return;
      case 'addRfp':
        this.addRfp(this.laptop(operation.laptop), operation.pick);
        return;
      case 'addBidder':
        this.addBidder(this.laptop(operation.laptop), operation.pick, operation.prospect);
        return;
      case 'addEvaluator':
        this.addEvaluator(this.laptop(operation.laptop), operation.pick);
        return;
      case 'score':
        this.score(this.laptop(operation.laptop), operation.pick, operation.value);
        return;
      case 'consensus':
        this.consensus(this.laptop(operation.laptop), operation.pick, operation.value);
        return;
      case 'priceBid':
        this.priceBid(this.laptop(operation.laptop), operation.pick, operation.round);
        return;
      case 'addPlan':
        this.addPlan(this.laptop(operation.laptop), operation.pick, operation.withProvider);
        return;
      case 'addTask':
        this.addTask(this.laptop(operation.laptop), operation.pick, operation.nested);
        return;
      case 'link':
        this.link(this.laptop(operation.laptop), operation.pick);
        return;
      case 'baseline':
        this.baseline(this.laptop(operation.laptop), operation.pick);
        return;
      case 'escalate':
        this.escalate(this.laptop(operation.laptop), operation.pick);
        return;
      case 'meet':
        this.meet(this.laptop(operation.laptop), operation.pick);
        return;
      case 'update':
        this.update(this.laptop(operation.laptop), operation);
        return;
      case 'delete':
        this.delete(this.laptop(operation.laptop), operation);
        return;
      case 'sync':
        this.sync(this.laptop(operation.from), this.laptop(operation.to), operation.keepOther);
        return;
    }
  }

  /** Imports one CSV row the way the measurement import does: upsert provider, KPI and measurement under one clock. */
  private importRow(laptop: Laptop, row: Extract<Operation, { kind: 'import' }>): void {
    let stamped: HlcString | null = null;
    const stamp = (): HlcString => (stamped ??= laptop.tick());
    const code = codes[row.code] ?? 'RYE';
    const key = kpiKeys[row.key] ?? 'abandoned';
    const period = periods[row.period] ?? '2025-01';

    const providerRecord =
      laptop.find('providers', (item) => item.code === code) ??
      this.create(laptop, 'providers', { code, name: `Provider ${code}`, formerNames: [], ...providerProfileDefaults }, stamp);
    const kpiRecord =
      laptop.find('kpis', (item) => item.key === key) ??
      this.create(
        laptop,
        'kpis',
        {
          key,
          name: `KPI ${key}`,
          description: '',
          unit: 'percent',
          direction: 'higherIsBetter',
          kind: 'ratio',
          aggregation: 'ratioOfSums',
        },
        stamp,
      );
    if (providerRecord === undefined || kpiRecord === undefined) return;
    const values = { value: row.value % 101, numerator: row.value % 101, denominator: 100, sourceFile: 'nhs111.csv' };
    const existing = laptop.find(
      'measurements',
      (item) => item.providerId === providerRecord.id && item.kpiId === kpiRecord.id && item.period === period,
    );
    if (existing === undefined)
      this.create(laptop, 'measurements', { providerId: providerRecord.id, kpiId: kpiRecord.id, period, ...values }, stamp);
    else laptop.update('measurements', existing, values, stamp);
  }

  private addProvider(laptop: Laptop, codeIndex: number | null, nameChoice: number): void {
    const code = codeIndex === null ? null : (codes[codeIndex] ?? null);
    const name = `${names[nameChoice % names.length] ?? 'North'} provider`;
    const existing = code === null ? undefined : laptop.find('providers', (item) => item.code === code);
    if (existing === undefined)
      this.create(laptop, 'providers', { code, name, formerNames: [], ...providerProfileDefaults }, () => laptop.tick());
    else laptop.update('providers', existing, { name }, () => laptop.tick());
  }

  private addServiceLevel(laptop: Laptop, choice: number, minimum: number): void {
    const providerRecord = pick(laptop.tables.providers, choice);
    const kpiRecord = pick(laptop.tables.kpis, Math.floor(choice / 7));
    if (providerRecord === undefined || kpiRecord === undefined) return;
    const existing = laptop.find('serviceLevels', (item) => item.providerId === providerRecord.id && item.kpiId === kpiRecord.id);
    const levels = { expected: 95, minimum: 80 + (minimum % 15) };
    if (existing === undefined)
      this.create(
        laptop,
        'serviceLevels',
        { providerId: providerRecord.id, kpiId: kpiRecord.id, contractId: null, ...reportedLevelTerms, ...levels },
        () => laptop.tick(),
      );
    else laptop.update('serviceLevels', existing, levels, () => laptop.tick());
  }

  /**
   * Creates an RFP event with one section, one scored criterion, a prospect bidder and an
   * evaluator, each a write of its own as in the repository.
   */
  private addRfp(laptop: Laptop, choice: number): void {
    const event = this.create(
      laptop,
      'rfpEvents',
      {
        title: `RFP ${String(choice % 5)}`,
        description: '',
        scope: ['Payroll'],
        phase: 'draft',
        baseCurrency: 'GBP',
        termMonths: 36,
        priceScoreMethod: 'lowestOverBid',
        issuedOn: null,
        questionsDueOn: null,
        responseDueOn: null,
        awardTargetOn: null,
        awardedBidderId: null,
        awardReason: '',
        awardedContractId: null,
      },
      () => laptop.tick(),
    );
    if (event === undefined) return;
    const rfpId = event.id;
    const section = this.create(
      laptop,
      'rfpSections',
      { rfpId, templateKey: null, title: 'Service', description: '', weight: 1, order: 1 },
      () => laptop.tick(),
    );
    if (section === undefined) return;
    this.create(
      laptop,
      'rfpCriteria',
      {
        rfpId,
        sectionId: section.id,
        templateKey: null,
        title: 'Quality',
        description: '',
        kind: 'scored',
        weight: 1,
        scale: null,
        applicabilityNote: '',
        order: 1,
      },
      () => laptop.tick(),
    );
    this.addBidder(laptop, laptop.tables.rfpEvents.indexOf(event), true);
    this.addEvaluator(laptop, laptop.tables.rfpEvents.indexOf(event));
  }

  /** Adds a bidder to an RFP the laptop holds: a prospect, or one of its providers, which may later fold by code. */
  private addBidder(laptop: Laptop, choice: number, prospect: boolean): void {
    const event = pick(laptop.tables.rfpEvents, choice);
    if (event === undefined) return;
    const linked = prospect ? undefined : pick(laptop.tables.providers, Math.floor(choice / 3));
    const data = { rfpId: event.id, name: `Bidder ${String(choice % 7)}`, providerId: linked?.id ?? null };
    this.create(laptop, 'rfpBidders', data, () => laptop.tick());
  }

  private addEvaluator(laptop: Laptop, choice: number): void {
    const event = pick(laptop.tables.rfpEvents, choice);
    if (event === undefined) return;
    const data = {
      rfpId: event.id,
      evaluatorName: names[choice % names.length] ?? 'North',
      role: '',
      sectionIds: null,
      conflictStatus: 'none',
      conflictBidderIds: [],
      conflictStatement: '',
      conflictDeclaredOn: null,
    };
    this.create(laptop, 'rfpEvaluators', data, () => laptop.tick());
  }

  /** Sets the score of one cell: an update of the laptop's record of that cell, or a new record. */
  private score(laptop: Laptop, choice: number, value: number): void {
    const evaluator = pick(laptop.tables.rfpEvaluators, choice);
    const bidder = pick(laptop.tables.rfpBidders, Math.floor(choice / 3));
    const criterion = pick(laptop.tables.rfpCriteria, Math.floor(choice / 11));
    if (evaluator === undefined || bidder === undefined || criterion === undefined) return;
    const cell = { evaluatorId: evaluator.id, bidderId: bidder.id, criterionId: criterion.id };
    const fields = { value: value % 7 === 6 ? null : value % 6, comment: `Comment ${String(value % 3)}` };
    const existing = laptop.find(
      'rfpScores',
      (item) => item.evaluatorId === cell.evaluatorId && item.bidderId === cell.bidderId && item.criterionId === cell.criterionId,
    );
    if (existing === undefined) this.create(laptop, 'rfpScores', { rfpId: criterion.rfpId, ...cell, ...fields }, () => laptop.tick());
    else laptop.update('rfpScores', existing, fields, () => laptop.tick());
  }

  private consensus(laptop: Laptop, choice: number, value: number): void {
    const bidder = pick(laptop.tables.rfpBidders, choice);
    const criterion = pick(laptop.tables.rfpCriteria, Math.floor(choice / 5));
    if (bidder === undefined || criterion === undefined) return;
    const fields = { value: value % 6, reason: `Reason ${String(value % 4)}`, agreedOn: '2026-01-02' };
    const existing = laptop.find('rfpConsensusScores', (item) => item.bidderId === bidder.id && item.criterionId === criterion.id);
    const data = { rfpId: criterion.rfpId, bidderId: bidder.id, criterionId: criterion.id, ...fields };
    if (existing === undefined) this.create(laptop, 'rfpConsensusScores', data, () => laptop.tick());
    else laptop.update('rfpConsensusScores', existing, fields, () => laptop.tick());
  }

  private priceBid(laptop: Laptop, choice: number, round: number): void {
    const bidder = pick(laptop.tables.rfpBidders, choice);
    if (bidder === undefined) return;
    const fields = {
      currency: 'GBP',
      oneTimeCharges: [],
      recurringCharges: [{ label: 'Fee', amountMinor: 1000 * (1 + (choice % 9)), period: 'month' }],
      exchangeRateToBase: 1,
      exchangeRateDate: '2026-01-02',
      submittedOn: '2026-01-02',
    };
    const existing = laptop.find('rfpPriceBids', (item) => item.bidderId === bidder.id && item.round === round);
    if (existing === undefined)
      this.create(laptop, 'rfpPriceBids', { rfpId: bidder.rfpId, bidderId: bidder.id, round, ...fields }, () => laptop.tick());
    else laptop.update('rfpPriceBids', existing, fields, () => laptop.tick());
  }

  /**
   * Creates a plan as the repository's template copy does, one clock per record. It writes a
   * Monday-to-Friday calendar, the plan, a summary task with two tasks below it and a
   * finish-to-start link. The plan is for one of the laptop's providers (which may later fold by
   * code) or for none.
   * A plan with a provider gets that provider's first contract on the laptop, when it has one.
   */
  private addPlan(laptop: Laptop, choice: number, withProvider: boolean): void {
    const stamp = (): HlcString => laptop.tick();
    const provider = withProvider ? pick(laptop.tables.providers, choice) : undefined;
    const contract = provider === undefined ? undefined : laptop.tables.contracts.find((candidate) => candidate.providerId === provider.id);
    const calendar = this.create(
      laptop,
      'planCalendars',
      { name: 'Plan', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '' },
      stamp,
    );
    if (calendar === undefined) return;
    const plan = this.create(
      laptop,
      'plans',
      {
        providerId: provider?.id ?? null,
        contractId: contract?.id ?? null,
        title: `Transition ${String(choice % 5)}`,
        description: '',
        startOn: '2026-03-02',
        calendarId: calendar.id,
        templateKey: null,
      },
      stamp,
    );
    if (plan === undefined) return;
    const summary = this.insertTask(laptop, plan.id, null, 1, stamp);
    const first = this.insertTask(laptop, plan.id, summary.id, 1, stamp);
    const second = this.insertTask(laptop, plan.id, summary.id, 2, stamp);
    this.insertLink(laptop, plan.id, first.id, second.id, stamp);
  }

  private insertTask(laptop: Laptop, planId: Id, parentId: Id | null, order: number, stamp: () => HlcString): AnyRecord {
    const data = {
      planId,
      parentId,
      order,
      name: `Task ${String(order)}`,
      duration: 5,
      durationUnit: 'workingDays',
      startNoEarlierThan: null,
      progress: 0,
      owner: '',
      notes: '',
      calendarId: null,
      goNoGo: false,
      templateKey: null,
    };
    return laptop.insert('planTasks', data, stamp());
  }

  private insertLink(laptop: Laptop, planId: Id, predecessorId: Id, successorId: Id, stamp: () => HlcString): void {
    laptop.insert('planDependencies', { planId, predecessorId, successorId, type: 'FS', lag: 0, lagUnit: 'workingDays' }, stamp());
  }

  /** Adds a task to a plan the laptop holds, at the top or below one of that plan's tasks. */
  private addTask(laptop: Laptop, choice: number, nested: boolean): void {
    const plan = pick(laptop.tables.plans, choice);
    if (plan === undefined) return;
    const parent = nested
      ? pick(
          laptop.tables.planTasks.filter((task) => task.planId === plan.id),
          Math.floor(choice / 3),
        )
      : undefined;
    this.insertTask(laptop, plan.id, parent?.id ?? null, 10 + (choice % 7), () => laptop.tick());
  }

  /** Links two tasks of one plan. */
  private link(laptop: Laptop, choice: number): void {
    const plan = pick(laptop.tables.plans, choice);
    if (plan === undefined) return;
    const tasks = laptop.tables.planTasks.filter((task) => task.planId === plan.id);
    const predecessor = pick(tasks, Math.floor(choice / 3));
    const successor = pick(tasks, Math.floor(choice / 7));
    if (predecessor === undefined || successor === undefined || predecessor === successor) return;
    this.insertLink(laptop, plan.id, predecessor.id, successor.id, () => laptop.tick());
  }

  private baseline(laptop: Laptop, choice: number): void {
    const plan = pick(laptop.tables.plans, choice);
    if (plan === undefined) return;
    const tasks = laptop.tables.planTasks
      .filter((task) => task.planId === plan.id)
      .map((task) => ({ taskId: task.id, start: '2026-03-02', finish: '2026-03-06' }));
    const clock = laptop.tick();
    const data = {
      planId: plan.id,
      name: `Baseline ${String(choice % 3)}`,
      takenAt: '2026-03-01T10:00:00.000Z',
      planFinish: '2026-03-06',
      tasks,
    };
    laptop.insert('planBaselines', data, clock);
  }

  private update(laptop: Laptop, operation: Extract<Operation, { kind: 'update' }>): void {
    const table = recordTables[operation.table % recordTables.length] ?? 'providers';
    const target = pick(laptop.tables[table], operation.pick);
    if (target === undefined) return;
    const fields = editableFields[table].filter((_field, index) => (operation.fields >> index) % 2 === 1);
    const patch = Object.fromEntries(fields.map((field, index) => [field, editedValue(table, field, operation.choice + index)]));
    laptop.update(table, target, patch, () => laptop.tick());
  }

  private delete(laptop: Laptop, operation: Extract<Operation, { kind: 'delete' }>): void {
    const table = recordTables[operation.table % recordTables.length] ?? 'providers';
    const target = pick(laptop.tables[table], operation.pick);
    if (target === undefined) return;
    if (this.options.avoidConcurrentTwinDeletes && this.hasUnseenTwin(laptop, target)) return;
    laptop.remove(table, target);
    this.deletedIds.add(target.id);
  }

  /** Natural keys of the records that `data` refers to. */
  /**
   * Opens the escalation of a service level for a month, as a missed month does, or adds a repeat
   * to it when this laptop already has it. Two laptops that open the same one fold it by natural key.
   */
  /**
   * Generates the meeting of a cadence on one of three dates, as the meetings screen does, unless
   * the laptop has it already, and records an action item raised in it. A laptop without a
   * cadence first sets one up for a provider. One choice in four moves a generated meeting of the
   * laptop to another day instead (`moveMeeting`).
   */
  private meet(laptop: Laptop, choice: number): void {
    if (laptop.tables.meetingCadences.length === 0) {
      if (laptop.tables.providers.length === 0) this.addProvider(laptop, choice % codes.length, choice);
      const owner = pick(laptop.tables.providers, choice);
      if (owner === undefined) return;
      this.create(
        laptop,
        'meetingCadences',
        {
          providerId: owner.id,
          contractId: null,
          kind: 'monthlyManagement',
          title: 'Monthly review',
          firstDate: '2025-01-31',
          untilDate: null,
          startTime: '10:00',
          durationMinutes: 60,
          timeZone: 'Europe/London',
          attendees: '',
        },
        () => laptop.tick(),
      );
    }
    const cadence = pick(laptop.tables.meetingCadences, choice);
    const date = ['2025-01-31', '2025-02-28', '2025-03-31'][choice % 3];
    if (cadence === undefined || date === undefined) return;
    const generated = laptop.tables.meetings.filter((item) => typeof item.cadenceId === 'string' && item.status !== 'cancelled');
    const toMove = choice % 4 === 3 ? pick(generated, choice) : undefined;
    if (toMove !== undefined) {
      this.moveMeeting(laptop, toMove, choice);
      return;
    }
    const meeting =
      laptop.find('meetings', (item) => item.cadenceId === cadence.id && item.date === date) ??
      this.create(
        laptop,
        'meetings',
        {
          providerId: cadence.providerId,
          cadenceId: cadence.id,
          kind: 'monthlyManagement',
          title: 'Monthly review',
          date,
          startTime: '10:00',
          durationMinutes: 60,
          timeZone: 'Europe/London',
          status: 'planned',
          agenda: [],
          attendees: '',
          minutes: '',
        },
        () => laptop.tick(),
      );
    if (meeting === undefined) return;
    this.create(
      laptop,
      'actionItems',
      {
        meetingId: meeting.id,
        providerId: meeting.providerId,
        title: `Action ${String(choice)}`,
        owner: laptop.deviceId,
        dueDate: null,
        status: 'open',
        completedOn: null,
      },
      () => laptop.tick(),
    );
  }

  /**
   * Moves a generated meeting two days later as `saveMeetingDetails` does: a meeting without a
   * cadence takes the new date and the action items, and the generated one stays cancelled.
   */
  private moveMeeting(laptop: Laptop, meeting: AnyRecord, choice: number): void {
    const data = Object.fromEntries(dataFieldNames(meeting).map((field) => [field, meeting[field]]));
    const date = `${String(meeting.date).slice(0, 8)}0${String(1 + (choice % 9))}`;
    const moved = this.create(laptop, 'meetings', { ...data, cadenceId: null, date }, () => laptop.tick());
    if (moved === undefined) return;
    laptop.update('meetings', meeting, { status: 'cancelled' }, () => laptop.tick());
    for (const action of laptop.tables.actionItems.filter((item) => item.meetingId === meeting.id)) {
      laptop.update('actionItems', action, { meetingId: moved.id }, () => laptop.tick());
    }
  }

  private escalate(laptop: Laptop, choice: number): void {
    // A miss needs a service level; set one up as the user would before it can be missed.
    if (laptop.tables.serviceLevels.length === 0) this.addServiceLevel(laptop, choice, choice);
    const serviceLevel = pick(laptop.tables.serviceLevels, choice);
    const openedPeriod = periods[choice % periods.length];
    if (serviceLevel === undefined || openedPeriod === undefined) return;
    const existing = laptop.find('escalations', (item) => item.serviceLevelId === serviceLevel.id && item.openedPeriod === openedPeriod);
    const escalation =
      existing ??
      this.create(
        laptop,
        'escalations',
        {
          providerId: serviceLevel.providerId,
          serviceLevelId: serviceLevel.id,
          openedPeriod,
          level: 1,
          status: 'open',
          owner: '',
          dueDate: '2025-04-30',
          openedAt: '2025-04-01T09:00:00.000Z',
        },
        () => laptop.tick(),
      );
    if (escalation === undefined) return;
    const event = {
      escalationId: escalation.id,
      at: '2025-04-01T09:00:00.000Z',
      user: laptop.deviceId,
      kind: existing === undefined ? 'opened' : 'repeatMiss',
      level: 1,
      rule: null,
      period: openedPeriod,
      amount: null,
      note: '',
    };
    laptop.insert('escalationEvents', event, laptop.tick());
  }

  private referencedKeys(data: Readonly<Record<string, unknown>>): string[] {
    const keys: string[] = [];
    for (const field of ['providerId', 'kpiId', 'serviceLevelId']) {
      const key = this.semanticKeys.get(String(data[field]));
      if (key !== undefined) keys.push(key);
    }
    return keys;
  }

  /**
   * Checks whether a record exists that `laptop` has not seen and that has the natural key of
   * `target`, or refers to another record with that key.
   */
  private hasUnseenTwin(laptop: Laptop, target: AnyRecord): boolean {
    const key = this.semanticKeys.get(target.id);
    if (key === undefined) return false;
    const twins = new Set([...this.semanticKeys].filter(([id, other]) => other === key && id !== target.id).map(([id]) => id));
    if ([...twins].some((id) => !laptop.knows(id))) return true;
    return this.laptops.some((other) =>
      recordTables.some((table) =>
        other.tables[table].some(
          (record) => !laptop.knows(record.id) && (twins.has(String(record.providerId)) || twins.has(String(record.kpiId))),
        ),
      ),
    );
  }

  private sync(from: Laptop, to: Laptop, keepOther: boolean): void {
    if (from === to) return;
    const result = mergeSnapshots(to.snapshot(), from.snapshot(), { now: to.wallMs });
    to.load(result.snapshot);
    this.conflictCount += result.preview.conflicts.length;
    if (!keepOther) return;

    // The user keeps the losing value of every conflict, each as a new local change.
    for (const conflict of result.preview.conflicts) {
      const records = to.tables[conflict.table];
      const target = records.find((record) => record.id === conflict.recordId);
      if (target === undefined) continue;
      const write = resolveConflictKeepOther(conflict, to.tick());
      to.tables[conflict.table] = records.map((record) => (record === target ? applyFieldWrite(target, write) : record));
    }
  }

  snapshots(): PortfolioSnapshot[] {
    return this.laptops.map((laptop) => laptop.snapshot());
  }

  /**
   * Merges on every laptop the latest snapshots of the two others, all taken before any of
   * these merges, each laptop in its own order. Returns the resulting snapshots.
   */
  finalExchange(): PortfolioSnapshot[] {
    const latest = this.snapshots();
    return latest.map((own, index) => {
      let state = own;
      for (let step = 1; step < latest.length; step += 1) {
        const other = latest[(index + step) % latest.length];
        if (other !== undefined) state = mergeSnapshots(state, other, { now: baseWallMs }).snapshot;
      }
      return state;
    });
  }

  /** Runs full exchange rounds until all laptops hold the same data or `maxRounds` pass; returns the rounds used. */
  exchangeUntilEqual(maxRounds: number, same: (a: PortfolioSnapshot, b: PortfolioSnapshot) => boolean): number {
    for (let round = 1; round <= maxRounds; round += 1) {
      const results = this.finalExchange();
      results.forEach((result, index) => this.laptops[index]?.load(result));
      if (results.every((result) => results[0] !== undefined && same(results[0], result))) return round;
    }
    return Number.POSITIVE_INFINITY;
  }
}

function pick<T>(items: readonly T[], choice: number): T | undefined {
  return items.length === 0 ? undefined : items[choice % items.length];
}

export const scenarioArbitrary = fc.record({
  // Wall clocks of the three laptops start up to two hours apart.
  wallOffsetsMs: fc.array(fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), { minLength: 3, maxLength: 3 }),
  operations: fc.array(operationArbitrary, { minLength: 5, maxLength: 60 }),
});

export type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer S> ? S : never;

/** Runs a scenario and returns the simulation after its last operation. */
export function runScenario(scenario: Scenario, options: SimulationOptions): Simulation {
  const simulation = new Simulation(scenario.wallOffsetsMs, options);
  for (const operation of scenario.operations) simulation.run(operation);
  return simulation;
}

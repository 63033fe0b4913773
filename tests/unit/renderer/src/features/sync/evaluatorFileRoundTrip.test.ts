/**
 * Evaluator files end to end at repository level, with real files on disk: the lead exports
 * Ann's evaluator file, Ann's laptop (a database of its own) creates the portfolio from it and
 * scores, Ann exports her scores, and the lead merges them back.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { EvaluatorScope, ParsedFile } from '../../../../../../shared/file';
import { createClock } from '../../../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../../../shared/sync/merge';
import type { MergeResult } from '../../../../../../shared/sync/mergeTypes';
import { emptyRecords, recordTables } from '../../../../../../shared/sync/snapshot';
import type { PortfolioSnapshot } from '../../../../../../shared/sync/snapshot';
import type { DeviceContext } from '../../../../../../renderer/src/db/clockStore';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { setPriceBid, setScore } from '../../../../../../renderer/src/db/rfp';
import { applyMergeDelta, readSnapshot } from '../../../../../../renderer/src/db/snapshot';
import { decodePortfolio, encodePortfolio } from '../../../../../../renderer/src/features/sync/fileTasks';
import { snapshotToMerge } from '../../../../../../renderer/src/features/sync/evaluatorImport';
import { manualWall, openTestDb } from '../../../db/factories';
import type { ManualWall } from '../../../db/factories';
import { buildRfp } from '../../../db/rfpFactories';
import type { BuiltRfp } from '../../../db/rfpFactories';

const portfolio = { id: uuidv7(), name: 'Sourcing 2026' };
const folder = mkdtempSync(join(tmpdir(), 'steerwise-evaluator-file-'));
const opened: PortfolioDb[] = [];
const startMs = Date.UTC(2026, 3, 20, 9, 0, 0);
const minute = 60_000;

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface Laptop {
  readonly db: PortfolioDb;
  readonly wall: ManualWall;
  readonly clock: ReturnType<typeof createClock>;
  readonly context: DeviceContext;
}

async function laptop(deviceId: string, user: string, atMs: number): Promise<Laptop> {
  const db = await openTestDb();
  opened.push(db);
  const wall = manualWall(atMs);
  const clock = createClock(deviceId, wall);
  const context: DeviceContext = { deviceId, user, tick: () => clock.tick(), now: () => new Date(wall()).toISOString() };
  return { db, wall, clock, context };
}

/** Exports the laptop's portfolio with `scope` through the Sync screen's export function and writes it to disk. */
async function exportEvaluatorFile(from: Laptop, scope: EvaluatorScope, fileName: string): Promise<string> {
  const snapshot = await readSnapshot(from.db, portfolio, from.context.deviceId);
  const metadata = { appVersion: '0.1.0', exportedAt: new Date(from.wall()).toISOString() };
  const result = await encodePortfolio({ snapshot, metadata, scope: { rfp: scope }, passphrase: null }, () => undefined);
  if (!result.ok) throw new Error(`export failed: ${result.error.code} ${JSON.stringify(result.error.detail)}`);
  const path = join(folder, fileName);
  writeFileSync(path, result.value);
  return path;
}

async function openFile(path: string): Promise<ParsedFile> {
  const result = await decodePortfolio({ bytes: new Uint8Array(readFileSync(path)), fileName: path, passphrase: null }, () => undefined);
  if (!result.ok) throw new Error(`open failed: ${result.error.code} ${JSON.stringify(result.error.detail)}`);
  return result.value;
}

function rawText(path: string): string {
  return Object.values(unzipSync(new Uint8Array(readFileSync(path))))
    .map((entry) => strFromU8(entry))
    .join('\n');
}

async function mergeInto(into: Laptop, remote: PortfolioSnapshot): Promise<MergeResult> {
  const local = await readSnapshot(into.db, portfolio, into.context.deviceId);
  const result = mergeSnapshots(local, remote, { now: into.wall() });
  await applyMergeDelta(into.db, result.delta, result.snapshot.versionVector, into.clock);
  return result;
}

/** Creates the portfolio on an empty laptop from a file, as `createPortfolioFromFile` does. */
async function createFrom(into: Laptop, file: ParsedFile): Promise<void> {
  const empty: PortfolioSnapshot = {
    portfolioId: portfolio.id,
    portfolioName: portfolio.name,
    deviceId: into.context.deviceId,
    records: emptyRecords(),
    tombstones: [],
    versionVector: {},
  };
  const merged = mergeSnapshots(empty, file.snapshot, { now: into.wall() });
  await applyMergeDelta(into.db, merged.delta, merged.snapshot.versionVector, into.clock);
}

function qualityCell(built: BuiltRfp, evaluatorId: string, bidderId: string, value: number) {
  return { rfpId: built.event.id, evaluatorId, bidderId, criterionId: built.quality.id, value, comment: '' };
}

/** Lead's RFP in scoring with a score by Bob and a price bid, and Ann's evaluator file on disk. */
async function leadWithAnnsFile() {
  const lead = await laptop('lead00000001', 'Lead', startMs);
  const built = await buildRfp(lead.db, lead.context, 'scoring');
  const bobScore = await setScore(lead.db, qualityCell(built, built.bob.id, built.incumbent.id, 3), lead.context);
  await setPriceBid(
    lead.db,
    {
      rfpId: built.event.id,
      bidderId: built.incumbent.id,
      round: 1,
      currency: 'GBP',
      oneTimeCharges: [{ label: 'Transition', amountMinor: 9_876_543 }],
      recurringCharges: [],
      exchangeRateToBase: 1,
      exchangeRateDate: '2026-04-01',
      submittedOn: '2026-04-01',
    },
    lead.context,
  );
  const scope: EvaluatorScope = { rfpId: built.event.id, evaluatorId: built.ann.id };
  const path = await exportEvaluatorFile(lead, scope, 'ann-issued.steerwise');
  return { lead, built, bobScore, scope, path };
}

describe('evaluator file from the lead', () => {
  it('holds the RFP and Ann only', async () => {
    const { built, scope, path } = await leadWithAnnsFile();
    const file = await openFile(path);
    expect(file.manifest.scope).toEqual({ rfp: scope });
    expect(file.manifest.portfolioId).toBe(portfolio.id);
    const { records } = file.snapshot;
    expect(records.rfpEvents.map((event) => event.id)).toEqual([built.event.id]);
    expect(records.rfpEvaluators.map((evaluator) => evaluator.id)).toEqual([built.ann.id]);
    expect(records.rfpBidders).toHaveLength(2);
    expect(records.rfpCriteria).toHaveLength(3);
    expect(records.providers).toEqual([]);
    expect(records.rfpScores).toEqual([]);
    expect(records.rfpPriceBids).toEqual([]);
    expect(file.snapshot.tombstones).toEqual([]);
  });

  it('never contains Bob or prices', async () => {
    const { built, bobScore, path } = await leadWithAnnsFile();
    const text = rawText(path);
    expect(text).not.toContain(built.bob.id);
    expect(text).not.toContain(bobScore.id);
    expect(text).not.toContain('9876543');
    expect(text).not.toContain('PRV1');
  });
});

describe('evaluator file round trip', () => {
  it('merges only Ann scores', async () => {
    const { lead, built, bobScore, scope, path } = await leadWithAnnsFile();

    const ann = await laptop('ann000000001', 'Ann', startMs + minute);
    await createFrom(ann, await openFile(path));
    ann.wall.set(startMs + 10 * minute);
    await setScore(ann.db, qualityCell(built, built.ann.id, built.incumbent.id, 4), ann.context);
    await setScore(ann.db, qualityCell(built, built.ann.id, built.prospect.id, 2), ann.context);
    const back = await exportEvaluatorFile(ann, scope, 'ann-scores.steerwise');
    const annText = rawText(back);
    expect(annText).not.toContain(built.bob.id);
    expect(annText).not.toContain(bobScore.id);

    const before = await readSnapshot(lead.db, portfolio, lead.context.deviceId);
    lead.wall.set(startMs + 20 * minute);
    const result = await mergeInto(lead, snapshotToMerge(await openFile(back), undefined));
    const after = await readSnapshot(lead.db, portfolio, lead.context.deviceId);

    expect(result.preview.tables.rfpScores.added).toBe(2);
    expect(result.preview.conflicts).toEqual([]);
    const annScores = after.records.rfpScores.filter((score) => score.evaluatorId === built.ann.id);
    expect(annScores.map((score) => score.value).sort()).toEqual([2, 4]);
    expect(after.records.rfpScores.find((score) => score.id === bobScore.id)).toEqual(bobScore);
    for (const table of recordTables) {
      if (table === 'rfpScores') continue;
      expect(after.records[table], table).toEqual(before.records[table]);
    }
  });

  it('ignores RFP edits from the file', async () => {
    const { lead, built, scope, path } = await leadWithAnnsFile();
    const file = await openFile(path);
    // A file whose event title was changed on the evaluator's laptop: the lead keeps its own title.
    const [event] = file.snapshot.records.rfpEvents;
    if (event === undefined) throw new Error('the file has no event');
    const edited = { ...event, title: 'Renamed by Ann', clock: '9'.repeat(event.clock.length) };
    const remote = { ...file.snapshot, records: { ...file.snapshot.records, rfpEvents: [edited] } };
    const result = await mergeInto(lead, snapshotToMerge({ ...file, snapshot: remote }, undefined));
    expect(result.preview.tables.rfpEvents.changed).toBe(0);
    expect((await lead.db.rfpEvents.get(built.event.id))?.title).toBe(built.event.title);
    expect(scope.evaluatorId).toBe(built.ann.id);
  });

  it('takes a file whole on Ann copy', async () => {
    const { scope, path } = await leadWithAnnsFile();
    const file = await openFile(path);
    expect(snapshotToMerge(file, scope)).toBe(file.snapshot);
    expect(snapshotToMerge(file, { ...scope, evaluatorId: 'someone-else' }).records.rfpEvents).toEqual([]);
  });
});

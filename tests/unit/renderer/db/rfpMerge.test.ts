/**
 * Evaluators scoring on their own laptops: the lead exports the RFP to a `.steerwise` file on
 * disk, each evaluator opens it on a laptop of their own, scores there and exports, and the lead
 * merges the files back through the portfolio-file merge.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { readPortfolioFile, writePortfolioFile } from '../../../../shared/file';
import { createClock } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { naturalKey } from '../../../../shared/sync/mergeNaturalKeys';
import type { MergeResult } from '../../../../shared/sync/mergeTypes';
import { emptyRecords } from '../../../../shared/sync/snapshot';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { loadRfpInput, setRfpPhase, setScore } from '../../../../renderer/src/db/rfp';
import type { ScoreEntry } from '../../../../renderer/src/db/rfp';
import { listRecordAudit } from '../../../../renderer/src/db/queries';
import { applyMergeDelta, readSnapshot } from '../../../../renderer/src/db/snapshot';
import { manualWall, openTestDb } from './factories';
import type { ManualWall } from './factories';
import { buildRfp } from './rfpFactories';
import type { BuiltRfp } from './rfpFactories';

const portfolio = { id: uuidv7(), name: 'Sourcing 2026' };
const folder = mkdtempSync(join(tmpdir(), 'steerwise-rfp-merge-'));
const opened: PortfolioDb[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A laptop: its database, wall clock, and one clock that both its writes and its merges advance. */
interface Laptop {
  readonly db: PortfolioDb;
  readonly wall: ManualWall;
  readonly clock: ReturnType<typeof createClock>;
  readonly context: DeviceContext;
}

async function laptop(deviceId: string, user: string, startMs: number): Promise<Laptop> {
  const db = await openTestDb();
  opened.push(db);
  const wall = manualWall(startMs);
  const clock = createClock(deviceId, wall);
  const context: DeviceContext = { deviceId, user, tick: () => clock.tick(), now: () => new Date(wall()).toISOString() };
  return { db, wall, clock, context };
}

/** Exports the laptop's portfolio to a file in the test folder and returns its path. */
async function exportTo(from: Laptop, fileName: string): Promise<string> {
  const snapshot = await readSnapshot(from.db, portfolio, from.context.deviceId);
  const bytes = await writePortfolioFile(snapshot, { appVersion: '0.1.0', exportedAt: new Date(from.wall()).toISOString() });
  const path = join(folder, fileName);
  writeFileSync(path, bytes);
  return path;
}

/** Opens a file on a laptop and merges it into the laptop's portfolio, as the Sync screen does. */
async function mergeFile(into: Laptop, path: string): Promise<MergeResult> {
  const parsed = await readPortfolioFile(new Uint8Array(readFileSync(path)), path);
  if (!parsed.ok) throw new Error(`could not read ${path}: ${parsed.error.code}`);
  const local = await readSnapshot(into.db, portfolio, into.context.deviceId);
  const result = mergeSnapshots(local, parsed.value.snapshot, { now: into.wall() });
  await applyMergeDelta(into.db, result.delta, result.snapshot.versionVector, into.clock);
  return result;
}

const startMs = Date.UTC(2026, 3, 20, 9, 0, 0);
const minute = 60_000;

function cell(built: BuiltRfp, evaluatorId: string, bidderId: string, value: number, comment = ''): ScoreEntry {
  return { rfpId: built.event.id, evaluatorId, bidderId, criterionId: built.quality.id, value, comment };
}

/** Sets up the lead's laptop with an RFP in scoring, and each evaluator's laptop with a copy from the lead's file. */
async function scoringRound() {
  const lead = await laptop('lead00000001', 'Lead', startMs);
  const built = await buildRfp(lead.db, lead.context, 'scoring');
  const issued = await exportTo(lead, 'issued.steerwise');

  const annLaptop = await laptop('ann000000001', 'Ann', startMs + minute);
  const bobLaptop = await laptop('bob000000001', 'Bob', startMs + minute);
  await mergeFile(annLaptop, issued);
  await mergeFile(bobLaptop, issued);
  return { lead, built, annLaptop, bobLaptop };
}

describe('scores from two evaluators laptops', () => {
  it('copy opens in scoring', async () => {
    const { built, annLaptop } = await scoringRound();
    const input = await loadRfpInput(annLaptop.db, built.event.id);
    expect(input.event.phase).toBe('scoring');
    expect(input.evaluators).toHaveLength(2);
  });

  it('combine without duplicates', async () => {
    const { lead, built, annLaptop, bobLaptop } = await scoringRound();
    annLaptop.wall.set(startMs + 10 * minute);
    await setScore(annLaptop.db, cell(built, built.ann.id, built.incumbent.id, 4), annLaptop.context);
    await setScore(annLaptop.db, cell(built, built.ann.id, built.prospect.id, 2), annLaptop.context);
    bobLaptop.wall.set(startMs + 12 * minute);
    await setScore(bobLaptop.db, cell(built, built.bob.id, built.incumbent.id, 3), bobLaptop.context);
    await setScore(bobLaptop.db, cell(built, built.bob.id, built.prospect.id, 5, 'Best reporting seen.'), bobLaptop.context);

    lead.wall.set(startMs + 20 * minute);
    const fromAnn = await mergeFile(lead, await exportTo(annLaptop, 'ann.steerwise'));
    const fromBob = await mergeFile(lead, await exportTo(bobLaptop, 'bob.steerwise'));

    expect(fromAnn.preview.tables.rfpScores.added).toBe(2);
    expect(fromBob.preview.tables.rfpScores.added).toBe(2);
    expect(fromBob.preview.conflicts).toEqual([]);
    const scores = await lead.db.rfpScores.toArray();
    expect(scores.map((score) => [score.evaluatorId === built.ann.id ? 'ann' : 'bob', score.value]).sort()).toEqual([
      ['ann', 2],
      ['ann', 4],
      ['bob', 3],
      ['bob', 5],
    ]);
    const keys = scores.map((score) => naturalKey('rfpScores', { ...score }));
    expect(new Set(keys).size).toBe(scores.length);
  });

  it('resolve a re-score by clock', async () => {
    const { lead, built, annLaptop, bobLaptop } = await scoringRound();
    // Ann scores the incumbent on her laptop, then again, later, on the lead's laptop in a panel session.
    annLaptop.wall.set(startMs + 10 * minute);
    const onLaptop = await setScore(annLaptop.db, cell(built, built.ann.id, built.incumbent.id, 2), annLaptop.context);
    lead.wall.set(startMs + 30 * minute);
    const inSession = await setScore(lead.db, cell(built, built.ann.id, built.incumbent.id, 4, ''), lead.context);
    expect(inSession.id).not.toBe(onLaptop.id);

    const result = await mergeFile(lead, await exportTo(annLaptop, 'ann.steerwise'));

    const scores = await lead.db.rfpScores.toArray();
    expect(scores).toHaveLength(1);
    expect(scores[0]?.value).toBe(4);
    expect(scores[0]?.id).toBe(onLaptop.id < inSession.id ? onLaptop.id : inSession.id);
    expect(result.preview.conflicts.map((conflict) => [conflict.table, conflict.field, conflict.winner])).toEqual([
      ['rfpScores', 'value', 'local'],
    ]);
    expect(result.preview.tables.rfpScores.mergedByNaturalKey + result.preview.tables.rfpScores.changed).toBeGreaterThan(0);

    // Bob takes the lead's merged file: his laptop ends with the same single score.
    const merged = await exportTo(lead, 'merged.steerwise');
    await mergeFile(bobLaptop, merged);
    const bobScores = await bobLaptop.db.rfpScores.toArray();
    expect(bobScores.map((score) => [score.id, score.value])).toEqual(scores.map((score) => [score.id, score.value]));
  });

  it('keep the later re-score on the same record', async () => {
    const { lead, built, annLaptop } = await scoringRound();
    annLaptop.wall.set(startMs + 10 * minute);
    const first = await setScore(annLaptop.db, cell(built, built.ann.id, built.prospect.id, 3), annLaptop.context);
    lead.wall.set(startMs + 20 * minute);
    await mergeFile(lead, await exportTo(annLaptop, 'first.steerwise'));

    // Both copies now hold the same record; the lead corrects it first, Ann re-scores it later.
    lead.wall.set(startMs + 25 * minute);
    await setScore(lead.db, cell(built, built.ann.id, built.prospect.id, 1), lead.context);
    annLaptop.wall.set(startMs + 40 * minute);
    await setScore(annLaptop.db, cell(built, built.ann.id, built.prospect.id, 5, 'Revised after the site visit.'), annLaptop.context);
    const result = await mergeFile(lead, await exportTo(annLaptop, 'second.steerwise'));

    const stored = await lead.db.rfpScores.get(first.id);
    expect(stored).toMatchObject({ value: 5, comment: 'Revised after the site visit.' });
    expect(await lead.db.rfpScores.count()).toBe(1);
    expect(result.preview.conflicts.map((conflict) => [conflict.field, conflict.winner])).toEqual([['value', 'remote']]);
    // The lead's own audit trail keeps every local change of the cell.
    const audit = await listRecordAudit(lead.db, first.id);
    expect(audit.map((entry) => entry.changes.value)).toEqual([{ old: 3, new: 1 }]);
  });

  it('reach consensus after the merge', async () => {
    const { lead, built, annLaptop } = await scoringRound();
    annLaptop.wall.set(startMs + 10 * minute);
    await setScore(annLaptop.db, cell(built, built.ann.id, built.incumbent.id, 4), annLaptop.context);
    lead.wall.set(startMs + 20 * minute);
    await mergeFile(lead, await exportTo(annLaptop, 'ann.steerwise'));
    const event = await setRfpPhase(lead.db, built.event.id, 'consensus', lead.context);
    expect(event.phase).toBe('consensus');
  });

  it('empty portfolio takes in the whole RFP', async () => {
    const { lead, built } = await scoringRound();
    const path = await exportTo(lead, 'whole.steerwise');
    const parsed = await readPortfolioFile(new Uint8Array(readFileSync(path)), path);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const empty = { ...parsed.value.snapshot, records: emptyRecords(), tombstones: [], versionVector: {} };
    const result = mergeSnapshots(empty, parsed.value.snapshot, { now: startMs });
    expect(result.preview.tables.rfpEvents.added).toBe(1);
    expect(result.preview.tables.rfpCriteria.added).toBe(3);
    expect(result.snapshot.records.rfpEvaluators.map((evaluator) => evaluator.id).sort()).toEqual([built.ann.id, built.bob.id].sort());
  });
});

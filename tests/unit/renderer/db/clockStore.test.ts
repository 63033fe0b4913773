import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { compareHlc, packHlc, parseHlc } from '../../../../shared/sync/hlc';
import { openCatalogue } from '../../../../renderer/src/db/catalogue';
import type { CatalogueDb } from '../../../../renderer/src/db/catalogue';
import { readSetting, writeSetting } from '../../../../renderer/src/db/catalogueDb';
import { deviceContextOf, openSessionClock } from '../../../../renderer/src/db/clockStore';
import { freshName, manualWall } from './factories';

const opened: CatalogueDb[] = [];

afterEach(() => {
  for (const catalogue of opened.splice(0)) catalogue.close();
});

async function freshCatalogue(name = freshName('catalogue')): Promise<CatalogueDb> {
  const catalogue = await openCatalogue(name);
  opened.push(catalogue);
  return catalogue;
}

describe('openSessionClock', () => {
  it('returns one clock per catalogue', async () => {
    const catalogue = await freshCatalogue();
    const [first, second] = await Promise.all([openSessionClock(catalogue), openSessionClock(catalogue)]);
    expect(first).toBe(second);
  });

  it('saves the latest clock to the catalogue', async () => {
    const catalogue = await freshCatalogue();
    const session = await openSessionClock(catalogue, manualWall());
    session.tick();
    const last = session.tick();
    await session.flush();
    expect(await readSetting(catalogue, 'lastClock')).toBe(last);
  });

  it('continues after the saved clock when the wall clock went back', async () => {
    const name = freshName('catalogue');
    const before = await freshCatalogue(name);
    const firstSession = await openSessionClock(before, manualWall(Date.UTC(2026, 6, 1)));
    const lastOfFirst = firstSession.tick();
    await firstSession.flush();
    before.close();

    const after = await freshCatalogue(name);
    const secondSession = await openSessionClock(after, manualWall(Date.UTC(2026, 0, 1)));
    const firstOfSecond = secondSession.tick();
    expect(compareHlc(firstOfSecond, lastOfFirst)).toBeGreaterThan(0);
    expect(parseHlc(firstOfSecond).wallMs).toBe(Date.UTC(2026, 6, 1));
  });

  it('ignores an unreadable saved clock', async () => {
    const catalogue = await freshCatalogue();
    await writeSetting(catalogue, 'lastClock', 'not a clock');
    const session = await openSessionClock(catalogue, () => 5_000);
    expect(parseHlc(session.tick()).wallMs).toBe(5_000);
  });

  it('receive orders later ticks after a remote clock', async () => {
    const catalogue = await freshCatalogue();
    const session = await openSessionClock(catalogue, () => 1_000);
    const remote = packHlc({ wallMs: 50_000, counter: 7, deviceId: 'remote' });
    session.receive(remote);
    expect(compareHlc(session.tick(), remote)).toBeGreaterThan(0);
  });

  it('uses the device id stored in the catalogue', async () => {
    const catalogue = await freshCatalogue();
    const session = await openSessionClock(catalogue);
    expect(await readSetting(catalogue, 'deviceId')).toBe(session.deviceId);
    expect(parseHlc(session.tick()).deviceId).toBe(session.deviceId);
  });

  it('flush rejects when saving the clock failed', async () => {
    const catalogue = await freshCatalogue();
    const session = await openSessionClock(catalogue, () => 1_000);
    catalogue.close();
    session.tick();
    await expect(session.flush()).rejects.toMatchObject({ appError: { code: 'storage.writeFailed' } });
  });
});

describe('deviceContextOf', () => {
  it('stamps audit instants from the session wall clock', async () => {
    const catalogue = await freshCatalogue();
    const session = await openSessionClock(catalogue, () => Date.UTC(2026, 2, 4, 10, 0, 0));
    expect(deviceContextOf(session, 'Dana').now()).toBe('2026-03-04T10:00:00.000Z');
  });
});

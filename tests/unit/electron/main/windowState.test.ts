import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialWindowBounds, loadWindowState, trackWindowState } from '../../../../electron/main/windowState';
import type { Rectangle } from '../../../../electron/main/windowState';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

const limits = { defaultWidth: 1440, defaultHeight: 900, minWidth: 1024, minHeight: 640 };
const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
const monitorRight: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('initialWindowBounds', () => {
  it('uses the defaults without a saved state', () => {
    expect(initialWindowBounds(undefined, [laptop], limits)).toEqual({ width: 1440, height: 900, isMaximized: false });
  });

  it('keeps a position on a display', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, isMaximized: false };

    expect(initialWindowBounds(saved, [laptop, monitorRight], limits)).toEqual({ x: 2000, y: 100, width: 1600, height: 1000, isMaximized: false });
  });

  it('drops a position on a removed display', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, isMaximized: true };

    expect(initialWindowBounds(saved, [laptop], limits)).toEqual({ width: 1600, height: 1000, isMaximized: true });
  });

  it('drops a position whose title bar is above the screen', () => {
    const saved = { x: 100, y: -500, width: 1200, height: 800, isMaximized: false };

    expect(initialWindowBounds(saved, [laptop], limits).x).toBeUndefined();
  });

  it('drops a position with only a sliver on screen', () => {
    const saved = { x: 1850, y: 100, width: 1200, height: 800, isMaximized: false };

    expect(initialWindowBounds(saved, [laptop], limits).x).toBeUndefined();
  });

  it('keeps a position partly off screen', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800, isMaximized: false };

    expect(initialWindowBounds(saved, [laptop], limits)).toMatchObject({ x: 1500, y: 100 });
  });

  it('limits the size to the largest display', () => {
    const saved = { x: 0, y: 0, width: 5000, height: 3000, isMaximized: false };

    expect(initialWindowBounds(saved, [laptop], limits)).toMatchObject({ width: 1920, height: 1050 });
  });

  it('raises the size to the minimum', () => {
    const saved = { x: 0, y: 0, width: 300, height: 200, isMaximized: false };

    expect(initialWindowBounds(saved, [laptop], limits)).toMatchObject({ width: 1024, height: 640 });
  });
});

describe('window state file', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'steerwise-window-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  class FakeWindow extends EventEmitter {
    bounds: Rectangle = { x: 10, y: 20, width: 1300, height: 850 };
    maximized = false;
    getNormalBounds(): Rectangle {
      return this.bounds;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
  }

  it('reads a missing file as no state', async () => {
    const logger = createRecordingLogger();

    expect(await loadWindowState(join(folder, 'window-state.json'), logger)).toBeUndefined();
    expect(logger.entries).toEqual([]);
  });

  it('ignores an invalid file and logs it', async () => {
    const path = join(folder, 'window-state.json');
    await writeFile(path, '{"x": "left"');
    const logger = createRecordingLogger();

    expect(await loadWindowState(path, logger)).toBeUndefined();
    expect(logger.entries.map((entry) => entry.message)).toEqual(['A settings file is not valid JSON and was ignored']);
  });

  it('ignores a file of the wrong shape', async () => {
    const path = join(folder, 'window-state.json');
    await writeFile(path, JSON.stringify({ x: 1, y: 2, width: -5, height: 10, isMaximized: false }));

    expect(await loadWindowState(path, createRecordingLogger())).toBeUndefined();
  });

  it('saves the normal bounds on close', async () => {
    const path = join(folder, 'nested', 'window-state.json');
    const window = new FakeWindow();
    const tracker = trackWindowState(window, path, createRecordingLogger());
    window.maximized = true;

    window.emit('close');
    await tracker.flush();

    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ x: 10, y: 20, width: 1300, height: 850, isMaximized: true });
    expect(await loadWindowState(path, createRecordingLogger())).toEqual({ x: 10, y: 20, width: 1300, height: 850, isMaximized: true });
  });

  it('saves the last of several moves', async () => {
    const path = join(folder, 'window-state.json');
    const window = new FakeWindow();
    const tracker = trackWindowState(window, path, createRecordingLogger(), 60_000);

    window.emit('move');
    window.bounds = { x: 300, y: 200, width: 1100, height: 700.4 };
    window.emit('resize');
    await tracker.flush();

    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ x: 300, y: 200, width: 1100, height: 700, isMaximized: false });
  });

  it('writes nothing before a change', async () => {
    const path = join(folder, 'window-state.json');
    const tracker = trackWindowState(new FakeWindow(), path, createRecordingLogger());

    await tracker.flush();

    await expect(readFile(path, 'utf8')).rejects.toThrow('ENOENT');
  });
});

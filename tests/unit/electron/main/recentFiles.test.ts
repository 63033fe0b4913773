import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFiles, existingFiles, maxRecentFiles, withRecentFile } from '../../../../electron/main/recentFiles';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

describe('withRecentFile', () => {
  it('puts the newest first', () => {
    expect(withRecentFile(['/a.steerwise'], '/b.steerwise', 'linux')).toEqual(['/b.steerwise', '/a.steerwise']);
  });

  it('moves a repeated file to the top', () => {
    expect(withRecentFile(['/a.steerwise', '/b.steerwise'], '/b.steerwise', 'linux')).toEqual(['/b.steerwise', '/a.steerwise']);
  });

  it('keeps at most ten', () => {
    const paths = Array.from({ length: maxRecentFiles }, (_, index) => `/${String(index)}.steerwise`);

    const next = withRecentFile(paths, '/new.steerwise', 'linux');

    expect(next).toHaveLength(10);
    expect(next[0]).toBe('/new.steerwise');
    expect(next).not.toContain('/9.steerwise');
  });

  it('treats case as one file on Windows', () => {
    expect(withRecentFile(['C:\\Q3.steerwise'], 'c:\\q3.steerwise', 'win32')).toEqual(['c:\\q3.steerwise']);
  });

  it('keeps case apart on Linux', () => {
    expect(withRecentFile(['/Q3.steerwise'], '/q3.steerwise', 'linux')).toEqual(['/q3.steerwise', '/Q3.steerwise']);
  });
});

describe('recent files store', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'steerwise-recent-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('drops files that no longer exist', async () => {
    const kept = join(folder, 'kept.steerwise');
    await writeFile(kept, 'PK');

    expect(await existingFiles([join(folder, 'gone.steerwise'), kept])).toEqual([kept]);
  });

  it('persists added files across restarts', async () => {
    const listPath = join(folder, 'recent-files.json');
    const file = join(folder, 'q3.steerwise');
    await writeFile(file, 'PK');
    const first = createRecentFiles({ filePath: listPath, platform: 'linux', logger: createRecordingLogger() });
    await first.load();

    await first.add(file);

    const second = createRecentFiles({ filePath: listPath, platform: 'linux', logger: createRecordingLogger() });
    expect(await second.load()).toEqual([file]);
    expect(second.includes(file)).toBe(true);
  });

  it('rewrites the file without missing entries', async () => {
    const listPath = join(folder, 'recent-files.json');
    const file = join(folder, 'q3.steerwise');
    await writeFile(file, 'PK');
    await writeFile(listPath, JSON.stringify({ paths: [join(folder, 'moved.steerwise'), file] }));
    const changes: (readonly string[])[] = [];

    const recent = createRecentFiles({ filePath: listPath, platform: 'linux', logger: createRecordingLogger(), onChange: (paths) => changes.push(paths) });
    await recent.load();

    expect(recent.list()).toEqual([file]);
    expect(JSON.parse(await readFile(listPath, 'utf8'))).toEqual({ paths: [file] });
    expect(changes).toEqual([[file]]);
  });

  it('clears the list', async () => {
    const listPath = join(folder, 'recent-files.json');
    const recent = createRecentFiles({ filePath: listPath, platform: 'linux', logger: createRecordingLogger(), exists: () => Promise.resolve(true) });
    await recent.add('/home/ana/q3.steerwise');

    await recent.clear();

    expect(recent.list()).toEqual([]);
    expect(JSON.parse(await readFile(listPath, 'utf8'))).toEqual({ paths: [] });
  });

  it('starts empty from a damaged file', async () => {
    const listPath = join(folder, 'recent-files.json');
    await writeFile(listPath, '{"paths": 3}');
    const logger = createRecordingLogger();

    const recent = createRecentFiles({ filePath: listPath, platform: 'linux', logger });

    expect(await recent.load()).toEqual([]);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['A settings file has invalid content and was ignored']);
  });
});

import * as fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, maxLogMessageLength } from '../../../../electron/main/logger';
import type { LoggerFileSystem } from '../../../../electron/main/logger';

let folder: string;
let logPath: string;
const fixedClock = (): Date => new Date('2026-03-01T08:30:00.000Z');

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-logger-'));
  logPath = join(folder, 'logs', 'main.log');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readEntries(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createLogger', () => {
  it('writes one JSON line per entry', async () => {
    const logger = createLogger({ filePath: logPath, now: fixedClock });

    logger.info('Portfolio exported', { file: 'acme.steerwise', records: 120 });

    expect(await readEntries(logPath)).toEqual([
      { time: '2026-03-01T08:30:00.000Z', level: 'info', tag: 'main', message: 'Portfolio exported', context: { file: 'acme.steerwise', records: 120 } },
    ]);
  });

  it('creates the missing log folder', async () => {
    const logger = createLogger({ filePath: logPath, now: fixedClock });

    logger.warn('First entry');

    expect(await readdir(join(folder, 'logs'))).toEqual(['main.log']);
  });

  it('drops entries below the minimum level', async () => {
    const logger = createLogger({ filePath: logPath, minLevel: 'warn', now: fixedClock });

    logger.debug('debug entry');
    logger.info('info entry');
    logger.warn('warn entry');
    logger.error('error entry');

    const levels = (await readEntries(logPath)).map((entry) => entry['level']);
    expect(levels).toEqual(['warn', 'error']);
  });

  it('writes tagged entries to the same file', async () => {
    const logger = createLogger({ filePath: logPath, now: fixedClock });

    logger.info('from main');
    logger.withTag('renderer').error('from renderer');

    const tags = (await readEntries(logPath)).map((entry) => entry['tag']);
    expect(tags).toEqual(['main', 'renderer']);
  });

  it('keeps a multi-line message on one line', async () => {
    const logger = createLogger({ filePath: logPath, now: fixedClock });

    logger.error('first line\n{"level":"info","forged":true}');

    const lines = (await readFile(logPath, 'utf8')).split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect((await readEntries(logPath))[0]?.['message']).toBe('first line\n{"level":"info","forged":true}');
  });

  it('cuts an overlong message', async () => {
    const logger = createLogger({ filePath: logPath, now: fixedClock });

    logger.info('x'.repeat(maxLogMessageLength + 10));

    const message = String((await readEntries(logPath))[0]?.['message']);
    expect(message.startsWith('x'.repeat(maxLogMessageLength))).toBe(true);
    expect(message.endsWith('[10 characters cut]')).toBe(true);
  });

  it('rotates by size and keeps the newest files', async () => {
    const logger = createLogger({ filePath: logPath, maxFileBytes: 400, maxRotatedFiles: 2, now: fixedClock });

    for (let index = 0; index < 40; index += 1) {
      logger.info(`entry ${String(index).padStart(2, '0')}`);
    }

    expect((await readdir(join(folder, 'logs'))).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of ['main.log', 'main.log.1', 'main.log.2']) {
      expect(fs.statSync(join(folder, 'logs', name)).size).toBeLessThanOrEqual(400);
    }
    const newest = await readEntries(logPath);
    expect(newest.at(-1)?.['message']).toBe('entry 39');
    const older = await readEntries(`${logPath}.1`);
    const oldest = await readEntries(`${logPath}.2`);
    expect(String(older.at(-1)?.['message']) < String(newest[0]?.['message'])).toBe(true);
    expect(String(oldest.at(-1)?.['message']) < String(older[0]?.['message'])).toBe(true);
    expect(oldest.map((entry) => entry['message'])).not.toContain('entry 00');
  });

  it('counts an existing file toward the size limit', async () => {
    await fs.promises.mkdir(join(folder, 'logs'));
    await writeFile(logPath, `${'x'.repeat(390)}\n`);
    const logger = createLogger({ filePath: logPath, maxFileBytes: 400, now: fixedClock });

    logger.info('after restart');

    expect(await readFile(`${logPath}.1`, 'utf8')).toBe(`${'x'.repeat(390)}\n`);
    expect((await readEntries(logPath)).map((entry) => entry['message'])).toEqual(['after restart']);
  });

  it('survives a failing disk and reports dropped entries', async () => {
    let failing = true;
    const flakyFileSystem: LoggerFileSystem = {
      appendFileSync: (path, data) => {
        if (failing) {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        }
        fs.appendFileSync(path, data);
      },
      statSync: (path) => fs.statSync(path),
      renameSync: (from, to) => {
        fs.renameSync(from, to);
      },
      rmSync: (path, options) => {
        fs.rmSync(path, options);
      },
      mkdirSync: (path, options) => fs.mkdirSync(path, options),
    };
    const logger = createLogger({ filePath: logPath, fileSystem: flakyFileSystem, now: fixedClock });

    expect(() => {
      logger.error('lost one');
      logger.error('lost two');
    }).not.toThrow();
    failing = false;
    logger.info('disk is back');

    const entries = await readEntries(logPath);
    expect(entries.map((entry) => entry['message'])).toEqual(['Log entries were dropped because writing the log file failed', 'disk is back']);
    expect(entries[0]?.['context']).toEqual({ droppedEntries: 2 });
  });
});

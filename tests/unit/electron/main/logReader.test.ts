import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../electron/main/logger';
import { readRecentProblems } from '../../../../electron/main/logReader';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-logs-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readRecentProblems', () => {
  it('returns warnings and errors newest first', async () => {
    let clock = Date.UTC(2026, 11, 5, 9, 0, 0);
    const logger = createLogger({ filePath: join(folder, 'main.log'), now: () => new Date((clock += 1000)) });
    logger.info('App started');
    logger.warn('Navigation blocked', { url: 'https://example.com/' });
    logger.error('IPC handler failed', { channel: 'steerwise:open-file' });

    const problems = await readRecentProblems([join(folder, 'main.log')], 10);

    expect(problems.map((problem) => problem.message)).toEqual(['IPC handler failed', 'Navigation blocked']);
    expect(problems[0]).toEqual({ time: '2026-12-05T09:00:03.000Z', level: 'error', tag: 'main', message: 'IPC handler failed' });
  });

  it('merges the files of both processes', async () => {
    await writeFile(join(folder, 'main.log'), `${JSON.stringify({ time: '2026-12-05T09:00:01.000Z', level: 'error', tag: 'main', message: 'first' })}\n`);
    await writeFile(join(folder, 'renderer.log'), `${JSON.stringify({ time: '2026-12-05T09:00:02.000Z', level: 'warn', tag: 'renderer', message: 'second' })}\n`);

    const problems = await readRecentProblems([join(folder, 'main.log'), join(folder, 'renderer.log')], 10);

    expect(problems.map((problem) => problem.tag)).toEqual(['renderer', 'main']);
  });

  it('keeps only the newest entries', async () => {
    const lines = Array.from({ length: 5 }, (_, index) => JSON.stringify({ time: `2026-12-05T09:00:0${String(index)}.000Z`, level: 'warn', tag: 'main', message: `entry ${String(index)}` }));
    await writeFile(join(folder, 'main.log'), `${lines.join('\n')}\n`);

    const problems = await readRecentProblems([join(folder, 'main.log')], 2);

    expect(problems.map((problem) => problem.message)).toEqual(['entry 4', 'entry 3']);
  });

  it('leaves out the context', async () => {
    const logger = createLogger({ filePath: join(folder, 'main.log') });
    logger.warn('Opening a file failed', { cause: '/home/ana/Acme Outsourcing.steerwise: EACCES' });

    const [problem] = await readRecentProblems([join(folder, 'main.log')], 10);

    expect(JSON.stringify(problem)).not.toContain('Acme');
  });

  it('skips missing files and broken lines', async () => {
    await writeFile(join(folder, 'main.log'), 'not json\n{"time": 3}\n\n');

    expect(await readRecentProblems([join(folder, 'main.log'), join(folder, 'main.log.1')], 10)).toEqual([]);
  });
});

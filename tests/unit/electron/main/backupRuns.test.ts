import { describe, expect, it } from 'vitest';
import type { BackupRun } from '../../../../shared/ipc/contract';
import { createBackupRuns } from '../../../../electron/main/backupRuns';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

describe('createBackupRuns', () => {
  it('resolves when the renderer answers', async () => {
    const sent: BackupRun[] = [];
    const runs = createBackupRuns({ logger: createRecordingLogger(), send: (run) => sent.push(run) > 0 });

    const outcome = runs.request('quit', 5_000);
    runs.finish(sent[0]!.requestId);

    await expect(outcome).resolves.toBe('finished');
    expect(sent[0]?.reason).toBe('quit');
  });

  it('times out without an answer', async () => {
    const logger = createRecordingLogger();
    const runs = createBackupRuns({ logger, send: () => true });

    await expect(runs.request('daily', 20)).resolves.toBe('timedOut');
    expect(logger.entries.map((entry) => entry.message)).toEqual(['Backups timed out']);
  });

  it('skips when no window is open', async () => {
    const runs = createBackupRuns({ logger: createRecordingLogger(), send: () => false });

    await expect(runs.request('quit', 5_000)).resolves.toBe('notSent');
  });

  it('ignores an answer to another request', async () => {
    const sent: BackupRun[] = [];
    const runs = createBackupRuns({ logger: createRecordingLogger(), send: (run) => sent.push(run) > 0 });

    const outcome = runs.request('quit', 30);
    runs.finish('not-a-request');

    await expect(outcome).resolves.toBe('timedOut');
  });
});

import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { attachCrashRecovery } from '../../../../electron/main/crashRecovery';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

class FakeWindow extends EventEmitter {
  reloads = 0;
  closed = false;
  destroyed = false;
  /** Calls in order: `crash` for `forcefullyCrashRenderer`, `reload` for `reload`. */
  readonly calls: string[] = [];
  readonly webContents = Object.assign(new EventEmitter(), {
    reload: () => {
      this.reloads += 1;
      this.calls.push('reload');
    },
    // Electron reports the ended process as `render-process-gone` with reason `killed` or `crashed`.
    forcefullyCrashRenderer: () => {
      this.calls.push('crash');
      setTimeout(() => this.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }), 0);
    },
  });
  close(): void {
    this.closed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** Records each dialog and resolves it with the next of `responses`; a dialog without one stays open until aborted. */
function fakeDialog(responses: number[]) {
  const shown: MessageBoxOptions[] = [];
  const showMessageBox = (options: MessageBoxOptions) => {
    shown.push(options);
    const response = responses.shift();
    if (response !== undefined) return Promise.resolve({ response });
    return new Promise<{ response: number }>((resolve) => {
      options.signal?.addEventListener('abort', () => {
        resolve({ response: options.cancelId ?? 0 });
      });
    });
  };
  return { shown, showMessageBox };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('attachCrashRecovery', () => {
  it('reloads after a crash when the user chooses Reload', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([0]);
    const logger = createRecordingLogger();
    attachCrashRecovery(window, dialog.showMessageBox, logger);

    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await settle();

    expect(dialog.shown[0]?.buttons).toEqual(['Reload', 'Close window']);
    expect(dialog.shown[0]?.detail).toContain('your saved data is safe');
    expect(window.reloads).toBe(1);
    expect(logger.entries[0]).toEqual({ tag: 'main', level: 'error', message: 'Renderer process gone', context: { reason: 'crashed', exitCode: 139 } });
  });

  it('closes the window when the user chooses Close', async () => {
    const window = new FakeWindow();
    attachCrashRecovery(window, fakeDialog([1]).showMessageBox, createRecordingLogger());

    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    await settle();

    expect(window.closed).toBe(true);
    expect(window.reloads).toBe(0);
  });

  it('ignores a clean exit', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([0]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());

    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await settle();

    expect(dialog.shown).toEqual([]);
  });

  it('does nothing to a destroyed window', async () => {
    const window = new FakeWindow();
    attachCrashRecovery(window, fakeDialog([0]).showMessageBox, createRecordingLogger());
    window.destroyed = true;

    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    await settle();

    expect(window.reloads).toBe(0);
  });

  it('reloads a hung window on request', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([1]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());

    window.emit('unresponsive');
    await settle();

    expect(dialog.shown[0]?.buttons).toEqual(['Wait', 'Reload']);
    expect(window.reloads).toBe(1);
  });

  it('ends the hung process before reloading', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([1]);
    const logger = createRecordingLogger();
    attachCrashRecovery(window, dialog.showMessageBox, logger);

    window.emit('unresponsive');
    await settle();
    await settle();

    expect(window.calls).toEqual(['crash', 'reload']);
    expect(dialog.shown).toHaveLength(1);
    expect(logger.entries.map((entry) => entry.level)).not.toContain('error');
  });

  it('reports a crash after a hang reload', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([1, 0]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());
    window.emit('unresponsive');
    await settle();
    await settle();

    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await settle();

    expect(dialog.shown.map((options) => options.title)).toEqual(['Steerwise is not responding', 'Steerwise stopped']);
  });

  it('waits for a hung window', async () => {
    const window = new FakeWindow();
    attachCrashRecovery(window, fakeDialog([0]).showMessageBox, createRecordingLogger());

    window.emit('unresponsive');
    await settle();

    expect(window.reloads).toBe(0);
  });

  it('closes the hang dialog when responsive again', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());
    window.emit('unresponsive');

    window.emit('responsive');
    await settle();

    expect(dialog.shown[0]?.signal?.aborted).toBe(true);
    expect(window.reloads).toBe(0);
  });

  it('replaces the hang dialog on a crash', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());

    window.emit('unresponsive');
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await settle();

    expect(dialog.shown.map((options) => options.title)).toEqual(['Steerwise is not responding', 'Steerwise stopped']);
    expect(dialog.shown[0]?.signal?.aborted).toBe(true);
  });

  it('shows one crash dialog at a time', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());

    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    window.emit('unresponsive');
    await settle();

    expect(dialog.shown).toHaveLength(1);
  });

  it('opens one hang dialog for two hangs', async () => {
    const window = new FakeWindow();
    const dialog = fakeDialog([]);
    attachCrashRecovery(window, dialog.showMessageBox, createRecordingLogger());

    window.emit('unresponsive');
    window.emit('unresponsive');
    window.emit('responsive');
    await settle();

    expect(dialog.shown).toHaveLength(1);
    expect(dialog.shown[0]?.signal?.aborted).toBe(true);
  });
});

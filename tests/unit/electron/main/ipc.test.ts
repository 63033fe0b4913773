import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/errors';
import { ipcChannels, maxOpenFileBytes } from '../../../../shared/ipc/contract';
import type { OpenFileRequest, PrintToPdfRequest, SaveFileRequest } from '../../../../shared/ipc/contract';
import { registerIpcHandlers } from '../../../../electron/main/ipc';
import type { FileDialogs, IpcSenderEvent, PdfPrintOptions } from '../../../../electron/main/ipc';
import { createRecordingLogger } from '../../../support/node/recordingLogger';
import { errorOf, valueOf } from '../../../support/node/results';

const appPageUrl = 'file:///opt/steerwise/out/renderer/index.html';
const appSender: IpcSenderEvent = { senderFrame: { url: `${appPageUrl}#/kpis` } };
const foreignSender: IpcSenderEvent = { senderFrame: { url: 'https://example.com/' } };

type InvokeListener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;
type SendListener = (event: IpcSenderEvent, ...args: unknown[]) => void;

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-ipc-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Registers the handlers on a fake `ipcMain` with recording dialogs and logger. */
function setUp(dialogChoice: { openPath?: string; savePath?: string; dialogError?: Error } = {}) {
  const invokeListeners = new Map<string, InvokeListener>();
  const sendListeners = new Map<string, SendListener>();
  const openDialogCalls: OpenDialogOptions[] = [];
  const saveDialogCalls: SaveDialogOptions[] = [];
  const logger = createRecordingLogger();
  let readyMessages = 0;
  const portfolioFilesUsed: string[] = [];
  const recentFilesOpened: string[] = [];
  const openedPaths: string[] = [];
  const clipboardTexts: string[] = [];

  const dialogs: FileDialogs = {
    showOpenDialog: (options) => {
      openDialogCalls.push(options);
      if (dialogChoice.dialogError) return Promise.reject(dialogChoice.dialogError);
      const path = dialogChoice.openPath;
      return Promise.resolve(path === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] });
    },
    showSaveDialog: (options) => {
      saveDialogCalls.push(options);
      const path = dialogChoice.savePath;
      return Promise.resolve(path === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: path });
    },
  };

  registerIpcHandlers({
    ipcMain: {
      handle: (channel, listener) => {
        invokeListeners.set(channel, listener);
      },
      on: (channel, listener) => {
        sendListeners.set(channel, listener);
      },
    },
    dialogs,
    isAppPage: (url) => url.split('#')[0] === appPageUrl,
    appVersion: '1.2.3',
    logger,
    defaultSaveFolder: folder,
    backupsFolder: join(folder, 'backups'),
    logsFolder: join(folder, 'logs'),
    logFiles: [join(folder, 'logs', 'main.log'), join(folder, 'logs', 'renderer.log')],
    versions: { app: '1.2.3', electron: '41.10.7' },
    openPath: (path) => {
      openedPaths.push(path);
      return Promise.resolve(path.includes('missing') ? 'Failed to open path' : '');
    },
    writeClipboardText: (text) => {
      clipboardTexts.push(text);
    },
    onOpenFileRequestsReady: () => {
      readyMessages += 1;
    },
    onPortfolioFileUsed: (path) => {
      portfolioFilesUsed.push(path);
    },
    recentFiles: {
      list: () => ['/home/ana/q3.steerwise'],
      open: (path) => {
        recentFilesOpened.push(path);
      },
    },
  });

  const invoke = async (channel: string, event: IpcSenderEvent, ...args: unknown[]): Promise<Result<unknown>> => {
    const listener = invokeListeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return (await listener(event, ...args)) as Result<unknown>;
  };
  const send = (channel: string, event: IpcSenderEvent, ...args: unknown[]): void => {
    const listener = sendListeners.get(channel);
    if (listener === undefined) throw new Error(`no listener for ${channel}`);
    listener(event, ...args);
  };
  return { invokeListeners, sendListeners, openDialogCalls, saveDialogCalls, logger, invoke, send, readyMessages: () => readyMessages, portfolioFilesUsed, recentFilesOpened, openedPaths, clipboardTexts };
}

const openRequest: OpenFileRequest = { title: 'Import measurements', filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 1024 };
const saveRequest = (bytes: Uint8Array): SaveFileRequest => ({
  title: 'Export portfolio',
  suggestedName: 'acme.steerwise',
  filters: [{ name: 'Steerwise portfolio', extensions: ['steerwise'] }],
  bytes,
});

describe('registerIpcHandlers', () => {
  it('registers every channel once', () => {
    const { invokeListeners, sendListeners } = setUp();

    expect([...invokeListeners.keys(), ...sendListeners.keys()].sort()).toEqual(Object.values(ipcChannels).sort());
    expect([...sendListeners.keys()].sort()).toEqual([ipcChannels.log, ipcChannels.openFileRequestsReady, ipcChannels.finishBackups].sort());
  });

  it('passes the ready message of the app page on', () => {
    const { send, readyMessages } = setUp();

    send(ipcChannels.openFileRequestsReady, appSender);

    expect(readyMessages()).toBe(1);
  });

  it('drops a ready message with arguments', () => {
    const { send, readyMessages, logger } = setUp();

    send(ipcChannels.openFileRequestsReady, appSender, '/etc/passwd');

    expect(readyMessages()).toBe(0);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['IPC message with invalid arguments rejected']);
  });
});

/** Valid arguments of every invoke channel, so the sender check is tested on each one. */
const validInvokeArguments: Readonly<Record<string, readonly unknown[]>> = {
  [ipcChannels.openFile]: [openRequest],
  [ipcChannels.saveFile]: [saveRequest(new Uint8Array([1]))],
  [ipcChannels.appInfo]: [],
  [ipcChannels.recentFiles]: [],
  [ipcChannels.openRecentFile]: ['/home/ana/q3.steerwise'],
  [ipcChannels.listBackups]: [],
  [ipcChannels.saveBackup]: [{ portfolioId: '019c1d94-8000-7000-8000-000000000001', portfolioName: 'North', contentKey: 'k', bytes: new Uint8Array([1]) }],
  [ipcChannels.readBackup]: ['019c1d94-8000-7000-8000-000000000001', 'backup-2026-12-05T10-38-00-123Z.steerwise'],
  [ipcChannels.openLogsFolder]: [],
  [ipcChannels.diagnosticsInfo]: [],
  [ipcChannels.copyText]: ['text'],
  [ipcChannels.printToPdf]: [{ title: 'Save', suggestedName: 'pack.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], pageSize: 'A4', landscape: false }],
};

describe('IPC sender check', () => {
  it('covers every invoke channel', () => {
    const { invokeListeners } = setUp();

    expect(Object.keys(validInvokeArguments).sort()).toEqual([...invokeListeners.keys()].sort());
  });

  it.each(Object.entries(validInvokeArguments))('rejects a foreign sender on %s', async (channel, args) => {
    const { invoke, openDialogCalls, saveDialogCalls, openedPaths, clipboardTexts, recentFilesOpened } = setUp({ openPath: '/etc/hostname', savePath: join(folder, 'x') });

    const result = await invoke(channel, foreignSender, ...args);

    expect(errorOf(result).code).toBe('ipc.forbiddenSender');
    expect(errorOf(result).detail).toEqual({ channel, url: 'https://example.com/' });
    expect(openDialogCalls).toHaveLength(0);
    expect(saveDialogCalls).toHaveLength(0);
    expect(openedPaths).toHaveLength(0);
    expect(clipboardTexts).toHaveLength(0);
    expect(recentFilesOpened).toHaveLength(0);
  });

  it('rejects a sender without a frame', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.appInfo, { senderFrame: null });

    expect(errorOf(result).code).toBe('ipc.forbiddenSender');
  });

  it('ignores a ready message from a foreign sender', () => {
    const { send, readyMessages, logger } = setUp();

    send(ipcChannels.openFileRequestsReady, foreignSender);

    expect(readyMessages()).toBe(0);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['IPC message from a foreign sender rejected']);
  });

  it('ignores a log entry from a foreign sender', () => {
    const { send, logger } = setUp();

    send(ipcChannels.log, foreignSender, { level: 'error', message: 'forged entry' });

    expect(logger.entries.map((entry) => entry.message)).toEqual(['IPC message from a foreign sender rejected']);
  });
});

describe('IPC argument validation', () => {
  it.each([
    ['a limit above the app maximum', [{ ...openRequest, maxBytes: maxOpenFileBytes + 1 }], '0.maxBytes'],
    ['a fractional limit', [{ ...openRequest, maxBytes: 10.5 }], '0.maxBytes'],
    ['an unknown key', [{ ...openRequest, defaultPath: '/etc' }], '0'],
    ['an extension with a dot', [{ ...openRequest, filters: [{ name: 'CSV', extensions: ['.csv'] }] }], '0.filters.0.extensions.0'],
    ['a missing request', [], 'arguments'],
    ['an extra argument', [openRequest, 'extra'], 'arguments'],
  ])('rejects %s on open-file', async (_case, args, field) => {
    const { invoke, openDialogCalls } = setUp({ openPath: '/etc/hostname' });

    const result = await invoke(ipcChannels.openFile, appSender, ...args);

    expect(errorOf(result).code).toBe('ipc.invalidArgument');
    expect(errorOf(result).detail?.['field']).toBe(field);
    expect(errorOf(result).detail?.['channel']).toBe(ipcChannels.openFile);
    expect(openDialogCalls).toHaveLength(0);
  });

  it.each([
    ['a name with a folder', { ...saveRequest(new Uint8Array([1])), suggestedName: '../../.bashrc' }, '0.suggestedName'],
    ['a Windows folder', { ...saveRequest(new Uint8Array([1])), suggestedName: 'C:\\Users\\x.steerwise' }, '0.suggestedName'],
    ['bytes as an array', { ...saveRequest(new Uint8Array([1])), bytes: [1, 2, 3] }, '0.bytes'],
  ])('rejects %s on save-file', async (_case, request, field) => {
    const { invoke, saveDialogCalls } = setUp({ savePath: join(folder, 'out.steerwise') });

    const result = await invoke(ipcChannels.saveFile, appSender, request);

    expect(errorOf(result).code).toBe('ipc.invalidArgument');
    expect(errorOf(result).detail?.['field']).toBe(field);
    expect(saveDialogCalls).toHaveLength(0);
  });

  it('rejects an argument to app-info', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.appInfo, appSender, 'extra');

    expect(errorOf(result).code).toBe('ipc.invalidArgument');
  });

  it('drops a malformed log entry', () => {
    const { send, logger } = setUp();

    send(ipcChannels.log, appSender, { level: 'fatal', message: 'x' });

    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]?.message).toBe('IPC message with invalid arguments rejected');
    expect(logger.entries[0]?.context?.['field']).toBe('0.level');
  });
});

describe('open-file handler', () => {
  it('passes title and filters to the dialog', async () => {
    const { invoke, openDialogCalls } = setUp();

    await invoke(ipcChannels.openFile, appSender, openRequest);

    expect(openDialogCalls).toEqual([
      { title: 'Import measurements', filters: [{ name: 'CSV', extensions: ['csv'] }], properties: ['openFile'] },
    ]);
  });

  it('reads the chosen file', async () => {
    const path = join(folder, 'calls.csv');
    await writeFile(path, 'period,calls\n');
    const { invoke } = setUp({ openPath: path });

    const result = await invoke(ipcChannels.openFile, appSender, openRequest);

    const value = valueOf(result) as { name: string; bytes: Uint8Array };
    expect(value.name).toBe('calls.csv');
    expect(new TextDecoder().decode(value.bytes)).toBe('period,calls\n');
  });

  it('returns null when the user cancels', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.openFile, appSender, openRequest);

    expect(result).toEqual({ ok: true, value: null });
  });

  it('applies the requested size limit', async () => {
    const path = join(folder, 'big.csv');
    await writeFile(path, new Uint8Array(2048));
    const { invoke } = setUp({ openPath: path });

    const result = await invoke(ipcChannels.openFile, appSender, openRequest);

    expect(errorOf(result).code).toBe('file.tooLarge');
    expect(errorOf(result).detail).toEqual({ file: 'big.csv', sizeBytes: 2048, maxBytes: 1024 });
  });

  it('turns a failing dialog into an unexpected error', async () => {
    const { invoke, logger } = setUp({ dialogError: new Error('dialog crashed') });

    const result = await invoke(ipcChannels.openFile, appSender, openRequest);

    expect(errorOf(result).code).toBe('unexpected');
    expect(errorOf(result).cause).toContain('dialog crashed');
    expect(logger.entries.map((entry) => entry.level)).toEqual(['error']);
  });
});

describe('recent portfolio files', () => {
  it('reports an opened portfolio file', async () => {
    const path = join(folder, 'q3.steerwise');
    await writeFile(path, 'PK');
    const { invoke, portfolioFilesUsed } = setUp({ openPath: path });

    await invoke(ipcChannels.openFile, appSender, { ...openRequest, filters: [{ name: 'Steerwise portfolio', extensions: ['steerwise'] }] });

    expect(portfolioFilesUsed).toEqual([path]);
  });

  it('skips an opened CSV file', async () => {
    const path = join(folder, 'calls.csv');
    await writeFile(path, 'a,b\n');
    const { invoke, portfolioFilesUsed } = setUp({ openPath: path });

    await invoke(ipcChannels.openFile, appSender, openRequest);

    expect(portfolioFilesUsed).toEqual([]);
  });

  it('reports a saved portfolio file', async () => {
    const path = join(folder, 'acme.steerwise');
    const { invoke, portfolioFilesUsed } = setUp({ savePath: path });

    await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(portfolioFilesUsed).toEqual([path]);
  });
});

describe('recent files handlers', () => {
  it('lists paths with their names', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.recentFiles, appSender);

    expect(valueOf(result)).toEqual([{ path: '/home/ana/q3.steerwise', name: 'q3.steerwise' }]);
  });

  it('opens a listed file', async () => {
    const { invoke, recentFilesOpened } = setUp();

    const result = await invoke(ipcChannels.openRecentFile, appSender, '/home/ana/q3.steerwise');

    expect(result.ok).toBe(true);
    expect(recentFilesOpened).toEqual(['/home/ana/q3.steerwise']);
  });

  it('rejects a path not on the list', async () => {
    const { invoke, recentFilesOpened } = setUp();

    const result = await invoke(ipcChannels.openRecentFile, appSender, '/etc/shadow');

    expect(errorOf(result).code).toBe('ipc.invalidArgument');
    expect(recentFilesOpened).toEqual([]);
  });
});

describe('backup handlers', () => {
  const backup = { portfolioId: '019c1d94-8000-7000-8000-000000000001', portfolioName: 'North', contentKey: 'k1', bytes: new Uint8Array([0x50, 0x4b]) };

  it('writes a backup and lists it', async () => {
    const { invoke } = setUp();

    const saved = await invoke(ipcChannels.saveBackup, appSender, backup);
    const listed = await invoke(ipcChannels.listBackups, appSender);

    const entry = valueOf(saved) as { fileName: string };
    expect((valueOf(listed) as { backups: { fileName: string }[] }).backups.map((item) => item.fileName)).toEqual([entry.fileName]);
    expect(await readdir(join(folder, 'backups', backup.portfolioId))).toContain(entry.fileName);
  });

  it('reads a written backup back', async () => {
    const { invoke } = setUp();
    const entry = valueOf(await invoke(ipcChannels.saveBackup, appSender, backup)) as { fileName: string };

    const read = await invoke(ipcChannels.readBackup, appSender, backup.portfolioId, entry.fileName);

    expect((valueOf(read) as { bytes: Uint8Array }).bytes).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it('rejects a backup with an extra field', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.saveBackup, appSender, { ...backup, folder: '/tmp' });

    expect(errorOf(result).code).toBe('ipc.invalidArgument');
  });

  it('rejects a backup from a foreign sender', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.saveBackup, foreignSender, backup);

    expect(errorOf(result).code).toBe('ipc.forbiddenSender');
    await expect(readdir(join(folder, 'backups'))).rejects.toThrow('ENOENT');
  });
});

describe('logs and diagnostics handlers', () => {
  it('opens the logs folder', async () => {
    const { invoke, openedPaths } = setUp();

    const result = await invoke(ipcChannels.openLogsFolder, appSender);

    expect(result.ok).toBe(true);
    expect(openedPaths).toEqual([join(folder, 'logs')]);
  });

  it('returns versions and recent problems', async () => {
    await mkdir(join(folder, 'logs'));
    await writeFile(join(folder, 'logs', 'renderer.log'), `${JSON.stringify({ time: '2026-12-05T09:00:00.000Z', level: 'error', tag: 'renderer', message: 'Render failed' })}\n`);
    const { invoke } = setUp();

    const info = valueOf(await invoke(ipcChannels.diagnosticsInfo, appSender));

    expect(info).toEqual({
      versions: { app: '1.2.3', electron: '41.10.7' },
      recentProblems: [{ time: '2026-12-05T09:00:00.000Z', level: 'error', tag: 'renderer', message: 'Render failed' }],
    });
  });

  it('copies text to the clipboard', async () => {
    const { invoke, clipboardTexts } = setUp();

    await invoke(ipcChannels.copyText, appSender, 'Steerwise diagnostics');

    expect(clipboardTexts).toEqual(['Steerwise diagnostics']);
  });

});

describe('save-file handler', () => {
  it('suggests the name in the default folder', async () => {
    const { invoke, saveDialogCalls } = setUp();

    await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(saveDialogCalls).toEqual([
      {
        title: 'Export portfolio',
        defaultPath: join(folder, 'acme.steerwise'),
        filters: [{ name: 'Steerwise portfolio', extensions: ['steerwise'] }],
      },
    ]);
  });

  it('writes the bytes to the chosen path', async () => {
    const path = join(folder, 'chosen.steerwise');
    const { invoke } = setUp({ savePath: path });

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([80, 75, 3, 4])));

    expect(result).toEqual({ ok: true, value: { name: path } });
    expect([...(await readFile(path))]).toEqual([80, 75, 3, 4]);
  });

  it('writes nothing when the user cancels', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(result).toEqual({ ok: true, value: null });
    expect(await readdir(folder)).toEqual([]);
  });

  it('adds the missing extension before writing', async () => {
    const { invoke } = setUp({ savePath: join(folder, 'chosen') });

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([80, 75, 3, 4])));

    expect(result).toEqual({ ok: true, value: { name: join(folder, 'chosen.steerwise') } });
    expect([...(await readFile(join(folder, 'chosen.steerwise')))]).toEqual([80, 75, 3, 4]);
    expect(await readdir(folder)).toEqual(['chosen.steerwise']);
  });

  it('rejects a folder and writes nothing', async () => {
    await mkdir(join(folder, 'exports.steerwise'));
    const { invoke, logger } = setUp({ savePath: join(folder, 'exports.steerwise') });

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file: 'exports.steerwise', reason: 'folder' });
    expect(await readdir(folder)).toEqual(['exports.steerwise']);
    expect(await readdir(join(folder, 'exports.steerwise'))).toEqual([]);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['Save path rejected']);
    expect(logger.entries[0]?.context?.['path']).toBe(join(folder, 'exports.steerwise'));
  });

  it('rejects a relative path from the dialog', async () => {
    const { invoke } = setUp({ savePath: 'chosen.steerwise' });

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(errorOf(result).code).toBe('file.invalidPath');
    expect(errorOf(result).detail).toEqual({ file: 'chosen.steerwise', reason: 'notAbsolute' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps a file the user did not choose', async () => {
    await writeFile(join(folder, 'chosen.steerwise'), 'older export');
    const { invoke } = setUp({ savePath: join(folder, 'chosen') });

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(errorOf(result).detail).toEqual({ file: 'chosen.steerwise', reason: 'exists', extension: 'steerwise' });
    expect(await readFile(join(folder, 'chosen.steerwise'), 'utf8')).toBe('older export');
  });

  it('reports a failed write', async () => {
    const path = join(folder, 'missing-folder', 'chosen.steerwise');
    const { invoke } = setUp({ savePath: path });

    const result = await invoke(ipcChannels.saveFile, appSender, saveRequest(new Uint8Array([1])));

    expect(errorOf(result).code).toBe('file.writeFailed');
    expect(errorOf(result).detail).toEqual({ file: 'chosen.steerwise' });
  });
});

const pdfRequest: PrintToPdfRequest = {
  title: 'Save the pack as PDF',
  suggestedName: 'pack.pdf',
  filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  pageSize: 'Letter',
  landscape: true,
};

/** An app page whose `printToPDF` records its options and returns `bytes`. */
function printingSender(bytes: Uint8Array) {
  const calls: PdfPrintOptions[] = [];
  const event: IpcSenderEvent = {
    ...appSender,
    sender: {
      printToPDF: (options) => {
        calls.push(options);
        return Promise.resolve(bytes);
      },
    },
  };
  return { event, calls };
}

describe('print-to-pdf handler', () => {
  it('prints with the CSS page size preferred', async () => {
    const { invoke } = setUp({ savePath: join(folder, 'pack.pdf') });
    const { event, calls } = printingSender(new Uint8Array([37, 80, 68, 70]));

    await invoke(ipcChannels.printToPdf, event, pdfRequest);

    expect(calls).toEqual([{ pageSize: 'Letter', landscape: true, printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true }]);
  });

  it('writes the PDF to the chosen path', async () => {
    const path = join(folder, 'pack.pdf');
    const { invoke } = setUp({ savePath: path });
    const { event } = printingSender(new Uint8Array([37, 80, 68, 70]));

    const result = await invoke(ipcChannels.printToPdf, event, pdfRequest);

    expect(result).toEqual({ ok: true, value: { name: path } });
    expect([...(await readFile(path))]).toEqual([37, 80, 68, 70]);
  });

  it('prints nothing when the user cancels', async () => {
    const { invoke } = setUp();
    const { event, calls } = printingSender(new Uint8Array([1]));

    const result = await invoke(ipcChannels.printToPdf, event, pdfRequest);

    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([]);
  });

  it('rejects an unknown paper size', async () => {
    const { invoke, saveDialogCalls } = setUp({ savePath: join(folder, 'pack.pdf') });
    const { event } = printingSender(new Uint8Array([1]));

    const result = await invoke(ipcChannels.printToPdf, event, { ...pdfRequest, pageSize: 'A0' });

    expect(errorOf(result).code).toBe('ipc.invalidArgument');
    expect(saveDialogCalls).toEqual([]);
  });

  it('rejects a foreign sender', async () => {
    const { invoke } = setUp({ savePath: join(folder, 'pack.pdf') });
    const { calls } = printingSender(new Uint8Array([1]));

    const result = await invoke(ipcChannels.printToPdf, { ...foreignSender, sender: { printToPDF: () => Promise.resolve(new Uint8Array()) } }, pdfRequest);

    expect(errorOf(result).code).toBe('ipc.forbiddenSender');
    expect(calls).toEqual([]);
  });
});

describe('app-info handler', () => {
  it('returns the version and host', async () => {
    const { invoke } = setUp();

    const result = await invoke(ipcChannels.appInfo, appSender);

    expect(result).toEqual({ ok: true, value: { version: '1.2.3', host: 'electron' } });
  });
});

describe('log listener', () => {
  it('writes the entry with the renderer tag', () => {
    const { send, logger } = setUp();

    send(ipcChannels.log, appSender, { level: 'warn', message: 'Import cancelled', context: { rows: 12 } });

    expect(logger.entries).toEqual([{ tag: 'renderer', level: 'warn', message: 'Import cancelled', context: { rows: 12 } }]);
  });
});

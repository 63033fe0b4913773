import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/errors';
import type { OpenedFile } from '../../../../shared/ipc/contract';
import {
  createFileOpenRouter,
  extractPortfolioFilePaths,
  registerFileOpeningEvents,
} from '../../../../electron/main/fileOpening';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

const packagedLinux = { isPackaged: true, workingDirectory: '/home/ana', platform: 'linux' } as const;

describe('extractPortfolioFilePaths', () => {
  it('takes a Linux path after the executable', () => {
    const paths = extractPortfolioFilePaths(['/opt/Steerwise/steerwise', '/home/ana/q3.steerwise'], packagedLinux);

    expect(paths).toEqual(['/home/ana/q3.steerwise']);
  });

  it('resolves a relative path against the working directory', () => {
    const paths = extractPortfolioFilePaths(['/opt/Steerwise/steerwise', 'reviews/q3.steerwise'], packagedLinux);

    expect(paths).toEqual(['/home/ana/reviews/q3.steerwise']);
  });

  it('converts a file URL from a Linux file manager', () => {
    const paths = extractPortfolioFilePaths(['/opt/Steerwise/steerwise', 'file:///home/ana/Q3%20review.steerwise'], packagedLinux);

    expect(paths).toEqual(['/home/ana/Q3 review.steerwise']);
  });

  it('takes a Windows path with a drive letter', () => {
    const layout = { isPackaged: true, workingDirectory: 'C:\\Users\\ana', platform: 'win32' } as const;

    const paths = extractPortfolioFilePaths(['C:\\Program Files\\Steerwise\\Steerwise.exe', 'D:\\Shared\\Q3.STEERWISE'], layout);

    expect(paths).toEqual(['D:\\Shared\\Q3.STEERWISE']);
  });

  it('resolves a relative Windows path', () => {
    const layout = { isPackaged: true, workingDirectory: 'C:\\Users\\ana', platform: 'win32' } as const;

    const paths = extractPortfolioFilePaths(['C:\\Program Files\\Steerwise\\Steerwise.exe', 'q3.steerwise'], layout);

    expect(paths).toEqual(['C:\\Users\\ana\\q3.steerwise']);
  });

  it('skips the macOS process serial number', () => {
    const layout = { isPackaged: true, workingDirectory: '/', platform: 'darwin' } as const;

    const paths = extractPortfolioFilePaths(['/Applications/Steerwise.app/Contents/MacOS/Steerwise', '-psn_0_123456'], layout);

    expect(paths).toEqual([]);
  });

  it('skips Chromium switches of a second instance', () => {
    const argv = [
      '/opt/Steerwise/steerwise',
      '--allow-file-access-from-files',
      '--original-process-start-time=13380000000000000',
      '/home/ana/q3.steerwise',
    ];

    expect(extractPortfolioFilePaths(argv, packagedLinux)).toEqual(['/home/ana/q3.steerwise']);
  });

  it('skips the app path when unpackaged', () => {
    const layout = { isPackaged: false, workingDirectory: '/src/steerwise', platform: 'linux' } as const;

    const paths = extractPortfolioFilePaths(['/src/steerwise/node_modules/electron/dist/electron', 'old.steerwise', 'q3.steerwise'], layout);

    expect(paths).toEqual(['/src/steerwise/q3.steerwise']);
  });

  it('ignores other files and URLs', () => {
    const argv = ['/opt/Steerwise/steerwise', '/home/ana/calls.csv', 'https://example.com/q3.steerwise', 'steerwise'];

    expect(extractPortfolioFilePaths(argv, packagedLinux)).toEqual([]);
  });

  it('drops repeated paths', () => {
    const argv = ['/opt/Steerwise/steerwise', 'q3.steerwise', '/home/ana/q3.steerwise'];

    expect(extractPortfolioFilePaths(argv, packagedLinux)).toEqual(['/home/ana/q3.steerwise']);
  });
});

describe('createFileOpenRouter', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'steerwise-open-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function setUp() {
    const sent: Result<OpenedFile>[] = [];
    const read: string[] = [];
    const logger = createRecordingLogger();
    const router = createFileOpenRouter({
      logger,
      send: (file) => {
        sent.push(file);
      },
      onFileRead: (path) => {
        read.push(path);
      },
    });
    return { router, sent, read, logger };
  }

  it('queues files until the renderer is ready', async () => {
    const path = join(folder, 'q3.steerwise');
    await writeFile(path, 'PK');
    const { router, sent } = setUp();

    router.open([path]);
    await router.idle();
    expect(sent).toEqual([]);

    router.markRendererReady();
    await router.idle();
    expect(sent).toEqual([{ ok: true, value: { name: 'q3.steerwise', bytes: new Uint8Array([0x50, 0x4b]) } }]);
  });

  it('sends at once when the renderer is ready', async () => {
    const path = join(folder, 'q3.steerwise');
    await writeFile(path, 'PK');
    const { router, sent, read } = setUp();
    router.markRendererReady();

    router.open([path]);
    await router.idle();

    expect(sent).toHaveLength(1);
    expect(read).toEqual([path]);
  });

  it('keeps the order files were opened in', async () => {
    const first = join(folder, 'a.steerwise');
    const second = join(folder, 'b.steerwise');
    await writeFile(first, 'first');
    await writeFile(second, 'second');
    const { router, sent } = setUp();

    router.open([first]);
    router.open([second]);
    router.markRendererReady();
    await router.idle();

    expect(sent.map((file) => (file.ok ? file.value.name : file.error.code))).toEqual(['a.steerwise', 'b.steerwise']);
  });

  it('queues again after a reload', async () => {
    const path = join(folder, 'q3.steerwise');
    await writeFile(path, 'PK');
    const { router, sent } = setUp();
    router.markRendererReady();
    router.markRendererNotReady();

    router.open([path]);
    await router.idle();
    expect(sent).toHaveLength(0);

    router.markRendererReady();
    await router.idle();
    expect(sent).toHaveLength(1);
  });

  it('sends a missing file as notFound', async () => {
    const { router, sent, read, logger } = setUp();
    router.markRendererReady();

    router.open([join(folder, 'gone.steerwise')]);
    await router.idle();

    expect(sent).toHaveLength(1);
    expect(sent[0]?.ok).toBe(false);
    expect(sent[0]?.ok === false ? sent[0].error.code : '').toBe('file.notFound');
    expect(sent[0]?.ok === false ? sent[0].error.detail : {}).toEqual({ file: 'gone.steerwise' });
    expect(read).toEqual([]);
    expect(logger.entries.map((entry) => entry.level)).toEqual(['warn']);
  });

  it('sends an empty file as empty', async () => {
    const path = join(folder, 'empty.steerwise');
    await writeFile(path, '');
    const { router, sent } = setUp();
    router.markRendererReady();

    router.open([path]);
    await router.idle();

    expect(sent[0]).toEqual({ ok: false, error: { code: 'file.empty', detail: { file: 'empty.steerwise' } } });
  });
});

describe('registerFileOpeningEvents', () => {
  function setUp(platform: NodeJS.Platform) {
    const app = new EventEmitter();
    const opened: string[][] = [];
    let showCount = 0;
    registerFileOpeningEvents({
      app,
      router: {
        open: (paths) => {
          opened.push([...paths]);
        },
        markRendererReady: () => undefined,
        markRendererNotReady: () => undefined,
        idle: () => Promise.resolve(),
      },
      isPackaged: true,
      platform,
      showWindow: () => {
        showCount += 1;
      },
    });
    return { app, opened, shownCount: () => showCount };
  }

  it('opens the file of a second launch', () => {
    const { app, opened, shownCount } = setUp('linux');

    app.emit('second-instance', {}, ['/opt/Steerwise/steerwise', '--no-sandbox', 'q3.steerwise'], '/home/ana');

    expect(opened).toEqual([['/home/ana/q3.steerwise']]);
    expect(shownCount()).toBe(1);
  });

  it('shows the window on a second launch without a file', () => {
    const { app, opened, shownCount } = setUp('linux');

    app.emit('second-instance', {}, ['/opt/Steerwise/steerwise'], '/home/ana');

    expect(opened).toEqual([[]]);
    expect(shownCount()).toBe(1);
  });

  it('opens the file of macOS open-file', () => {
    const { app, opened } = setUp('darwin');
    let prevented = false;

    app.emit('open-file', { preventDefault: () => (prevented = true) }, '/Users/ana/Q3.steerwise');

    expect(prevented).toBe(true);
    expect(opened).toEqual([['/Users/ana/Q3.steerwise']]);
  });

  it('ignores open-file of another type', () => {
    const { app, opened, shownCount } = setUp('darwin');

    app.emit('open-file', { preventDefault: () => undefined }, '/Users/ana/calls.csv');

    expect(opened).toEqual([]);
    expect(shownCount()).toBe(1);
  });
});

/**
 * Opening `.steerwise` files handed to the app by the operating system: on the command line of
 * the first launch, on the command line of a second launch (Electron's `second-instance`), or
 * through macOS's `open-file` event. Paths are queued until the renderer listens, then read
 * with the app's file limits and sent to it one by one.
 */
import { fileURLToPath } from 'node:url';
import { posix, win32 } from 'node:path';
import type { Result } from '../../shared/errors';
import { maxOpenFileBytes } from '../../shared/ipc/contract';
import type { OpenedFile } from '../../shared/ipc/contract';
import { readFileLimited } from './files';
import type { Logger } from './logger';

export const portfolioFileExtension = '.steerwise';

export interface ArgvLayout {
  /**
   * Whether the app runs from an installed package. A packaged app's argv is
   * `[executable, ...arguments]`; an unpackaged one started as `electron .` has the app path as
   * a second entry: `[electron, appPath, ...arguments]`.
   */
  readonly isPackaged: boolean;
  /** Folder relative paths are resolved against: `process.cwd()`, or the second launch's own folder. */
  readonly workingDirectory: string;
  /** `process.platform`; decides whether paths are Windows or POSIX paths. */
  readonly platform: NodeJS.Platform;
}

/**
 * Returns the absolute paths of the `.steerwise` files named in `argv`, in order and without
 * repeats. Flags are skipped: Chromium adds its own switches (for example
 * `--allow-file-access-from-files`) to a second instance's argv, and macOS may pass `-psn_…`.
 * Linux file managers may pass `file://` URLs, because the desktop entry uses `%U`.
 */
export function extractPortfolioFilePaths(argv: readonly string[], layout: ArgvLayout): string[] {
  const path = layout.platform === 'win32' ? win32 : posix;
  const firstArgument = layout.isPackaged ? 1 : 2;
  const paths: string[] = [];

  for (const argument of argv.slice(firstArgument)) {
    if (argument.startsWith('-')) {
      continue;
    }
    const filePath = toFilePath(argument, layout.platform);
    if (filePath === undefined || !filePath.toLowerCase().endsWith(portfolioFileExtension)) {
      continue;
    }
    const absolute = path.resolve(layout.workingDirectory, filePath);
    if (!paths.includes(absolute)) {
      paths.push(absolute);
    }
  }
  return paths;
}

/** Converts a `file://` URL to a path; other URLs are not files and give `undefined`. */
function toFilePath(argument: string, platform: NodeJS.Platform): string | undefined {
  if (argument.startsWith('file://')) {
    try {
      return fileURLToPath(argument, { windows: platform === 'win32' });
    } catch {
      return undefined;
    }
  }
  // A Windows drive path such as `C:\…` also parses as a URL, so only schemes of two letters or more count.
  if (/^[a-z][a-z0-9+.-]+:/i.test(argument)) {
    return undefined;
  }
  return argument;
}

export interface FileOpenRouterOptions {
  /** Sends one read outcome to the renderer on `ipcEvents.openFileRequest`. */
  readonly send: (file: Result<OpenedFile>) => void;
  readonly logger: Logger;
  readonly readFile?: (path: string, maxBytes: number) => Promise<Result<OpenedFile>>;
  /** Called with the path of every file read successfully, for the recent files list. */
  readonly onFileRead?: (path: string) => void;
}

export interface FileOpenRouter {
  /** Queues `paths`, and sends them at once when the renderer listens. */
  open(paths: readonly string[]): void;
  /** The renderer listens: sends the queued files, in the order they were queued. */
  markRendererReady(): void;
  /** The page is reloading or gone: files queue again until it listens anew. */
  markRendererNotReady(): void;
  /** Resolves when every file queued or being sent so far has been sent. */
  idle(): Promise<void>;
}

/** Creates the queue between the OS's requests to open files and the renderer. */
export function createFileOpenRouter(options: FileOpenRouterOptions): FileOpenRouter {
  const readFile = options.readFile ?? readFileLimited;
  const queue: string[] = [];
  let rendererReady = false;
  // Reads run one after another, so the renderer receives files in the order they were opened.
  let sending: Promise<void> = Promise.resolve();

  const sendOne = async (path: string): Promise<void> => {
    const read = await readFile(path, maxOpenFileBytes);
    if (read.ok) {
      options.logger.info('File opened from the operating system', { file: read.value.name, sizeBytes: read.value.bytes.byteLength });
      options.onFileRead?.(path);
    } else {
      options.logger.warn('Opening a file from the operating system failed', { code: read.error.code, cause: read.error.cause ?? '' });
    }
    options.send(read);
  };

  const flush = (): void => {
    while (rendererReady && queue.length > 0) {
      const path = queue.shift();
      if (path !== undefined) {
        sending = sending.then(() => sendOne(path)).catch((error: unknown) => {
          options.logger.error('Sending an opened file to the renderer failed', { cause: error instanceof Error ? error.message : String(error) });
        });
      }
    }
  };

  return {
    open: (paths) => {
      queue.push(...paths);
      flush();
    },
    markRendererReady: () => {
      rendererReady = true;
      flush();
    },
    markRendererNotReady: () => {
      rendererReady = false;
    },
    idle: () => sending,
  };
}

/** The part of Electron's `app` the file-opening events come from. */
export interface FileOpeningApp {
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

export interface FileOpeningEventsOptions {
  readonly app: FileOpeningApp;
  readonly router: FileOpenRouter;
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Shows the app's window, creating it when none exists, and brings it to the front. */
  readonly showWindow: () => void;
}

/**
 * Routes the second launch's argv and macOS's `open-file` to `router`. Register it before the
 * app is ready: macOS sends `open-file` for a double-clicked file before `ready`. The first
 * launch's own argv is passed to `router.open` by the caller.
 */
export function registerFileOpeningEvents(options: FileOpeningEventsOptions): void {
  const { app, router } = options;

  app.on('second-instance', (_event, argv, workingDirectory) => {
    router.open(extractPortfolioFilePaths(argv, { isPackaged: options.isPackaged, workingDirectory, platform: options.platform }));
    options.showWindow();
  });

  app.on('open-file', (event, path) => {
    // Tells macOS the app handles the file itself.
    event.preventDefault();
    if (path.toLowerCase().endsWith(portfolioFileExtension)) {
      router.open([path]);
    }
    options.showWindow();
  });
}

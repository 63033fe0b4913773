/**
 * Runs a bench page (`bench/page`) in headless Chromium: builds the pages with Vite, serves them
 * on 127.0.0.1 with data files beside them, and opens one with a fresh on-disk profile, so that
 * IndexedDB is real as in the app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser';
import { benchPageOutDir } from './vite.config';

const viteConfigFile = resolve(import.meta.dirname, 'vite.config.ts');

export interface BenchPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** CDP session of the page, with the `Performance` domain enabled for heap readings. */
  readonly session: CDPSession;
}

export interface BenchPageSetup {
  /** Page to open, relative to the served folder: `''` for `index.html`, or `portfolio.html`. */
  readonly pagePath: string;
  /** Files served beside the page, by file name. They are removed afterwards. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /** Function that the page adds to `window` once its module has loaded. */
  readonly readyFunction: string;
  /** Whether to keep the Chromium profile folder and print its path. */
  readonly keepProfile: boolean;
}

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no TCP address');
  return `http://127.0.0.1:${address.port}/`;
}

/**
 * Builds and serves the bench pages with `setup.files` beside them, opens `setup.pagePath` in
 * Chromium with a fresh profile, runs `work`, and removes the server, browser, files and profile.
 */
export async function withBenchPage<T>(setup: BenchPageSetup, work: (bench: BenchPage) => Promise<T>): Promise<T> {
  await build({ configFile: viteConfigFile });
  for (const [name, content] of setup.files) writeFileSync(join(benchPageOutDir, name), content);
  const server = await preview({ configFile: viteConfigFile, preview: { port: 0 } });
  const profileDir = mkdtempSync(join(tmpdir(), 'steerwise-bench-'));
  let context: BrowserContext | null = null;

  try {
    const executablePath = chromiumPath();
    context = await chromium.launchPersistentContext(profileDir, {
      headless: true,
      args: chromiumArgs,
      ...(executablePath === undefined ? {} : { executablePath }),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${serverUrl(server)}${setup.pagePath}`);
    await page.waitForFunction(
      (name) => typeof (globalThis as unknown as Record<string, unknown>)[name] === 'function',
      setup.readyFunction,
    );
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    return await work({ context, page, session });
  } finally {
    await context?.close();
    await server.close();
    for (const name of setup.files.keys()) rmSync(join(benchPageOutDir, name), { force: true });
    if (setup.keepProfile) process.stdout.write(`kept the Chromium profile in ${profileDir}\n`);
    else rmSync(profileDir, { recursive: true, force: true });
  }
}

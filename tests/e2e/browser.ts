/**
 * Launches Chromium for end-to-end tests: the system Chromium (`/usr/bin/chromium`, or the path in
 * `STEERWISE_CHROMIUM`), never a downloaded one, with a fresh profile folder per test so that
 * IndexedDB is real and on disk.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string | undefined {
  const configured = process.env.STEERWISE_CHROMIUM ?? '/usr/bin/chromium';
  // Without a system Chromium, fall back to a browser installed by `npx playwright install chromium`.
  return existsSync(configured) ? configured : undefined;
}

export interface Profile {
  readonly dir: string;
  /** Starts Chromium on the profile; the window is 1400 x 900 unless `viewport` sets another size in CSS pixels. */
  launch(options?: { timezoneId?: string; locale?: string; viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  dispose(): void;
}

/** Creates an empty profile folder; each launch reuses it, as a restarted app reuses its data. */
export function freshProfile(): Profile {
  const dir = mkdtempSync(join(tmpdir(), 'steerwise-e2e-'));
  return {
    dir,
    launch: async (options = {}) => {
      const executablePath = chromiumPath();
      return chromium.launchPersistentContext(dir, {
        headless: true,
        args: chromiumArgs,
        ...(executablePath ? { executablePath } : {}),
        ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
        locale: options.locale ?? 'en-GB',
        viewport: options.viewport ?? { width: 1400, height: 900 },
      });
    },
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

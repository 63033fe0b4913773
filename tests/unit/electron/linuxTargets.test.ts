/**
 * Runs electron-builder's AppImage and deb targets up to the point where they would call their
 * packaging tools (appimagetool and fpm), which electron-builder downloads on first use. The
 * `effectiveOptionComputed` hook receives the desktop entry and the fpm arguments and stops each
 * target there. By then electron-builder has checked the metadata that a deb requires, so a
 * missing homepage, author email or maintainer fails this test as it fails `npm run dist`.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const packageJson = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

/** What the AppImage target passes to `effectiveOptionComputed`. */
interface AppImageOptions {
  desktop: string;
  desktopFileName: string;
}

let folder: string;
let appImage: AppImageOptions | undefined;
let debArguments: string[] = [];
let debDesktopEntry = '';

/** Returns the value that follows `flag` in the fpm arguments. */
function debOption(flag: string): string | undefined {
  const index = debArguments.indexOf(flag);
  return index < 0 ? undefined : debArguments[index + 1];
}

/** Parses `Key=Value` lines of a desktop entry. */
function desktopKeys(entry: string): Map<string, string> {
  const pairs = entry.split('\n').filter((line) => line.includes('=')).map((line) => line.split(/=(.*)/s, 2) as [string, string]);
  return new Map(pairs);
}

beforeAll(async () => {
  // Any download that a change here might start goes to a closed loopback port and fails.
  vi.stubEnv('ELECTRON_BUILDER_BINARIES_MIRROR', 'http://127.0.0.1:9/');
  vi.stubEnv('ELECTRON_MIRROR', 'http://127.0.0.1:9/');
  folder = await mkdtemp(join(tmpdir(), 'steerwise-linux-targets-'));
  // `prepackaged` skips packing: the targets only need the unpacked app's resources folder.
  const unpacked = join(folder, 'linux-unpacked');
  await mkdir(join(unpacked, 'resources'), { recursive: true });

  await build({
    projectDir: root,
    prepackaged: unpacked,
    publish: 'never',
    targets: Platform.LINUX.createTarget(['AppImage', 'deb'], Arch.x64),
    // electron-builder loads electron-builder.json itself and merges this over it.
    config: { directories: { output: join(folder, 'dist') } },
    effectiveOptionComputed: async (options: unknown) => {
      if (Array.isArray(options)) {
        const [fpmArguments, desktopFile] = options as [string[], string];
        debArguments = fpmArguments;
        debDesktopEntry = await readFile(desktopFile, 'utf8');
      } else {
        appImage = options as AppImageOptions;
      }
      return true;
    },
  });
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(folder, { recursive: true, force: true });
});

describe('deb target', () => {
  it('names maintainer, vendor and homepage', () => {
    expect(debOption('--maintainer')).toBe('Steerwise maintainers <maintainers@steerwise.invalid>');
    expect(debOption('--vendor')).toBe('Steerwise maintainers <maintainers@steerwise.invalid>');
    expect(debOption('--url')).toBe(packageJson['homepage']);
    expect(debOption('--name')).toBe('steerwise');
  });

  it('installs the desktop entry under desktopName', () => {
    expect(debArguments.some((argument) => argument.endsWith('=/usr/share/applications/steerwise.desktop'))).toBe(true);
  });

  it('links windows to the desktop entry', () => {
    const keys = desktopKeys(debDesktopEntry);

    expect(keys.get('StartupWMClass')).toBe('steerwise');
    expect(keys.get('MimeType')).toBe('application/x-steerwise;');
    expect(keys.get('Exec')).toBe('/opt/Steerwise/steerwise %U');
  });
});

describe('AppImage target', () => {
  it('names the desktop entry after desktopName', () => {
    expect(appImage?.desktopFileName).toBe('steerwise.desktop');
  });

  it('links windows to the desktop entry', () => {
    const keys = desktopKeys(appImage?.desktop ?? '');

    expect(keys.get('StartupWMClass')).toBe('steerwise');
    expect(keys.get('MimeType')).toBe('application/x-steerwise;');
  });
});

describe('package.json metadata', () => {
  it('uses placeholders under .invalid', () => {
    expect(packageJson['author']).toEqual({ name: 'Steerwise maintainers', email: 'maintainers@steerwise.invalid' });
    expect(new URL(String(packageJson['homepage'])).hostname).toMatch(/\.invalid$/);
  });

  it('matches desktopName to the executable', () => {
    // Electron 41 takes the Wayland application ID and the X11 WM_CLASS from desktopName
    // (`app.setDesktopName` in electron.d.ts), and the installed entry is `steerwise.desktop`.
    expect(packageJson['desktopName']).toBe('steerwise.desktop');
  });
});

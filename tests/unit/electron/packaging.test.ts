/**
 * Packs the app with `electron-builder --dir` for Linux without the Electron binary, which cannot
 * be downloaded here. `electronDist` points at a stub executable that carries Electron's fuse
 * wire: the sentinel string, wire version 1 and eight fuses at Electron's defaults. So the build
 * runs to the end, flips the fuses in the stub as it would in Electron, and writes the ASAR
 * archive. The output cannot run, and the test checks the archive's file list and the fuses.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** The marker @electron/fuses looks for; the fuse wire follows it. */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire of an unconfigured Electron 41, in @electron/fuses order: `1` enabled, `0` disabled. */
const defaultFuses = '10110001';
const fuseOrder = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

let folder: string;
let appFolder: string;
let archiveFiles: string[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-package-'));
  const stubFolder = join(folder, 'electron-stub');
  await mkdir(stubFolder);
  const stub = join(stubFolder, 'electron');
  await writeFile(stub, Buffer.concat([Buffer.from(`#!/bin/sh\nexit 0\n${fuseSentinel}`), Buffer.from([1, defaultFuses.length]), Buffer.from(`${defaultFuses}\n`)]));
  await chmod(stub, 0o755);

  await run(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, timeout: 180_000 });
  const output = join(folder, 'dist');
  await run(
    join(root, 'node_modules', '.bin', 'electron-builder'),
    ['--dir', '--linux', '--x64', '--config', 'electron-builder.json', `-c.electronDist=${stubFolder}`, `-c.directories.output=${output}`, '--publish', 'never'],
    { cwd: root, timeout: 180_000 },
  );
  appFolder = join(output, 'linux-unpacked');
  archiveFiles = listPackage(join(appFolder, 'resources', 'app.asar'), { isPack: false });
}, 360_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('electron-builder --dir', () => {
  it('packs the three bundles', () => {
    expect(archiveFiles).toContain('/out/main/index.js');
    expect(archiveFiles).toContain('/out/preload/index.cjs');
    expect(archiveFiles).toContain('/out/renderer/index.html');
    expect(archiveFiles).toContain('/package.json');
  });

  it('packs no sources, browser build or modules', () => {
    const topLevel = new Set(archiveFiles.map((path) => path.split('/')[1]));
    const outFolders = new Set(archiveFiles.filter((path) => path.startsWith('/out/')).map((path) => path.split('/')[2]));

    expect([...topLevel].sort()).toEqual(['out', 'package.json']);
    expect([...outFolders].sort()).toEqual(['main', 'preload', 'renderer']);
  });

  it('flips the fuses as configured', async () => {
    const executable = await readFile(join(appFolder, 'steerwise'));
    const wireStart = executable.indexOf(fuseSentinel) + fuseSentinel.length + 2;
    const wire = executable.subarray(wireStart, wireStart + fuseOrder.length).toString('latin1');
    const fuses = Object.fromEntries(fuseOrder.map((name, index) => [name, wire[index] === '1']));

    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });
});

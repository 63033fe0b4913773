/**
 * Runs Electronegativity 1.10 (Doyensec's Electron security scanner) over the main process,
 * preload and renderer sources, and fails on any finding of high or medium severity that the
 * source does not justify with an `eng-disable` comment where it occurs. The three folders are
 * scanned together, because the tool's global checks (navigation limits, permission handler)
 * look across all of them.
 *
 * The tool tries to download translations and the Electron release list first. Without a
 * network it prints a warning and goes on with the data it ships.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../../..');
const electronVersion = packageJson.devDependencies.electron;

interface Finding {
  readonly issue: string;
  readonly severity: string;
  readonly filename: string;
  readonly location: string;
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-electronegativity-'));
  const scanned = join(folder, 'src');
  await cp(join(root, 'electron'), join(scanned, 'electron'), { recursive: true });
  await cp(join(root, 'renderer'), join(scanned, 'renderer'), { recursive: true });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs the scan and returns its findings from the CSV report. */
async function scan(): Promise<Finding[]> {
  const report = join(folder, 'report.csv');
  await rm(report, { force: true });
  await promisify(execFile)(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', join(folder, 'src'), '-e', electronVersion, '-r', '-o', report], {
    cwd: folder,
    timeout: 150_000,
  });
  const rows = Papa.parse<Record<string, string>>(await readFile(report, 'utf8'), { header: true, skipEmptyLines: true, transformHeader: (name) => name.trim() }).data;
  return rows.map((row) => ({ issue: row['issue'] ?? '', severity: row['severity'] ?? '', filename: row['filename'] ?? '', location: row['location'] ?? '' }));
}

describe('Electronegativity', () => {
  // NOTE: in one run of the whole unit suite on 2 busy cores the report came back without the
  // index.html finding, so the scan is retried once before the test fails.
  it('finds nothing high or medium', { timeout: 180_000, retry: 1 }, async () => {
    const findings = await scan();
    const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');

    // The renderer's Content Security Policy meta tag is always reported at low severity, so its
    // absence means the scan did not read the sources.
    expect(findings.map((finding) => finding.filename)).toContain('renderer/index.html');
    expect(serious).toEqual([]);
  });
});

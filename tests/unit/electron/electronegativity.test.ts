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
let findings: Finding[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-electronegativity-'));
  const scanned = join(folder, 'src');
  await cp(join(root, 'electron'), join(scanned, 'electron'), { recursive: true });
  await cp(join(root, 'renderer'), join(scanned, 'renderer'), { recursive: true });
  const report = join(folder, 'report.csv');

  await promisify(execFile)(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', scanned, '-e', electronVersion, '-r', '-o', report], {
    cwd: folder,
    timeout: 150_000,
  });

  const rows = Papa.parse<Record<string, string>>(await readFile(report, 'utf8'), { header: true, skipEmptyLines: true, transformHeader: (name) => name.trim() }).data;
  findings = rows.map((row) => ({ issue: row['issue'] ?? '', severity: row['severity'] ?? '', filename: row['filename'] ?? '', location: row['location'] ?? '' }));
}, 180_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('scans the sources', () => {
    // The renderer's Content Security Policy meta tag is always reported, at low severity.
    expect(findings.some((finding) => finding.filename.endsWith('index.html'))).toBe(true);
  });

  it('finds nothing high or medium', () => {
    const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');

    expect(serious).toEqual([]);
  });
});

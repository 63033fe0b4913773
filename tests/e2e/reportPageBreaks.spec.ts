/**
 * Page breaks of a printed report table, with the app's report style sheet: a table's title and
 * header row never end a page without the first row under them. The table starts at a range of
 * heights, so that its title lands at the foot of the page in some of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

const reportCss = readFileSync(join(import.meta.dirname, '../../renderer/src/features/reports/reports.css'), 'utf8');
let profile: Profile;
let folder: string;

test.beforeEach(() => {
  profile = freshProfile();
  folder = mkdtempSync(join(tmpdir(), 'steerwise-breaks-'));
});

test.afterEach(() => {
  profile.dispose();
  rmSync(folder, { recursive: true, force: true });
});

/** Returns a report page as the app renders it, with `offsetPt` of space and 60 lines of text above one table. */
function reportPage(offsetPt: number): string {
  const filler = Array.from({ length: 60 }, (_, index) => `<p>Filler line ${String(index)}</p>`).join('');
  const rows = Array.from(
    { length: 40 },
    (_, index) => `<tr><td>Row ${String(index)}</td><td class="number">${String(index)}</td></tr>`,
  ).join('');
  const table = `<table class="report-table"><caption>TABLE TITLE</caption><thead><tr><th>HEAD A</th><th class="number">HEAD B</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<!doctype html><html><head><style>${reportCss} p { margin: 0; }</style></head><body><div id="root"><main><div class="reports-screen"><article class="report-document"><div style="height: ${String(offsetPt)}pt"></div>${filler}${table}</article></div></main></div></body></html>`;
}

test('table title stays with its first row', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const orphans: number[] = [];
  let titleAtFoot = 0;
  for (let offset = 60; offset < 150; offset += 3) {
    await page.setContent(reportPage(offset));
    const path = join(folder, `offset-${String(offset)}.pdf`);
    await page.pdf({ path, format: 'A4' });
    const firstPage = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
    if (!firstPage.includes('TABLE TITLE')) continue;
    if (!firstPage.includes('Row 1 ')) titleAtFoot += 1;
    if (!/Row 0 /.test(firstPage)) orphans.push(offset);
  }
  // Some offsets must have put the title near the foot, or the test proves nothing.
  expect(titleAtFoot).toBeGreaterThan(0);
  expect(orphans).toEqual([]);
  await context.close();
});

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveAppPage } from '../../../../electron/main/appPage';

const rendererHtmlPath = resolve('/opt/Steerwise app/resources/app.asar/out/renderer/index.html');
const pageUrl = pathToFileURL(rendererHtmlPath).href;

describe('resolveAppPage without a dev server', () => {
  const page = resolveAppPage({ rendererHtmlPath });

  it('loads the built index.html', () => {
    expect(page.url).toBe(pageUrl);
  });

  it('accepts the page with a fragment and a query', () => {
    expect(page.isAppPage(`${pageUrl}#/contracts/42`)).toBe(true);
    expect(page.isAppPage(`${pageUrl}?portfolio=1`)).toBe(true);
  });

  it('rejects another file in the same folder', () => {
    expect(page.isAppPage(pageUrl.replace('index.html', 'other.html'))).toBe(false);
  });

  it('rejects a remote page', () => {
    expect(page.isAppPage('https://example.com/index.html')).toBe(false);
  });

  it('rejects a text that is no URL', () => {
    expect(page.isAppPage('not a url')).toBe(false);
  });

  it('treats an empty dev server URL as none', () => {
    expect(resolveAppPage({ rendererHtmlPath, devServerUrl: '' }).url).toBe(pageUrl);
  });
});

describe('resolveAppPage with a dev server', () => {
  const page = resolveAppPage({ rendererHtmlPath, devServerUrl: 'http://localhost:5173' });

  it('loads the dev server', () => {
    expect(page.url).toBe('http://localhost:5173/');
  });

  it('accepts any path on the dev server', () => {
    expect(page.isAppPage('http://localhost:5173/')).toBe(true);
    expect(page.isAppPage('http://localhost:5173/index.html#/kpis')).toBe(true);
  });

  it('rejects another port', () => {
    expect(page.isAppPage('http://localhost:5174/')).toBe(false);
  });

  it('rejects the built file', () => {
    expect(page.isAppPage(pageUrl)).toBe(false);
  });
});

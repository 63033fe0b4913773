/**
 * The one page the app shows, and the check that a URL is that page. Navigation hardening and
 * the IPC sender check both rely on this check.
 */
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** URL the window loads: the dev server in dev, the built `index.html` as `file://` otherwise. */
  readonly url: string;
  /** Whether `url` belongs to the app page; the query and the fragment are ignored. */
  readonly isAppPage: (url: string) => boolean;
}

export interface AppPageOptions {
  /** Absolute path of the built `out/renderer/index.html`. */
  readonly rendererHtmlPath: string;
  /**
   * URL of the Vite dev server (`ELECTRON_RENDERER_URL`). Pass it only for an unpackaged app,
   * so that an environment variable can never point the installed app at another page.
   */
  readonly devServerUrl?: string | undefined;
}

/**
 * Resolves the app page. With a dev server, any path on the dev server's origin is the app,
 * because Vite serves the app's modules from that origin. Otherwise only the exact `file://`
 * path of the built `index.html` is.
 */
export function resolveAppPage(options: AppPageOptions): AppPage {
  if (options.devServerUrl !== undefined && options.devServerUrl !== '') {
    const devUrl = new URL(options.devServerUrl);
    return {
      url: devUrl.href,
      isAppPage: (url) => parseUrl(url)?.origin === devUrl.origin,
    };
  }

  const pageUrl = pathToFileURL(options.rendererHtmlPath);
  return {
    url: pageUrl.href,
    isAppPage: (url) => {
      const parsed = parseUrl(url);
      return parsed !== undefined && parsed.protocol === 'file:' && parsed.host === pageUrl.host && parsed.pathname === pageUrl.pathname;
    },
  };
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

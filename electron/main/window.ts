/**
 * Window settings and hardening. Electron objects are passed in through the small interfaces
 * below, so the rules are tested in Node without the Electron binary.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from './logger';
import type { InitialWindowBounds, WindowSizeLimits } from './windowState';

/** Size of the window on first start, and the smallest size the layout supports, in pixels. */
export const windowSizeLimits: WindowSizeLimits = { defaultWidth: 1440, defaultHeight: 900, minWidth: 1024, minHeight: 640 };

/**
 * Builds the options of the app's only window. The renderer gets no Node, runs in Chromium's
 * sandbox, and reaches the main process only through the preload's context-isolated API.
 */
export function buildWindowOptions(preloadPath: string, bounds?: InitialWindowBounds): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? windowSizeLimits.defaultWidth,
    height: bounds?.height ?? windowSizeLimits.defaultHeight,
    ...(bounds?.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    minWidth: windowSizeLimits.minWidth,
    minHeight: windowSizeLimits.minHeight,
    title: 'Steerwise',
    // Shown on `ready-to-show`, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Dropping a file on the window would otherwise navigate away from the app.
      navigateOnDragDrop: false,
      // Lets the user stop a page that opens alert dialogs in a loop.
      safeDialogs: true,
      // A middle click on a link would otherwise ask for a new window; the window open handler denies it as well.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** The part of Electron's navigation event the hardening reads. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The part of Electron's `WebContents` the hardening uses. */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Denies, for one web contents, every way to leave or multiply the app page: navigation to any
 * other URL, `window.open` and links with `target="_blank"`, and `<webview>` tags.
 * Apply it from `app.on('web-contents-created')` so that it covers every contents created.
 */
export function hardenWebContents(contents: HardenableWebContents, isAppPage: (url: string) => boolean, logger: Logger): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url)) {
      event.preventDefault();
      logger.warn('Navigation blocked', { url: event.url });
    }
  });

  contents.setWindowOpenHandler((details) => {
    logger.warn('Window creation blocked', { url: details.url });
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Webview attachment blocked');
  });
}

/** Response headers as Electron's `onHeadersReceived` passes and expects them. */
export type ResponseHeaders = Record<string, string | string[]>;

/** The part of Electron's `Session` the hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { readonly responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Denies every permission request and permission check of the session, and sets
 * `contentSecurityPolicy` as the `Content-Security-Policy` header of every response,
 * replacing any policy header the response had.
 */
export function hardenSession(session: HardenableSession, contentSecurityPolicy: string, logger: Logger): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    logger.warn('Permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}, contentSecurityPolicy) });
  });
}

/** Returns a copy of `headers` whose only policy header is `contentSecurityPolicy`. */
export function withContentSecurityPolicy(headers: Readonly<Record<string, string[]>>, contentSecurityPolicy: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    // Header names are case-insensitive, and a second policy header would be enforced too.
    if (name.toLowerCase() !== 'content-security-policy') {
      result[name] = value;
    }
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}

import { describe, expect, it, vi } from 'vitest';
import { buildWindowOptions, hardenSession, hardenWebContents, withContentSecurityPolicy } from '../../../../electron/main/window';
import type { HardenableSession, HardenableWebContents, NavigationEvent, ResponseHeaders } from '../../../../electron/main/window';
import { createRecordingLogger } from '../../../support/node/recordingLogger';

describe('buildWindowOptions', () => {
  it('sets every web preference', () => {
    const options = buildWindowOptions('/app/out/preload/index.cjs');

    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('opens at restored bounds', () => {
    const options = buildWindowOptions('/preload.cjs', { x: 40, y: 30, width: 1300, height: 800, isMaximized: false });

    expect(options).toMatchObject({ x: 40, y: 30, width: 1300, height: 800, minWidth: 1024, minHeight: 640 });
  });

  it('lets Electron centre a window without a position', () => {
    const options = buildWindowOptions('/preload.cjs', { width: 1300, height: 800, isMaximized: true });

    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('hides the window until it is ready', () => {
    expect(buildWindowOptions('/preload.cjs').show).toBe(false);
  });
});

/** Fake web contents that keeps the listeners the hardening registers. */
function createFakeContents(): HardenableWebContents & {
  navigate(url: string): boolean;
  attachWebview(): boolean;
  openWindow(url: string): string | undefined;
} {
  const listeners = new Map<string, (event: NavigationEvent) => void>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  const dispatch = (name: string, url: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({
      url,
      preventDefault: () => {
        prevented = true;
      },
    });
    return prevented;
  };

  return {
    on: (event: string, listener: (event: NavigationEvent) => void) => {
      listeners.set(event, listener);
      return undefined;
    },
    setWindowOpenHandler: (handler) => {
      windowOpenHandler = handler;
    },
    navigate: (url) => dispatch('will-navigate', url),
    attachWebview: () => dispatch('will-attach-webview', ''),
    openWindow: (url) => windowOpenHandler?.({ url }).action,
  };
}

const appPageUrl = 'file:///opt/steerwise/out/renderer/index.html';
const isAppPage = (url: string): boolean => url.split('#')[0] === appPageUrl;

describe('hardenWebContents', () => {
  it('blocks navigation to a remote page', () => {
    const contents = createFakeContents();
    hardenWebContents(contents, isAppPage, createRecordingLogger());

    expect(contents.navigate('https://example.com/')).toBe(true);
  });

  it('blocks navigation to another local file', () => {
    const contents = createFakeContents();
    hardenWebContents(contents, isAppPage, createRecordingLogger());

    expect(contents.navigate('file:///etc/passwd')).toBe(true);
  });

  it('allows navigation to the app page', () => {
    const contents = createFakeContents();
    hardenWebContents(contents, isAppPage, createRecordingLogger());

    expect(contents.navigate(`${appPageUrl}#/providers`)).toBe(false);
  });

  it('denies window.open for any URL', () => {
    const contents = createFakeContents();
    hardenWebContents(contents, isAppPage, createRecordingLogger());

    expect(contents.openWindow('https://example.com/')).toBe('deny');
    expect(contents.openWindow(appPageUrl)).toBe('deny');
  });

  it('blocks webview attachment', () => {
    const contents = createFakeContents();
    hardenWebContents(contents, isAppPage, createRecordingLogger());

    expect(contents.attachWebview()).toBe(true);
  });

  it('logs each blocked attempt', () => {
    const contents = createFakeContents();
    const logger = createRecordingLogger();
    hardenWebContents(contents, isAppPage, logger);

    contents.navigate('https://example.com/');
    contents.openWindow('https://example.org/');

    expect(logger.entries).toEqual([
      { tag: 'main', level: 'warn', message: 'Navigation blocked', context: { url: 'https://example.com/' } },
      { tag: 'main', level: 'warn', message: 'Window creation blocked', context: { url: 'https://example.org/' } },
    ]);
  });
});

type HeadersListener = Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];

function createFakeSession(): HardenableSession & {
  requestHandler?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
  checkHandler?: Parameters<HardenableSession['setPermissionCheckHandler']>[0];
  headersListener?: HeadersListener;
} {
  const session: ReturnType<typeof createFakeSession> = {
    setPermissionRequestHandler: (handler) => {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler: (handler) => {
      session.checkHandler = handler;
    },
    webRequest: {
      onHeadersReceived: (listener) => {
        session.headersListener = listener;
      },
    },
  };
  return session;
}

describe('hardenSession', () => {
  const policy = "default-src 'none'";

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies the %s permission request', (permission) => {
    const session = createFakeSession();
    hardenSession(session, policy, createRecordingLogger());
    const callback = vi.fn();

    session.requestHandler?.({}, permission, callback);

    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(['media', 'clipboard-sanitized-write', 'fullscreen', 'serial'])('fails the %s permission check', (permission) => {
    const session = createFakeSession();
    hardenSession(session, policy, createRecordingLogger());

    expect(session.checkHandler?.({}, permission)).toBe(false);
  });

  it('sets the policy header on responses', () => {
    const session = createFakeSession();
    hardenSession(session, policy, createRecordingLogger());
    let headers: ResponseHeaders | undefined;

    session.headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });

    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [policy] });
  });

  it('sets the policy header when a response has no headers', () => {
    const session = createFakeSession();
    hardenSession(session, policy, createRecordingLogger());
    let headers: ResponseHeaders | undefined;

    session.headersListener?.({}, (response) => {
      headers = response.responseHeaders;
    });

    expect(headers).toEqual({ 'Content-Security-Policy': [policy] });
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces a policy header in any letter case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['script-src *'], 'CONTENT-SECURITY-POLICY': ['default-src *'] }, "default-src 'none'");

    expect(headers).toEqual({ 'Content-Security-Policy': ["default-src 'none'"] });
  });
});

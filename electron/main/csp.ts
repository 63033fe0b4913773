/**
 * The renderer's Content Security Policy. The app loads nothing from the network, so no
 * directive names a remote origin.
 *
 * `style-src` allows `'unsafe-inline'` because React writes `style` attributes and ECharts
 * sets inline styles on the elements it creates; a nonce cannot cover attributes. Scripts stay
 * limited to the app's own files, and `eval` stays off. Workers too load only from the app's
 * own files (the Sync screen's file worker is a bundled module), so `worker-src` has no `blob:`.
 *
 * `renderer/index.html` carries the production policy as a meta tag, because Electron's
 * security guide (docs/tutorial/security.md) states that the header method cannot be used for
 * pages loaded from `file://`. The header set in `window.ts` covers the dev server.
 */
export const productionContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Builds the policy for the Vite dev server that `electron-vite dev` serves on loopback.
 *
 * Two relaxations apply in dev only. `connect-src` adds the dev server's WebSocket origin
 * (for example `ws://localhost:5173`) for hot reload. `script-src` adds `'unsafe-inline'`
 * because @vitejs/plugin-react 6 injects its Fast Refresh preamble as an inline module script
 * into the served `index.html`. Throws `TypeError` when `devServerUrl` is not a URL, and
 * `RangeError` when it is not an `http:` URL on a loopback host.
 */
export function buildDevContentSecurityPolicy(devServerUrl: string): string {
  const url = new URL(devServerUrl);
  if (url.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) {
    throw new RangeError(`The dev server URL must be http: on a loopback host, not ${devServerUrl}`);
  }

  const webSocketOrigin = `ws://${url.host}`;
  return productionContentSecurityPolicy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${webSocketOrigin}`);
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

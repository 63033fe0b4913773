// Renderer build settings shared by the Electron build and browser mode, so both bundle
// the same app from the same root.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

const root = resolve(import.meta.dirname, 'renderer');

/**
 * Relaxes the page's Content Security Policy for the dev server only: React's fast refresh
 * injects an inline module script and Vite's client opens a WebSocket. Built pages keep the
 * strict policy written in `renderer/index.html`.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'steerwise-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
    },
  };
}

/**
 * Drops the WOFF fallback from the `@font-face` rules of `@fontsource` packages, so only the WOFF2
 * files are bundled: Chromium, the only engine the app runs in, reads WOFF2, and Noto Sans SC's
 * WOFF files would add about 5 MB.
 */
function woff2Only(): Plugin {
  return {
    name: 'steerwise-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/@fontsource/') || !id.endsWith('.css')) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export const rendererConfig = {
  root,
  base: './',
  plugins: [react(), devContentSecurityPolicy(), woff2Only()],
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'shared'),
    },
  },
  // The file worker is started with `type: 'module'`, so it is bundled as an ES module too.
  worker: { format: 'es' },
  build: {
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: resolve(root, 'index.html'),
    },
  },
} satisfies UserConfig;

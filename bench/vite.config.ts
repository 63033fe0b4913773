// Bundles the bench pages (bench/page) for Chromium: `index.html` for the CSV import bench,
// `portfolio.html` for the portfolio file bench, `rfp.html` for the RFP re-ranking bench and
// `gantt.html` for the Gantt bench, which renders the app's React components.
// `bench/run.ts` builds them and serves the output with Vite's preview server on 127.0.0.1.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Output folder of the page build, inside the git-ignored `bench/results`. */
export const benchPageOutDir = resolve(import.meta.dirname, 'results/page');

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, '../shared'),
      // frappe-gantt 1.2.2 exports only `.` (conditions `require`, `import`, `style`), so the
      // stylesheet's path is not importable, and a CSS `@import` of the package resolved to its
      // JavaScript. The alias points at the stylesheet itself.
      'frappe-gantt/dist/frappe-gantt.css': resolve(import.meta.dirname, '../node_modules/frappe-gantt/dist/frappe-gantt.css'),
    },
  },
  build: {
    outDir: benchPageOutDir,
    emptyOutDir: true,
    target: 'chrome130',
    // Unminified, so that profiles of the page name the app's functions. Minifying mostly
    // shortens names and whitespace, which affects download and parse time, not compiled code.
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'page/index.html'),
        portfolio: resolve(import.meta.dirname, 'page/portfolio.html'),
        rfp: resolve(import.meta.dirname, 'page/rfp.html'),
        gantt: resolve(import.meta.dirname, 'page/gantt.html'),
      },
    },
  },
  preview: { host: '127.0.0.1', strictPort: true },
});

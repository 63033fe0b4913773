// Bundles the bench pages (bench/page) for Chromium: `index.html` for the CSV import bench,
// `portfolio.html` for the portfolio file bench and `rfp.html` for the RFP re-ranking bench.
// `bench/run.ts` builds them and serves the output with Vite's preview server on 127.0.0.1.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Output folder of the page build, inside the git-ignored `bench/results`. */
export const benchPageOutDir = resolve(import.meta.dirname, 'results/page');

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, '../shared'),
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
      },
    },
  },
  preview: { host: '127.0.0.1', strictPort: true },
});

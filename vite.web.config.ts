// Browser mode: the renderer served by plain Vite on loopback, with the web platform API.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.ts';

export default defineConfig({
  ...rendererConfig,
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    ...rendererConfig.build,
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
  },
});

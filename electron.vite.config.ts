import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.ts';

const sharedAlias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: resolve(import.meta.dirname, 'out/main'),
      lib: { entry: resolve(import.meta.dirname, 'electron/main/index.ts') },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: resolve(import.meta.dirname, 'out/preload'),
      // A sandboxed preload cannot load ES modules or node_modules, so it is one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: resolve(import.meta.dirname, 'electron/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
    },
  },
});

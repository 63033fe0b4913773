import { defineConfig } from '@playwright/test';

const port = Number(process.env.STEERWISE_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    actionTimeout: 15_000,
  },
  webServer: {
    // Serves the browser-mode build; `npm run test:e2e` builds it first.
    command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

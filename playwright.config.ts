import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/node/chromium.ts';

/**
 * Browser tests run against real builds, each served on a free port by the worker that needs it
 * (tests/e2e/fixtures.ts: the seed site, the fixture site and the seed site under a base path). Build them first:
 * `npm run build && npm run build:fixture-site && npm run build:base-site`; `npm test` does.
 * Chromium is Debian's (Playwright cannot download browsers here); CHROMIUM_PATH overrides it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});

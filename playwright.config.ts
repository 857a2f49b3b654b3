import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/node/chromium.ts';

/**
 * Browser tests run against real builds served by our static server (src/cli/serve.ts):
 * - the seed site (`npm run build` → dist/) on :4399;
 * - the fixture site (tests/fixtures/site, `npm run build:fixture-site` → .test-sites/fixture/) on :4400,
 *   content written to exercise every command-block behaviour;
 * - the seed site built under the base path /runbooks/ (`npm run build:base-site` → .test-sites/base/) on :4401.
 * Chromium is Debian's (Playwright cannot download browsers here); CHROMIUM_PATH overrides it.
 */

// Our own static server (src/node/static-server.ts): `astro preview` refuses to run twice for one project.
const serve = (port: number, dir: string, base = '/') => ({
  command: `node src/cli/serve.ts --dir ${dir} --port ${port} --base ${base}`,
  url: `http://127.0.0.1:${port}${base}`,
  reuseExistingServer: !process.env.CI,
  timeout: 30_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4399',
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [serve(4399, 'dist'), serve(4400, '.test-sites/fixture'), serve(4401, '.test-sites/base', '/runbooks/')],
});

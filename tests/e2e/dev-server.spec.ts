import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from './fixtures.ts';

/**
 * `npm run dev` as an author uses it: pages look as built (no CSP in the way of Vite's inline styles and scripts),
 * and a content error saved while the server runs shows in the browser, naming file and line, until it is fixed.
 * Runs `astro dev` on a copy of tests/fixtures/site kept outside the project (RUNBOOKS_CONTENT_DIR), so the dev
 * server has to watch a folder of its own; needs no built site.
 */

const PROJECT = resolve(import.meta.dirname, '../..');
const RUNBOOK = '/runbooks/payments/pods-crashlooping/';

interface DevServer {
  url: string;
  /** The copy of the fixture site the server shows. */
  content: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
}

const test = base.extend<object, { devServer: DevServer }>({
  devServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const temp = mkdtempSync(join(tmpdir(), 'runbooks-dev-'));
      const content = join(temp, 'site');
      cpSync(join(PROJECT, 'tests/fixtures/site'), content, { recursive: true });
      let server: ChildProcess | undefined;
      let output = '';
      try {
        const port = await freePort();
        // A process group of its own, so that teardown ends the server and anything it started, and nothing else.
        server = spawn(join(PROJECT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
          cwd: PROJECT,
          detached: true,
          env: { ...process.env, RUNBOOKS_CONTENT_DIR: content, RUNBOOKS_CACHE_DIR: join(temp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        for (const stream of [server.stdout, server.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const url = `http://127.0.0.1:${port}`;
        await answers(url, server, () => output);
        await use({ url, content, output: () => output });
      } finally {
        if (server) await stop(server);
        rmSync(temp, { recursive: true, force: true });
      }
    },
    // Starting the dev server (dependency optimisation in a fresh cache) takes most of this spec's time.
    { scope: 'worker', timeout: 50_000 },
  ],

  // The pages come from the dev server, not from a built site.
  baseURL: async ({ devServer }, use) => {
    await use(devServer.url);
  },
});

test('npm run dev: styled pages without CSP violations, and content errors shown while they last', async ({ page, devServer }) => {
  test.setTimeout(60_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });

  await test.step('the page looks and works as built', async () => {
    await page.goto(RUNBOOK);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments pods crash looping');
    // Only global.css zeroes the body's margin (browsers give it 8px): the stylesheet applied.
    await expect(page.locator('body')).toHaveCSS('margin-top', '0px');
    // The environment selector's script ran: choosing staging fills the service's staging values.
    await page.getByLabel('Environment').selectOption('staging');
    const block = page.locator('figure.command-block').filter({ hasText: 'app=payments' });
    await expect(block.locator('code')).toHaveText('kubectl -n payments-staging get pods -l app=payments');
    await expect(block.getByRole('button', { name: /^Copy/ })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  const file = join(devServer.content, 'runbooks/payments/pods-crashlooping.md');
  const original = readFileSync(file, 'utf8');
  const broken = original.replace('{{namespace}}', '{{namspace}}');
  const line = broken.slice(0, broken.indexOf('{{namspace}}')).split('\n').length;
  const overlay = page.locator('vite-error-overlay');

  await test.step('a saved typo shows in the browser, naming file and line', async () => {
    const saved = performance.now();
    writeFileSync(file, broken);
    await expect(overlay, devServer.output()).toContainText(`payments/pods-crashlooping.md:${line}:`, { timeout: 20_000 });
    await expect(overlay).toContainText('unknown placeholder {{namspace}}');
    test.info().annotations.push({ type: 'latency', description: `save → error visible: ${Math.round(performance.now() - saved)} ms` });
    expect(devServer.output()).toContain(`pods-crashlooping.md:${line}:`);
  });

  await test.step('so does a command that would not parse, at its line and column', async () => {
    const unquoted = original.replace('get pods -l app=payments', 'get pods -l "app=payments');
    const at = unquoted.slice(0, unquoted.indexOf('"app=payments')).split('\n');
    writeFileSync(file, unquoted);
    await expect(overlay, devServer.output()).toContainText(`payments/pods-crashlooping.md:${at.length}:${at.at(-1)!.length + 1}:`, { timeout: 20_000 });
    await expect(overlay).toContainText('bash: reached EOF without closing quote');
  });

  await test.step('fixing it takes the error away', async () => {
    const saved = performance.now();
    writeFileSync(file, original);
    await expect(overlay, devServer.output()).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments pods crash looping');
    test.info().annotations.push({ type: 'latency', description: `save → error gone: ${Math.round(performance.now() - saved)} ms` });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Waits until the dev server answers a page; fails with its output when it exits first or takes too long. The
 * deadline is shorter than the fixture's timeout, so that the fixture's `finally` still stops the server.
 */
async function answers(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`astro dev exited:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`astro dev did not answer within 40 s:\n${output()}`);
    try {
      if ((await fetch(`${url}${RUNBOOK}`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Ends the server's process group: SIGTERM, then SIGKILL if it is still there after 5 s. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || !server.pid) return;
  const exited = new Promise((done) => server.once('exit', done));
  const group = -server.pid;
  process.kill(group, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageScriptUrls, staticImports } from '../../bench/src/page-js.ts';
import { builtSite, expect, test } from './fixtures.ts';

/**
 * The JavaScript budget of a runbook page: what the browser must fetch before anyone touches search (the page's
 * module scripts and everything they import statically; search loads its own code on focus) is at most 6 KiB gzip,
 * the benchmark's target (bench/src/targets.ts), counted the same way (bench/src/page-js.ts), on the fixture site,
 * whose runbook pages use every script a runbook page can have (environment picker, reader inputs, command blocks).
 */
const BUDGET_GZIP_BYTES = 6 * 1024;

test.use({ site: 'fixture' });

interface Script {
  /** The script's path on the site, `/_astro/…js`. */
  path: string;
  gzipBytes: number;
}

/** The site path of every runbook page of a built site: `/runbooks/payments/pods-crashlooping/`. */
function runbookPages(dir: string): string[] {
  return readdirSync(join(dir, 'runbooks'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('index.html'))
    .map((path) => `/runbooks/${posix.dirname(path.split('\\').join('/'))}/`)
    .sort();
}

/** The scripts the page at `pagePath` references, and transitively their static imports, each once, gzipped at zlib's default level. */
function scriptsBeforeSearch(dir: string, pagePath: string): Script[] {
  const pageUrl = new URL(pagePath, 'http://site');
  const pending = pageScriptUrls(readFileSync(join(dir, pagePath, 'index.html'), 'utf8')).map((src) => new URL(src, pageUrl));
  const scripts: Script[] = [];
  while (pending.length > 0) {
    const url = pending.shift()!;
    if (url.origin !== pageUrl.origin || scripts.some((script) => script.path === url.pathname)) continue;
    const code = readFileSync(join(dir, decodeURIComponent(url.pathname)));
    scripts.push({ path: url.pathname, gzipBytes: gzipSync(code).length });
    pending.push(...staticImports(code.toString('utf8')).map((specifier) => new URL(specifier, url)));
  }
  return scripts;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB (${bytes} B)`;

test('a runbook page loads at most 6 KiB gzip of JavaScript before search is used', () => {
  const dir = builtSite('fixture');
  const pages = runbookPages(dir);
  expect(pages.length, 'runbook pages in the fixture build').toBeGreaterThan(0);
  const report = pages.map((path) => {
    const scripts = scriptsBeforeSearch(dir, path);
    const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    return { path, total, scripts };
  });
  const over = report
    .filter((page) => page.total > BUDGET_GZIP_BYTES)
    .map(
      (page) =>
        `${page.path}: ${kib(page.total)} gzip, over the ${kib(BUDGET_GZIP_BYTES)} budget:\n${page.scripts
          .toSorted((a, b) => b.gzipBytes - a.gzipBytes)
          .map((script) => `  ${script.path} ${kib(script.gzipBytes)}`)
          .join('\n')}`,
    );
  expect(over, over.join('\n')).toEqual([]);
  // A page with no script at all would pass for the wrong reason: the copy buttons need theirs.
  for (const page of report) expect(page.scripts.length, `${page.path} references no script`).toBeGreaterThan(0);
});

test('the browser fetches exactly those scripts before search is used: nothing loaded at start goes uncounted', async ({ page }) => {
  const dir = builtSite('fixture');
  const path = '/runbooks/payments/pods-crashlooping/';
  const fetched = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') fetched.add(new URL(request.url()).pathname);
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  expect([...fetched].sort()).toEqual(
    scriptsBeforeSearch(dir, path)
      .map((script) => script.path)
      .sort(),
  );
});

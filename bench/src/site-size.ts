/**
 * What a built site weighs, read from its output folder after the build: the same measure for ours and the
 * baseline, so that page weight and the JavaScript before search can be compared without a browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageScriptUrls, staticImports } from './page-js.ts';
import { median } from './stats.ts';

/** What a built site weighs, read from its output folder. */
export interface SiteSize {
  htmlPages: number;
  runbookPages: number;
  bytes: number;
  pagefindBytes: number;
  /** Median over the runbook pages. Gzip at zlib's default level, what most static hosts serve. */
  runbookHtml: { rawBytes: number; gzipBytes: number };
  /** Scripts a runbook page loads before search is opened, with their static imports (the first runbook page's). */
  jsBeforeSearch: { files: string[]; rawBytes: number; gzipBytes: number };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile());
}

const gzipBytes = (data: Buffer) => gzipSync(data).length;

export function measureSite(outDir: string): SiteSize {
  const files = filesUnder(outDir);
  const sizeOf = (paths: string[]) => paths.reduce((total, path) => total + statSync(path).size, 0);
  const runbookDir = join(outDir, 'runbooks') + sep;
  const runbookPages = files.filter((path) => path.startsWith(runbookDir) && path.endsWith(`${sep}index.html`)).sort();
  if (runbookPages.length === 0) throw new Error(`no runbook pages under ${runbookDir}`);
  const pages = runbookPages.map((path) => readFileSync(path));
  return {
    htmlPages: files.filter((path) => path.endsWith('.html')).length,
    runbookPages: runbookPages.length,
    bytes: sizeOf(files),
    pagefindBytes: sizeOf(files.filter((path) => path.startsWith(join(outDir, 'pagefind') + sep))),
    runbookHtml: { rawBytes: median(pages.map((page) => page.length)), gzipBytes: median(pages.map(gzipBytes)) },
    jsBeforeSearch: scriptsOf(outDir, runbookPages[0]!),
  };
}

/**
 * The page's external scripts and, transitively, their static imports, each counted once. URLs are resolved as
 * the browser would against the page's URL, then mapped back into the output folder (the site is built at `/`).
 */
function scriptsOf(outDir: string, pagePath: string): SiteSize['jsBeforeSearch'] {
  const pageUrl = new URL(`/${relative(outDir, pagePath).split(sep).join('/')}`, 'http://site');
  const pending = pageScriptUrls(readFileSync(pagePath, 'utf8')).map((src) => new URL(src, pageUrl));
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipTotal = 0;
  while (pending.length > 0) {
    const url = pending.shift()!;
    if (url.origin !== pageUrl.origin || seen.has(url.pathname)) continue; // a foreign script is not ours to weigh
    seen.add(url.pathname);
    const file = join(outDir, ...posix.normalize(decodeURIComponent(url.pathname)).split('/'));
    const code = readFileSync(file);
    rawBytes += code.length;
    gzipTotal += gzipBytes(code);
    pending.push(...staticImports(code.toString('utf8')).map((specifier) => new URL(specifier, url)));
  }
  return { files: [...seen], rawBytes, gzipBytes: gzipTotal };
}

/**
 * `npm run pdf [-- --env <environment>|all]`: prints the built book (`/book/`, see src/pages/book.astro, its pages'
 * bodies filled in from the built pages by src/node/book-source.ts) with Chromium to `dist/runbooks.pdf`, placeholders shown as `{{name}}`; `--env production` writes
 * `dist/runbooks-production.pdf` with production's values; `--env all` writes the default book and one per environment.
 * Then it writes `dist/pdfs.json` (lib/web/pdf-manifest.ts), the PDFs of this build that the pages link: those just
 * printed and those of earlier runs on the same build (lib/book/printed-books.ts).
 *
 * Run after `npm run build`. Offline: the site is served from disk by a server of our own on 127.0.0.1. Knobs:
 * `RUNBOOKS_OUT_DIR` (the build, default `dist`), `CHROMIUM_PATH` (default `/usr/bin/chromium`); the base path is
 * read from the build (RUNBOOKS_BASE, when set, must agree with it). Needs poppler-utils (`pdfinfo`) to read page numbers back from the PDF.
 * Exits 1 with a message when something is missing, 2 when the command line is wrong; a PDF is written to a
 * temporary file and renamed into place, so a failed run never leaves a half-written one.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from '@playwright/test';
import { pagesMoved, sectionPages } from '../lib/book/page-numbers.ts';
import { mergePdfManifest } from '../lib/book/printed-books.ts';
import { formatBytes, plural } from '../lib/format.ts';
import { parseDestinations, parsePageCount } from '../lib/pdf/poppler-output.ts';
import { emptyPdfManifest, PDF_MANIFEST_FILE, type PdfEntry, parsePdfManifest } from '../lib/web/pdf-manifest.ts';
import { normalizeBase, pdfFileName } from '../lib/web/urls.ts';
import { readBookSource } from '../node/book-source.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../node/chromium.ts';
import { confinePage } from '../node/confined-page.ts';
import { serveStatic } from '../node/static-server.ts';
import { writeFileAtomic } from '../node/write-file-atomic.ts';
import { PDF_USAGE, parsePdfArgs, pdfTargets } from './pdf-options.ts';
import { runCli } from './shared.ts';

const run = promisify(execFile);

const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  // Chromium writes bookmarks (from the headings) only into a tagged PDF: `outline` needs `tagged`.
  outline: true,
  tagged: true,
  // No header and footer templates: the running header and footer are page-margin boxes of the book's own CSS
  // (src/pages/book.astro). Only a margin box can carry the section's title (a template knows the document's
  // title only), page numbers sit on the same line with the same font, and a browser's own Print gets them too.
  displayHeaderFooter: false,
  margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
} as const;

interface Written {
  file: string;
  pages: number;
  bytes: number;
  seconds: number;
  /** When it was written (ISO 8601). */
  printed: string;
}

async function main(argv: string[]): Promise<void> {
  const { env, help } = parsePdfArgs(argv);
  if (help) {
    console.log(PDF_USAGE);
    return;
  }
  const outDir = resolve(process.env.RUNBOOKS_OUT_DIR ?? 'dist');
  const shown = shownPath(outDir);

  if (!existsSync(outDir)) throw new Error(`no build in ${shown}/: run "npm run build" first`);
  const book = readBookSource(outDir);
  const targets = pdfTargets(env, Object.keys(book.environments));
  // The site is served under the base it was built for; RUNBOOKS_BASE, when set, must agree.
  const { base } = book;
  if (process.env.RUNBOOKS_BASE !== undefined && normalizeBase(process.env.RUNBOOKS_BASE) !== base) {
    throw new Error(`${shown}/ was built for base path ${base}, but RUNBOOKS_BASE is ${process.env.RUNBOOKS_BASE}: rebuild, or unset RUNBOOKS_BASE`);
  }
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or point CHROMIUM_PATH at it`);
  }
  try {
    await run('pdfinfo', ['-v']);
  } catch (error) {
    // Only a missing binary matters here: some poppler versions exit non-zero after printing their version for `-v`.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdfinfo not found: install poppler-utils (apt-get install poppler-utils); it reads the page numbers back from the PDF');
    }
  }

  const started = performance.now();
  const server = await serveStatic({ dir: outDir, base, documents: { 'book/': book.html } });
  const scratch = await mkdtemp(join(tmpdir(), 'runbooks-pdf-'));
  let browser: Browser | undefined;
  try {
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    } catch (error) {
      throw new Error(`Chromium at ${CHROMIUM_PATH} did not start: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
    const written: PdfEntry[] = [];
    try {
      for (const target of targets) {
        const file = join(outDir, pdfFileName(target));
        const result = await printBook(browser, `${server.url}book/${target === undefined ? '' : `?env=${target}`}`, target, file, scratch);
        written.push({
          file: pdfFileName(target),
          service: null,
          environment: target ?? null,
          environmentLabel: target === undefined ? null : (book.environments[target] ?? target),
          pages: result.pages,
          bytes: result.bytes,
          commit: book.commit ?? null,
          printed: result.printed,
        });
        console.log(`${shownPath(result.file)}: ${result.pages} pages, ${formatBytes(result.bytes)}, ${result.seconds.toFixed(1)} s`);
      }
    } finally {
      // Also when a later book failed: the PDFs already moved into place replaced the ones the manifest lists.
      if (written.length > 0) {
        const manifest = writePdfManifest(outDir, written, Object.keys(book.environments));
        console.log(`${shownPath(join(outDir, PDF_MANIFEST_FILE))}: lists ${plural(manifest.pdfs.length, 'PDF')}, which the pages link`);
      }
    }
    if (written.length > 1) console.log(`${written.length} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser?.close();
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

const BOOK_LOAD_TIMEOUT_MS = 10 * 60_000;

/** Prints one book twice (the second time with page numbers) and moves it into place. */
async function printBook(browser: Browser, url: string, env: string | undefined, file: string, scratch: string): Promise<Written> {
  const started = performance.now();
  // A fresh context per book: no environment choice stored by a previous one.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const confinement = await confinePage(context, page, url);
    // A book of thousands of runbooks is tens of megabytes of HTML: its load alone can take minutes on a busy machine.
    // A book that leaves itself (a redirect in a runbook) fails at once instead.
    const response = await Promise.race([page.goto(url, { waitUntil: 'load', timeout: BOOK_LOAD_TIMEOUT_MS }), confinement.leftTheBook]);
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}: is the build complete?`);
    await Promise.race([
      page
        .locator('html[data-book-ready]')
        .waitFor({ state: 'attached', timeout: BOOK_LOAD_TIMEOUT_MS })
        .catch((error: unknown) => {
          throw new Error(`the book's script did not finish at ${url} (no html[data-book-ready] after ${BOOK_LOAD_TIMEOUT_MS / 1000} s)`, { cause: error });
        }),
      confinement.leftTheBook,
    ]);
    for (const refused of new Set(confinement.refused))
      console.error(`warning: the book asked for ${refused}; the printer reads only the book, so it was refused`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const applied = await page.evaluate(() => document.documentElement.dataset.environment);
    if (applied !== (env ?? '')) throw new Error(`the book at ${url} shows environment "${applied ?? ''}", not "${env ?? ''}"`);

    const anchors = await page.evaluate(() => [
      ...new Set([...document.querySelectorAll<HTMLElement>('[data-page-of]')].map((element) => element.dataset.pageOf!)),
    ]);
    const first = await pageNumbers(await page.pdf(PDF_OPTIONS), anchors, join(scratch, 'first.pdf'));
    await page.evaluate((numbers) => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-page-of]')) element.textContent = String(numbers[element.dataset.pageOf!]);
    }, first);
    const pdf = await page.pdf(PDF_OPTIONS);
    const second = await pageNumbers(pdf, anchors, join(scratch, 'second.pdf'));
    // A redirect with a delay may fire while printing: what was printed would not be the book.
    await Promise.race([confinement.leftTheBook, Promise.resolve()]);
    confinement.release();
    const moved = pagesMoved(first, second);
    if (moved.length > 0) {
      throw new Error(`filling in the page numbers moved ${moved.length} section(s), so the contents would be wrong:\n  ${moved.slice(0, 10).join('\n  ')}`);
    }

    // The old PDF stays whole until the new one is complete.
    writeFileAtomic(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    return {
      file,
      pages: parsePageCount(stdout),
      bytes: (await stat(file)).size,
      seconds: (performance.now() - started) / 1000,
      printed: new Date().toISOString(),
    };
  } finally {
    await context.close();
  }
}

/** On which page each anchor's section starts, read from the PDF's named destinations. */
async function pageNumbers(pdf: Buffer, anchors: readonly string[], path: string): Promise<Record<string, number>> {
  await writeFile(path, pdf);
  const { stdout } = await run('pdfinfo', ['-dests', path], { maxBuffer: 64 * 1024 * 1024 });
  return sectionPages(parseDestinations(stdout), anchors);
}

/**
 * Writes `pdfs.json` (atomically: pages fetch it while this runs) with the PDFs just written and those an earlier run
 * listed that are still there. A manifest this tool cannot read lists nothing worth keeping: it is rewritten.
 */
function writePdfManifest(outDir: string, written: readonly PdfEntry[], environmentIds: readonly string[]) {
  const path = join(outDir, PDF_MANIFEST_FILE);
  const previous = existsSync(path) ? parsePdfManifest(readFileSync(path, 'utf8')) : emptyPdfManifest();
  const manifest = mergePdfManifest(previous, written, { exists: (file) => existsSync(join(outDir, file)), environmentIds });
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Relative to the working directory when inside it, as the build prints paths; absolute otherwise. */
function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

await runCli('pdf', PDF_USAGE, async () => {
  await main(process.argv.slice(2));
  return 0;
});

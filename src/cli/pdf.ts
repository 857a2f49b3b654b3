/**
 * `npm run pdf [-- --env <environment>|all] [--service <service>|all]…`: prints the built book (`/book/`, see src/pages/book.astro, its pages'
 * bodies filled in from the built pages by src/node/book-source.ts) to `dist/runbooks.pdf`, placeholders shown as
 * `{{name}}`; `--env production` writes `dist/runbooks-production.pdf` with production's values; `--env all` writes
 * the default book and one per environment. `--service payments` prints that team's own book instead
 * (`dist/services/payments/runbooks[-<env>].pdf`: its cover, contents, alert index and bookmarks; links to other
 * teams' runbooks point at the site). Each book is printed in parts by Chromium and put together by qpdf
 * (src/node/print-book.ts).
 * Then it writes `dist/pdfs.json` (lib/web/pdf-manifest.ts), the PDFs of this build that the pages link: those just
 * printed and those of earlier runs on the same build (lib/book/printed-books.ts).
 *
 * Run after `npm run build`. Offline: the site is served from disk by a server of our own on 127.0.0.1. Knobs:
 * `RUNBOOKS_OUT_DIR` (the build, default `dist`), `CHROMIUM_PATH` (default `/usr/bin/chromium`); the base path is
 * read from the build (RUNBOOKS_BASE, when set, must agree with it). Needs qpdf, which puts the book together
 * from the parts Chromium prints (src/node/print-book.ts).
 * Exits 1 with a message when something is missing, 2 when the command line is wrong; a PDF is written to a
 * temporary file and renamed into place, so a failed run never leaves a half-written one.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from '@playwright/test';
import { mergePdfManifest } from '../lib/book/printed-books.ts';
import { formatBytes, plural } from '../lib/format.ts';
import { emptyPdfManifest, PDF_MANIFEST_FILE, type PdfEntry, parsePdfManifest } from '../lib/web/pdf-manifest.ts';
import { normalizeBase, pdfFileName } from '../lib/web/urls.ts';
import { type BookPart, readBookSource } from '../node/book-source.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../node/chromium.ts';
import { type BookDocuments, PAGES_PER_PART, printBook } from '../node/print-book.ts';
import { shownPath } from '../node/shown-path.ts';
import { serveStatic } from '../node/static-server.ts';
import { writeFileAtomic } from '../node/write-file-atomic.ts';
import { PDF_USAGE, parsePdfArgs, pdfTargets } from './pdf-options.ts';
import { runCli } from './shared.ts';

const run = promisify(execFile);

interface Written {
  file: string;
  pages: number;
  bytes: number;
  seconds: number;
  /** Where the time went: `38 parts 80.1 s, page numbers 6.0 s, …`. */
  steps: string;
  /** When it was written (ISO 8601). */
  printed: string;
}

async function main(argv: string[]): Promise<void> {
  const args = parsePdfArgs(argv);
  const { help } = args;
  if (help) {
    console.log(PDF_USAGE);
    return;
  }
  const outDir = resolve(process.env.RUNBOOKS_OUT_DIR ?? 'dist');
  const shown = shownPath(outDir);

  if (!existsSync(outDir)) throw new Error(`no build in ${shown}/: run "npm run build" first`);
  const book = readBookSource(outDir);
  const targets = pdfTargets(args, { environments: Object.keys(book.environments), services: Object.keys(book.services) });
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
    await run('qpdf', ['--version']);
  } catch {
    throw new Error('qpdf not found: install it (apt-get install qpdf); it puts the book together from the parts Chromium prints');
  }

  const started = performance.now();
  // Each book as documents of its own, printed at once (src/node/print-book.ts), served from memory:
  // `book/front/`, `book/part-1/` …, and `book/services/<service>/front/` … for a team's book.
  const books = new Map<string | undefined, { prefix: string; front: string; parts: BookPart[] }>();
  for (const service of new Set(targets.map((target) => target.service))) {
    const source = service === undefined ? book : readBookSource(outDir, service);
    books.set(service, { prefix: service === undefined ? 'book/' : `book/services/${service}/`, front: source.front, parts: source.parts(PAGES_PER_PART) });
  }
  const served: Record<string, string> = {};
  for (const { prefix, front, parts } of books.values()) {
    served[`${prefix}front/`] = front;
    parts.forEach((part, index) => {
      served[`${prefix}part-${index + 1}/`] = part.html;
    });
  }
  const server = await serveStatic({ dir: outDir, base, documents: served });
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
      for (const { service, env } of targets) {
        const { prefix, parts } = books.get(service)!;
        const file = join(outDir, pdfFileName(env, service));
        const query = env === undefined ? '' : `?env=${env}`;
        const documents = {
          front: `${server.url}${prefix}front/${query}`,
          parts: parts.map((part, index) => ({ url: `${server.url}${prefix}part-${index + 1}/${query}`, pages: part.slugs })),
        };
        const result = await printTarget(browser, documents, env, file, scratch);
        written.push({
          file: pdfFileName(env, service),
          service: service ?? null,
          serviceLabel: service === undefined ? null : (book.services[service] ?? service),
          environment: env ?? null,
          environmentLabel: env === undefined ? null : (book.environments[env] ?? env),
          pages: result.pages,
          bytes: result.bytes,
          commit: book.commit ?? null,
          printed: result.printed,
        });
        console.log(`${shownPath(result.file)}: ${result.pages} pages, ${formatBytes(result.bytes)}, ${result.seconds.toFixed(1)} s (${result.steps})`);
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

/** Prints one book (in parts, src/node/print-book.ts) and moves it into place. */
async function printTarget(browser: Browser, documents: BookDocuments, env: string | undefined, file: string, scratch: string): Promise<Written> {
  const started = performance.now();
  const work = await mkdtemp(join(scratch, 'book-'));
  try {
    const book = await printBook(browser, documents, env, work);
    for (const refused of book.refused) console.error(`warning: the book asked for ${refused}; the printer reads only the book, so it was refused`);
    // The old PDF stays whole until the new one is complete.
    writeFileAtomic(file, book.pdf);
    return {
      file,
      pages: book.pages,
      bytes: book.pdf.length,
      seconds: (performance.now() - started) / 1000,
      steps: book.steps.map(({ step, seconds }) => `${step} ${seconds.toFixed(1)} s`).join(', '),
      printed: new Date().toISOString(),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
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

await runCli('pdf', PDF_USAGE, async () => {
  await main(process.argv.slice(2));
  return 0;
});

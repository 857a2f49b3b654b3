/**
 * Prints the book in parts and assembles one PDF (`npm run pdf`, src/cli/pdf.ts).
 *
 * Why parts: Chromium's cost of printing one document grows faster than the document. Profiled on the 1000-runbook
 * benchmark book, untagged: 5 runbooks print at 34 pages/s, 25 at 48, 50 at 36, 100 at 29; the issue measured
 * 36 pages/s at 400 runbooks and 15 minutes for the whole book. So the pages are printed as documents of
 * PAGES_PER_PART runbooks, as many at once as there are cores, and qpdf puts them together. (One print keeps about
 * two cores busy, renderer and PDF compositor: on a 2-core machine two at once gain only 1.3×.)
 *
 * 1. the front matter (cover, contents, alert index) and every part print at once, each in a context of its own;
 *    each part gets a destination for every heading and keeps its links to other parts (prepareDocument);
 * 2. once every part's length is known, the contents and alert index get their page numbers and the front matter
 *    is printed again (its numbers sit in fixed-width boxes, so nothing in it moves: checked);
 * 3. "page N of M" for every page (lib/pdf/page-stamps.ts) prints beside step 2; qpdf merges the parts, lays the
 *    numbers over them, and writes in the whole book's named destinations, bookmarks and dates (lib/pdf/assembly.ts).
 *
 * What a single document had and this does not: the PDF is not tagged. qpdf keeps the structure tree of its first
 * input only, and a tagged part costs 1.5–2× the time and size; the bookmarks that tagging gave are made here.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { pagesMoved } from '../lib/book/page-numbers.ts';
import { assemblyUpdate, bookDestinations, bookOutline, type PrintedPart, sourceDate } from '../lib/pdf/assembly.ts';
import { footerStamps } from '../lib/pdf/page-stamps.ts';
import { partDestinations, readPdfObjects, readTrailer, wantedObjects } from '../lib/pdf/qpdf-json.ts';
import { type Confinement, confinePage } from './confined-page.ts';

const run = promisify(execFile);

/**
 * Runbooks per part: the fastest size measured (120 runbooks of the 1000-runbook book, one part after another: 15 a
 * part 33.6 s, 20 27.6 s, 30 23.9 s, 40 27.0 s). Fewer pay the load of a document, its styles and scripts, more
 * often; more lose to Chromium's superlinear layout.
 */
export const PAGES_PER_PART = 30;
/**
 * Sheets per document of page numbers: printing even blank sheets grows superlinearly (7500 in one: 132 s; 100, 200,
 * 400 and 800 take 1.8, 1.7, 1.0 and 1.8 ms a sheet).
 */
const STAMPS_PER_DOCUMENT = 400;

const MARGIN = { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' };
const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  // Untagged: see the header. Bookmarks come from lib/pdf/assembly.ts, not from Chromium's outline.
  tagged: false,
  outline: false,
  // No header and footer templates: the running header and footer are page-margin boxes of the book's own CSS
  // (src/layouts/Book.astro). Only a margin box can carry the section's title (a template knows the document's
  // title only), and a browser's own Print gets them too.
  displayHeaderFooter: false,
  margin: MARGIN,
} as const;

const BOOK_LOAD_TIMEOUT_MS = 10 * 60_000;

export interface BookDocuments {
  /** The front matter's address on the local server. */
  front: string;
  /** Each part's address and the slugs of its pages, in book order. */
  parts: { url: string; pages: readonly string[] }[];
}

export interface PrintedBook {
  pdf: Buffer;
  pages: number;
  /** Seconds spent in each step, in order: what `npm run pdf` prints, so that a slow book shows where its time went. */
  steps: { step: string; seconds: number }[];
  /** Requests to other hosts the book made, refused. */
  refused: string[];
}

interface OpenDocument {
  url: string;
  context: BrowserContext;
  page: Page;
  confinement: Confinement;
  prepared: Prepared;
}

/** What prepareDocument learnt of a document. */
interface Prepared {
  headings: { level: number; title: string; destination: string }[];
  /** Names of the stand-ins for ids of other parts (their destinations there are the real ones). */
  standIns: string[];
  /** The `[data-page-of]` anchors (contents and alert index), with the destination name of each. */
  pageOf: { anchor: string; destination: string }[];
}

/**
 * Prints `documents` for environment `env` (undefined: placeholders) into one PDF. `scratch` is a folder of its
 * own for the parts; `concurrency` defaults to the cores available.
 */
export async function printBook(
  browser: Browser,
  documents: BookDocuments,
  env: string | undefined,
  scratch: string,
  concurrency = availableParallelism(),
): Promise<PrintedBook> {
  const refused = new Set<string>();
  const steps: PrintedBook['steps'] = [];
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push({ step: name, seconds: (now - last) / 1000 });
    last = now;
  };
  const front = await openDocument(browser, documents.front, 'front', env);
  try {
    // The front matter's first print only measures it; it runs beside the parts.
    const frontFirst = pool(concurrency, [
      async () => printedPart(front, await front.page.pdf(PDF_OPTIONS), join(scratch, 'front-first.pdf')),
      ...documents.parts.map(({ url, pages }, index) => async () => {
        let open: OpenDocument | undefined;
        try {
          open = await openDocument(browser, url, `part-${index + 1}`, env);
          const printed = await printedPart(open, await open.page.pdf(PDF_OPTIONS), partFile(scratch, index));
          await checkStayed(open);
          for (const url of open.confinement.refused) refused.add(url);
          return printed;
        } catch (error) {
          const named = pages.length === 1 ? pages[0] : `${pages[0]} … ${pages.at(-1)}`;
          throw new Error(`part ${index + 1} of the book (${named}): ${(error as Error).message}`, { cause: error });
        } finally {
          await open?.context.close();
        }
      }),
    ]);
    const [first, ...parts] = await frontFirst;
    step(`${documents.parts.length} parts`);
    const destinations = bookDestinations([first!, ...parts]);

    // The numbers, then the front matter again.
    const numbers = Object.fromEntries(
      front.prepared.pageOf.map(({ anchor, destination }) => {
        const found = destinations.get(destination);
        if (found === undefined) throw new Error(`the PDF has no destination for #${anchor}: the contents would have no page for it`);
        return [anchor, found.page + 1];
      }),
    );
    await front.page.evaluate((numbers) => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-page-of]')) element.textContent = String(numbers[element.dataset.pageOf!]);
    }, numbers);
    // The front matter's length does not change with its numbers (checked below), so the footers of the whole book
    // print beside it.
    const total = [first!, ...parts].reduce((sum, part) => sum + part.pages, 0);
    const frontFile = join(scratch, 'front.pdf');
    const [second, stamps] = await Promise.all([
      front.page.pdf(PDF_OPTIONS).then((pdf) => printedPart(front, pdf, frontFile)),
      printStamps(browser, total, scratch, Math.max(1, concurrency - 1)),
    ]);
    await checkStayed(front);
    for (const url of front.confinement.refused) refused.add(url);
    const pageOf = (part: PrintedPart) => Object.fromEntries([...part.destinations].map(([name, { page }]) => [name.slice(1), page]));
    const moved = pagesMoved(pageOf(first!), pageOf(second));
    if (moved.length > 0 || second.pages !== first!.pages) {
      throw new Error(
        `filling in the page numbers moved ${moved.length} section(s) of the front matter, so the contents would be wrong:\n  ${moved.slice(0, 10).join('\n  ')}`,
      );
    }
    step('page numbers and footers');
    const all = [second, ...parts];
    const partFiles = documents.parts.map((_, index) => partFile(scratch, index));
    const pdf = await assemble(frontFile, partFiles, stamps, all, scratch);
    step('assembly');
    return { pdf, pages: total, steps, refused: [...refused] };
  } finally {
    await front.context.close();
  }
}

const partFile = (scratch: string, index: number) => join(scratch, `part-${String(index + 1).padStart(4, '0')}.pdf`);

/** Opens one document of the book in a context of its own, waits until it is ready and prepares it for printing. */
async function openDocument(browser: Browser, url: string, key: string, env: string | undefined): Promise<OpenDocument> {
  // A fresh context: no environment choice stored by another document, and a renderer of its own.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const confinement = await confinePage(context, page, url);
    // A part is a few megabytes of HTML, but a busy machine may still take a while; a book that leaves itself (a
    // redirect in a runbook) fails at once instead.
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
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const applied = await page.evaluate(() => document.documentElement.dataset.environment);
    if (applied !== (env ?? '')) throw new Error(`the book at ${url} shows environment "${applied ?? ''}", not "${env ?? ''}"`);
    return { url, context, page, confinement, prepared: await page.evaluate(prepareDocument, key) };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Runs in the page before it is printed (serialised by Playwright: no closures). Chromium writes a named
 * destination only for an element that a link of the same document points at, and drops a link whose target is
 * not in the document. So every id of the book gets a hidden link to it (headings without one get one: the
 * bookmarks need their destinations), and every id this document links to but does not hold (a runbook printed in another part) gets an empty stand-in,
 * so that the link is kept; the assembled book's destination of that name is the real one. The footer loses its
 * page number, which is laid over later (lib/pdf/page-stamps.ts).
 */
function prepareDocument(key: string): Prepared {
  const nameOf = (id: string) => {
    const link = document.createElement('a');
    link.href = `#${id}`;
    // Chromium names a destination as the link's fragment is written: percent-encoded.
    return `/${new URL(link.href).hash.slice(1)}`;
  };
  const links = document.createElement('nav');
  links.hidden = true;
  const headings: Prepared['headings'] = [];
  let unnamed = 0;
  for (const heading of document.querySelectorAll<HTMLElement>('main :is(h1, h2, h3, h4, h5, h6)')) {
    if (heading.getClientRects().length === 0) continue;
    // Named after the document too: the destinations of all parts share one name space.
    if (!heading.id) heading.id = `${key}-heading-${++unnamed}`;
    headings.push({ level: Number(heading.tagName[1]), title: (heading.textContent ?? '').replace(/\s+/g, ' ').trim(), destination: nameOf(heading.id) });
  }
  // Every id, not only the headings': a link in another part may point at any of them.
  for (const element of document.querySelectorAll('main [id]')) {
    const link = document.createElement('a');
    link.href = `#${element.id}`;
    links.append(link);
  }
  const standIns = document.createElement('div');
  standIns.style.cssText = 'position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: hidden;';
  const standInNames: string[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const id = decodeURIComponent(link.hash.slice(1));
    if (id === '' || document.getElementById(id)) continue;
    const standIn = document.createElement('span');
    standIn.id = id;
    standIns.append(standIn);
    standInNames.push(nameOf(id));
  }
  document.body.append(links, standIns);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('@page { @bottom-right { content: none; } }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const pageOf = [...new Set([...document.querySelectorAll<HTMLElement>('[data-page-of]')].map((element) => element.dataset.pageOf!))];
  return { headings, standIns: standInNames, pageOf: pageOf.map((anchor) => ({ anchor, destination: nameOf(anchor) })) };
}

/** Writes a printed document to `file` and reads back its length and destinations. */
async function printedPart(open: OpenDocument, pdf: Buffer, file: string): Promise<PrintedPart> {
  await writeFile(file, pdf);
  const objects = readPdfObjects(await qpdfJson(file));
  return {
    pages: objects.pageObjects.length,
    destinations: partDestinations(objects, new Set(open.prepared.standIns)),
    headings: open.prepared.headings,
  };
}

/** A redirect with a delay may fire while printing: what was printed would not be the book. */
async function checkStayed(open: OpenDocument): Promise<void> {
  await Promise.race([open.confinement.leftTheBook, Promise.resolve()]);
  open.confinement.release();
}

/** Prints the page numbers of a book of `total` pages, in documents of STAMPS_PER_DOCUMENT sheets. */
async function printStamps(browser: Browser, total: number, scratch: string, concurrency: number): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const jobs: (() => Promise<string>)[] = [];
    for (let first = 1; first <= total; first += STAMPS_PER_DOCUMENT) {
      jobs.push(async () => {
        const page = await context.newPage();
        try {
          await page.setContent(footerStamps(first, Math.min(first + STAMPS_PER_DOCUMENT - 1, total), total));
          const file = join(scratch, `stamps-${String(first).padStart(6, '0')}.pdf`);
          await writeFile(file, await page.pdf({ ...PDF_OPTIONS, printBackground: false }));
          return file;
        } finally {
          await page.close();
        }
      });
    }
    return await pool(concurrency, jobs);
  } finally {
    await context.close();
  }
}

/** qpdf merges the parts, lays the page numbers over them, and writes in the book's destinations and bookmarks. */
async function assemble(frontFile: string, partFiles: string[], stampFiles: string[], parts: PrintedPart[], scratch: string): Promise<Buffer> {
  const merged = join(scratch, 'merged.pdf');
  const stamps = join(scratch, 'stamps.pdf');
  // The front matter first: its catalog and document information (the title) are the book's.
  await qpdf([frontFile, '--pages', frontFile, ...partFiles, '--', merged]);
  await qpdf(['--empty', '--pages', ...stampFiles, '--', stamps]);
  const trailer = readTrailer(await qpdfJson(merged, ['trailer']));
  const objects = readPdfObjects(await qpdfJson(merged, ['trailer', ...wantedObjects(trailer)]));
  if (objects.pageObjects.length !== parts.reduce((sum, part) => sum + part.pages, 0)) {
    throw new Error(`qpdf merged ${objects.pageObjects.length} pages, but the parts have ${parts.reduce((sum, part) => sum + part.pages, 0)}`);
  }
  const destinations = bookDestinations(parts);
  const update = assemblyUpdate({
    ...objects,
    destinations,
    outline: bookOutline(parts, destinations),
    date: sourceDate(process.env.SOURCE_DATE_EPOCH),
  });
  const updateFile = join(scratch, 'update.json');
  await writeFile(updateFile, JSON.stringify(update));
  const book = join(scratch, 'book.pdf');
  await qpdf([
    merged,
    `--update-from-json=${updateFile}`,
    '--overlay',
    stamps,
    '--',
    // The same content gives the same file identifier (with SOURCE_DATE_EPOCH, the same bytes); object streams
    // pack the many small objects (links, bookmarks, destinations) of a book of thousands of pages.
    '--deterministic-id',
    '--object-streams=generate',
    book,
  ]);
  return readFile(book);
}

async function qpdf(args: string[]): Promise<string> {
  try {
    // Exit status 3 is "done, with warnings": Chromium's PDFs give none, but a warning must not fail the book.
    const { stdout } = await run('qpdf', ['--warning-exit-0', ...args], { maxBuffer: 1024 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new Error('qpdf not found: install it (apt-get install qpdf); it assembles the book from its parts');
    throw new Error(`qpdf ${args.join(' ')} failed: ${(failure.stderr ?? failure.message).trim()}`, { cause: error });
  }
}

/** qpdf's JSON of `file`'s pages and objects: all of them, or those named (`trailer`, `12,0`). */
function qpdfJson(file: string, objects: readonly string[] = []): Promise<string> {
  return qpdf(['--json', '--json-key=pages', '--json-key=qpdf', ...objects.map((object) => `--json-object=${object}`), file]);
}

/** Runs `jobs` with at most `limit` at once; results in order; the first failure rejects (the rest still settle). */
async function pool<T>(limit: number, jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < jobs.length) {
      const index = next++;
      try {
        results[index] = await jobs[index]!();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return results;
}

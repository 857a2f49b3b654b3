/**
 * Prints the book in parts and assembles one PDF (`npm run pdf`, src/cli/pdf.ts).
 *
 * Why parts: Chromium's cost of printing one document grows faster than the document. Profiled on the 1000-runbook
 * benchmark book, untagged: 5 runbooks print at 34 pages/s, 25 at 48, 50 at 36, 100 at 29; the issue measured
 * 36 pages/s at 400 runbooks and 15 minutes for the whole book. So the pages are printed as documents of
 * PAGES_PER_PART runbooks, as many at once as there are cores, and qpdf puts them together. (One print keeps about
 * two cores busy, renderer and PDF compositor: on a 2-core machine two at once gain only 1.3×.)
 *
 * 1. the front matter (cover, contents, alert index) and every part print, as many at once as there are cores, on
 *    pages laid out as paper is from the start (TEXT_WIDTH_PX) and reused from one document to the next (Printer);
 *    each part gets a destination for every heading and keeps its links to other parts (prepareDocument);
 * 2. once every part's length is known, the contents and alert index get their page numbers and the front matter
 *    is printed again (its numbers sit in fixed-width boxes, so nothing in it moves: checked); beside it, "page N
 *    of M" for every page (lib/pdf/page-stamps.ts);
 * 3. qpdf merges the parts, lays the numbers over them, and writes in the whole book's named destinations,
 *    bookmarks and dates (lib/pdf/assembly.ts).
 *
 * Where the time goes at 1000 runbooks (7523 pages) on two cores: step 1 about 100 s, CPU-bound in Chromium's
 * renderers; step 2 about 11 s; step 3 about 27 s, single-threaded, most of it qpdf's overlay of the numbers
 * (12 s; the merge alone takes 3.5 s).
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
import { type Confinement, confinePage, type Watch } from './confined-page.ts';

const run = promisify(execFile);

/**
 * Runbooks per part: the fastest size measured (120 runbooks of the 1000-runbook book, one part after another: 15 a
 * part 33.6 s, 20 27.6 s, 30 23.9 s, 40 27.0 s). Fewer pay the load of a document, its styles and scripts, more
 * often; more lose to Chromium's superlinear layout.
 */
export const PAGES_PER_PART = 30;
/**
 * Sheets per document of page numbers: printing even blank sheets grows superlinearly (7523 in one: 123 s, 2000:
 * 2.1 ms a sheet; 100, 200 and 400: 1.7, 0.65 and 0.65–1.6 ms).
 */
const STAMPS_PER_DOCUMENT = 200;

const MARGIN = { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' };
/**
 * The width of an A4 page's text, in CSS pixels (96 to the inch): what each document is laid out at before it is
 * printed. Chromium lays a document out when it loads, for the screen, and again when it prints. Laid out for print
 * (print media, the page's width) from the start, the second layout reuses most of the first: the parts of the
 * 1000-runbook book then print in 30% less time, to the same bytes.
 */
const A4_WIDTH_MM = 210;
const TEXT_WIDTH_PX = Math.round(((A4_WIDTH_MM - Number.parseFloat(MARGIN.left) - Number.parseFloat(MARGIN.right)) / 25.4) * 96);
/**
 * A page keeps some of each document it showed (a part's renderer: 1.2 GiB after one, 1.5 after eight): replaced
 * after this many, which keeps most of the time reuse saves (10 parts one after another: 50.5 s on a page each,
 * 41.5 s on one page, 43.9 s on a page every three) and the whole print under 3 GiB.
 */
const DOCUMENTS_PER_PRINTER = 3;
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
/** How long a book whose script threw may still take to become ready. */
const SCRIPT_ERROR_GRACE_MS = 5_000;

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

/**
 * A page that prints documents of the book one after another (up to DOCUMENTS_PER_PRINTER): a page per document
 * cost a renderer process each. Each document is a fresh load, and its environment comes from its address
 * (`?env=`), so nothing carries over from one to the next.
 */
interface Printer {
  context: BrowserContext;
  page: Page;
  confinement: Confinement;
  /** How many documents it has printed: it is replaced after DOCUMENTS_PER_PRINTER. */
  documents: number;
}

interface OpenDocument {
  url: string;
  printer: Printer;
  watch: Watch;
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
  const steps: PrintedBook['steps'] = [];
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push({ step: name, seconds: (now - last) / 1000 });
    last = now;
  };
  const origin = new URL(documents.front).origin;
  const printers = new Set<Printer>();
  const newPrinter = async () => {
    const printer = await openPrinter(browser, origin);
    printers.add(printer);
    return printer;
  };
  const refused = new Set<string>();
  const closePrinter = async (printer: Printer) => {
    printers.delete(printer);
    for (const url of printer.confinement.refused) refused.add(url);
    await printer.context.close();
  };
  // Printers free between two documents: at most `concurrency` of them.
  const idle: Printer[] = [];
  /**
   * Prints one document of the book on a free printer (a new one when none is free; closed after it when `last`);
   * `beforePrint` changes the loaded document; `name` says which document in an error.
   */
  const printDocument = async (url: string, key: string, file: string, name: string, last = false, beforePrint?: (page: Page) => Promise<void>) => {
    const printer = idle.pop() ?? (await newPrinter());
    try {
      const open = await openDocument(printer, url, key, env);
      await beforePrint?.(printer.page);
      const printed = await printedPart(open, await printer.page.pdf(PDF_OPTIONS), file);
      await checkStayed(open);
      printer.documents += 1;
      if (last || printer.documents >= DOCUMENTS_PER_PRINTER) await closePrinter(printer);
      else idle.push(printer);
      return { printed, prepared: open.prepared };
    } catch (error) {
      // Whatever state it is in, it prints nothing more.
      await closePrinter(printer);
      throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
    }
  };
  try {
    // The front matter's first print only measures it: it is printed again below, with its page numbers.
    const [frontFirst, ...printedParts] = await pool(concurrency, [
      // Its page is not reused: the front matter is the largest document, and what a page keeps of it is the most.
      () => printDocument(documents.front, 'front', join(scratch, 'front-first.pdf'), 'the front matter of the book', true),
      ...documents.parts.map(
        ({ url, pages }, index) =>
          () =>
            printDocument(url, `part-${index + 1}`, partFile(scratch, index), partName(index, pages)),
      ),
    ]);
    const first = frontFirst!.printed;
    const parts = printedParts.map((part) => part.printed);
    // A reused page keeps some of what it showed: freed before the front matter is loaded again.
    await Promise.all(idle.splice(0).map(closePrinter));
    step(`${documents.parts.length} parts`);
    const destinations = bookDestinations([first, ...parts]);

    // The numbers, then the front matter again, beside the footers of the whole book: its length does not change
    // with its numbers (checked below).
    const numbers = Object.fromEntries(
      frontFirst!.prepared.pageOf.map(({ anchor, destination }) => {
        const found = destinations.get(destination);
        if (found === undefined) throw new Error(`the PDF has no destination for #${anchor}: the contents would have no page for it`);
        return [anchor, found.page + 1];
      }),
    );
    const total = [first, ...parts].reduce((sum, part) => sum + part.pages, 0);
    const frontFile = join(scratch, 'front.pdf');
    const [second, stamps] = await Promise.all([
      printDocument(documents.front, 'front', frontFile, 'the front matter of the book, with its page numbers', true, async (page) => {
        await page.evaluate((numbers) => {
          for (const element of document.querySelectorAll<HTMLElement>('[data-page-of]')) element.textContent = String(numbers[element.dataset.pageOf!]);
        }, numbers);
      }).then(({ printed }) => printed),
      printStamps(browser, total, scratch, Math.max(1, concurrency - 1)),
    ]);
    const pageOf = (part: PrintedPart) => Object.fromEntries([...part.destinations].map(([name, { page }]) => [name.slice(1), page]));
    const moved = pagesMoved(pageOf(first), pageOf(second));
    if (moved.length > 0 || second.pages !== first.pages) {
      throw new Error(
        `filling in the page numbers moved ${moved.length} section(s) of the front matter, so the contents would be wrong:\n  ${moved.slice(0, 10).join('\n  ')}`,
      );
    }
    step('page numbers and footers');
    const all = [second, ...parts];
    const partFiles = documents.parts.map((_, index) => partFile(scratch, index));
    const pdf = await assemble(frontFile, partFiles, stamps, all, scratch);
    step('assembly');
    await Promise.all([...printers].map(closePrinter));
    return { pdf, pages: total, steps, refused: [...refused] };
  } finally {
    await Promise.all([...printers].map(closePrinter));
  }
}

/** How an error names a part: `part 3 of the book (db/cpu … db/lag)`. */
const partName = (index: number, pages: readonly string[]) =>
  `part ${index + 1} of the book (${pages.length === 1 ? pages[0] : `${pages[0]} … ${pages.at(-1)}`})`;

const partFile = (scratch: string, index: number) => join(scratch, `part-${String(index + 1).padStart(4, '0')}.pdf`);

/** A page of a context of its own, confined to the book's server, laid out as paper is (TEXT_WIDTH_PX). */
async function openPrinter(browser: Browser, origin: string): Promise<Printer> {
  const context = await browser.newContext({ viewport: { width: TEXT_WIDTH_PX, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    return { context, page, confinement: await confinePage(context, page, origin), documents: 0 };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Sends `printer` to one document of the book, waits until it is ready and prepares it for printing. */
async function openDocument(printer: Printer, url: string, key: string, env: string | undefined): Promise<OpenDocument> {
  const { page } = printer;
  const watch = printer.confinement.watch(url);
  // The book's script failing leaves it never ready: the print fails soon after, naming the error, not after
  // BOOK_LOAD_TIMEOUT_MS. The grace lets a script that recovers finish.
  const scriptFailed = Promise.withResolvers<never>();
  scriptFailed.promise.catch(() => {});
  let failedTimer: NodeJS.Timeout | undefined;
  const onError = (error: Error) => {
    failedTimer ??= setTimeout(
      () => scriptFailed.reject(new Error(`the book's script failed at ${url} and the book did not become ready: ${error.message}`)),
      SCRIPT_ERROR_GRACE_MS,
    );
  };
  page.on('pageerror', onError);
  try {
    // A part is a few megabytes of HTML, but a busy machine may still take a while; a book that leaves itself (a
    // redirect in a runbook) fails at once instead.
    const response = await Promise.race([page.goto(url, { waitUntil: 'load', timeout: BOOK_LOAD_TIMEOUT_MS }), watch.leftTheBook]);
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}: is the build complete?`);
    await Promise.race([
      page
        .locator('html[data-book-ready]')
        .waitFor({ state: 'attached', timeout: BOOK_LOAD_TIMEOUT_MS })
        .catch((error: unknown) => {
          throw new Error(`the book's script did not finish at ${url} (no html[data-book-ready] after ${BOOK_LOAD_TIMEOUT_MS / 1000} s)`, { cause: error });
        }),
      watch.leftTheBook,
      scriptFailed.promise,
    ]);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const applied = await page.evaluate(() => document.documentElement.dataset.environment);
    if (applied !== (env ?? '')) throw new Error(`the book at ${url} shows environment "${applied ?? ''}", not "${env ?? ''}"`);
    return { url, printer, watch, prepared: await page.evaluate(prepareDocument, key) };
  } catch (error) {
    watch.release();
    throw error;
  } finally {
    page.off('pageerror', onError);
    clearTimeout(failedTimer);
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
  try {
    await Promise.race([open.watch.leftTheBook, Promise.resolve()]);
  } finally {
    open.watch.release();
  }
}

/**
 * Prints the page numbers of a book of `total` pages, in documents of STAMPS_PER_DOCUMENT sheets, each page printing
 * one document after another: a page per document cost three times as much (7523 sheets: 22.5 s against 6.8 s).
 */
async function printStamps(browser: Browser, total: number, scratch: string, concurrency: number): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const idle: Page[] = [];
    const jobs: (() => Promise<string>)[] = [];
    for (let first = 1; first <= total; first += STAMPS_PER_DOCUMENT) {
      jobs.push(async () => {
        const page = idle.pop() ?? (await context.newPage());
        await page.setContent(footerStamps(first, Math.min(first + STAMPS_PER_DOCUMENT - 1, total), total));
        const file = join(scratch, `stamps-${String(first).padStart(6, '0')}.pdf`);
        await writeFile(file, await page.pdf({ ...PDF_OPTIONS, printBackground: false }));
        idle.push(page);
        return file;
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
  // Two qpdf at once: each uses one core.
  await Promise.all([qpdf([frontFile, '--pages', frontFile, ...partFiles, '--', merged]), qpdf(['--empty', '--pages', ...stampFiles, '--', stamps])]);
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

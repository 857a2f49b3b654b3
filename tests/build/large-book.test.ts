import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { flattenOutline, type OutlineItem, parseOutline } from '../helpers/pdf-outline.ts';
import { lines, literal, normal, pdfPages } from '../helpers/pdf-text.ts';
import { buildEnv, PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * `npm run pdf` prints the book in parts (PAGES_PER_PART runbooks each) and qpdf assembles them (src/node/print-book.ts,
 * src/lib/pdf/assembly.ts). A book of 200 generated runbooks (bench/gen-corpus.mjs: seven parts) is built, printed and
 * read back with poppler as a reader sees it: contents and alert index numbers, "page N of M" on every page,
 * bookmarks, links between parts, pdfs.json, and the same bytes from a second print with the same SOURCE_DATE_EPOCH.
 * Every expectation comes from the generated Markdown and from the build's book frame (the book order), never from
 * the PDF under test.
 *
 * Two links are added before the last build: the last runbook links to the first (last part → first), and the second
 * runbook links to a heading of the one before last (first part → last).
 */
const COUNT = 200;
const EPOCH = '1700000000';
const RUNNING_HEADER = 'Runbooks book';
const SEVERITIES = 'critical|high|medium|low';
const LONG = { timeout: 10 * 60_000 };

const work = mkdtempSync(join(tmpdir(), 'large-book-'));
const content = join(work, 'content');
const runbooksDir = join(content, 'runbooks');
const outDir = join(work, 'dist');
const pdfFile = join(outDir, 'runbooks.pdf');
after(() => rmSync(work, { recursive: true, force: true }));

const env = buildEnv({ content, out: outDir, cache: join(work, 'cache') }, { RUNBOOKS_BASE: undefined, RUNBOOKS_SITE: undefined, SOURCE_DATE_EPOCH: EPOCH });

async function cli(tool: 'build' | 'pdf'): Promise<string> {
  const { status, stdout, stderr } = await runCli(tool, [], { env });
  assert.equal(status, 0, `${tool} failed:\n${stdout}${stderr}`);
  return stdout + stderr;
}

// --- The source: what each generated runbook says -------------------------------------------------------------

interface Source {
  slug: string;
  file: string;
  title: string;
  alerts: string[];
  /** The text of its `## ` headings, in order, outside code fences. */
  sections: string[];
}

/** `## ` headings outside fenced code (``` or ~~~, indented or not, as list items hold them). */
function h2Headings(markdown: string): string[] {
  const headings: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (marker !== undefined) {
      fence = marker;
    } else if (line.startsWith('## ')) {
      headings.push(line.slice(3).trim());
    }
  }
  return headings;
}

function readSource(slug: string, file: string): Source {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, `${file} has frontmatter`);
  const data = parseYaml(match[1]!) as { title: string; alerts?: string[] };
  return { slug, file, title: data.title, alerts: data.alerts ?? [], sections: h2Headings(match[2]!) };
}

/** Every generated runbook by its book anchor (`rb-<group>--<name>`, the id of its section in the book frame). */
function readSources(): Map<string, Source> {
  const sources = new Map<string, Source>();
  for (const group of readdirSync(runbooksDir)) {
    for (const name of readdirSync(join(runbooksDir, group))) {
      const base = name.replace(/\.mdx?$/, '');
      sources.set(`rb-${group}--${base}`, readSource(`${group}/${base}`, join(runbooksDir, group, name)));
    }
  }
  return sources;
}

/** The runbooks in book order, as the build's book frame lists their sections. */
function bookOrder(sources: ReadonlyMap<string, Source>): Source[] {
  const frame = readFileSync(join(outDir, 'book', 'index.html'), 'utf8');
  const ids = [...frame.matchAll(/<section class="book-page" id="([^"]+)"/g)].map((match) => match[1]!);
  return ids.map((id) => {
    const source = sources.get(id);
    assert.ok(source, `the book frame's section #${id} is a generated runbook`);
    return source;
  });
}

// --- The PDF as poppler reads it ------------------------------------------------------------------------------

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function pdfInfo(file: string, ...options: string[]): string {
  return execFileSync('pdfinfo', [...options, file], { encoding: 'utf8' });
}
function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(pdfInfo(file))?.[1]);
}

/** The trailer's /ID of a PDF, as written (hex strings), to say what differs between two prints. */
function fileId(file: string): string {
  const raw = readFileSync(file).toString('latin1');
  return [...raw.matchAll(/\/ID\s*\[\s*<([0-9a-fA-F]*)>\s*<([0-9a-fA-F]*)>\s*\]/g)].at(-1)?.slice(1).join(' ') ?? '(none)';
}

/** Internal links on pages `first`..`last`: pdftohtml writes a link to page N as `href="<name>.html#N"`. */
function internalLinks(file: string, first: number, last: number): { target: number; label: string }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', String(first), '-l', String(last), file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...xml.matchAll(/<a href="[^"#]*#(\d+)">([^<]*)<\/a>/g)].map(([, target, label]) => ({ target: Number(target), label: normal(label!) }));
}

interface Book {
  /** The text of each page (pdftotext -layout), page N at index N - 1. */
  pages: string[];
  total: number;
  /** Page of each runbook as the contents give it, with its title, in the order the contents list them. */
  contents: { title: string; page: number }[];
  contentsPages: number[];
  /** Each row of the alert index: alert name and the page it names. */
  alertRows: { alert: string; page: number }[];
  alertIndexPages: number[];
  outline: OutlineItem[];
}

/** The footer line of page `number` (1-based): the section's title (if any), then "page N of M". */
const footer = (book: Book, number: number) => lines(book.pages[number - 1] ?? '').at(-1) ?? '';
/** The section a page's footer names ('' for the cover). */
const footerSection = (book: Book, number: number) => /^(.*?)\s*page \d+ of \d+$/.exec(footer(book, number))?.[1] ?? '(no page number)';
/** The page's text from its top, the running header left out. */
function top(book: Book, number: number): string {
  const pageLines = lines(book.pages[number - 1] ?? '');
  return normal((pageLines[0] === RUNNING_HEADER ? pageLines.slice(1) : pageLines).join(' '));
}

function readBook(file: string): Book {
  const pages = pdfPages(file);
  // pdftotext ends every page with a form feed: the last piece is empty.
  if (pages.at(-1)?.trim() === '') pages.pop();
  const book: Book = { pages, total: pageCount(file), contents: [], contentsPages: [], alertRows: [], alertIndexPages: [], outline: [] };
  for (let number = 1; number <= pages.length; number += 1) {
    if (footerSection(book, number) === 'Contents') book.contentsPages.push(number);
    if (footerSection(book, number) === 'Alert index') book.alertIndexPages.push(number);
  }
  const entry = new RegExp(`^(.+?)\\s+(?:${SEVERITIES})\\s+(\\d+)$`);
  for (const number of book.contentsPages) {
    for (const line of lines(pages[number - 1]!).slice(0, -1)) {
      const match = entry.exec(line);
      if (match) book.contents.push({ title: normal(match[1]!), page: Number(match[2]) });
    }
  }
  // A row's first line: the alert, the start of the runbook's title, its severity, the page (the title wraps below).
  const row = new RegExp(`^([A-Za-z][A-Za-z0-9_]*)\\s{2,}\\S.*\\s(?:${SEVERITIES})\\s+(\\d+)$`);
  for (const number of book.alertIndexPages) {
    for (const line of lines(pages[number - 1]!).slice(0, -1)) {
      const match = row.exec(line);
      if (match) book.alertRows.push({ alert: match[1]!, page: Number(match[2]) });
    }
  }
  book.outline = parseOutline(
    execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', '1', '-l', '1', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
  return book;
}

/** Page `number` begins the section `title`: its title at the top, its footer names it, the page before is another section's. */
function assertStarts(book: Book, number: number, title: string, what: string): void {
  assert.ok(number >= 1 && number <= book.total, `${what}: page ${number} is in the book of ${book.total} pages`);
  assert.ok(top(book, number).startsWith(title), `${what}: page ${number} starts with "${title}", but reads "${top(book, number).slice(0, 120)}"`);
  assert.match(footer(book, number), new RegExp(`^${literal(title)}\\s+page ${number} of ${book.total}$`), `${what}: footer of page ${number}`);
  assert.notEqual(footerSection(book, number - 1), title, `${what}: page ${number - 1} belongs to another section`);
}

// --- The book ---------------------------------------------------------------------------------------------------

const HEADING = 'Escalation';
const HEADING_ID = 'escalation';
const TO_EARLY = 'Back to the opening runbook of the book';
const TO_HEADING = 'Escalation steps of a late runbook in another part';

describe(`a book of ${COUNT} runbooks printed in parts`, () => {
  let order: Source[] = [];
  let book: Book;
  let firstHash = '';
  /** The runbooks of the two added links: the last links to the first, the second to a heading of the one before last. */
  let picks: { early: Source; lateSource: Source; earlySource: Source; lateTarget: Source };
  /** Page range of each runbook, by slug, from the contents. */
  const ranges = new Map<string, { first: number; last: number }>();

  before(async () => {
    execFileSync(process.execPath, [join(PROJECT, 'bench/gen-corpus.mjs'), '--count', String(COUNT), '--out', runbooksDir], { cwd: PROJECT, stdio: 'pipe' });
    await cli('build');
    order = bookOrder(readSources());
    assert.equal(order.length, COUNT, 'the book has every generated runbook');
    picks = { early: order[0]!, earlySource: order[1]!, lateTarget: order.at(-2)!, lateSource: order.at(-1)! };
    assert.ok(picks.lateTarget.sections.includes(HEADING), `${picks.lateTarget.file} has "## ${HEADING}"`);
    // Paragraphs of their own that start with the link, so that pdftohtml's link label is the link's text.
    appendFileSync(picks.lateSource.file, `\n[${TO_EARLY}](/runbooks/${picks.early.slug}/)\n`);
    appendFileSync(picks.earlySource.file, `\n[${TO_HEADING}](/runbooks/${picks.lateTarget.slug}/#${HEADING_ID})\n`);
    await cli('build');
    // The order is the same after the edit, and the edit changed no heading.
    assert.deepEqual(
      bookOrder(readSources()).map((source) => [source.slug, source.sections]),
      order.map((source) => [source.slug, source.sections]),
    );
    await cli('pdf');
    firstHash = sha256(pdfFile);
    book = readBook(pdfFile);
    const titles = new Set(order.map((source) => source.title));
    assert.equal(titles.size, COUNT, 'the generated titles are unique');
    order.forEach((source, index) => {
      const first = book.contents.find((entry) => entry.title === source.title)?.page;
      const next = book.contents.find((entry) => entry.title === order[index + 1]?.title)?.page ?? book.total + 1;
      if (first !== undefined) ranges.set(source.slug, { first, last: next - 1 });
    });
  }, LONG);

  test('poppler reads as many pages as pdfinfo counts', () => {
    assert.equal(book.pages.length, book.total);
    assert.ok(book.total > COUNT * 2, `${book.total} pages`);
  });

  test('the contents list every runbook in book order', () => {
    assert.ok(book.contentsPages.length > 1, 'the contents run over several pages');
    assert.deepEqual(
      book.contents.map((entry) => entry.title),
      order.map((source) => source.title),
    );
  });

  test('contents page numbers: the first, a middle and the last three entries name the page their runbook starts on', () => {
    const samples = [0, Math.floor(COUNT / 2), COUNT - 3, COUNT - 2, COUNT - 1].map((index) => book.contents[index]!);
    for (const { title, page } of samples) assertStarts(book, page, title, `contents: ${title}`);
  });

  test('contents page numbers: every entry names the page its runbook starts on', () => {
    for (const { title, page } of book.contents) assertStarts(book, page, title, `contents: ${title}`);
  });

  test('the alert index lists every alert once and names the page of the runbook that handles it, to the last row', () => {
    const handler = new Map(order.flatMap((source) => source.alerts.map((alert) => [alert, source] as const)));
    assert.ok(book.alertIndexPages.length > 1, 'the alert index runs over several pages');
    assert.deepEqual(book.alertRows.map((row) => row.alert).sort(), [...handler.keys()].sort());
    assert.ok(book.alertIndexPages.at(-1)! > book.contentsPages.at(-1)!, 'the alert index comes after the contents');
    for (const { alert, page } of book.alertRows) assertStarts(book, page, handler.get(alert)!.title, `alert ${alert}`);
    // The very last row is on the last page of the index.
    const lastRow = book.alertRows.at(-1)!.alert;
    assert.ok(
      lines(book.pages[book.alertIndexPages.at(-1)! - 1]!).some((line) => line.startsWith(`${lastRow} `)),
      `${lastRow} is on the last page of the index`,
    );
  });

  test('every page ends with "page N of M", N its own number and M the pages pdfinfo counts, once', () => {
    for (let number = 1; number <= book.total; number += 1) {
      assert.match(footer(book, number), new RegExp(`(?:^|\\s)page ${number} of ${book.total}$`), `footer of page ${number}`);
      assert.equal(book.pages[number - 1]!.match(/\bpage \d+ of \d+\b/g)?.length, 1, `one page number on page ${number}`);
    }
  });

  test('every page of a runbook names that runbook in its footer, from its first page to the next runbook', () => {
    assert.equal(ranges.size, COUNT);
    for (const source of order) {
      const { first, last } = ranges.get(source.slug)!;
      assert.ok(first <= last, `${source.title}: pages ${first}–${last}`);
      for (let number = first; number <= last; number += 1) assert.equal(footerSection(book, number), source.title, `footer of page ${number}`);
    }
  });

  test('bookmarks: Runbooks, Contents, Alert index, then one per runbook in the order of the contents', () => {
    const [cover, contents, alertIndex, ...runbooks] = book.outline;
    assert.deepEqual([cover?.title, contents?.title, alertIndex?.title], ['Runbooks', 'Contents', 'Alert index']);
    assert.deepEqual([cover?.page, contents?.page, alertIndex?.page], [1, book.contentsPages[0], book.alertIndexPages[0]]);
    assert.deepEqual(
      runbooks.map((item) => item.title),
      book.contents.map((entry) => entry.title),
    );
  });

  test("bookmarks: each runbook's bookmark opens the page the contents name", () => {
    const runbooks = book.outline.slice(3);
    const wrong = runbooks.flatMap((item, index) => {
      const named = book.contents[index]?.page;
      return item.page === named ? [] : [`${item.title}: bookmark → page ${item.page}, contents → page ${named}`];
    });
    assert.equal(runbooks.length, COUNT);
    assert.equal(
      wrong.length,
      0,
      `${wrong.length} of ${runbooks.length} runbook bookmarks open the wrong page, among them:\n  ${wrong.slice(0, 12).join('\n  ')}`,
    );
  });

  test("bookmarks: a runbook's children are its ## headings in order, on non-decreasing pages within the runbook", () => {
    const runbooks = book.outline.slice(3);
    assert.equal(runbooks.length, COUNT);
    runbooks.forEach((item, index) => {
      const source = order[index]!;
      assert.deepEqual(
        item.children.map((child) => child.title),
        source.sections,
        `sections of ${source.title}`,
      );
      const { first, last } = ranges.get(source.slug)!;
      const pages = flattenOutline(item.children).map(({ item: child }) => child.page);
      pages.forEach((page, at) => {
        assert.ok(page !== undefined && page >= first && page <= last, `${source.title}: a section on page ${page}, outside pages ${first}–${last}`);
        if (at > 0) assert.ok(page >= pages[at - 1]!, `${source.title}: sections go back from page ${pages[at - 1]} to ${page}`);
      });
    });
  });

  test('a link at the end of the book to the first runbook lands on its first page', () => {
    const { early, lateSource } = picks;
    const { first, last } = ranges.get(lateSource.slug)!;
    const links = internalLinks(pdfFile, first, last).filter((link) => link.label.includes('opening runbook'));
    assert.equal(links.length, 1, `one link "${TO_EARLY}" on pages ${first}–${last}`);
    assert.ok(links[0]!.target < ranges.get(order[COUNT / 2]!.slug)!.first, 'the target is early in the book');
    assert.equal(links[0]!.target, ranges.get(early.slug)!.first);
    assertStarts(book, links[0]!.target, early.title, `link "${TO_EARLY}"`);
  });

  test("a link early in the book to a late runbook's heading lands on the page where the heading is printed", () => {
    const { earlySource, lateTarget } = picks;
    const from = ranges.get(earlySource.slug)!;
    const links = internalLinks(pdfFile, from.first, from.last).filter((link) => link.label.includes('late runbook'));
    assert.equal(links.length, 1, `one link "${TO_HEADING}" on pages ${from.first}–${from.last}`);
    const { first, last } = ranges.get(lateTarget.slug)!;
    const printed: number[] = [];
    for (let number = first; number <= last; number += 1) if (lines(book.pages[number - 1]!).includes(HEADING)) printed.push(number);
    assert.equal(printed.length, 1, `"${HEADING}" is printed once in ${lateTarget.title} (pages ${first}–${last})`);
    // Not the runbook's first page: a link that only reached the runbook would not pass.
    assert.ok(printed[0]! > first, `"${HEADING}" is not on the first page of ${lateTarget.title}`);
    assert.equal(links[0]!.target, printed[0], `link "${TO_HEADING}" → page ${links[0]!.target}; "${HEADING}" is printed on page ${printed[0]}`);
  });

  test('pdfs.json lists exactly runbooks.pdf, with the pages pdfinfo counts and its size on disk', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'pdfs.json'), 'utf8')) as { pdfs: { file: string; pages: number; bytes: number }[] };
    assert.deepEqual(
      manifest.pdfs.map((pdf) => pdf.file),
      ['runbooks.pdf'],
    );
    assert.deepEqual(
      readdirSync(outDir).filter((name) => name.endsWith('.pdf')),
      ['runbooks.pdf'],
    );
    assert.equal(manifest.pdfs[0]!.pages, pageCount(pdfFile));
    assert.equal(manifest.pdfs[0]!.bytes, statSync(pdfFile).size);
  });

  test('SOURCE_DATE_EPOCH sets the creation and modification dates', () => {
    const info = pdfInfo(pdfFile, '-isodates');
    assert.match(info, /^CreationDate:\s+2023-11-14T22:13:20(?:Z|\+00:?00)$/m);
    assert.match(info, /^ModDate:\s+2023-11-14T22:13:20(?:Z|\+00:?00)$/m);
  });

  test('a second print with the same SOURCE_DATE_EPOCH writes the same bytes', LONG, async () => {
    const firstCopy = join(work, 'first.pdf');
    assert.equal(existsSync(pdfFile), true);
    copyFileSync(pdfFile, firstCopy);
    await cli('pdf');
    const secondHash = sha256(pdfFile);
    if (secondHash !== firstHash) {
      const a = readFileSync(firstCopy);
      const b = readFileSync(pdfFile);
      const differ: number[] = [];
      for (let index = 0; index < Math.max(a.length, b.length); index += 1) if (a[index] !== b[index]) differ.push(index);
      assert.fail(
        `the two prints differ: sha256 ${firstHash} vs ${secondHash}, sizes ${a.length} vs ${b.length}, ${differ.length} bytes differ ` +
          `(offsets ${differ[0]}–${differ.at(-1)}); trailer /ID ${fileId(firstCopy)} vs ${fileId(pdfFile)}`,
      );
    }
  });
});

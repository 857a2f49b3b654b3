import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import { PAGE_BODY_START } from '../../src/lib/book/book-body.ts';
import { environmentValues } from '../../src/lib/commands/environment-values.ts';
import { markdownOutline } from '../../src/lib/markdown/outline.ts';
import { parsePdfManifest } from '../../src/lib/web/pdf-manifest.ts';
import { readContent } from '../../src/node/read-content.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { flattenOutline, type OutlineItem, parseOutline } from '../helpers/pdf-outline.ts';
import { lines, literal, normal, pdfPages, pdfText } from '../helpers/pdf-text.ts';
import { runCli } from '../helpers/run-cli.ts';
import { builtSite, expect, type Page, test } from './fixtures.ts';

/**
 * `npm run pdf -- --env all` on a copy of the seed build (dist/, or RUNBOOKS_OUT_DIR), read back with poppler:
 * what the tests compare against comes from the content files, not from the book.
 */
const run = promisify(execFile);
const build = () => (process.env.RUNBOOKS_OUT_DIR ? resolve(process.env.RUNBOOKS_OUT_DIR) : builtSite('seed'));
const content = readContent('content');
const pages = content.pages.flatMap((page) => (page.data ? [{ ...page, data: page.data }] : []));

// A copy, so that the shared build stays as the other tests expect it (no PDFs, so no "Download PDF" link).
let work = '';
let site = '';
const pdfPath = (env?: string) => join(site, env ? `runbooks-${env}.pdf` : 'runbooks.pdf');
const RUNBOOK = 'runbooks/architect-api/api-down/';

/** What a page asks the server for and logs, from now on: to check that PDF links cost one request and no error. */
function watch(page: Page) {
  const seen = { manifestRequests: 0, headRequests: [] as string[], errors: [] as string[] };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/pdfs.json')) seen.manifestRequests += 1;
    if (request.method() === 'HEAD') seen.headRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

/** Opens `path` afresh and waits until the page has nothing left to fetch, so that every request has been seen. */
async function open(page: Page, url: string) {
  const seen = watch(page);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return seen;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'runbooks-pdf-e2e-'));
  site = join(work, 'site');
  cpSync(build(), site, { recursive: true });
  for (const file of readdirSync(site).filter((name) => name.endsWith('.pdf'))) rmSync(join(site, file));
});

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('before any PDF is made: pdfs.json lists none, and pages show no PDF link, at the cost of one request and no error', async ({ page }) => {
  // The build writes the manifest empty (src/pages/pdfs.json.ts); the offline copy, opened from disk, has no use for it.
  expect(JSON.parse(readFileSync(join(site, 'pdfs.json'), 'utf8'))).toEqual({ version: 1, pdfs: [] });
  expect(Object.keys(unzipSync(readFileSync(join(site, 'runbooks-offline.zip')))).filter((name) => name.endsWith('pdfs.json'))).toEqual([]);
  const server = await serveStatic({ dir: site });
  try {
    for (const path of ['', RUNBOOK]) {
      const seen = await open(page, `${server.url}${path}`);
      // The home page has one for the whole book and one in each service's section: all hidden.
      expect(await page.locator('pdf-link').count(), path).toBeGreaterThan(0);
      for (const element of await page.locator('pdf-link').all()) await expect(element, path).toBeHidden();
      await expect(page.locator('pdf-link a'), path).toHaveCount(0);
      expect(seen, path).toEqual({ manifestRequests: 1, headRequests: [], errors: [] });
    }
  } finally {
    await server.close();
  }
});

test('npm run pdf -- --env all writes the default book and one per environment, and says how long it took', async () => {
  test.setTimeout(300_000);
  const { stdout } = await run('npm', ['run', '--silent', 'pdf', '--', '--env', 'all'], { env: { ...process.env, RUNBOOKS_OUT_DIR: site } });
  const environments = Object.keys(content.environments ?? {});
  expect(environments.length).toBeGreaterThan(1);
  for (const env of [undefined, ...environments]) {
    const file = pdfPath(env);
    // With where the time went: a slow book shows which step to look at.
    expect(stdout).toMatch(
      new RegExp(`${literal(file)}: \\d+ pages, [\\d.]+ [KM]iB, [\\d.]+ s \\(\\d+ parts [\\d.]+ s, page numbers and footers [\\d.]+ s, assembly [\\d.]+ s\\)`),
    );
    expect(statSync(file).size).toBeGreaterThan(100_000);
  }
  expect(stdout).toContain(`${join(site, 'pdfs.json')}: lists ${environments.length + 1} PDFs`);
  // Only the finished PDFs and manifest: no temporary file left behind.
  expect(readdirSync(site).filter((name) => name.includes('.tmp'))).toEqual([]);
});

test('pdfs.json lists exactly the PDFs written, as poppler and the disk see them, from the commit on the cover', () => {
  const manifest = JSON.parse(readFileSync(join(site, 'pdfs.json'), 'utf8'));
  // What the pages read is what was written: the browser's parser accepts it whole.
  expect(parsePdfManifest(JSON.stringify(manifest))).toEqual(manifest);
  const environments = Object.entries(content.environments ?? {});
  // The whole book first, then the environments in the order of environments.yaml.
  expect(manifest.pdfs.map((pdf: { file: string }) => pdf.file)).toEqual(['runbooks.pdf', ...environments.map(([id]) => `runbooks-${id}.pdf`)]);
  expect(
    readdirSync(site)
      .filter((name) => name.endsWith('.pdf'))
      .sort(),
  ).toEqual(manifest.pdfs.map((pdf: { file: string }) => pdf.file).sort());

  // The cover names the commit when the build knew it; the manifest says the same, or null.
  const commit = /^Commit\s+(\S+)$/m.exec(pdfText(pdfPath(), '-layout', '-l', '1'))?.[1] ?? null;
  const started = Date.now() - 600_000;
  for (const [index, env] of [undefined, ...environments.map(([id]) => id)].entries()) {
    const file = pdfPath(env);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(manifest.pdfs[index], file).toEqual({
      file: env === undefined ? 'runbooks.pdf' : `runbooks-${env}.pdf`,
      service: null,
      serviceLabel: null,
      environment: env ?? null,
      environmentLabel: env === undefined ? null : content.environments![env]!.label,
      pages,
      bytes: statSync(file).size,
      commit,
      printed: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Date.parse(manifest.pdfs[index].printed), file).toBeGreaterThan(started);
  }
});

test('the PDF is A4, opens on its bookmarks, and is titled after its environment', () => {
  const info = execFileSync('pdfinfo', [pdfPath('production')], { encoding: 'utf8' });
  // Not tagged: assembled from parts (README, "Printed in parts"); the catalog asks viewers to show the bookmarks.
  const root = /\/Root (\d+) 0 R/.exec(execFileSync('qpdf', ['--show-object=trailer', pdfPath()], { encoding: 'utf8' }))?.[1];
  expect(execFileSync('qpdf', [`--show-object=${root}`, pdfPath()], { encoding: 'utf8' })).toMatch(/\/PageMode \/UseOutlines/);
  expect(info).toMatch(/^Page size:.*\(A4\)$/m);
  expect(info).toMatch(/^Title:\s+Runbooks book · Production$/m);
  expect(execFileSync('pdfinfo', [pdfPath()], { encoding: 'utf8' })).toMatch(/^Title:\s+Runbooks book$/m);
});

test('every page title is in the PDF', () => {
  const whole = normal(pdfText(pdfPath()));
  const missing = pages.filter((page) => !whole.includes(normal(page.data.title))).map((page) => page.slug);
  expect(missing).toEqual([]);
});

test('the contents give, for three sample runbooks, the page their title is printed on', () => {
  const book = pdfPages(pdfPath());
  const contentsPages = book.filter((pageText) => /^Contents\s+page \d+ of \d+$/.test(lines(pageText).at(-1) ?? ''));
  expect(contentsPages.length).toBeGreaterThan(0);
  // Short, unique titles: one line in the contents, and no doubt which page they mean.
  const titles = pages.map((page) => page.data.title);
  const candidates = pages.filter((page) => page.data.title.length <= 40 && titles.filter((title) => title === page.data.title).length === 1);
  const samples = [candidates[0]!, candidates[Math.floor(candidates.length / 2)]!, candidates.at(-1)!];
  for (const sample of samples) {
    const title = sample.data.title;
    const entry = new RegExp(`^\\s*${literal(title)}(?:\\s+(?:critical|high|medium|low))?\\s+(\\d+)\\s*$`, 'm');
    const listed = contentsPages.map((pageText) => entry.exec(pageText)).find(Boolean);
    expect(listed, `${title} in the contents`).toBeTruthy();
    const number = Number(listed![1]);
    const printed = lines(book[number - 1]!);
    // The running header, then the title as the page's first heading; the running footer names it too.
    expect(normal(printed.slice(0, 3).join(' ')), `page ${number}`).toContain(title);
    expect(printed.at(-1), `footer of page ${number}`).toMatch(new RegExp(`^${literal(title)}\\s+page ${number} of \\d+$`));
    expect(lines(book[number - 2]!).at(-1), `page ${number - 1} is another section`).not.toMatch(new RegExp(`^${literal(title)}\\s+page`));
  }
});

test('the alert index gives the page of the runbook that handles each alert', () => {
  const book = pdfPages(pdfPath());
  const indexPages = book.filter((pageText) => /^Alert index\s+page \d+ of \d+$/.test(lines(pageText).at(-1) ?? ''));
  const alerts = pages.flatMap((page) => page.data.alerts.map((alert) => ({ alert, page })));
  expect(alerts.length).toBeGreaterThan(0);
  for (const { alert, page } of alerts) {
    const row = new RegExp(`^\\s*${literal(alert)}\\s.*?\\s(\\d+)\\s*$`, 'm');
    const listed = indexPages.map((pageText) => row.exec(pageText)).find(Boolean);
    expect(listed, `${alert} in the alert index`).toBeTruthy();
    const number = Number(listed![1]);
    expect(
      normal(
        lines(book[number - 1]!)
          .slice(0, 3)
          .join(' '),
      ),
      `${alert} → page ${number}`,
    ).toContain(page.data.title);
  }
});

test('the contents and alert index link to the page they name', () => {
  // pdftohtml writes a link to page N as href="<name>.html#N".
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', '2', '-l', '3', pdfPath()], { encoding: 'utf8' });
  const links = [...xml.matchAll(/<a href="[^"#]*#(\d+)">([^<]+)<\/a>/g)].map(([, target, label]) => ({ target: Number(target), label: label!.trim() }));
  expect(links.length).toBeGreaterThan(10);
  const book = pdfPages(pdfPath());
  for (const { target, label } of links.filter((link) => /^\d+$/.test(link.label) === false).slice(0, 10)) {
    expect(normal(book[target - 1]!), `link "${label}" → page ${target}`).toContain(normal(label));
  }
});

test('bookmarks: the cover, contents by service, alert index, then every page with its sections', () => {
  const outline = parseOutline(execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', '1', '-l', '1', pdfPath()], { encoding: 'utf8' }));
  const services = new Set(pages.map((page) => page.data.service));
  const [cover, contents, alertIndex, ...sections] = outline;
  expect([cover?.title, contents?.title, alertIndex?.title]).toEqual(['Runbooks', 'Contents', 'Alert index']);
  expect(contents!.children.map((item) => item.title).sort()).toEqual([...services].map((service) => content.services[service]?.label ?? service).sort());

  // Each page's sections are the headings of its Markdown (h2 and below; the title is the h1).
  const headings = (body: string) => markdownOutline(body).headings.filter((heading) => heading.depth >= 2).length;
  const descendants = (item: OutlineItem) => flattenOutline(item.children).length;
  const expected = pages.map((page) => `${page.data.title} (${headings(page.body)} sections)`).sort();
  const actual = sections.map((item) => `${item.title} (${descendants(item)} sections)`).sort();
  expect(actual).toEqual(expected);
  expect(sections.every((item) => item.page !== undefined)).toBe(true);
});

test('the production book has production values where the default book has {{namespace}}', () => {
  const production = pdfText(pdfPath('production'));
  const defaults = pdfText(pdfPath());
  const architect = environmentValues(content.environments!, 'production', 'architect-api');
  expect(architect.namespace).toBeTruthy();
  expect(defaults).toContain('kubectl get pods -n {{namespace}}');
  expect(defaults).not.toContain(architect.namespace);
  expect(production).toContain(`kubectl get pods -n ${architect.namespace}`);
  expect(production).not.toContain('{{namespace}}');
  expect(pdfText(pdfPath('staging'))).toContain(`kubectl get pods -n ${environmentValues(content.environments!, 'staging', 'architect-api').namespace}`);
  // Reader inputs are values no environment has: they stay as names in every book.
  expect(production).toContain('{{routing_key}}');
  // The cover says which.
  expect(pdfText(pdfPath('production'), '-layout', '-l', '1')).toMatch(/^Environment\s+Production$/m);
  expect(pdfText(pdfPath(), '-layout', '-l', '1')).toMatch(/^Environment\s+none: placeholders shown as \{\{name\}\}$/m);
});

test('no interface text leaks into the PDFs', () => {
  // Whitespace made single spaces on both sides: a phrase may wrap at a different place in the source and the PDF.
  const sources = normal(content.pages.map((page) => page.text).join('\n'));
  const count = (haystack: string, word: RegExp) => haystack.match(word)?.length ?? 0;
  for (const env of [undefined, 'production']) {
    const pdf = normal(pdfText(pdfPath(env)));
    const book = env ?? 'default';
    // Interface text may appear in the PDF only as often as the content itself says it: a copy button on every
    // command block, or the site's header on every page, would add dozens (the cover's "Environment" is the one extra).
    const ui: [RegExp, number][] = [
      [/Skip to content/g, 0],
      [/Values you type here/g, 0],
      [/Press slash to search/g, 0],
      [/Download PDF/g, 0],
      [/On this page/g, 0],
      [/Severity levels/g, 0],
      [/\bCopy\b/g, 0],
      [/\bSearch\b/g, 0],
      [/\bFill in\b/g, 0],
      [/\bEnvironment\b/g, 1],
    ];
    for (const [word, extra] of ui) {
      expect(count(pdf, word), `${word} in the ${book} book`).toBeLessThanOrEqual(count(sources, word) + extra);
    }
  }
});

test('the home page and runbook pages link the PDFs that pdfs.json lists, saying which are filled in, with one request', async ({ page }) => {
  const environments = Object.entries(content.environments ?? {});
  const server = await serveStatic({ dir: site });
  try {
    for (const [path, fragment] of [
      ['', ''],
      [RUNBOOK, '#nameddest=rb-architect-api--api-down'],
    ]) {
      const seen = await open(page, `${server.url}${path}`);
      const group = page.getByRole('group', { name: 'PDF of the runbooks' });
      await expect(group, path).toBeVisible();
      // The whole book first, its placeholders not filled in, then one per environment, in environments.yaml's order.
      await expect(group.getByRole('link')).toHaveText([
        'Download PDF (placeholders not filled in)',
        ...environments.map(([, environment]) => `PDF filled in for ${environment.label}`),
      ]);
      const plain = group.getByRole('link', { name: 'Download PDF, placeholders not filled in', exact: true });
      await expect(plain).toHaveAttribute('href', `/runbooks.pdf${fragment}`);
      await expect(group.getByRole('link', { name: 'Download PDF filled in for Production', exact: true })).toHaveAttribute(
        'href',
        `/runbooks-production.pdf${fragment}`,
      );
      expect(seen, path).toEqual({ manifestRequests: 1, headRequests: [], errors: [] });
      // Only now does the seed build show these links: axe checks them here (names, contrast of the note), in both schemes.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).include('pdf-link').analyze();
        expect(
          violations.map((violation) => violation.id),
          `${path} ${colorScheme}`,
        ).toEqual([]);
      }
      // The link leads to the PDF itself.
      const response = await page.request.get(new URL((await plain.getAttribute('href'))!, server.url).href);
      expect(response.headers()['content-type']).toBe('application/pdf');
    }
    // The runbook's named destination exists in every PDF, so its links open the book at that page.
    for (const env of [undefined, ...environments.map(([id]) => id)]) {
      expect(execFileSync('pdfinfo', ['-dests', pdfPath(env)], { encoding: 'utf8' })).toMatch(/^\s*\d+ \[[^\]]*\] "rb-architect-api--api-down"$/m);
    }
  } finally {
    await server.close();
  }
});

test('a later run keeps what pdfs.json listed that is still there, and drops what is gone', async () => {
  test.setTimeout(180_000);
  const before = JSON.parse(readFileSync(join(site, 'pdfs.json'), 'utf8'));
  const entry = (manifest: { pdfs: { file: string; printed: string }[] }, file: string) => manifest.pdfs.find((pdf) => pdf.file === file);
  rmSync(pdfPath('staging'));
  await run('npm', ['run', '--silent', 'pdf', '--', '--env', 'production'], { env: { ...process.env, RUNBOOKS_OUT_DIR: site } });
  const after = JSON.parse(readFileSync(join(site, 'pdfs.json'), 'utf8'));
  const expected = ['runbooks.pdf', ...Object.keys(content.environments ?? {}).flatMap((id) => (id === 'staging' ? [] : [`runbooks-${id}.pdf`]))];
  expect(after.pdfs.map((pdf: { file: string }) => pdf.file)).toEqual(expected);
  // The whole book was not printed again: its entry is the one of the first run; production's is new.
  expect(entry(after, 'runbooks.pdf')).toEqual(entry(before, 'runbooks.pdf'));
  expect(Date.parse(entry(after, 'runbooks-production.pdf')!.printed)).toBeGreaterThan(Date.parse(entry(before, 'runbooks-production.pdf')!.printed));
  expect(entry(after, 'runbooks-production.pdf')).toMatchObject({ bytes: statSync(pdfPath('production')).size });
});

test('the book is one document: ids unique, every #link lands, one section per page, placeholders as {{name}}', async ({ page }) => {
  await page.goto('/book/');
  await expect(page.locator('html[data-book-ready]')).toBeAttached();
  const book = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((link) => decodeURIComponent(link.hash.slice(1)));
    return {
      duplicates: ids.filter((id, index) => ids.indexOf(id) !== index),
      unresolved: links.filter((id) => !document.getElementById(id)),
      links: links.length,
      sections: document.querySelectorAll('section.book-page[data-service]').length,
      filled: document.querySelectorAll('.ph[data-filled]').length,
      unfilled: document.querySelectorAll('.ph[data-unfilled]').length,
      pagefind: document.querySelectorAll('[data-pagefind-body]').length,
    };
  });
  expect(book).toMatchObject({ duplicates: [], unresolved: [], sections: pages.length, filled: 0, pagefind: 0 });
  expect(book.links).toBeGreaterThan(pages.length);
  expect(book.unfilled).toBeGreaterThan(0);

  // ?env= fills them as a runbook page does, per service.
  await page.goto('/book/?env=production');
  await expect(page.locator('html[data-book-ready]')).toBeAttached();
  const architect = environmentValues(content.environments!, 'production', 'architect-api');
  await expect(page.locator('section[data-service="architect-api"] .ph[data-placeholder="namespace"]').first()).toHaveText(architect.namespace!);
});

test.describe('one book per team', () => {
  const TEAM = 'architect-api';
  const OTHER = 'insights';
  const team = pages.filter((page) => page.data.service === TEAM);
  const other = pages.filter((page) => page.data.service === OTHER);
  let copy = '';
  const teamPdf = () => join(copy, 'services', TEAM, 'runbooks.pdf');

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // A fresh copy of the build whose api-down page links a runbook of another team, as a body may.
    copy = join(work, 'teams');
    cpSync(build(), copy, { recursive: true });
    const file = join(copy, 'runbooks/architect-api/api-down/index.html');
    const link = `<p>Related outage: <a href="/runbooks/${other[0]!.slug}/">${other[0]!.data.title}</a>.</p>`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(PAGE_BODY_START, `${PAGE_BODY_START}${link}`));
    const { status, stdout, stderr } = await runCli('pdf', ['--service', TEAM, '--service', OTHER], { env: { RUNBOOKS_OUT_DIR: copy } });
    expect(status, stderr).toBe(0);
    expect(stdout).toContain(`${join(copy, 'services', TEAM, 'runbooks.pdf')}: `);
    expect(stdout).toContain(`${join(copy, 'services', OTHER, 'runbooks.pdf')}: `);
  });

  test("a team's book holds its runbooks and no other team's, with its own contents and bookmarks", () => {
    expect(team.length).toBeGreaterThan(3);
    const whole = normal(pdfText(teamPdf()));
    expect(team.filter((page) => !whole.includes(normal(page.data.title))).map((page) => page.slug)).toEqual([]);
    const teamTitles = new Set(team.map((page) => page.data.title));
    const foreign = pages.filter((page) => page.data.service !== TEAM && !teamTitles.has(page.data.title) && page.data.title.length > 12);
    // The link added above names one, as a link's text: the only other team's title the book may print.
    expect(foreign.filter((page) => whole.includes(normal(page.data.title))).map((page) => page.slug)).toEqual([other[0]!.slug]);

    const outline = parseOutline(execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', '1', '-l', '1', teamPdf()], { encoding: 'utf8' }));
    const [cover, contents, alertIndex, ...sections] = outline;
    expect([cover?.title, contents?.title, alertIndex?.title]).toEqual(['Runbooks', 'Contents', 'Alert index']);
    expect(sections.map((item) => item.title).sort()).toEqual(team.map((page) => page.data.title).sort());

    // The contents name the page each runbook starts on, in this book.
    const book = pdfPages(teamPdf());
    const sample = team.find((page) => page.data.title.length <= 40)!;
    const entry = new RegExp(`^\\s*${literal(sample.data.title)}(?:\\s+(?:critical|high|medium|low))?\\s+(\\d+)\\s*$`, 'm');
    const listed = book.map((pageText) => entry.exec(pageText)).find(Boolean);
    expect(listed, `${sample.data.title} in the contents`).toBeTruthy();
    expect(
      normal(
        lines(book[Number(listed![1]) - 1]!)
          .slice(0, 3)
          .join(' '),
      ),
    ).toContain(sample.data.title);
    // The alert index lists this team's alerts only.
    const alerts = pdfText(teamPdf());
    for (const alert of team.flatMap((page) => page.data.alerts)) expect(alerts).toContain(alert);
    for (const alert of other.flatMap((page) => page.data.alerts)) expect(alerts).not.toContain(alert);
  });

  test("a link to another team's runbook says it is not in this book and where to find it, and leads nowhere local", () => {
    const target = `/runbooks/${other[0]!.slug}/`;
    expect(normal(pdfText(teamPdf()))).toContain(normal(`${other[0]!.data.title} (not in this book: on the site at ${target})`));
    const links = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', teamPdf()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(links).not.toMatch(/href="http:\/\/127\.0\.0\.1/);
  });

  test('pdfs.json lists the books written, with their team', () => {
    const manifest = parsePdfManifest(readFileSync(join(copy, 'pdfs.json'), 'utf8'));
    expect(manifest.pdfs.map((entry) => [entry.file, entry.service, entry.serviceLabel])).toEqual([
      [`services/${TEAM}/runbooks.pdf`, TEAM, content.services[TEAM]?.label ?? TEAM],
      [`services/${OTHER}/runbooks.pdf`, OTHER, content.services[OTHER]?.label ?? OTHER],
    ]);
    for (const entry of manifest.pdfs) expect(entry.bytes).toBe(statSync(join(copy, entry.file)).size);
  });

  test('an unknown team is refused, naming the known ones, before anything is printed', async () => {
    const { status, stderr } = await runCli('pdf', ['--service', 'nope'], { env: { RUNBOOKS_OUT_DIR: copy } });
    expect(status).toBe(2);
    const known = [...new Set(pages.map((page) => page.data.service))].sort();
    expect(stderr.split('\n')[0]).toBe(`pdf: unknown service "nope": expected one of ${known.join(', ')}, all`);
  });
});

test.describe('fails clearly', () => {
  const pdf = async (env: Record<string, string>, ...args: string[]) => {
    const { status, stderr } = await runCli('pdf', args, { env });
    return { code: status, stderr };
  };

  test('without a build', async () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    expect(await pdf({ RUNBOOKS_OUT_DIR: join(empty, 'dist') })).toEqual({
      code: 1,
      stderr: `pdf: no build in ${join(empty, 'dist')}/: run "npm run build" first\n`,
    });
  });

  test('without Chromium, leaving the existing PDF and pdfs.json as they were', async () => {
    writeFileSync(join(work, 'before.pdf'), readFileSync(pdfPath()));
    const manifest = readFileSync(join(site, 'pdfs.json'), 'utf8');
    const result = await pdf({ RUNBOOKS_OUT_DIR: site, CHROMIUM_PATH: join(work, 'no-chromium') });
    expect(result).toEqual({
      code: 1,
      stderr: `pdf: Chromium not found at ${join(work, 'no-chromium')}: install it (apt-get install chromium) or point CHROMIUM_PATH at it\n`,
    });
    expect(readFileSync(pdfPath()).equals(readFileSync(join(work, 'before.pdf')))).toBe(true);
    expect(readFileSync(join(site, 'pdfs.json'), 'utf8')).toBe(manifest);
  });

  test('for an environment the build does not have', async () => {
    const result = await pdf({ RUNBOOKS_OUT_DIR: site }, '--env', 'prod');
    expect(result.code).toBe(2);
    // A usage error (src/cli/shared.ts): the message, then the usage.
    const [message, usage] = result.stderr.split('\n');
    expect(message).toBe(`pdf: unknown environment "prod": expected one of ${Object.keys(content.environments!).join(', ')}, all`);
    expect(usage).toMatch(/^usage: npm run pdf /);
  });
});

test.describe('the printer reads only the book', () => {
  /** A copy of the seed build whose api-down page carries `html` in its body, which the book copies. */
  const siteWith = (name: string, html: string) => {
    const copy = join(work, name);
    cpSync(build(), copy, { recursive: true });
    const file = join(copy, 'runbooks/architect-api/api-down/index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(PAGE_BODY_START, `${PAGE_BODY_START}${html}`));
    return copy;
  };

  test('an image from another host loads nothing and the book still prints', async () => {
    // The book's Content-Security-Policy stops it before the request; the printer's own guard is the next line.
    const copy = siteWith('external', '<img src="http://198.51.100.7/tracker.png" alt="">');
    const { status, stderr } = await runCli('pdf', [], { env: { RUNBOOKS_OUT_DIR: copy } });
    expect(status, stderr).toBe(0);
    expect(stderr).not.toContain('198.51.100.7');
    expect(execFileSync('pdfinfo', [join(copy, 'runbooks.pdf')], { encoding: 'utf8' })).toMatch(/^Pages:\s+\d+/m);
  });

  test('a book whose script fails stops the print within seconds, naming the error, and writes no PDF', async () => {
    // Without its placeholder values the book's script throws before the book is ready: the printer used to wait
    // ten minutes for it (longer than this test's 30 s).
    const copy = join(work, 'script-error');
    cpSync(build(), copy, { recursive: true });
    const frame = join(copy, 'book/index.html');
    const html = readFileSync(frame, 'utf8');
    const broken = html.replace(/(<script type="application\/json" id="placeholder-values">)[^<]*/, '$1{');
    expect(broken).not.toBe(html);
    writeFileSync(frame, broken);
    const { status, stderr } = await runCli('pdf', [], { env: { RUNBOOKS_OUT_DIR: copy } });
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^pdf: (the front matter of the book|part \d+ of the book \([^)]*\)): the book's script failed at http:\/\/127\.0\.0\.1:\d+\/book\/(front|part-\d+)\/ and the book did not become ready: .*JSON/,
    );
    expect(readdirSync(copy).filter((name) => name.endsWith('.pdf'))).toEqual([]);
  });

  for (const [where, target, shown] of [
    ['another host', 'https://example.invalid/', 'https://example.invalid/'],
    ['another page of the site', '/alerts/', 'http://127.0.0.1:\\d+/alerts/'],
  ] as const) {
    test(`a book that redirects to ${where} fails at once, naming where it went, and writes no PDF`, async () => {
      const copy = siteWith(`redirect-${target.length}`, `<meta http-equiv="refresh" content="0;url=${target}">`);
      const { status, stderr } = await runCli('pdf', [], { env: { RUNBOOKS_OUT_DIR: copy } });
      expect(status).toBe(1);
      // The part that holds the page is named by its first and last runbook.
      expect(stderr).toMatch(
        new RegExp(
          `^pdf: part (\\d+) of the book \\([a-z/-]+ … [a-z/-]+\\): the book at http://127\\.0\\.0\\.1:\\d+/book/part-\\1/ navigated away \\(to ${shown}\\): a runbook holds a redirect`,
        ),
      );
      expect(readdirSync(copy).filter((name) => name.endsWith('.pdf'))).toEqual([]);
    });
  }
});

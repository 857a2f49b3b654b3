import type { PdfEntry, PdfManifest } from '../../src/lib/web/pdf-manifest.ts';
import { alertPath } from '../../src/lib/web/urls.ts';
import { readContent } from '../../src/node/read-content.ts';
import { expect, type Page, test } from './fixtures.ts';

/**
 * The incident page on a phone (390 × 844 CSS px, an iPhone 12 to 15): the first command a reader copies ends at most
 * two screen heights from the top of the page, one screen of scrolling, on every incident runbook of the seed content,
 * reached the way a pager reaches it: its first alert's link with `?env=staging`, or the page itself when it has no
 * alert. Search and environment stay one tap away; long commands and tables show what is off to the side.
 */
const PHONE = { width: 390, height: 844 };
const FIRST_COPY_LIMIT = 2 * PHONE.height;

const content = readContent('content');
const incidents = content.pages.flatMap((page) => (page.data?.kind === 'incident' ? [{ slug: page.slug, alert: page.data.alerts[0] }] : []));
const entryUrl = ({ slug, alert }: (typeof incidents)[number]) => (alert === undefined ? `/runbooks/${slug}/` : `${alertPath('/', alert)}?env=staging`);
/** An alert link whose page has a command wider than a phone (its psql line). */
const DB_ALERT = `${alertPath('/', 'DB_CPU_HIGH')}?env=staging`;

/**
 * A deployed site has run `npm run pdf -- --env all`, so its pages show their PDF links above the first command; the
 * seed build lists none. Answering pdfs.json with those books measures the page as a reader sees it.
 */
const book = (environment: string | null): PdfEntry => ({
  file: environment === null ? 'runbooks.pdf' : `runbooks-${environment}.pdf`,
  service: null,
  serviceLabel: null,
  environment,
  environmentLabel: environment === null ? null : (content.environments?.[environment]?.label ?? environment),
  pages: 300,
  bytes: 1_000_000,
  commit: null,
  printed: '2026-05-01T12:00:00.000Z',
});
const DEPLOYED_PDFS: PdfManifest = { version: 1, pdfs: [book(null), ...Object.keys(content.environments ?? {}).map(book)] };

test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

/** The first visible Copy button's bottom, from the top of the document, and how wide the document is. */
function measure(page: Page) {
  return page.evaluate(() => {
    const copy = [...document.querySelectorAll('.copy-button')].find((button) => button.getClientRects().length > 0);
    return {
      firstCopy: copy ? Math.round(copy.getBoundingClientRect().bottom + window.scrollY) : null,
      commands: document.querySelectorAll('.copy-button').length,
      header: Math.round(document.querySelector('.site-header')!.getBoundingClientRect().height),
      width: document.documentElement.scrollWidth,
    };
  });
}

test(`on every incident runbook the first Copy button ends within ${FIRST_COPY_LIMIT} px, two phone screens`, async ({ page }) => {
  test.setTimeout(90_000);
  await page.route('**/pdfs.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(DEPLOYED_PDFS) }));
  const rows: string[][] = [['runbook', 'entry', 'first Copy (px)', 'form folded', 'header']];
  for (const runbook of incidents) {
    const entry = entryUrl(runbook);
    await page.goto(entry);
    await page.waitForURL(`**/runbooks/${runbook.slug}/**`);
    // The PDF links come last (a fetch after the scripts ran): the page has its final layout once they show.
    await page.locator('pdf-link:not([hidden]) a').first().waitFor();
    const opened = await measure(page);
    // The page as it opens is what counts, with the Fill-in form open when a placeholder nothing fills needs it. The
    // figure with the form folded (one tap on its heading) is logged beside it.
    const form = page.locator('reader-inputs details[open] > summary');
    let folded = opened;
    if (await form.isVisible()) {
      await form.click();
      folded = await measure(page);
    }
    rows.push([runbook.slug, entry, String(opened.firstCopy ?? 'no command'), folded === opened ? '' : String(folded.firstCopy), String(opened.header)]);
    expect.soft(opened.width, `${entry}: the page is no wider than the phone`).toBeLessThanOrEqual(PHONE.width);
    if (opened.firstCopy === null) expect.soft(opened.commands, `${entry}: no Copy button shows, and the page has none`).toBe(0);
    else expect.soft(opened.firstCopy, `${entry}: bottom of the first Copy button`).toBeLessThanOrEqual(FIRST_COPY_LIMIT);
  }
  console.log(rows.map((row) => row.join('\t')).join('\n'));
});

test('the header is one short bar that stays on screen: search and environment one tap away from anywhere', async ({ page }) => {
  await page.goto(DB_ALERT);
  const header = page.locator('.site-header');
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(100);
  const search = page.getByRole('searchbox', { name: 'Search' });
  const environment = page.getByRole('combobox', { name: 'Environment' });
  // Far down the page, the reader still reaches both without scrolling back.
  await page.getByRole('button', { name: /^Copy/ }).last().scrollIntoViewIfNeeded();
  await expect(search).toBeInViewport();
  await expect(environment).toBeInViewport();
  const stuck = (await header.boundingBox())!;
  expect(stuck.y + stuck.height).toBeLessThanOrEqual(60);
  await search.tap();
  await expect(search).toBeFocused();
  await page.keyboard.type('redis');
  await expect(page.locator('[data-search-results] a').first()).toBeInViewport();
  await page.keyboard.press('Escape');
  await environment.selectOption({ label: 'Production' });
  await expect(environment).toHaveValue('production');
  // Nothing the reader moves to with the keyboard hides under the stuck bar.
  const copy = page.getByRole('button', { name: /^Copy/ }).nth(2);
  await copy.focus();
  expect((await copy.boundingBox())!.y).toBeGreaterThanOrEqual(stuck.y + stuck.height);
});

/** The shadows on the first element that `selector` finds wider than its box, or undefined when none is. */
function scrollCue(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) => {
    const wide = elements.find((element) => element.scrollWidth > element.clientWidth);
    if (!wide) return undefined;
    const style = getComputedStyle(wide);
    return { images: style.backgroundImage.match(/linear-gradient/g)?.length ?? 0, attachment: style.backgroundAttachment };
  });
}
// Two covers that scroll with the content hide the two shadows fixed to the edges wherever there is nothing beyond.
const CUE = { images: 4, attachment: 'local, local, scroll, scroll' };

test('a command or a table wider than the phone shows that it scrolls: a shadow on the edge with more beyond it', async ({ page }) => {
  await page.goto(DB_ALERT);
  expect(await scrollCue(page, '.command-block pre')).toEqual(CUE);
  // The seed's widest table (an escalation path): it scrolls sideways under its header row.
  await page.goto('/runbooks/accubooks/support-escalation/');
  expect(await scrollCue(page, '.content table')).toEqual(CUE);
  await expect(page.locator('.content table thead').first()).toBeVisible();
});

test('tables of runbooks, alerts and severity levels keep their column names on a phone', async ({ page }) => {
  for (const path of ['/', '/alerts/', '/severity/']) {
    await page.goto(path);
    const tables = await page.locator('table').evaluateAll((elements) =>
      elements.map((table) => {
        const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
        const rows = [...table.querySelectorAll('tbody tr')];
        return {
          headerShown: table.querySelector('thead')!.getClientRects().length > 0,
          // Each cell as a reader sees it: the label its ::before shows, or its column's header when that row shows.
          labels: rows.map((row) => [...row.querySelectorAll('td')].map((td) => getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''))),
          names,
          wider: table.getBoundingClientRect().width > document.documentElement.clientWidth,
        };
      }),
    );
    expect(tables.length, path).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.wider, `${path}: a table fits the phone`).toBe(false);
      if (!table.headerShown) for (const labels of table.labels) expect(labels, path).toEqual(table.names.slice(0, labels.length));
    }
  }
});

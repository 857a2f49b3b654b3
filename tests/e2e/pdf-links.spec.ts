import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { bookAnchor } from '../../src/lib/book/book-html.ts';
import type { PdfEntry, PdfManifest } from '../../src/lib/web/pdf-manifest.ts';
import { readContent } from '../../src/node/read-content.ts';
import { type StaticServer, serveStatic } from '../../src/node/static-server.ts';
import { builtSite, expect, type Page, test } from './fixtures.ts';

/**
 * The PDF links with team books (`npm run pdf -- --service <id>`), without printing any: a copy of the seed build
 * whose pdfs.json lists the whole book, one team's book and that team's book for production, each a small stand-in
 * file, so that every link leads somewhere real. The home page links the whole book at the top and the team's books in
 * its section; a runbook page of that team links both, opening at the runbook; one of another team, the whole book only.
 */
const content = readContent('content');
const SERVICE = 'architect-api';
const OTHER = 'co-platform';
const label = content.services[SERVICE]!.label;
const production = content.environments!['production']!.label;
const RUNBOOK = `${SERVICE}/api-down`;
const OTHER_RUNBOOK = `${OTHER}/high-database-latency`;

const entry = (file: string, service: string | null, environment: string | null): PdfEntry => ({
  file,
  service,
  serviceLabel: service === null ? null : content.services[service]!.label,
  environment,
  environmentLabel: environment === null ? null : content.environments![environment]!.label,
  pages: 3,
  bytes: 100,
  commit: null,
  printed: '2026-05-01T12:00:00.000Z',
});

const listed: PdfManifest = {
  version: 1,
  pdfs: [
    entry('runbooks.pdf', null, null),
    entry(`services/${SERVICE}/runbooks.pdf`, SERVICE, null),
    entry(`services/${SERVICE}/runbooks-production.pdf`, SERVICE, 'production'),
  ],
};

let work = '';
let server: StaticServer;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'runbooks-pdf-links-e2e-'));
  const site = join(work, 'site');
  // A copy, so that the shared build stays as the other tests expect it: no PDFs, so no PDF link.
  cpSync(builtSite('seed'), site, { recursive: true });
  for (const file of readdirSync(site).filter((name) => name.endsWith('.pdf'))) rmSync(join(site, file));
  rmSync(join(site, 'services'), { recursive: true, force: true });
  for (const pdf of listed.pdfs) {
    mkdirSync(dirname(join(site, pdf.file)), { recursive: true });
    writeFileSync(join(site, pdf.file), '%PDF-1.4\n%%EOF\n');
  }
  writeFileSync(join(site, 'pdfs.json'), `${JSON.stringify(listed, null, 2)}\n`);
  server = await serveStatic({ dir: site });
});

test.afterAll(async () => {
  server?.server.closeAllConnections();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens `path` on the copy and waits until the page has nothing left to fetch; then says how often it asked for pdfs.json and what it logged. */
async function open(page: Page, path: string) {
  const seen = { manifestRequests: 0, errors: [] as string[] };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/pdfs.json')) seen.manifestRequests += 1;
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('networkidle');
  return seen;
}

/** Each link of `group` as the reader meets it: visible text, accessible name, href. */
async function links(group: ReturnType<Page['getByRole']>) {
  const anchors = group.getByRole('link');
  const found: { text: string; name: string | null; href: string | null }[] = [];
  for (const anchor of await anchors.all()) {
    found.push({ text: ((await anchor.textContent()) ?? '').trim(), name: await anchor.getAttribute('aria-label'), href: await anchor.getAttribute('href') });
  }
  return found;
}

const plainWhole = (fragment: string) => ({
  text: 'Download PDF (placeholders not filled in)',
  name: 'Download PDF, placeholders not filled in',
  href: `/runbooks.pdf${fragment}`,
});
const teamBooks = (fragment: string) => [
  {
    text: `${label} PDF (placeholders not filled in)`,
    name: `Download ${label} PDF, placeholders not filled in`,
    href: `/services/${SERVICE}/runbooks.pdf${fragment}`,
  },
  {
    text: `${label} PDF filled in for ${production}`,
    name: `Download ${label} PDF filled in for ${production}`,
    href: `/services/${SERVICE}/runbooks-production.pdf${fragment}`,
  },
];

test('the home page: the whole book at the top, the team books in their section only, with one request', async ({ page }) => {
  const seen = await open(page, '');
  // Two groups shown: the top one and the team's; every other section's stays hidden.
  await expect(page.locator('pdf-link:not([hidden])')).toHaveCount(2);
  const top = page.getByRole('group', { name: 'PDF of the runbooks', exact: true });
  await expect(top).toBeVisible();
  expect(await links(top)).toEqual([plainWhole('')]);

  const section = page.getByRole('region', { name: label, exact: true });
  const team = section.getByRole('group', { name: `PDF of the ${label} runbooks`, exact: true });
  await expect(team).toBeVisible();
  expect(await links(team)).toEqual(teamBooks(''));
  // The accessible names are what a screen reader says, and start with "Download".
  for (const { name, href } of teamBooks('')) {
    await expect(team.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }

  const other = page.getByRole('region', { name: content.services[OTHER]!.label, exact: true });
  await expect(other.locator('pdf-link')).toBeHidden();
  await expect(other.getByRole('link', { name: /PDF/ })).toHaveCount(0);
  expect(seen).toEqual({ manifestRequests: 1, errors: [] });

  // The links lead to the PDFs themselves.
  for (const { href } of [plainWhole(''), ...teamBooks('')]) {
    const response = await page.request.get(new URL(href, server.url).href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toBe('application/pdf');
  }
});

test("a runbook page of that team: the whole book, then the team's books, all opening at the runbook, with one request", async ({ page }) => {
  const seen = await open(page, `runbooks/${RUNBOOK}/`);
  await expect(page.locator('pdf-link')).toHaveCount(1);
  const group = page.getByRole('group', { name: 'PDF of the runbooks', exact: true });
  await expect(group).toBeVisible();
  const fragment = `#nameddest=${bookAnchor(RUNBOOK)}`;
  expect(await links(group)).toEqual([plainWhole(fragment), ...teamBooks(fragment)]);
  expect(seen).toEqual({ manifestRequests: 1, errors: [] });
});

test("a runbook page of another team: the whole book only, never that team's books", async ({ page }) => {
  const seen = await open(page, `runbooks/${OTHER_RUNBOOK}/`);
  const group = page.getByRole('group', { name: 'PDF of the runbooks', exact: true });
  await expect(group).toBeVisible();
  expect(await links(group)).toEqual([plainWhole(`#nameddest=${bookAnchor(OTHER_RUNBOOK)}`)]);
  await expect(page.locator(`a[href*="services/"]`)).toHaveCount(0);
  expect(seen).toEqual({ manifestRequests: 1, errors: [] });
});

test('axe finds no violations on the home page with the team links shown, light and dark', async ({ page }) => {
  await open(page, '');
  await expect(page.locator('pdf-link:not([hidden])')).toHaveCount(2);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }
});

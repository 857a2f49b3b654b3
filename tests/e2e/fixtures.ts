import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, type Dialog, type Page } from '@playwright/test';
import { readBookSource } from '../../src/node/book-source.ts';
import { type StaticServer, serveStatic } from '../../src/node/static-server.ts';

export { type Dialog, expect, type Page } from '@playwright/test';

/**
 * The built sites the browser tests run against, each served by our static server (src/node/static-server.ts) on a
 * free port, in the worker that first asks for it, for as long as that worker lives:
 * - `seed`: the seed content, `npm run build` → dist/;
 * - `fixture`: tests/fixtures/site, written to exercise every command-block behaviour,
 *   `npm run build:fixture-site` → .test-sites/fixture/;
 * - `base`: the seed content built under the base path /runbooks/, `npm run build:base-site` → .test-sites/base/.
 *
 * `/book/` is served as `npm run pdf` prints it, filled in from the built pages (src/node/book-source.ts).
 *
 * A spec picks its site with `test.use({ site: 'fixture' })` (the seed site by default); `page.goto('/alerts/')`
 * and `request.get(…)` then go to that site (`baseURL`), and the `siteURL` fixture is its root URL with the base
 * path and a trailing slash (`http://127.0.0.1:40123/runbooks/`). The sites are not built here: a missing build fails
 * the tests that need it, saying which command makes it.
 */
export type SiteName = 'seed' | 'fixture' | 'base';

export const SITES: Record<SiteName, { dir: string; base: string; build: string }> = {
  seed: { dir: 'dist', base: '/', build: 'npm run build' },
  fixture: { dir: '.test-sites/fixture', base: '/', build: 'npm run build:fixture-site' },
  base: { dir: '.test-sites/base', base: '/runbooks/', build: 'npm run build:base-site' },
};

const PROJECT = resolve(import.meta.dirname, '../..');

/** The absolute folder of a built site; throws, naming the command that builds it, when it has not been built. */
export function builtSite(name: SiteName): string {
  const { dir, build } = SITES[name];
  const folder = join(PROJECT, dir);
  if (!existsSync(folder)) throw new Error(`${dir}/ is missing: run ${build}`);
  if (!existsSync(join(folder, 'index.html'))) throw new Error(`${dir}/ has no index.html: run ${build}`);
  return folder;
}

interface SiteServers {
  /** The root URL of the site, served from this worker; started on first use. */
  url(name: SiteName): Promise<string>;
}

export const test = base.extend<{ site: SiteName; siteURL: string }, { siteServers: SiteServers }>({
  site: ['seed', { option: true }],

  siteServers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const started = new Map<SiteName, Promise<StaticServer>>();
      await use({
        url: async (name) => {
          let server = started.get(name);
          if (!server) {
            const dir = builtSite(name);
            // `/book/` as `npm run pdf` prints it: the built frame with every page's body filled in.
            const documents = { 'book/': readBookSource(dir).html };
            started.set(name, (server = serveStatic({ dir, base: SITES[name].base, documents })));
          }
          return (await server).url;
        },
      });
      for (const result of await Promise.allSettled(started.values())) {
        if (result.status === 'rejected') continue;
        // The browser may still hold idle keep-alive connections; they must not keep the worker waiting.
        result.value.server.closeAllConnections();
        await result.value.close();
      }
    },
    { scope: 'worker' },
  ],

  siteURL: async ({ site, siteServers }, use) => {
    await use(await siteServers.url(site));
  },

  baseURL: async ({ siteURL }, use) => {
    await use(siteURL);
  },
});

/** The command block whose text holds `text`. */
export const commandBlock = (page: Page, text: string) => page.locator('figure.command-block').filter({ hasText: text });

/** What the page's clipboard holds (the context needs the clipboard-read permission). */
export const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/**
 * Clicks the Copy button of the block holding `text`, answering its dialogs (unfilled placeholders, destructive
 * command) with `dialogs` ('none' when none is expected: any that comes is accepted and returned, for the test to
 * see); returns the dialogs' messages.
 */
export async function copyBlock(page: Page, text: string, dialogs: 'accept' | 'dismiss' | 'none' = 'none'): Promise<string[]> {
  const messages: string[] = [];
  const onDialog = (dialog: Dialog) => {
    messages.push(dialog.message());
    void (dialogs === 'dismiss' ? dialog.dismiss() : dialog.accept());
  };
  page.on('dialog', onDialog);
  await commandBlock(page, text).getByRole('button', { name: /^Copy/ }).click();
  page.off('dialog', onDialog);
  return messages;
}

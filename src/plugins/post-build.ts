import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildDate } from '../lib/book/build-info.ts';
import { normalizeBase } from '../lib/web/urls.ts';
import { writeAlertPages } from './write-alert-pages.ts';
import { writeOfflineCopyInWorker } from './write-offline-copy.ts';
import { writeSearchIndex } from './write-search-index.ts';

/**
 * What the written site still needs: the alert redirect pages, then the search index and the offline copy. The
 * alert pages come first because the offline copy must contain them; pagefind indexes only runbook pages either
 * way. The index and the copy are independent: pagefind indexes in its own process, the copy is made in a worker
 * thread with a heap of its own, and both run at once.
 */
export function postBuild(): AstroIntegration {
  let base = '/';
  let siteUrl: string | undefined;
  return {
    name: 'runbooks:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
        siteUrl = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir).replace(/\/$/, '');
        const started = performance.now();
        const alertPages = writeAlertPages(site, { base, site: siteUrl });
        const alertsWritten = performance.now();
        const [indexed, archived] = await Promise.all([
          writeSearchIndex(site),
          writeOfflineCopyInWorker(site, base, { date: buildDate(process.env, new Date()) }),
        ]);
        logger.info(
          `wrote ${alertPages} alert pages in ${Math.round(alertsWritten - started)} ms; indexed ${indexed} pages for search; wrote runbooks-offline.zip (${archived} files) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the search index after the site is written, with pagefind's Node API (no second CLI process).
 * Only elements inside `data-pagefind-body` (runbook pages) are indexed; alert names carry a heavy weight
 * so that a query for an alert ranks its runbook first.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'runbooks:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`indexed ${added.page_count} pages`);
        } catch (error) {
          throw new Error(`pagefind could not index ${site}`, { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

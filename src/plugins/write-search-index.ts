import * as pagefind from 'pagefind';

/**
 * Builds the search index of a written site with pagefind's Node API (no second CLI process). Only runbook pages
 * are indexed (their `data-pagefind-body`); alert names carry a heavy weight so that a query for an alert ranks
 * its runbook first. Returns the number of pages indexed.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    // Skipping the thousands of tiny alert redirects halves indexing time.
    const added = await index.addDirectory({ path: site, glob: 'runbooks/**/*.html' });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return added.page_count;
  } catch (error) {
    throw new Error(`pagefind could not index ${site}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}

import * as pagefind from 'pagefind';

/**
 * What of a runbook page's `data-pagefind-body` is page chrome rather than the runbook's words: left out of the index,
 * so that a result's excerpt is sentences from the runbook ("Severityhigh SEV-2. Respond within15 min" and
 * "bashCopykubectl …" were excerpts) and a word in the chrome does not make a page match. Pagefind treats these
 * like `data-pagefind-ignore`: the filters and metadata inside them (`severity`, `service`) are still read.
 * Selectors here rather than attributes on each component, so the list of what is not content is in one place.
 * Kept: the title, the summary, the alert names (weighted in RunbookFacts.astro) and the body, code included.
 */
export const SEARCH_EXCLUDED_SELECTORS: readonly string[] = [
  // The service link and kind badge above the title (components/RunbookHeader.astro).
  '.runbook-header .eyebrow',
  // The facts box (components/RunbookFacts.astro), all but the alert names: severity, targets, service, owner, dates
  // and each fact's label.
  '.facts > div:not(.alerts)',
  '.facts dt',
  // A command block's caption: language label, destructive badge and its reason, Copy button.
  '.command-block figcaption',
  // The "Fill in" form (components/ReaderInputs.astro): field names and help text, the same on many pages.
  'reader-inputs',
  // The links to other runbooks at the end: their titles and summaries would make this page match their words.
  '.related',
];

/**
 * Builds the search index of a written site with pagefind's Node API (no second CLI process). Only runbook pages
 * are indexed (their `data-pagefind-body`), without the chrome above; alert names carry a heavy weight so that a
 * query for an alert ranks its runbook first. Returns the number of pages indexed.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS] });
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

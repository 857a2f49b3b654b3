/**
 * The search figure of a run: which alert names to type, serving our last build, and the median of the timings
 * search-latency.ts takes in Chromium. Playwright and the content reader are loaded only when search is measured,
 * so that `--help`, `--print` and `--skip-search` runs start at once.
 */
import type { SourcePage } from '../../src/node/read-content.ts';
import { log } from './messages.ts';
import type { Options } from './options.ts';
import type { SearchQuery, SearchTiming } from './search-latency.ts';
import { evenlySpaced, median } from './stats.ts';
import type { Workspace } from './workspace.ts';

/**
 * `runs` alerts spread over the corpus, alternating the first and the last alert of a runbook to mix the naming
 * styles the generator uses.
 */
export function searchQueries(pages: readonly Pick<SourcePage, 'slug' | 'data'>[], runs: number): SearchQuery[] {
  const withAlerts = pages.filter((page) => (page.data?.alerts.length ?? 0) > 0);
  return evenlySpaced(withAlerts, runs).map((page, index) => {
    const alerts = page.data!.alerts;
    return { alert: index % 2 === 0 ? alerts[0]! : alerts.at(-1)!, path: `/runbooks/${page.slug}/` };
  });
}

export function summarizeSearch(timings: readonly SearchTiming[], typeDelayMs: number) {
  // A query whose runbook never came first counts as infinitely slow: it must not improve the median.
  const times = timings.map((timing) => timing.shownMs ?? Number.POSITIVE_INFINITY);
  const found = times.filter(Number.isFinite);
  return {
    typeDelayMs,
    medianMs: times.length > 0 ? median(times) : undefined,
    ...(found.length > 0 && { minMs: Math.min(...found), maxMs: Math.max(...found) }),
    failed: timings.filter((timing) => timing.error).length,
    alreadyFirst: timings.filter((timing) => timing.alreadyFirst).length,
    queries: [...timings],
  };
}

export async function benchSearch(work: Workspace, options: Pick<Options, 'skipSearch' | 'searchRuns' | 'typeDelayMs'>) {
  if (options.skipSearch) return { skipped: '--skip-search' };
  log(`search: ${options.searchRuns} exact alert names, each on a fresh page`);
  const [{ readContent }, { serveStatic }, { measureSearch }] = await Promise.all([
    import('../../src/node/read-content.ts'),
    import('../../src/node/static-server.ts'),
    import('./search-latency.ts'),
  ]);
  const queries = searchQueries(readContent(work.content).pages, options.searchRuns);
  const server = await serveStatic({ dir: work.out.ours });
  try {
    return summarizeSearch(await measureSearch(server.url.replace(/\/$/, ''), queries, { typeDelayMs: options.typeDelayMs }), options.typeDelayMs);
  } finally {
    await server.close();
  }
}

export type SearchFigure = Awaited<ReturnType<typeof benchSearch>>;

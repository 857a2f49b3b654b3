import { type AlertRow, lookupAlert } from '../lib/web/alert-lookup.ts';
import { OFFLINE_INDEX_GLOBAL, type OfflineIndex, searchOfflinePages } from '../lib/web/offline-index.ts';
import {
  alertNamedIn,
  FEW_RESULTS,
  isFormOf,
  type PartialMatch,
  partialMatchLabel,
  rankPartialMatches,
  type WordHit,
  wordAt,
  wordsToSearchAlone,
} from '../lib/web/symptom-search.ts';
import { runbookPath, withAlert } from '../lib/web/urls.ts';

/**
 * The search panel: alert names first (from `/alerts.json`, instant and exact), then pagefind's full-text results,
 * then, when those are few, the pages that match some of the query's words (lib/web/symptom-search.ts). A result
 * that is an alert's runbook, or a page with an alert the query names, links with `?alert=NAME`, so that the page
 * marks that alert in its header as an alert link does. Everything shown is set as text; nothing the reader types is
 * ever parsed as HTML.
 */

interface Result {
  href: string;
  title: string;
  label?: string;
  meta: string;
  excerpt?: string;
  alert?: string;
}

/** What `data()` gives of a result (pagefind's PagefindSearchFragment, the fields used here). */
interface PagefindResult {
  url: string;
  excerpt: string;
  /** The page's indexed text, whose white-space separated words the hits' `words` count. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface PagefindHit {
  /** Pagefind's id of the page, the same in every search. */
  id: string;
  score: number;
  /**
   * Where this search's words matched in the page's `content`. Read here, not from `data()`: pagefind hands every
   * search the same cached object for a page and overwrites its `locations`, so with searches in flight at once
   * `data().locations` may be another word's.
   */
  words: number[];
  data(): Promise<PagefindResult>;
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindHit[] }>;
}

const MAX_FULL_TEXT = 8;

/**
 * Opened from disk (the offline copy), the site has neither fetch nor pagefind: the index comes from the classic
 * script `offline-index.js`, and links are resolved against the folder that script is in.
 */
function offlineSource(): { index: OfflineIndex; pageUrl: (slug: string) => string } | undefined {
  const index = (window as unknown as Record<string, OfflineIndex | undefined>)[OFFLINE_INDEX_GLOBAL];
  const script = document.querySelector<HTMLScriptElement>('script[src$="offline-index.js"]');
  if (location.protocol !== 'file:' || !index || !script) return undefined;
  const root = new URL('.', script.src);
  return { index, pageUrl: (slug) => new URL(`runbooks/${slug}/index.html`, root).href };
}

export function attachSearch(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const offline = offlineSource();
  const pageUrl = offline?.pageUrl ?? ((slug: string) => runbookPath(base, slug));
  const input = root.querySelector<HTMLInputElement>('#site-search')!;
  const form = root.querySelector('form')!;
  const panel = root.querySelector<HTMLElement>('.search-panel')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const service = root.querySelector<HTMLSelectElement>('select[name=service]')!;
  const severity = root.querySelector<HTMLSelectElement>('select[name=severity]')!;

  const alerts: Promise<AlertRow[]> = offline
    ? Promise.resolve(offline.index.alerts)
    : fetch(`${base}alerts.json`)
        .then((response) => response.json())
        .catch(() => []);
  let pagefind: Promise<Pagefind | undefined> | undefined;
  const loadPagefind = () =>
    (pagefind ??= offline
      ? Promise.resolve(undefined)
      : import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)
          .then(async (module: Pagefind) => {
            await module.options({ baseUrl: base });
            return module;
          })
          .catch(() => undefined)); // Under file:// or without an index, alert lookup still works.

  let generation = 0;

  /** The page's alert that the query names, on the result's link (`?alert=`), by the page's path. */
  const markNamedAlert = (rows: readonly AlertRow[], query: string) => {
    const alertsByPage = new Map<string, string[]>();
    for (const row of rows) alertsByPage.set(pageUrl(row.runbook), [...(alertsByPage.get(pageUrl(row.runbook)) ?? []), row.alert]);
    return (result: Result): Result => {
      const alert = alertNamedIn(query, alertsByPage.get(pathOf(result.href)) ?? []);
      return alert ? { ...result, href: withAlert(result.href, alert) } : result;
    };
  };

  async function run(): Promise<void> {
    const query = input.value.trim();
    const current = ++generation;
    if (!query) {
      panel.hidden = true;
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    panel.hidden = false;
    const filters = { ...(service.value && { service: service.value }), ...(severity.value && { severity: severity.value }) };
    const passes = (row: { service: string; severity: string | null }) =>
      (!filters.service || row.service === filters.service) && (!filters.severity || row.severity === filters.severity);

    const rows = await alerts;
    const lookup = lookupAlert(query, rows.filter(passes));
    if (current !== generation) return;
    const alertResults: Result[] = [
      ...(lookup.exact ? [{ ...resultFor(lookup.exact, pageUrl), label: `Runbook for alert ${lookup.exact.alert}` }] : []),
      ...lookup.partial.slice(0, 5).map((row) => ({ ...resultFor(row, pageUrl), label: `Matches alert ${row.alert}` })),
    ];
    const unknown = lookup.unknownAlert ? query : undefined;
    render(alertResults, unknown, 'Searching…');
    const seen = new Set(alertResults.map((result) => pathOf(result.href)));
    const marked = markNamedAlert(rows, query);

    if (offline) {
      const titles = searchOfflinePages(offline.index.pages.filter(passes), query)
        .map(
          (page): Result => ({
            href: pageUrl(page.slug),
            title: page.title,
            meta: [page.severity, page.service].filter(Boolean).join(' · '),
            excerpt: page.summary,
          }),
        )
        .filter((result) => !seen.has(result.href))
        .slice(0, MAX_FULL_TEXT)
        .map(marked);
      const all = [...alertResults, ...titles];
      return render(
        all,
        unknown,
        all.length
          ? `${all.length} result${all.length === 1 ? '' : 's'} (offline copy: titles and alert names only)`
          : `Nothing found for “${query}” (offline copy: titles and alert names only).`,
      );
    }
    const engine = await loadPagefind();
    if (current !== generation) return;
    if (!engine) return render(alertResults, unknown, alertResults.length ? '' : 'Full-text search is not available here.');
    const options = Object.keys(filters).length ? { filters } : {};
    const search = await engine.search(query, options);
    const data = await Promise.all(search.results.slice(0, MAX_FULL_TEXT + alertResults.length).map((result) => result.data()));
    if (current !== generation) return;
    const fullText = data
      .map((item) => fullTextResult(item))
      .filter((result) => !seen.has(pathOf(result.href)))
      .slice(0, MAX_FULL_TEXT)
      .map(marked);
    const done = (all: Result[]) => render(all, unknown, all.length ? `${all.length} result${all.length === 1 ? '' : 's'}` : `Nothing found for “${query}”.`);
    const words = search.results.length < FEW_RESULTS ? wordsToSearchAlone(query) : [];
    if (words.length === 0 || fullText.length >= MAX_FULL_TEXT) return done([...alertResults, ...fullText]);

    render([...alertResults, ...fullText], unknown, 'Searching for pages that match some of the words…');
    const found = new Set(search.results.map((result) => result.id));
    const partial = (await partialMatches(engine, words, options)).filter((match) => !found.has(match.id));
    const partialData = await Promise.all(partial.slice(0, MAX_FULL_TEXT - fullText.length + alertResults.length).map((match) => match.page.data()));
    if (current !== generation) return;
    const partialResults = partialData
      .map((item, index): Result => {
        const label = partialMatchLabel(partial[index]!.words.length, words.length);
        return { ...fullTextResult(item), ...(label && { label }) };
      })
      .filter((result) => !seen.has(pathOf(result.href)))
      .slice(0, MAX_FULL_TEXT - fullText.length)
      .map(marked);
    done([...alertResults, ...fullText, ...partialResults]);
  }

  function render(results: Result[], unknownAlert: string | undefined, message: string): void {
    status.replaceChildren();
    if (unknownAlert) {
      const strong = document.createElement('span');
      strong.className = 'unknown-alert';
      strong.append('No runbook for ', code(unknownAlert), '.');
      status.append(strong, ' ');
    }
    status.append(message);
    // Full-text results arrive after the alert matches and redraw the list: keep the reader's place in it.
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    list.replaceChildren(
      ...results.map((result, index) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.className = 'search-result';
        link.href = result.href;
        if (result.label) link.append(span('result-label', result.label));
        link.append(span('result-title', result.title));
        if (result.meta) link.append(span('result-meta', result.meta));
        if (result.excerpt) link.append(span('result-excerpt', result.excerpt));
        if (index === 0 && result.label?.startsWith('Runbook for alert')) link.dataset.alertMatch = '';
        item.append(link);
        return item;
      }),
    );
    if (focused >= 0) links()[Math.min(focused, results.length - 1)]?.focus();
  }

  function links(): HTMLAnchorElement[] {
    return [...list.querySelectorAll<HTMLAnchorElement>('a.search-result')];
  }

  input.addEventListener('input', () => void run());
  service.addEventListener('change', () => void run());
  severity.addEventListener('change', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  root.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      input.value = '';
      void run();
      input.focus();
    } else if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && all.length) {
      event.preventDefault();
      if (index <= 0) input.focus();
      else all[index - 1]!.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) panel.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) panel.hidden = false;
  });
  if (input.value.trim()) void run();
  void loadPagefind();
}

function resultFor(row: AlertRow, pageUrl: (slug: string) => string): Result {
  return {
    href: withAlert(pageUrl(row.runbook), row.alert),
    title: row.title,
    meta: [row.severity, row.service].filter(Boolean).join(' · '),
    alert: row.alert,
  };
}

function fullTextResult(item: PagefindResult): Result {
  return {
    href: item.url,
    title: item.meta.title ?? item.url,
    meta: [item.filters.severity?.[0], item.filters.service?.[0]].filter(Boolean).join(' · '),
    excerpt: textOf(item.excerpt),
  };
}

/**
 * Searches each word on its own and ranks the pages by how many of the words they hold (rankPartialMatches). A word
 * that no page holds is left out rather than counted: pagefind then answers with a shorter prefix of it (isFormOf),
 * which one page's text, at the first place it matched, tells. Each page comes with the hit of its best-scoring word,
 * whose excerpt shows that word.
 */
async function partialMatches(
  engine: Pagefind,
  words: readonly string[],
  options: { filters?: Record<string, string> },
): Promise<(PartialMatch & { page: PagefindHit })[]> {
  const best = new Map<string, PagefindHit>();
  const hitsByWord = new Map<string, WordHit[]>();
  await Promise.all(
    words.map(async (word) => {
      const { results } = await engine.search(word, options);
      const first = results[0];
      if (!first) return;
      const location = first.words[0];
      // No location: pagefind matched only the page's metadata, so there is no word to check; the match counts.
      if (location !== undefined && !isFormOf(word, wordAt((await first.data()).content, location) ?? '')) return;
      hitsByWord.set(word, results);
      for (const hit of results) if (hit.score > (best.get(hit.id)?.score ?? -1)) best.set(hit.id, hit);
    }),
  );
  // In the query's order, whichever search answered first.
  const ordered = new Map(words.flatMap((word) => (hitsByWord.has(word) ? [[word, hitsByWord.get(word)!] as const] : [])));
  return rankPartialMatches(ordered).map((match) => ({ ...match, page: best.get(match.id)! }));
}

/** A result link's path, without the `?alert=` the panel adds: what tells two results for one page apart. */
function pathOf(href: string): string {
  return href.replace(/[?#].*$/, '');
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function code(text: string): HTMLElement {
  const element = document.createElement('code');
  element.textContent = text;
  return element;
}

/** Pagefind excerpts are HTML with `<mark>`; we only want their text. */
function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

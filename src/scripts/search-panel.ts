import { type AlertRow, lookupAlert } from '../lib/web/alert-lookup.ts';
import { OFFLINE_INDEX_GLOBAL, type OfflineIndex, searchOfflinePages } from '../lib/web/offline-index.ts';
import { runbookPath } from '../lib/web/urls.ts';

/**
 * The search panel: alert names first (from `/alerts.json`, instant and exact), then pagefind's full-text results.
 * Everything shown is set as text; nothing the reader types is ever parsed as HTML.
 */

interface Result {
  href: string;
  title: string;
  label?: string;
  meta: string;
  excerpt?: string;
  alert?: string;
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
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

    const lookup = lookupAlert(query, (await alerts).filter(passes));
    if (current !== generation) return;
    const alertResults: Result[] = [
      ...(lookup.exact ? [{ ...resultFor(lookup.exact, pageUrl), label: `Runbook for alert ${lookup.exact.alert}` }] : []),
      ...lookup.partial.slice(0, 5).map((row) => ({ ...resultFor(row, pageUrl), label: `Matches alert ${row.alert}` })),
    ];
    const unknown = lookup.unknownAlert ? query : undefined;
    render(alertResults, unknown, 'Searching…');

    if (offline) {
      const seen = new Set(alertResults.map((result) => result.href));
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
        .slice(0, MAX_FULL_TEXT);
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
    const search = await engine.search(query, Object.keys(filters).length ? { filters } : {});
    const data = await Promise.all(search.results.slice(0, MAX_FULL_TEXT + alertResults.length).map((result) => result.data()));
    if (current !== generation) return;
    const seen = new Set(alertResults.map((result) => result.href));
    const fullText = data
      .map(
        (item): Result => ({
          href: item.url,
          title: item.meta.title ?? item.url,
          meta: [item.filters.severity?.[0], item.filters.service?.[0]].filter(Boolean).join(' · '),
          excerpt: textOf(item.excerpt),
        }),
      )
      .filter((result) => !seen.has(result.href.replace(/\?.*$/, '')))
      .slice(0, MAX_FULL_TEXT);
    const all = [...alertResults, ...fullText];
    render(all, unknown, all.length ? `${all.length} result${all.length === 1 ? '' : 's'}` : `Nothing found for “${query}”.`);
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
  return { href: pageUrl(row.runbook), title: row.title, meta: [row.severity, row.service].filter(Boolean).join(' · '), alert: row.alert };
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

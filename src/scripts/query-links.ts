import type { KeptValue } from '../lib/web/kept-values.ts';
import type { ownValue as ownValueOf, PlaceholderValues } from '../lib/web/placeholder-values.ts';
import { fillQuery, grafanaExploreUrl, parseQueryTemplate, prometheusQueryUrl } from '../lib/web/query-links.ts';

let markAttached = () => {};
/** Settled once the links show the page's environment: what the book waits for before it is printed. */
export const attached = new Promise<void>((resolve) => {
  markAttached = resolve;
});

/**
 * "Open in Prometheus" and "Explore in Grafana" on every block holding one PromQL query (its `data-query`, see
 * src/plugins/shiki-command-blocks.ts): the address of the query, its placeholders filled as the block shows them,
 * in the chosen environment's Prometheus and Grafana, kept up to date as the environment and the reader's values
 * change. A link is shown only when it has an address: not while a placeholder of the query is unfilled, nor in an
 * environment without `prometheus_url` (or `grafana_url` and `grafana_datasource`).
 *
 * The base URLs come from the environment alone, never from the "Fill in" form: a reader's value may come from a
 * link anyone can write, and must not choose the server a query is sent to.
 *
 * The page's state (scripts/environment.ts, scripts/placeholder-values.ts) is handed in by command-blocks.ts, which
 * loads this module only on pages with a query, rather than imported: an import would make this chunk depend on
 * theirs, and every runbook page would carry Vite's list of that dependency (the 6 KiB budget, js-budget.spec.ts).
 */
export default function attachQueryLinks(
  currentEnvironment: () => string | undefined,
  environmentValues: (service: string, environment: string | undefined) => PlaceholderValues,
  readerValue: (name: string) => KeptValue | undefined,
  serviceAt: (element: Element) => string,
  ownValue: typeof ownValueOf,
  onEnvironmentChange: (listener: () => void) => void,
  onReaderValueChange: (listener: () => void) => void,
): void {
  const blocks = [...document.querySelectorAll<HTMLElement>('figure.command-block[data-query]')].flatMap((figure) => {
    const template = parseQueryTemplate(figure.dataset.query);
    return template ? [{ figure, template, links: [...figure.querySelectorAll<HTMLAnchorElement>('a[data-query-link]')] }] : [];
  });
  const update = () => {
    const environment = currentEnvironment();
    for (const { figure, template, links } of blocks) {
      const values = environmentValues(serviceAt(figure), environment);
      // As command-blocks.ts fills the block's placeholders: the reader's value first, then the environment's.
      const query = fillQuery(template, (name) => readerValue(name)?.value ?? ownValue(values, name));
      for (const link of links) {
        const grafana = link.dataset.queryLink === 'grafana';
        const base = ownValue(values, grafana ? 'grafana_url' : 'prometheus_url');
        const href =
          query === undefined ? undefined : grafana ? grafanaExploreUrl(base, ownValue(values, 'grafana_datasource'), query) : prometheusQueryUrl(base, query);
        // Without an address the link is hidden (global.css); with one it opens a tab that cannot reach back here.
        if (href) Object.assign(link, { href, target: '_blank', rel: 'noopener' });
        else link.removeAttribute('href');
        // On paper the server's address follows the link (print.css): the query itself is printed above it.
        link.dataset.server = href ? base : '';
      }
    }
  };
  onEnvironmentChange(update);
  onReaderValueChange(update);
  update();
  markAttached();
}

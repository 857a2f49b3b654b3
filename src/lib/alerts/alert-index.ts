import type { Severity } from '../content/schemas/common.ts';
import type { RunbookData } from '../content/schemas/runbook.ts';
import type { ContentProblem } from '../errors.ts';

/** What the alert index needs to know of a page. */
export interface AlertSource {
  slug: string;
  file: string;
  title: string;
  service: string;
  severity?: Severity | undefined;
  /** Response target in minutes. */
  response?: number | undefined;
  alerts: readonly string[];
}

/**
 * A page with valid frontmatter as the alert index sees it. `response` is the response target the site shows: the
 * page's own SLA unless the caller knows its severity's default (the build does; the checks need no more).
 */
export function alertSource(page: { slug: string; file: string; data: RunbookData }, response = page.data.sla?.response): AlertSource {
  const { title, service, severity, alerts } = page.data;
  return { slug: page.slug, file: page.file, title, service, severity, response, alerts };
}

export interface AlertEntry {
  alert: string;
  slug: string;
  title: string;
  service: string;
  severity?: Severity | undefined;
  response?: number | undefined;
}

/**
 * One entry per alert, sorted by name so that the index page and `alerts.json` are byte-stable between builds.
 * An alert named by two pages is a problem naming both files: one alert, one runbook. Names that differ only
 * in case collide too, because `/alerts/<name>/` also answers in lower case.
 */
export function buildAlertIndex(sources: readonly AlertSource[]): { entries: AlertEntry[]; problems: ContentProblem[] } {
  const byKey = new Map<string, { entry: AlertEntry; file: string }>();
  const problems: ContentProblem[] = [];
  for (const source of sources) {
    for (const alert of source.alerts) {
      const key = alert.toLowerCase();
      const first = byKey.get(key);
      if (first) {
        problems.push({
          severity: 'error',
          file: source.file,
          field: 'alerts',
          message:
            first.file === source.file
              ? `alert "${alert}" is listed twice`
              : `alert "${alert}" is already handled by ${first.file}; an alert belongs to exactly one runbook`,
        });
        continue;
      }
      const { slug, title, service, severity, response } = source;
      byKey.set(key, { entry: { alert, slug, title, service, severity, response }, file: source.file });
    }
  }
  const entries = [...byKey.values()].map((value) => value.entry).sort((a, b) => (a.alert < b.alert ? -1 : a.alert > b.alert ? 1 : 0));
  return { entries, problems };
}

/** The lower-case alias of an alert's URL, when it differs from the name (monitoring mixins lower-case `runbook_url`s). */
export function lowerCaseAlias(alert: string): string | undefined {
  const lower = alert.toLowerCase();
  return lower === alert ? undefined : lower;
}

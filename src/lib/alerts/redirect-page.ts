import { alertNameSchema } from '../content/schemas/runbook.ts';
import { escapeHtml } from '../html/escape.ts';
import { absoluteUrl, alertTarget, runbookPath } from '../web/urls.ts';
import { type AlertEntry, lowerCaseAlias } from './alert-index.ts';

/**
 * `/alerts/<ALERT>/` as a plain string. A site of 1000 runbooks has about 4,000 of these pages; rendering them
 * through Astro cost seconds of every build, so the build renders only the template below (src/pages/alerts/
 * [alert].astro) and src/plugins/write-alert-pages.ts writes the rest with this function. The markup is the one
 * AlertRedirect.astro renders, byte for byte; the writer checks that on the template at every build, so the two
 * cannot drift apart silently.
 */

/** What one redirect page says. */
export type AlertRedirect = Pick<AlertEntry, 'alert' | 'slug' | 'title'>;

/** What every redirect page of one build shares. */
export interface AlertRedirectShared {
  /** Normalised base path (`/`, `/runbooks/`). */
  base: string;
  /** The site's public URL (RUNBOOKS_SITE): pages get a canonical link to the runbook. */
  site?: URL | string | undefined;
  /** The Content-Security-Policy (src/lib/html/content-security-policy.ts). */
  csp: string;
  /** Module scripts and stylesheets Astro emitted for the template page, root-absolute, in document order. */
  scripts: readonly string[];
  stylesheets: readonly string[];
}

/**
 * The one page Astro still renders, with the real AlertRedirect component: it makes Vite emit the redirect script
 * (Vite emits only what some page references) and shows which URLs it got. Its name is not a valid alert name
 * (they start with a letter or `_`), so it can never collide with a real alert; the writer deletes it. The title
 * holds every character HTML escapes, so the check against Astro's rendering covers the escaping too.
 */
export const REDIRECT_TEMPLATE: AlertEntry = {
  alert: '-redirect-template',
  slug: '-redirect-template',
  title: `Template <b title="x">&'</b>`,
  service: '-redirect-template',
};

/** The page at `/alerts/<ALERT>/` (and its lower-case alias): the same markup as AlertRedirect.astro. */
export function alertRedirectHtml(entry: AlertRedirect, shared: AlertRedirectShared): string {
  const text = (value: string) => escapeHtml(value, 'text');
  const attribute = (value: string) => escapeHtml(value, 'attribute');
  const runbook = runbookPath(shared.base, entry.slug);
  const target = alertTarget(shared.base, entry.slug, entry.alert);
  return [
    '<!DOCTYPE html><html lang="en"><head>',
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="content-security-policy" content="${attribute(shared.csp)}">`,
    `<title>${text(`${entry.alert} → ${entry.title}`)}</title>`,
    '<meta name="robots" content="noindex">',
    shared.site ? `<link rel="canonical" href="${attribute(absoluteUrl(runbook, shared.site))}">` : '',
    `<meta http-equiv="refresh" content="${attribute(`0; url=${target}`)}">`,
    ...shared.scripts.map((src) => `<script type="module" src="${attribute(src)}"></script>`),
    // Astro appends a page's stylesheets at the end of the head.
    ...shared.stylesheets.map((href) => `<link rel="stylesheet" href="${attribute(href)}">`),
    '</head><body>',
    `<p>Alert <code>${text(entry.alert)}</code> is handled by <a data-runbook href="${attribute(target)}">${text(entry.title)}</a>.</p>`,
    '</body></html>',
  ].join('');
}

/**
 * The script and stylesheet URLs of a rendered redirect page (the template). Only the tags Astro writes are read;
 * anything else the template gained shows up when the writer compares it with alertRedirectHtml.
 */
export function redirectAssets(html: string): { scripts: string[]; stylesheets: string[] } {
  return {
    scripts: [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((match) => match[1]!),
    stylesheets: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]!),
  };
}

/**
 * The folders under `alerts/` that answer for an alert: its name and, when it differs, the lower-case alias.
 * The name becomes a path segment, so anything but a valid alert name (no `/`, no leading `.`) is refused.
 */
export function alertRedirectFolders(alert: string): string[] {
  if (!alertNameSchema.safeParse(alert).success) throw new Error(`not an alert name: ${JSON.stringify(alert)}`);
  const alias = lowerCaseAlias(alert);
  return [alert, ...(alias ? [alias] : [])];
}

/** Where two strings first differ, with some context: for the message when the template and the function disagree. */
export function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, index - 60), index + 60));
  return `at character ${index}:\n  expected: ${around(expected)}\n  rendered: ${around(actual)}`;
}

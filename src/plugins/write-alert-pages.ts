import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertManifestSchema } from '../lib/alerts/manifest.ts';
import { alertRedirectFolders, alertRedirectHtml, firstDifference, REDIRECT_TEMPLATE, redirectAssets } from '../lib/alerts/redirect-page.ts';
import { CONTENT_SECURITY_POLICY } from '../lib/html/content-security-policy.ts';

/**
 * Writes `/alerts/<ALERT>/` and its lower-case alias for every alert of a built site, as plain files: thousands of
 * pages at scale, which cost seconds through Astro's renderer. What each page says comes from the site's own
 * `alerts.json` (the same alert index the pages were rendered from); the script URLs come from the one template
 * page Astro rendered (src/pages/alerts/[alert].astro), which is checked against alertRedirectHtml and then deleted.
 * Runs inside the build folder, which is swapped in only when the build succeeds, so a failure here leaves the
 * previous site in place. Returns the number of pages written.
 */
export function writeAlertPages(site: string, options: { base: string; site?: URL | string | undefined }): number {
  const templateFolder = join(site, 'alerts', REDIRECT_TEMPLATE.alert);
  const template = readFileSync(join(templateFolder, 'index.html'), 'utf8');
  const shared = { base: options.base, site: options.site, csp: CONTENT_SECURITY_POLICY, ...redirectAssets(template) };
  if (shared.scripts.length === 0) throw new Error(`alert pages: the template ${templateFolder} loads no script (the redirect script keeps ?env=)`);
  const expected = alertRedirectHtml(REDIRECT_TEMPLATE, shared);
  if (expected !== template) {
    throw new Error(
      `alert pages: src/lib/alerts/redirect-page.ts no longer writes what AlertRedirect.astro renders; change both together, ${firstDifference(expected, template)}`,
    );
  }
  rmSync(templateFolder, { recursive: true });

  const manifest = alertManifestSchema.parse(JSON.parse(readFileSync(join(site, 'alerts.json'), 'utf8')));
  let written = 0;
  for (const entry of manifest) {
    const html = alertRedirectHtml({ alert: entry.alert, slug: entry.runbook, title: entry.title }, shared);
    for (const folder of alertRedirectFolders(entry.alert)) {
      mkdirSync(join(site, 'alerts', folder), { recursive: true });
      // `wx`: never overwrite a page the build wrote (an alert named like another route would be a bug, not a page).
      writeFileSync(join(site, 'alerts', folder, 'index.html'), html, { flag: 'wx' });
      written++;
    }
  }
  return written;
}

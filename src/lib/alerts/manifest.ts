import { z } from 'zod';
import { severitySchema } from '../content/schemas/common.ts';
import { absoluteUrl, alertPath, runbookPath } from '../web/urls.ts';
import type { AlertEntry } from './alert-index.ts';

/** One row of `/alerts.json`: what tooling needs to write a Prometheus `runbook_url`. */
export const alertManifestEntrySchema = z.object({
  alert: z.string(),
  /** The runbook's slug. */
  runbook: z.string(),
  /** Stable alert URL (`…/alerts/<ALERT>/`): absolute when the site URL is configured, else root-relative. */
  url: z.string(),
  /** The runbook page itself. */
  runbook_url: z.string(),
  title: z.string(),
  severity: severitySchema.nullable(),
  service: z.string(),
  /** Response target in minutes. */
  sla: z.object({ response: z.number().nullable() }),
});

export const alertManifestSchema = z.array(alertManifestEntrySchema);
export type AlertManifest = z.output<typeof alertManifestSchema>;
export type AlertManifestEntry = z.output<typeof alertManifestEntrySchema>;

/** Builds `/alerts.json` from the alert index; `site` makes URLs absolute, `base` is the deployment's base path. */
export function alertManifest(entries: readonly AlertEntry[], options: { base: string; site?: URL | undefined }): AlertManifest {
  return entries.map((entry) => ({
    alert: entry.alert,
    runbook: entry.slug,
    url: absoluteUrl(alertPath(options.base, entry.alert), options.site),
    runbook_url: absoluteUrl(runbookPath(options.base, entry.slug), options.site),
    title: entry.title,
    severity: entry.severity ?? null,
    service: entry.service,
    sla: { response: entry.response ?? null },
  }));
}

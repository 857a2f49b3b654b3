// biome-ignore lint/style/noRestrictedImports: a type only, erased from the bundle; the browser reads the alerts.json it describes.
import type { AlertManifestEntry } from '../alerts/manifest.ts';

/** What the search box knows about alerts before any full-text search: the rows of `/alerts.json`. */
export type AlertRow = Pick<AlertManifestEntry, 'alert' | 'runbook' | 'title' | 'severity' | 'service'>;

export interface AlertLookup<T extends AlertRow> {
  /** The alert whose name is the query, ignoring case. */
  exact: T | undefined;
  /** Alerts whose name contains the query, ignoring case and `_`/`-`, best first; excludes `exact`. */
  partial: T[];
  /** The query reads like a whole alert name (`PAYMENTS_CPU_HIGH_5`, `KubePodCrashLooping`) but no runbook has it. */
  unknownAlert: boolean;
}

const fold = (text: string) => text.toLowerCase().replace(/[_\-:.\s]/g, '');

/**
 * Looks the query up in the alert list. An exact name wins outright. A query that looks like an alert name but is
 * unknown must not let a near miss (`PAYMENTS_CPU_HIGH_50` for `PAYMENTS_CPU_HIGH_5`) pose as the answer, so it
 * gets no partial matches: the caller says "No runbook for …" and shows full-text results below.
 */
export function lookupAlert<T extends AlertRow>(query: string, alerts: readonly T[]): AlertLookup<T> {
  const trimmed = query.trim();
  const none = { exact: undefined, partial: [], unknownAlert: false };
  if (trimmed.length < 2) return none;
  const exact = alerts.find((row) => row.alert.toLowerCase() === trimmed.toLowerCase());
  if (exact) return { ...none, exact };
  if (looksLikeAlertName(trimmed)) return { ...none, unknownAlert: true };
  const needle = fold(trimmed);
  if (needle.length < 3) return none;
  const startsWithNeedle = (row: T) => fold(row.alert).startsWith(needle);
  const partial = alerts
    .filter((row) => fold(row.alert).includes(needle))
    .sort((a, b) => Number(startsWithNeedle(b)) - Number(startsWithNeedle(a)) || a.alert.length - b.alert.length);
  return { ...none, partial };
}

/** One token of letters, digits and `_`/`:`, with an `_` or an inner capital: how alert names are written, not how people search. */
export function looksLikeAlertName(query: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_:]{3,}$/.test(query) && (/_/.test(query) || /[a-z][A-Z]/.test(query));
}

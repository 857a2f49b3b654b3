// The alert index's filter (components/AlertFilter.astro): the build writes each row's text, the browser
// (scripts/alert-filter.ts) matches the reader's words against it. One module, so both agree on case and fields.

/** What a row of the alert index is found by: alert name, service id and runbook title, lower-cased. */
export function alertFilterText(entry: { alert: string; service: string; title: string }): string {
  return `${entry.alert} ${entry.service} ${entry.title}`.toLowerCase();
}

/** The words of the reader's query, lower-cased; none for a blank query, which shows every row. */
export function filterWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** A row matches when its text contains every word, in any order. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}

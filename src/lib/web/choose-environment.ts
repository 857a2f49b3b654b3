/**
 * Which environment a page shows: a valid `?env=` wins (an alert link can preselect it), then the reader's last
 * choice, then the first environment. Anything not in `ids` is ignored: the value comes from a URL or storage
 * that anyone can craft, and is never used except to look it up in this list.
 */
export function chooseEnvironment(options: { query: string | null; stored: string | null; ids: readonly string[] }): string | undefined {
  const { query, stored, ids } = options;
  if (query !== null && ids.includes(query)) return query;
  if (stored !== null && ids.includes(stored)) return stored;
  return ids[0];
}

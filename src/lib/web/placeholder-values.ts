// The `#placeholder-values` element, a contract between the build (which writes it: valuesByService) and the
// browser (which reads it: scripts/command-blocks.ts, narrowed for the book by bookEnvironment). Types only.

/** One environment's values for one service's pages: placeholder name → value. */
export type PlaceholderValues = Record<string, string>;

/** `{ [service]: { [environment]: values } }`: the services on the page (one on a runbook page, all in the book). */
export type ValuesByService = Record<string, Record<string, PlaceholderValues>>;

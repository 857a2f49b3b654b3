// The `#placeholder-values` element, a contract between the build (which writes it: valuesByService) and the
// browser (which reads it: scripts/command-blocks.ts, narrowed for the book by bookEnvironment).

/** One environment's values for one service's pages: placeholder name → value. */
export type PlaceholderValues = Record<string, string>;

/** `{ [service]: { [environment]: values } }`: the services on the page (one on a runbook page, all in the book). */
export type ValuesByService = Record<string, Record<string, PlaceholderValues>>;

/**
 * `record[key]` when the record itself holds `key`, else undefined. Every name looked up in these records comes from
 * content or a reader (placeholders, inputs, services, environments), and `{{constructor}}`, `{{toString}}` or
 * `{{__proto__}}` are names an author may use: a plain `record[key]` would find the members every JavaScript object
 * inherits, and fill the command with `function Object() { [native code] }`.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string | undefined): T | undefined {
  return record !== undefined && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * JSON for a `<script type="application/json">` element. `<` is escaped so that no value, however it is
 * written, can close the script element and become HTML.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

// HTML written as strings, outside Astro's templates: one escaping rule for all of it.

const TEXT_ESCAPES = /[&<>'"]/g;
const ATTRIBUTE_ESCAPES = /[&"]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/**
 * Escapes a value for HTML exactly as Astro does, so that written pages match rendered ones byte for byte: text
 * escapes `& < > ' "`; a double-quoted attribute value only needs `&` and `"` (which keeps the CSP's `'self'` as
 * it is). Every value written into HTML outside Astro (the alert pages, the dev server's error overlay) goes through here.
 */
export function escapeHtml(value: string, context: 'text' | 'attribute'): string {
  return value.replace(context === 'text' ? TEXT_ESCAPES : ATTRIBUTE_ESCAPES, (char) => ENTITIES[char] ?? char);
}

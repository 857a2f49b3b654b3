// Text from content placed inside CSS (the book's running titles): escaped so it stays one string or identifier.

/** A CSS string literal, safe inside a `<style>` element: `\`, quotes and line breaks escaped, `<` too so no `</style>`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r\f]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}

/** A CSS identifier for `name`: book anchors (`rb-db--cpu`) already are one; anything else is escaped. */
export function cssIdent(name: string): string {
  const escaped = name.replace(/[^A-Za-z0-9_-]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `);
  return /^(?:-?[0-9]|--)/.test(escaped) ? `\\${escaped.codePointAt(0)!.toString(16)} ${escaped.slice(1)}` : escaped;
}

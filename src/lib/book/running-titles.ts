/**
 * The book's running footer. Chromium's footer template only knows the document's title, but Chromium (131+) draws
 * CSS page-margin boxes of named pages: each section gets `page: <name>`, and `@page <name>` puts its title in the
 * bottom-left margin of every sheet it fills.
 */

/** A CSS string literal, safe inside a `<style>` element: `\`, quotes and line breaks escaped, `<` too so no `</style>`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r\f]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}

/** A CSS identifier for `name`: book anchors (`rb-db--cpu`) already are one; anything else is escaped. */
export function cssIdent(name: string): string {
  const escaped = name.replace(/[^A-Za-z0-9_-]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `);
  return /^(?:-?[0-9]|--)/.test(escaped) ? `\\${escaped.codePointAt(0)!.toString(16)} ${escaped.slice(1)}` : escaped;
}

/** `@page <name> { @bottom-left { content: "<title>" } }` for every section, in order. */
export function runningTitleCss(sections: readonly { pageName: string; title: string }[]): string {
  return sections.map(({ pageName, title }) => `@page ${cssIdent(pageName)} { @bottom-left { content: ${cssString(title)}; } }`).join('\n');
}

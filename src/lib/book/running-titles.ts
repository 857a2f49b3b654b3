import { cssIdent, cssString } from '../web/css-escape.ts';

/**
 * The book's running footer: `@page <name> { @bottom-left { content: "<title>" } }` for every section, in order.
 * Chromium's footer template only knows the document's title, but Chromium (131+) draws CSS page-margin boxes of
 * named pages: each section gets `page: <name>`, and `@page <name>` puts its title in the bottom-left margin of every
 * sheet it fills.
 */
export function runningTitleCss(sections: readonly { pageName: string; title: string }[]): string {
  return sections.map(({ pageName, title }) => `@page ${cssIdent(pageName)} { @bottom-left { content: ${cssString(title)}; } }`).join('\n');
}

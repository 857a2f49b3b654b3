import { bookEnvironment } from '../lib/web/book-environment.ts';
import { cssString } from '../lib/web/css-escape.ts';
import { ownValue } from '../lib/web/placeholder-values.ts';

/**
 * The book's environment (see bookEnvironment): narrows `#placeholder-values` to the one asked for in `?env=`, and
 * says which on the cover and in the title, which Chromium prints in the PDF's header. Imported before
 * command-blocks.ts so that it has run when that module reads the values.
 */
const labels: Record<string, string> = JSON.parse(document.getElementById('book-environments')?.textContent ?? '{}');
const valuesElement = document.getElementById('placeholder-values');
if (valuesElement) {
  const { id, values } = bookEnvironment(JSON.parse(valuesElement.textContent ?? '{}'), Object.keys(labels), new URL(location.href).searchParams.get('env'));
  valuesElement.textContent = JSON.stringify(values);
  document.documentElement.dataset.environment = id ?? '';
  const cover = document.getElementById('book-environment');
  if (id !== undefined && cover) {
    cover.textContent = ownValue(labels, id) ?? id;
    document.title = `${document.title} · ${ownValue(labels, id) ?? id}`;
  }
  // The running header is the title: whose book (a team's) and which environment's values every page shows. A
  // constructed sheet, because the Content-Security-Policy refuses `<style>` elements.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@page { @top-right { content: ${cssString(document.title)}; } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

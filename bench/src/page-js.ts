/**
 * Which JavaScript a page makes the browser fetch before anyone touches search: the external module scripts
 * of its HTML, the modules they statically import, and `modulepreload` links. Dynamic `import()` is left out
 * on purpose; that is how search defers its own code until the search field gets focus.
 */

/** `src` of every `<script src>` and `href` of every `<link rel="modulepreload">`, in document order. */
export function pageScriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const [, tag, attributes = ''] = match;
    if (tag!.toLowerCase() === 'script') {
      const src = attribute(attributes, 'src');
      if (src) urls.push(src);
    } else if (attribute(attributes, 'rel')?.toLowerCase() === 'modulepreload') {
      const href = attribute(attributes, 'href');
      if (href) urls.push(href);
    }
  }
  return urls;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * Specifiers of the static imports and re-exports of a bundled ES module: `import{a as b}from"./x.js"`,
 * `import "./y.js"`, `export*from"./z.js"`. Written for bundler output (no comments or strings that contain
 * `import … from "…"`), not for arbitrary source.
 */
export function staticImports(js: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|[\s;})])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)(["'])([^"']+)\1/g;
  for (const match of js.matchAll(pattern)) specifiers.push(match[2]!);
  return specifiers;
}

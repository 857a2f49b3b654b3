import { ownValue } from '../web/placeholder-values.ts';

/**
 * The `{{placeholder}}` rule for command blocks.
 *
 * A placeholder is `{{name}}`: two braces, an identifier (`[A-Za-z_][A-Za-z0-9_]*`) with no spaces, two braces.
 * Everything else between double braces is literal, so the templates of other tools survive untouched:
 * - Go templates (`kubectl -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'`, Helm) use
 *   spaces, dots, quotes or keywords; the bare keywords (`{{end}}`, `{{else}}` …) are listed in GO_TEMPLATE_WORDS.
 * - Triple braces (`{{{raw}}}`, Handlebars) are literal.
 * - An author writes `\{{name}}` for the rare literal that would otherwise match; the backslash is dropped.
 */

export interface PlaceholderMatch {
  name: string;
  /** Offset of the opening braces in the code with escapes removed. */
  start: number;
  /** Offset just past the closing braces. */
  end: number;
}

export interface ScannedCode {
  /** The code as it is shown and copied: escape backslashes removed. */
  code: string;
  placeholders: PlaceholderMatch[];
}

/** Words that are Go-template actions or built-in functions, never placeholders. */
export const GO_TEMPLATE_WORDS: ReadonlySet<string> = new Set([
  'and',
  'block',
  'break',
  'call',
  'continue',
  'define',
  'else',
  'end',
  'eq',
  'ge',
  'gt',
  'html',
  'if',
  'index',
  'js',
  'le',
  'len',
  'lt',
  'ne',
  'nil',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'range',
  'slice',
  'template',
  'urlquery',
  'with',
  'true',
  'false',
]);

// `\\?` captures the escape; the look-arounds keep `{{{x}}}` and `{{x}}}` literal.
const CANDIDATE = /(\\?)(?<!\{)\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}(?!\})/g;

/** Finds the placeholders of one code block and removes the escapes of escaped ones. */
export function scanPlaceholders(source: string): ScannedCode {
  const placeholders: PlaceholderMatch[] = [];
  let code = '';
  let last = 0;
  for (const match of source.matchAll(CANDIDATE)) {
    const [whole, escaped, name] = match as unknown as [string, string, string];
    code += source.slice(last, match.index);
    last = match.index + whole.length;
    if (escaped) {
      code += whole.slice(1);
    } else if (GO_TEMPLATE_WORDS.has(name)) {
      code += whole;
    } else {
      placeholders.push({ name, start: code.length, end: code.length + whole.length });
      code += whole;
    }
  }
  return { code: code + source.slice(last), placeholders };
}

/** `code` with every placeholder that `values` defines replaced; the others stay as `{{name}}`. */
export function fillPlaceholders(source: string, values: Readonly<Record<string, string>>): string {
  const { code, placeholders } = scanPlaceholders(source);
  let out = '';
  let last = 0;
  for (const { name, start, end } of placeholders) {
    out += code.slice(last, start) + (ownValue(values, name) ?? code.slice(start, end));
    last = end;
  }
  return out + code.slice(last);
}

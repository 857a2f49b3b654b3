import { splitFrontmatter } from '../content/frontmatter.ts';
import type { ContentProblem } from '../errors.ts';
import { findInRuns, htmlRuns, markdownRuns, type Run, yamlRuns } from './decoded-secrets.ts';
import { findSecrets, lineIndex, lineStartsOf, type SecretRule } from './secret-rules.ts';

/** A text file to scan, named as messages print it. */
export interface TextFile {
  file: string;
  text: string;
}

/**
 * Literal credentials in runbooks and data files (`SECRET_RULES`). An error, never a warning: the site is
 * published, and a leaked key has to be rotated, not just deleted. Each file is scanned as written and again as
 * decoded (`decoded-secrets.ts`): YAML scalars after their escapes, a Markdown body as the reader sees its text.
 */
export function checkSecrets(files: readonly TextFile[]): ContentProblem[] {
  return files.flatMap(({ file, text }) => {
    const raw = findSecrets(text);
    const found = [...raw, ...findInRuns(sourceRuns(file, text), raw)].sort((a, b) => a.offset - b.offset);
    const lineStarts = lineStartsOf(text);
    return found.map(({ rule, offset }) => {
      const line = lineIndex(lineStarts, offset);
      return {
        severity: 'error' as const,
        file,
        line: line + 1,
        column: offset - (lineStarts[line] ?? 0) + 1,
        message: `possible secret (${rule.name}): write a {{placeholder}} or a shell variable such as $TOKEN instead, and rotate it if it was real`,
      };
    });
  });
}

/** The decoded text of a content file: a YAML data file's scalars; a runbook's frontmatter scalars and body. */
function sourceRuns(file: string, text: string): Run[] {
  if (/\.ya?ml$/i.test(file)) return yamlRuns(text);
  if (!/\.mdx?$/i.test(file)) return [];
  const { yaml, body } = splitFrontmatter(text);
  const yamlAt = text.indexOf('\n') + 1;
  return [...(yaml && text.startsWith(yaml, yamlAt) ? yamlRuns(yaml, yamlAt) : []), ...markdownRuns(body, text.length - body.length)];
}

/** A published file's text: HTML, text (scripts, JSON, XML …) or the text `pdftotext` read from a PDF. */
export interface PublishedText extends TextFile {
  /** Defaults to the file name's extension: `.html` is HTML, `.pdf` a PDF's text, anything else text. */
  kind?: 'html' | 'text' | 'pdf';
}

/**
 * The same scan over what is published (the built site, its offline zip, the PDFs), the last line of defence: it
 * also sees what reached the pages another way (environment values filled into commands, the
 * `#placeholder-values` data). HTML is scanned as the text a browser shows plus its attribute values and
 * comments, decoded by htmlparser2: the highlighter splits a command into one `<span>` per token, and a secret
 * would never appear in one piece in the markup. A PDF's text has no lines of its own: the finding names the page.
 */
export function checkPublishedSecrets(files: readonly PublishedText[]): ContentProblem[] {
  return files.flatMap(({ file, text, kind = kindOf(file) }) => {
    const found: { rule: SecretRule; offset: number }[] = kind === 'html' ? findInRuns(htmlRuns(text)) : findSecrets(text);
    const lineStarts = lineStartsOf(text);
    return found.map(({ rule, offset }) => {
      const message = `published secret (${rule.name}): remove it from the content, rebuild, and rotate it`;
      if (kind === 'pdf') return { severity: 'error' as const, file, field: `page ${pageOf(text, offset)}`, message };
      const line = lineIndex(lineStarts, offset);
      // In HTML, a decoded text's column is not a column of the file; the line still is.
      return { severity: 'error' as const, file, line: line + 1, ...(kind === 'text' && { column: offset - (lineStarts[line] ?? 0) + 1 }), message };
    });
  });
}

function kindOf(file: string): 'html' | 'text' | 'pdf' {
  return /\.html?$/i.test(file) ? 'html' : /\.pdf$/i.test(file) ? 'pdf' : 'text';
}

/** `pdftotext` ends each page with a form feed. */
function pageOf(text: string, offset: number): number {
  let page = 1;
  for (let index = text.indexOf('\f'); index !== -1 && index < offset; index = text.indexOf('\f', index + 1)) page++;
  return page;
}

/**
 * The text of an HTML document as a browser shows it (htmlparser2: tags dropped, entities decoded, block elements
 * on lines of their own), for tests and messages.
 */
export function htmlText(html: string): string {
  return (
    htmlRuns(html)[0]
      ?.segments.map((segment) => segment.text)
      .join('') ?? ''
  );
}

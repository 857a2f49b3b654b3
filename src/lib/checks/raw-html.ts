import { Parser } from 'htmlparser2';
import type { SourcePage } from '../content/source-page.ts';
import type { ContentProblem } from '../errors.ts';
import { attributeProblem, elementProblem, IMAGE_SCHEMES, LINK_SCHEMES, urlProblem } from '../html/allowed-html.ts';
import { pageOutline } from './parsed-page.ts';

/**
 * Raw HTML and link targets outside the allow-list (html/allowed-html.ts): `<script>`, `onerror=`, `<iframe>`,
 * `<meta http-equiv="refresh">`, a `javascript:` link in any letter case or entity-encoded, a `data:` image … Each
 * raw-HTML node of a `.md` page is parsed with a real HTML parser (htmlparser2), so entities, letter case and
 * whitespace are read as a browser reads them; Markdown links and images of every page are checked by scheme.
 * An `.mdx` page has no raw HTML but JSX, which checks/mdx-code.ts checks on the MDX tree.
 */
export function checkRawHtml(pages: readonly SourcePage[]): ContentProblem[] {
  return pages.flatMap((page) => {
    const problems: ContentProblem[] = [];
    const at = (line: number, column: number, message: string) =>
      problems.push({ severity: 'error', file: page.file, line: page.bodyLine + line - 1, column, message });
    const outline = pageOutline(page);
    for (const { url, line, column } of outline.links) {
      const problem = urlProblem(url, LINK_SCHEMES, 'a link', false);
      if (problem) at(line, column, problem);
    }
    for (const { url, line, column } of outline.images) {
      const problem = urlProblem(url, IMAGE_SCHEMES, 'an image', true);
      if (problem) at(line, column, problem);
    }
    if (page.file.endsWith('.md')) {
      const bodyLines = page.body.split('\n');
      for (const node of outline.html) {
        for (const { index, message } of htmlProblems(node.value)) {
          const { line, column } = positionIn(node, index, bodyLines);
          at(line, column, message);
        }
      }
    }
    return problems;
  });
}

/** The problems of an HTML fragment, each at the index of its tag or attribute in `html`. */
export function htmlProblems(html: string): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  const attributes: { name: string; value: string; index: number }[] = [];
  const parser = new Parser(
    {
      onattribute(name, value) {
        // Every attribute as written, repeated ones too: a browser keeps the first, a sanitiser may keep another.
        attributes.push({ name, value, index: parser.startIndex });
      },
      onopentag(tag) {
        const refused = elementProblem(tag);
        if (refused) problems.push({ index: parser.startIndex, message: refused });
        else
          for (const { name, value, index } of attributes) {
            const problem = attributeProblem(tag, name, value);
            if (problem) problems.push({ index, message: problem });
          }
        attributes.length = 0;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

/**
 * Line and column in the body of `index` in a raw-HTML node's value. A node inside a list item or block quote
 * comes without the indentation or `>` of its later lines; the source line ends with the value's line, which gives
 * its column back.
 */
function positionIn(node: { value: string; line: number; column: number }, index: number, bodyLines: readonly string[]): { line: number; column: number } {
  const before = node.value.slice(0, index).split('\n');
  const lineInNode = before.length - 1;
  const columnInLine = before[lineInNode]!.length;
  if (lineInNode === 0) return { line: node.line, column: node.column + columnInLine };
  const line = node.line + lineInNode;
  const valueLine = node.value.split('\n')[lineInNode] ?? '';
  const source = bodyLines[line - 1] ?? '';
  const indent = source.endsWith(valueLine) ? source.length - valueLine.length : 0;
  return { line, column: indent + columnInLine + 1 };
}

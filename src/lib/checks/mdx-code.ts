import { parseAst } from 'rolldown/parseAst';
import type { ContentProblem } from '../errors.ts';
import { attributeProblem, elementProblem, URL_SCHEMES } from '../html/allowed-html.ts';

/**
 * Code in an MDX page. MDX compiles a page to a JavaScript module that the build runs: an `import`, an `export`
 * or an expression such as `{process.env.TOKEN}` runs with the build's rights and can publish its secrets or
 * write files into the site. The site provides no MDX components, so content needs none of it: every
 * `import`/`export` is an error, and an expression may only be empty (a comment), a literal or a reference to the
 * page's frontmatter. Decided on the expression's syntax tree (rolldown's parser), allowing known-safe node types
 * only, never by looking for bad words. JSX elements and attributes are held to the HTML allow-list
 * (html/allowed-html.ts), as raw HTML is in Markdown.
 */
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: unknown;
  children?: unknown;
  position?: { start: { line: number; column: number; offset?: number | undefined } } | undefined;
}

export interface MdxAttribute {
  type: string;
  name?: string | undefined;
  value?: string | null | undefined | { type: string; value: string };
}

/** Where an expression's braces may be written instead, in every message about one. */
const INSTEAD = 'write the value itself, or {frontmatter.field}; to show braces write them in backticks or escape them \\{';

/**
 * The code problems of an MDX tree (satteri's `mdxToMdast` of `source`, whose lines are the file's). `skip`: the
 * expressions already reported as `{{placeholder}}`s (mdx-syntax.ts).
 */
export function mdxCodeProblems(file: string, tree: MdxNode, source: string, skip: ReadonlySet<MdxNode>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (line: number, column: number, message: string) => problems.push({ severity: 'error', file, line, column, message });
  const visit = (node: MdxNode): void => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'mdxjsEsm') {
      for (const { offset, word } of esmStatements(String(node.value))) {
        const { line, column } = start.offset === undefined ? start : lineColumn(source, start.offset + offset);
        at(
          line,
          column,
          `\`${word}\` in MDX runs code when the site is built, and the site provides no components: remove it and write the text itself, in Markdown or allowed HTML; a value of the page is {frontmatter.field}`,
        );
      }
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !skip.has(node)) {
      const problem = expressionProblem(String(node.value));
      if (problem) at(start.line, start.column, problem);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const { offset, message } of elementProblems(node, source)) {
        const { line, column } = offset === undefined ? start : lineColumn(source, offset);
        at(line, column, message);
      }
    }
    if (Array.isArray(node.children)) (node.children as MdxNode[]).forEach(visit);
  };
  visit(tree);
  return problems;
}

/** Each statement of an `import`/`export` block, by its offset in the block and its keyword. */
function esmStatements(value: string): { offset: number; word: string }[] {
  try {
    const { body } = parseAst(value, { sourceType: 'module', lang: 'js' });
    const statements = body.map((statement) => ({ offset: statement.start, word: statement.type === 'ImportDeclaration' ? 'import' : 'export' }));
    if (statements.length > 0) return statements;
  } catch {
    // The build's own MDX compile reports syntax errors (mdx-syntax.ts); here only that the block is code.
  }
  return [{ offset: 0, word: value.trimStart().startsWith('import') ? 'import' : 'export' }];
}

type Verdict = { kind: 'empty' } | { kind: 'literal'; value: string } | { kind: 'frontmatter' } | { kind: 'code' };

/** Why the expression `{value}` may not be in content, or undefined when it may. */
export function expressionProblem(value: string): string | undefined {
  return judge(value).kind === 'code'
    ? `{${shorten(value)}} is code, and MDX would run it when the site is built: an expression may only be a literal or a frontmatter field; ${INSTEAD}`
    : undefined;
}

/**
 * What an expression is: parsed as a program (so that `{/* note *\/}` is an empty one), it must be one expression
 * statement of a literal (a template without substitutions too) or of `frontmatter` followed by member accesses
 * whose keys are names or literals: `frontmatter.title`, `frontmatter['service']`, `frontmatter.sla?.response`.
 */
function judge(value: string): Verdict {
  let body: unknown[];
  try {
    body = parseAst(value, { sourceType: 'module', lang: 'js' }).body;
  } catch {
    return { kind: 'code' };
  }
  if (body.length === 0) return { kind: 'empty' };
  const [statement] = body as { type: string; expression?: EsNode }[];
  if (body.length !== 1 || statement?.type !== 'ExpressionStatement' || !statement.expression) return { kind: 'code' };
  return judgeExpression(statement.expression);
}

interface EsNode {
  type: string;
  value?: unknown;
  expression?: EsNode;
  expressions?: unknown[];
  quasis?: { value: { cooked?: string | null } }[];
  object?: EsNode;
  property?: EsNode;
  computed?: boolean;
  name?: string | undefined;
}

function judgeExpression(node: EsNode): Verdict {
  switch (node.type) {
    case 'ParenthesizedExpression':
    case 'ChainExpression':
      return node.expression ? judgeExpression(node.expression) : { kind: 'code' };
    case 'Literal':
      return { kind: 'literal', value: String(node.value) };
    case 'TemplateLiteral':
      return node.expressions?.length === 0
        ? { kind: 'literal', value: node.quasis?.map((quasi) => quasi.value.cooked ?? '').join('') ?? '' }
        : { kind: 'code' };
    case 'MemberExpression':
      return isFrontmatterReference(node) ? { kind: 'frontmatter' } : { kind: 'code' };
    default:
      return { kind: 'code' };
  }
}

function isFrontmatterReference(node: EsNode): boolean {
  if (node.type === 'Identifier') return node.name === 'frontmatter';
  if (node.type !== 'MemberExpression' || !node.object || !node.property) return false;
  const key = node.computed ? (node.property.type === 'Literal' ? String(node.property.value) : undefined) : node.property.name;
  // A field, never what every object inherits: `frontmatter.constructor` is a function, the way to code.
  return key !== undefined && !(key in Object.prototype) && isFrontmatterReference(node.object);
}

/** The problems of one JSX element's name and attributes, at the attribute's offset in `source` when it is found. */
function elementProblems(node: MdxNode, source: string): { offset: number | undefined; message: string }[] {
  const name = node.name;
  // `<>…</>`: a fragment, no element at all.
  if (name == null) return [];
  if (!/^[a-z][a-z\d]*$/.test(name)) {
    return [
      {
        offset: undefined,
        message: `<${name}> is an MDX component, and the site provides none: write Markdown, or one of the allowed HTML elements (SECURITY.md)`,
      },
    ];
  }
  const refused = elementProblem(name);
  if (refused) return [{ offset: undefined, message: refused }];
  const problems: { offset: number | undefined; message: string }[] = [];
  let cursor = (node.position?.start.offset ?? 0) + 1 + name.length;
  for (const attribute of Array.isArray(node.attributes) ? (node.attributes as MdxAttribute[]) : []) {
    const found = findAttribute(source, cursor, attribute);
    if (found !== undefined) cursor = found + 1;
    const problem = attributeProblemOf(name, attribute);
    if (problem) problems.push({ offset: found, message: problem });
  }
  return problems;
}

/**
 * Whether MDX would run `attribute` as code: a spread (`{...props}`), or a value that is an expression other than a
 * literal or a frontmatter field. The build drops such attributes (plugins/mdast-mdx-code-guard.ts).
 */
export function attributeRunsCode(attribute: MdxAttribute): boolean {
  if (attribute.type === 'mdxJsxExpressionAttribute') return true;
  const value = attribute.value;
  return typeof value === 'object' && value !== null && judge(value.value).kind === 'code';
}

function attributeProblemOf(tag: string, attribute: MdxAttribute): string | undefined {
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    return `{${shorten(String(attribute.value))}} spreads attributes from code onto <${tag}>: write each attribute with its value, such as title="…"`;
  }
  // JSX spells `class` as `className`; both reach the page as `class`.
  const written = attribute.name ?? '';
  const name = written === 'className' ? 'class' : written;
  const value = attribute.value;
  if (value === null || value === undefined || typeof value === 'string') return attributeProblem(tag, name, value ?? '');
  const verdict = judge(value.value);
  // A refused name is the problem whatever its value; an allowed one may still hold code.
  const named = attributeProblem(tag, name, verdict.kind === 'literal' ? verdict.value : '');
  if (named || verdict.kind === 'literal' || verdict.kind === 'empty') return named;
  if (verdict.kind === 'code') return expressionProblem(value.value);
  if (URL_SCHEMES[tag]?.attribute === name.toLowerCase())
    return `${written}={${shorten(value.value)}} on <${tag}>: write the address itself, ${written}="https://…", so that it can be checked`;
  return undefined;
}

/** The offset of `attribute` in the opening tag at or after `from`, found by its name (or `{` of a spread). */
function findAttribute(source: string, from: number, attribute: MdxAttribute): number | undefined {
  const pattern =
    attribute.type === 'mdxJsxExpressionAttribute' ? /\{\s*\.\.\./g : new RegExp(`(?<=\\s)${(attribute.name ?? '').replace(/[^\w:-]/g, '')}(?=[\\s=/>])`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  // Only within the next few lines: past the tag, a match would be some other text.
  return match && match.index - from < 2000 ? match.index : undefined;
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The expression as the message quotes it: one line, at most 40 characters. */
function shorten(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

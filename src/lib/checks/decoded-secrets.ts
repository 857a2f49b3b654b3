import { Parser } from 'htmlparser2';
import type { Nodes } from 'mdast';
import { markdownToMdast } from 'satteri';
import { isPair, isScalar, parseAllDocuments, visit } from 'yaml';
import { findSecrets, lineIndex, type SecretFinding, type SecretRule } from './secret-rules.ts';

/**
 * Secrets as a reader (or a program) gets them, not as they are written: a YAML escape (`"AKIA\x49…"`, `\u0049`),
 * a folded or escaped line break, an HTML character reference (`AKIA&#73;…`) or emphasis inside a word
 * (`AKIA**I**OSF…`) hide a secret from a scan of the file, and are undone by the parser before anything is
 * published. So the text is decoded by the parsers the build uses (yaml, satteri, htmlparser2) and scanned again;
 * each piece of decoded text remembers where it was written, so a finding points into the file.
 */

/** Decoded text that came from one place of the source. */
export interface Segment {
  text: string;
  /** Offset in the source where the piece starts. */
  at: number;
  /** True when `text` is the source itself from `at` on, so an offset inside the piece maps one to one. */
  exact: boolean;
}

/** A stretch of decoded text scanned as a whole: a YAML scalar, a Markdown paragraph, an HTML document. */
export interface Run {
  segments: Segment[];
  /** The source range the run was decoded from, where a raw finding is the same one. */
  start: number;
  end: number;
  /** Scanned before the text and not reported: the key of a YAML value, so `db_password: "hunt\x65r2"` is found. */
  prefix?: string;
}

/** A secret found in decoded text, at an offset of the source. */
export interface DecodedFinding {
  rule: SecretRule;
  secret: string;
  offset: number;
}

/**
 * The secrets of `runs` that the raw scan of the same source (`raw`) did not already report: a run's finding is
 * the raw one when a raw finding in the run's range has the same secret or, failing that, the same rule (the raw
 * scan sees `hunt\x65r2` where the decoded one sees `hunter2`). One report per secret and place.
 */
export function findInRuns(runs: readonly Run[], raw: readonly SecretFinding[] = []): DecodedFinding[] {
  // One scan of all the runs, joined by blank lines that no rule reads across: a scan per run costs more in setting
  // up the rules than in matching, for the thousands of paragraphs of a large book.
  const texts = runs.map((run) => (run.prefix ?? '') + run.segments.map((segment) => segment.text).join(''));
  const starts: number[] = [];
  let length = 0;
  for (const text of texts) {
    starts.push(length);
    length += text.length + 2;
  }
  const used = new Set<SecretFinding>();
  const found: DecodedFinding[] = [];
  for (const finding of findSecrets(texts.join('\n\n'))) {
    const index = lineIndex(starts, finding.offset);
    const run = runs[index];
    const offset = finding.offset - (starts[index] ?? 0) - (run?.prefix?.length ?? 0);
    if (!run || offset < 0) continue;
    const inRun = (other: SecretFinding) => !used.has(other) && other.offset >= run.start && other.offset < Math.max(run.end, run.start + 1);
    const same = raw.find((other) => inRun(other) && other.secret === finding.secret) ?? raw.find((other) => inRun(other) && other.rule === finding.rule);
    if (same) {
      used.add(same);
      continue;
    }
    found.push({ rule: finding.rule, secret: finding.secret, offset: sourceOffset(run.segments, offset) });
  }
  const seen = new Set<string>();
  return found.sort((a, b) => a.offset - b.offset).filter(({ rule, offset }) => !seen.has(`${offset} ${rule.id}`) && seen.add(`${offset} ${rule.id}`));
}

/** Where the character at `offset` of the joined segments was written: exactly, or at the start of its piece. */
function sourceOffset(segments: readonly Segment[], offset: number): number {
  let start = 0;
  for (const segment of segments) {
    const end = start + segment.text.length;
    if (offset < end) return segment.exact ? segment.at + offset - start : segment.at;
    start = end;
  }
  return segments.at(-1)?.at ?? 0;
}

/**
 * Every string scalar of a YAML text (frontmatter or a data file) decoded, `base` being the offset of the YAML in
 * its file. Aliases are not followed (an alias bomb stays small). A text the parser rejects gives no runs: its
 * syntax error is reported by the schema check.
 */
export function yamlRuns(yaml: string, base = 0): Run[] {
  const runs: Run[] = [];
  try {
    const docs = parseAllDocuments(yaml);
    if (!Array.isArray(docs) || docs.some((doc) => doc.errors.length > 0)) return [];
    for (const doc of docs)
      visit(doc, {
        Scalar(_key, node, path) {
          if (typeof node.value !== 'string' || !node.range) return;
          const [start, end] = node.range;
          const source = yaml.slice(start, end);
          const quoted = /^["']/.test(source) && source.slice(1, -1) === node.value;
          const exact = quoted || source === node.value;
          const parent = path.at(-1);
          const key = isPair(parent) && parent.value === node && isScalar(parent.key) ? parent.key.value : undefined;
          runs.push({
            segments: [{ text: node.value, at: base + start + (quoted ? 1 : 0), exact }],
            start: base + start,
            end: base + end,
            ...(typeof key === 'string' && { prefix: `${key}: ` }),
          });
        },
      });
  } catch {
    // A document too deep for the parser is reported by the schema check; nothing decoded to scan here.
    return [];
  }
  return runs;
}

/** Elements a browser shows on lines of their own: their text does not run into the next element's. */
const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul'.split(
    ' ',
  ),
);

/**
 * An HTML text as htmlparser2 reads it, `base` being its offset in the file: one run of the text a browser shows
 * (entities decoded; tags dropped, not replaced by spaces, because the highlighter splits a word into `<span>`s;
 * block elements end a line), the contents of `<script>` and `<style>` included since they are published; one run
 * per attribute value (decoded: `href`, `title`, `content` …) and per comment.
 */
export function htmlRuns(html: string, base = 0): Run[] {
  const text: Segment[] = [];
  const others: Run[] = [];
  const parser = new Parser(
    {
      ontext(data) {
        const source = html.slice(parser.startIndex, parser.endIndex + 1);
        text.push({ text: data, at: base + parser.startIndex, exact: source === data });
      },
      onopentag(name) {
        if (BLOCK.has(name)) text.push({ text: '\n', at: base + parser.startIndex, exact: false });
      },
      onclosetag(name) {
        if (BLOCK.has(name)) text.push({ text: '\n', at: base + parser.startIndex, exact: false });
      },
      onattribute(_name, value) {
        if (!value) return;
        // The parser's start is the attribute's name; the value starts after `=`, blanks and a quote.
        const source = html.slice(parser.startIndex, parser.endIndex + 1);
        const at = parser.startIndex + (/^[^=]*=\s*["']?/.exec(source)?.[0].length ?? 0);
        const exact = html.startsWith(value, at);
        others.push({ segments: [{ text: value, at: base + at, exact }], start: base + at, end: base + at + Math.max(value.length, 1) });
      },
      oncomment(data) {
        others.push({
          segments: [{ text: data, at: base + parser.startIndex + 4, exact: true }],
          start: base + parser.startIndex,
          end: base + parser.endIndex + 1,
        });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return [{ segments: text, start: base, end: base + html.length }, ...others];
}

/**
 * The rendered text of a Markdown (or MDX) body, `base` being its offset in the file: one run per paragraph,
 * heading and table cell (character references and backslash escapes decoded, emphasis and inline HTML joined as
 * the reader sees them), and the runs of each raw HTML block. Code is published as written, so the raw scan
 * already sees it.
 */
export function markdownRuns(body: string, base = 0): Run[] {
  let tree: Nodes;
  try {
    tree = markdownToMdast(body, { features: { frontmatter: false } }) as Nodes;
  } catch {
    return [];
  }
  const runs: Run[] = [];
  // A link's or an image's URL and title are published in the page's attributes.
  const target = (node: { url: string; title?: string | null | undefined }, start: number, end: number): Run[] =>
    [node.url, node.title ?? '']
      .filter(Boolean)
      .map((text) => ({ segments: [{ text, at: base + start, exact: false }], start: base + start, end: base + end }));
  // Iterative walks, not recursive ones: a hostile page of thousands of nested block quotes must not overflow the stack.
  const inline = (root: Nodes, segments: Segment[]): void => {
    const stack: Nodes[] = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      if (node.type === 'text' || node.type === 'inlineCode') {
        const source = body.slice(start, end);
        const index = source.indexOf(node.value);
        segments.push({ text: node.value, at: base + start + Math.max(index, 0), exact: index !== -1 });
      } else if (node.type === 'break') {
        segments.push({ text: '\n', at: base + start, exact: false });
      } else if (node.type === 'image') {
        segments.push({ text: node.alt ?? '', at: base + start, exact: false });
        runs.push(...target(node, start, end));
      } else if (node.type === 'html') {
        const [text, ...others] = htmlRuns(node.value, base + start);
        if (text) segments.push(...text.segments);
        runs.push(...others);
      } else if ('children' in node) {
        if (node.type === 'link') runs.push(...target(node, start, end));
        // Reversed onto the stack, so that children come off it in reading order.
        for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
      }
    }
  };
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const segments: Segment[] = [];
      inline(node, segments);
      runs.push({ segments, start: base + start, end: base + end });
    } else if (node.type === 'html') {
      runs.push(...htmlRuns(node.value, base + start));
    } else if (node.type === 'definition') {
      runs.push(...target(node, start, end));
    } else if (node.type !== 'code' && 'children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
    }
  }
  return runs;
}

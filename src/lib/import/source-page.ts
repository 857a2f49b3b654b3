import { posix } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { readFrontmatter } from '../content/source-page.ts';
import { isIndexPage, pageKey, urlSegments } from './old-paths.ts';

/** A page of the collection being imported, as read from its folder: `path` relative to it, `/`-separated. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A source page split and parsed: its old front matter, its body (kept byte for byte) and the body's syntax tree. */
export interface SourcePage {
  path: string;
  /** The old front matter as data; `{}` when there is none. */
  frontMatter: Record<string, unknown>;
  body: string;
  /** Line of the source file the body starts on. */
  bodyLine: number;
  tree: Root;
  /** `_index.md`, `index.md`, `README.md`: the page of its folder. */
  index: boolean;
  /**
   * Every path the old site served the page at, as old links name it (old-paths.ts): its file's, and its
   * `aliases`, `url` and `slug` from the front matter, which Hugo serves too and rules may still point at.
   */
  keys: string[][];
}

/** Why a source page cannot be read at all; the reason is shown to the author. */
export type SourcePageResult = { ok: true; page: SourcePage } | { ok: false; reason: string };

/**
 * Reads a page of the old collection. Front matter is YAML between `---` lines, read by the parser every page of ours
 * is read with (content/source-page.ts); Hugo's TOML (`+++`) and JSON front matter are not read, and `hugo convert
 * toYAML` turns them into YAML.
 */
export function readSourcePage({ path, text }: SourceFile): SourcePageResult {
  if (/^\uFEFF?\+\+\+[ \t]*\r?\n/.test(text)) {
    return { ok: false, reason: 'its front matter is TOML (+++), which is not read: convert it to YAML first (`hugo convert toYAML`)' };
  }
  const split = readFrontmatter(path, text);
  if (split.problems.length > 0) return { ok: false, reason: split.problems.map((problem) => problem.message).join('; ') };
  if (split.value === null || typeof split.value !== 'object' || Array.isArray(split.value)) {
    return { ok: false, reason: 'its front matter is not a map of keys and values' };
  }
  const frontMatter = split.value as Record<string, unknown>;
  // The body comes without its front matter: a `---` at its start is a thematic break, not more front matter.
  const tree = markdownToMdast(split.body, { features: { frontmatter: false } }) as Root;
  const index = isIndexPage(path);
  return { ok: true, page: { path, frontMatter, body: split.body, bodyLine: split.bodyLine, tree, index, keys: oldKeys(path, frontMatter) } };
}

/** The page's own key, and the ones its `url`, `slug` and `aliases` give it on the old site. */
function oldKeys(path: string, frontMatter: Record<string, unknown>): string[][] {
  const own = pageKey(path);
  const keys = [own];
  const { url, slug, aliases } = frontMatter;
  if (typeof url === 'string') keys.push(urlSegments(url) ?? []);
  if (typeof slug === 'string' && own.length > 0 && !slug.includes('/')) keys.push([...own.slice(0, -1), slug.toLowerCase()]);
  for (const alias of Array.isArray(aliases) ? aliases : typeof aliases === 'string' ? [aliases] : []) {
    keys.push(urlSegments(alias) ?? []);
  }
  return keys.filter((key) => key.length > 0);
}

/** Whether the front matter marks the page as a draft, which the old site did not publish either. */
export function isDraft(page: SourcePage): boolean {
  const { draft } = page.frontMatter;
  return draft === true || (typeof draft === 'string' && draft.trim().toLowerCase() === 'true');
}

/**
 * Whether the body says anything: a block other than headings, HTML comments and Hugo shortcodes alone on a line
 * (`{{< toc >}}`). A section's `_index.md` is often only front matter, or a heading the old theme wanted: no page.
 */
export function hasContent(page: SourcePage): boolean {
  return page.tree.children.some((node) => {
    if (node.type === 'heading' || node.type === 'definition') return false;
    if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
    if (node.type === 'paragraph') return withoutShortcodes(plainText(node)).trim() !== '';
    return true;
  });
}

/** Where a page's title comes from, in the report. */
export type TitleSource = 'front matter' | 'heading' | 'file name';

/**
 * The page's title: its front matter's `title`, else its first `#` heading, else its file name (for an index page,
 * its folder's name). A file named after an alert keeps the alert's spelling, the words a responder searches for.
 */
export function pageTitle(page: SourcePage, fallbackFolder: string): { value: string; source: TitleSource } {
  const { title } = page.frontMatter;
  // A title is one line wherever it shows (header, listings, the book's bookmarks), whatever the YAML held.
  const written = typeof title === 'string' || typeof title === 'number' ? String(title).replace(/\s+/g, ' ').trim() : '';
  if (written !== '') return { value: written, source: 'front matter' };
  const heading = page.tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const text = heading ? withoutShortcodes(plainText(heading)).replace(/\s+/g, ' ').trim() : '';
  if (text !== '') return { value: text, source: 'heading' };
  const folder = posix.basename(posix.dirname(page.path));
  const name = page.index ? (folder === '.' || folder === '' ? fallbackFolder : folder) : posix.basename(page.path).replace(/\.[^.]+$/, '');
  const words = /[-_]/.test(name) && /[a-z]/.test(name) ? name.replace(/[-_]+/g, ' ').trim() : name;
  return { value: words.charAt(0).toUpperCase() + words.slice(1), source: 'file name' };
}

/** Where a page's summary comes from, in the report. */
export type SummarySource = 'front matter' | 'first paragraph' | 'stand-in';

/** Longest summary taken from a paragraph: a listing shows one or two lines of it. */
const MAX_SUMMARY = 200;

/**
 * The page's summary: its front matter's `summary` or `description` (Hugo's), else the first sentence of its first
 * paragraph; `undefined` when it has neither (the caller writes the stand-in).
 */
export function pageSummary(page: SourcePage): { value: string; source: SummarySource } | undefined {
  for (const key of ['summary', 'description']) {
    const value = page.frontMatter[key];
    if (typeof value === 'string' && value.trim() !== '') return { value: value.replace(/\s+/g, ' ').trim(), source: 'front matter' };
  }
  for (const node of paragraphs(page.tree)) {
    const text = withoutShortcodes(plainText(node)).replace(/\s+/g, ' ').trim();
    if (text !== '') return { value: firstSentence(text), source: 'first paragraph' };
  }
  return undefined;
}

/** Paragraphs in reading order, outside lists, quotes and tables: the page's own prose, not a step or a note. */
function paragraphs(tree: Root): Nodes[] {
  return tree.children.filter((node) => node.type === 'paragraph');
}

/**
 * The first sentence of `text`, by the language's sentence rules (`Intl.Segmenter`, which knows "e.g." and
 * "v1.2"), shortened at a word when it is longer than a listing shows.
 */
export function firstSentence(text: string): string {
  const [first] = new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text);
  const sentence = (first?.segment ?? text).trim();
  if (sentence.length <= MAX_SUMMARY) return sentence;
  const cut = sentence.slice(0, MAX_SUMMARY);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SUMMARY / 2)).replace(/[\s,;:]+$/, '')}…`;
}

/** The text a reader sees of a node: code as its text, links as their words, images and raw HTML left out. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? node.children.map(plainText).join('') : '';
}

// Hugo shortcodes: `{{< name … >}}` and `{{% name … %}}`, also the commented-out form that shows one as text
// (a slash-star comment inside the braces).
export const SHORTCODE = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}/g;

function withoutShortcodes(text: string): string {
  return text.replace(SHORTCODE, '');
}

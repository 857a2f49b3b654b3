/** The parts of a Markdown file with YAML frontmatter, with the line each part starts on. */
export interface SplitFile {
  /** The YAML between the `---` fences, or '' when there is none. */
  yaml: string;
  /** Line of the first YAML line (the line after the opening `---`). */
  yamlLine: number;
  body: string;
  /** Line the body starts on. */
  bodyLine: number;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/**
 * The text without a UTF-8 byte-order mark: some Windows editors write one before the `---`. It is not part of
 * the content, and Astro ignores it too, so the check does.
 */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function splitFrontmatter(file: string): SplitFile {
  const text = withoutBom(file);
  const match = text.startsWith('---') ? FRONTMATTER.exec(text) : null;
  if (match?.index !== 0) return { yaml: '', yamlLine: 1, body: text, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { yaml: match[1] ?? '', yamlLine: 2, body: text.slice(match[0].length), bodyLine };
}

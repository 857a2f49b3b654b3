/**
 * The edit a warm rebuild follows, as an author makes it: one runbook gets a new title and one more paragraph. The
 * title is shown on other pages too (its service's list, its alerts', the home page), so the rebuild has to find
 * those as well, not only the page itself. The same runbook is edited in every pair, so pairs stay comparable.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ADDED_PARAGRAPH = 'Edited by the benchmark, to time the rebuild that follows an edit.';

/** The first runbook file of a content folder in code-point order of its path: the same one on every machine. */
export function firstRunbook(contentRoot: string): string {
  const runbooks = join(contentRoot, 'runbooks');
  // The site reads `runbooks/**/*.{md,mdx}` (src/content.config.ts).
  const files = readdirSync(runbooks, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.mdx?$/.test(path))
    .sort();
  if (files.length === 0) throw new Error(`no runbook in ${runbooks} to edit`);
  return join(runbooks, files[0]!);
}

/**
 * The text of a runbook with ` (edited)` after its title and a paragraph at the end of its body. The `title:` line
 * of the frontmatter is rewritten as a JSON string, which YAML reads as a double-quoted one; a title this cannot
 * read (a block scalar, say) is an error rather than an edit the content check might refuse mid-run.
 */
export function editedRunbook(text: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?\r?\n)---\r?\n/d.exec(text);
  if (!frontmatter) throw new Error('the runbook has no frontmatter to edit');
  const line = /^title:[ \t]*(.*?)[ \t]*(?=\r?$)/m.exec(frontmatter[1]!);
  const title = line && yamlScalar(line[1]!);
  if (!line || title === undefined) throw new Error(`cannot edit the title line ${JSON.stringify(line?.[0] ?? '')}`);
  const start = frontmatter.indices![1]![0] + line.index;
  const front = `${text.slice(0, start)}title: ${JSON.stringify(`${title} (edited)`)}${text.slice(start + line[0].length, frontmatter[0].length)}`;
  return `${front}${text.slice(frontmatter[0].length).trimEnd()}\n\n${ADDED_PARAGRAPH}\n`;
}

/** A one-line YAML scalar as the generator writes titles (double-quoted), or single-quoted, or plain. */
function yamlScalar(value: string): string | undefined {
  if (value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return typeof parsed === 'string' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (value.startsWith("'")) return value.length > 1 && value.endsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : undefined;
  // Empty, a block scalar, a comment, or another structure: not a title this can rewrite.
  return value === '' || /^[|>#&*!{[]/.test(value) || / #/.test(value) ? undefined : value;
}

/**
 * Runs `build` with the first runbook of `contentRoot` edited, and puts its text back afterwards, whether the build
 * succeeded or not, so that later builds of the run see the corpus as generated.
 */
export async function withEditedRunbook<T>(contentRoot: string, build: () => Promise<T>): Promise<T> {
  const file = firstRunbook(contentRoot);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, editedRunbook(original));
  try {
    return await build();
  } finally {
    writeFileSync(file, original);
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { withoutBom } from '../lib/content/frontmatter.ts';
import { pageSlug } from '../lib/content/page-slug.ts';
import type { Environments } from '../lib/content/schemas/environments.ts';
import { DEFAULT_SEVERITY_DATA } from '../lib/content/schemas/severity.ts';
import { parseSourcePage, type SourceContent, type SourcePage } from '../lib/content/source-page.ts';
import { ContentError, type ContentProblem } from '../lib/errors.ts';
import { DATA_FILES } from './load-data-file.ts';

/**
 * Reads the content folder outside Astro, for `npm run check`, `alerts:check` and `new`, with the same schemas the
 * build uses. Never throws on bad content: every problem is collected, so one run reports all of them.
 */
export function readContent(contentRoot: string): SourceContent {
  const problems: ContentProblem[] = [];
  const data = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
      return fallback;
    }
  };
  const environments = data<Environments | undefined>(() => DATA_FILES.environments(contentRoot), undefined);
  const severity = data(() => DATA_FILES.severity(contentRoot), DEFAULT_SEVERITY_DATA);
  const services = data(() => DATA_FILES.services(contentRoot), {});

  const runbooksRoot = join(contentRoot, 'runbooks');
  const names = existsSync(runbooksRoot) ? readdirSync(runbooksRoot, { recursive: true, encoding: 'utf8' }) : [];
  const paths = names.filter(isPagePath).sort();
  // `DB-Lag.MD` looks like a page to its author, and the build's glob (case-sensitive) would leave it out without a word.
  for (const path of names.filter((name) => !isPagePath(name) && isPagePath(name.replace(/\.mdx?$/i, (extension) => extension.toLowerCase()))).sort()) {
    const lower = path.replace(/\.mdx?$/i, (extension) => extension.toLowerCase());
    problems.push({
      severity: 'error',
      file: relative(process.cwd(), join(runbooksRoot, path)),
      message: `not a page: the build reads only files ending in .md or .mdx, in lower case; rename it to ${basename(lower)}`,
    });
  }
  const pages = paths.flatMap((path): SourcePage[] => {
    const file = join(runbooksRoot, path);
    let text: string;
    try {
      if (statSync(file).isDirectory()) return [];
      text = withoutBom(readFileSync(file, 'utf8'));
    } catch (error) {
      // A link to nothing, a file without read permission: the build would leave the page out without a word.
      problems.push({ severity: 'error', file: relative(process.cwd(), file), message: `cannot read the file: ${(error as Error).message}` });
      return [];
    }
    const parsed = parseSourcePage(relative(process.cwd(), file), pageSlug(path), text);
    problems.push(...parsed.problems);
    return [parsed.page];
  });
  return { pages, environments, severity, services, problems };
}

/**
 * The files the build's glob loader (`**\/*.{md,mdx}`, src/content.config.ts) makes pages of: Markdown and MDX,
 * and, as globs do, nothing hidden (a name or folder starting with `.`: an editor's `.#api-down.md` lock file, a
 * `.drafts/` folder), so the check looks at exactly the pages the build publishes.
 */
function isPagePath(path: string): boolean {
  return /\.mdx?$/.test(path) && !path.split(/[\\/]/).some((part) => part.startsWith('.'));
}

export type { SourceContent, SourcePage } from '../lib/content/source-page.ts';

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  const paths = existsSync(runbooksRoot)
    ? readdirSync(runbooksRoot, { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.mdx?$/.test(path))
        .sort()
    : [];
  const pages = paths.map((path): SourcePage => {
    const file = join(runbooksRoot, path);
    const parsed = parseSourcePage(relative(process.cwd(), file), pageSlug(path), readFileSync(file, 'utf8'));
    problems.push(...parsed.problems);
    return parsed.page;
  });
  return { pages, environments, severity, services, problems };
}

export type { SourceContent, SourcePage } from '../lib/content/source-page.ts';

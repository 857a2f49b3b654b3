import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkContent, contentSnippets, sortProblems } from '../lib/checks/run-checks.ts';
import { checkSnippets } from '../lib/checks/snippets.ts';
import type { SiteConfig } from '../lib/content/schemas/site.ts';
import { ContentError, type ContentProblem } from '../lib/errors.ts';
import { emptyTally, type SnippetTally } from '../lib/snippets/snippet.ts';
import { DATA_FILES } from './load-data-file.ts';
import { readContent } from './read-content.ts';
import { snippetFaults } from './snippet-parsers.ts';

/** What checking a content root finds: its problems, and what became of its snippets (checked, skipped …). */
export interface ContentCheck {
  problems: ContentProblem[];
  snippets: SnippetTally;
}

/**
 * Reads a content root (runbooks, data files, `site.yaml`) and runs every check over it: what `npm run check`
 * prints and what stops the build. `reviewEvery` (minutes) overrides `site.yaml`; `today` is injectable for tests.
 */
export async function checkContentRoot(root: string, options: { reviewEvery?: number | undefined; today: Date }): Promise<ContentCheck> {
  if (!existsSync(join(root, 'runbooks'))) {
    const problem: ContentProblem = {
      severity: 'error',
      file: relative(process.cwd(), resolve(root, 'runbooks')),
      message: 'no runbooks folder here: is the content root right? (--root DIR or RUNBOOKS_CONTENT_DIR)',
    };
    return { problems: [problem], snippets: emptyTally() };
  }
  const problems: ContentProblem[] = [];
  let site: SiteConfig = {};
  try {
    site = DATA_FILES.site(root);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  const content = readContent(root);
  const dataFiles = readdirSync(root)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: relative(process.cwd(), join(root, name)), text: readFileSync(join(root, name), 'utf8') }));
  const checked = checkContent({
    content,
    files: content.pages.map((page) => ({ file: page.file, slug: page.slug, bytes: readFileSync(page.file) })),
    dataFiles,
    review: { reviewEvery: options.reviewEvery ?? site.review_every, today: options.today },
  });
  // The snippets' parsers run last: their WebAssembly memory then comes after the other checks' garbage is gone,
  // not on top of it.
  const { snippets, tally } = contentSnippets(content);
  const faults = await snippetFaults(snippets);
  return { problems: [...problems, ...sortProblems([...checked, ...checkSnippets(snippets, faults)])], snippets: tally };
}

/** 00:00 UTC today: review dates are whole days, written in UTC. */
export function todayUtc(): Date {
  return new Date(new Date().toISOString().slice(0, 10));
}

import { parseCodeMeta } from '../commands/code-meta.ts';
import { environmentNames } from '../commands/environment-values.ts';
import { scanPlaceholders } from '../commands/placeholders.ts';
import type { Environments } from '../content/schemas/environments.ts';
import type { SourcePage } from '../content/source-page.ts';
import type { ContentProblem } from '../errors.ts';
import type { CodeBlock } from '../markdown/outline.ts';
import { pageOutline } from './parsed-page.ts';

/**
 * `{{placeholders}}` that no environment defines for the page's service and that the page does not declare as a
 * reader input (`inputs:`): a typo (`{{namspace}}`) or a reader input someone forgot to declare. The build runs
 * this same check before it renders (`src/plugins/content-check.ts`), so the two always agree.
 */
export function checkPlaceholders(pages: readonly SourcePage[], environments: Environments | undefined): ContentProblem[] {
  // Without a valid environments.yaml every placeholder would look unknown; its own problems are reported instead.
  if (!environments) return [];
  return pages.flatMap((page) => {
    if (!page.data) return [];
    const known = new Set([...environmentNames(environments, page.data.service), ...page.data.inputs.map((input) => input.name)]);
    return unknownPlaceholders(pageOutline(page).code, known, page);
  });
}

/**
 * Placeholders that neither an environment defines nor the page declares as a reader input: almost always a typo
 * (`{{namspace}}`) that would leave a command unusable at 3 a.m. Reported at the line they are on.
 */
export function unknownPlaceholders(blocks: readonly CodeBlock[], known: ReadonlySet<string>, location: { file: string; bodyLine: number }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const block of blocks) {
    if (!parseCodeMeta(block.meta).placeholders) continue;
    const { code, placeholders } = scanPlaceholders(block.value);
    for (const { name, start } of placeholders) {
      if (known.has(name)) continue;
      const before = code.slice(0, start);
      const lineInBlock = before.split('\n').length;
      problems.push({
        severity: 'error',
        file: location.file,
        // +1: the block's code starts on the line after its opening fence.
        line: location.bodyLine + block.line - 1 + lineInBlock,
        column: start - before.lastIndexOf('\n'),
        message: `unknown placeholder {{${name}}}: not defined in environments.yaml for this service nor declared in \`inputs\``,
      });
    }
  }
  return problems;
}

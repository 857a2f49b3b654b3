import type { ContentProblem } from '../content-problem.ts';
import { environmentNames } from '../environment-values.ts';
import { unknownPlaceholders } from '../placeholder-check.ts';
import type { SourcePage } from '../read-content.ts';
import type { Environments } from '../schemas/environments.ts';
import { pageCodeBlocks } from './parsed-page.ts';

/**
 * `{{placeholders}}` that no environment defines for the page's service and that the page does not declare as a
 * reader input (`inputs:`): a typo (`{{namspace}}`) or a reader input someone forgot to declare. The same rule
 * and message as the build (`src/data/site.ts`).
 */
export function checkPlaceholders(pages: readonly SourcePage[], environments: Environments | undefined): ContentProblem[] {
  // Without a valid environments.yaml every placeholder would look unknown; its own problems are reported instead.
  if (!environments) return [];
  return pages.flatMap((page) => {
    if (!page.data) return [];
    const known = new Set([...environmentNames(environments, page.data.service), ...page.data.inputs.map((input) => input.name)]);
    return unknownPlaceholders(pageCodeBlocks(page), known, page);
  });
}

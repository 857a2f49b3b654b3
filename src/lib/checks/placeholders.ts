import type { SourcePage } from '../../node/read-content.ts';
import { environmentNames } from '../commands/environment-values.ts';
import type { Environments } from '../content/schemas/environments.ts';
import type { ContentProblem } from '../errors.ts';
import { pageCodeBlocks } from './parsed-page.ts';
import { unknownPlaceholders } from './placeholder-check.ts';

/**
 * `{{placeholders}}` that no environment defines for the page's service and that the page does not declare as a
 * reader input (`inputs:`): a typo (`{{namspace}}`) or a reader input someone forgot to declare. The same rule
 * and message as the build (`src/data/load-site.ts`).
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

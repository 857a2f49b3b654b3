import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { splitFrontmatter } from '../lib/content/frontmatter.ts';
import { ContentError, problemsFromIssues } from '../lib/errors.ts';

/**
 * Wraps a loader so that invalid frontmatter fails the build with our message,
 * `content/runbooks/db/latency.mdx:6:11: severity: expected one of critical|high|medium|low, got "urgent"`,
 * instead of Astro's generic schema error. Astro then validates the same data again with the same schema.
 */
export function validatedLoader(loader: Loader, schema: z.ZodType): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: async (entry) => {
          const result = schema.safeParse(entry.data);
          if (!result.success && entry.filePath) {
            const { yaml, yamlLine } = splitFrontmatter(readFileSync(entry.filePath, 'utf8'));
            throw new ContentError(problemsFromIssues(result.error.issues, yaml, relative(process.cwd(), entry.filePath), yamlLine));
          }
          return context.parseData(entry);
        },
      }),
  };
}

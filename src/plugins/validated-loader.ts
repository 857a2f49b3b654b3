import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { readFrontmatter } from '../lib/content/source-page.ts';
import { ContentError, problemsFromIssues } from '../lib/errors.ts';

/**
 * Wraps a loader so that the build reads frontmatter exactly as `npm run check` does, and invalid frontmatter fails
 * the build with our message,
 * `content/runbooks/db/latency.mdx:6:11: severity: expected one of critical|high|medium|low, got "urgent"`,
 * instead of Astro's generic schema error. Astro then validates the same data again with the same schema.
 *
 * One parser, one verdict: Astro's own frontmatter parser (js-yaml, with YAML 1.1 timestamps) reads
 * `title: 2026-01-01` as a Date, which the check (the yaml library, YAML 1.2 core schema) reads as text; the
 * check passed such a page and the build then failed on it. So the loader's entry types get their data from
 * readFrontmatter, the check's own parse; the rendering (Markdown, MDX) stays Astro's.
 */
export function validatedLoader(loader: Loader, schema: z.ZodType): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        ...withCheckFrontmatter(context),
        parseData: async (entry) => {
          const result = schema.safeParse(entry.data);
          if (!result.success && entry.filePath) {
            const { yaml, yamlLine } = readFrontmatter(entry.filePath, readFileSync(entry.filePath, 'utf8'));
            throw new ContentError(problemsFromIssues(result.error.issues, yaml, relative(process.cwd(), entry.filePath), yamlLine));
          }
          return context.parseData(entry);
        },
      }),
  };
}

/**
 * The glob loader reads a file's data through `entryTypes` (by extension), which Astro passes in the loader's
 * context without declaring it in LoaderContext. Each Markdown and MDX entry type is kept, with getEntryInfo reading
 * the frontmatter as the check does.
 */
function withCheckFrontmatter(context: LoaderContext): { entryTypes?: Map<string, ContentEntryType> } {
  const entryTypes = (context as { entryTypes?: Map<string, ContentEntryType> }).entryTypes;
  if (!(entryTypes instanceof Map)) return {};
  const ours = new Map<string, ContentEntryType>();
  for (const [extension, entryType] of entryTypes) {
    ours.set(extension, extension === '.md' || extension === '.mdx' ? { ...entryType, getEntryInfo: entryInfo } : entryType);
  }
  return { entryTypes: ours };
}

function entryInfo({ contents, fileUrl }: { contents: string; fileUrl: URL }) {
  const file = relative(process.cwd(), fileURLToPath(fileUrl));
  const { yaml, body, value, problems } = readFrontmatter(file, contents);
  if (problems.length > 0) throw new ContentError(problems);
  // Passed on as it is, even a list or a scalar: parseData rejects it with the check's message.
  const data = value as Record<string, unknown>;
  // The glob loader takes its ids from generateId and never reads `slug`.
  const slug = data?.['slug'];
  return { data, body: body.trim(), rawData: yaml, slug: typeof slug === 'string' ? slug : '' };
}

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSlug } from './lib/content/page-slug.ts';
import { runbookSchema } from './lib/content/schemas/runbook.ts';
import { CONTENT_ROOT } from './node/content-root.ts';
import { validatedLoader } from './plugins/validated-loader.ts';

const runbooks = defineCollection({
  loader: validatedLoader(glob({ pattern: '**/*.{md,mdx}', base: `${CONTENT_ROOT}/runbooks`, generateId: ({ entry }) => pageSlug(entry) }), runbookSchema),
  schema: runbookSchema,
});

export const collections = { runbooks };

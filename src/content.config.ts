import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_ROOT } from './lib/content-root.ts';
import { pageSlug } from './lib/page-slug.ts';
import { runbookSchema } from './lib/schemas/runbook.ts';
import { validatedLoader } from './plugins/validated-loader.ts';

const runbooks = defineCollection({
  loader: validatedLoader(glob({ pattern: '**/*.{md,mdx}', base: `${CONTENT_ROOT}/runbooks`, generateId: ({ entry }) => pageSlug(entry) }), runbookSchema),
  schema: runbookSchema,
});

export const collections = { runbooks };

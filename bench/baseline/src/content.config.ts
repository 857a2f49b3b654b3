import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const contentDir = process.env.BENCH_CONTENT_DIR;
if (!contentDir) throw new Error('BENCH_CONTENT_DIR must name the corpus folder (the one holding runbooks/)');

// Only the title is required: the baseline validates as little as a bare Astro site would.
const runbooks = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${contentDir}/runbooks` }),
  schema: z.looseObject({ title: z.string() }),
});

export const collections = { runbooks };

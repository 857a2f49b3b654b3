/**
 * Where the benchmark finds the checkout it measures and the tools it runs. Resolved from this file rather than
 * the working directory, so that `npm run bench` and `node bench/src/main.ts` from any folder measure the same tree.
 */
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
/** The bare Astro + MDX project our build is compared with. */
export const BASELINE = join(REPO, 'bench/baseline');
export const RESULTS = join(REPO, 'bench/results');
/** Kept in the repository, so that a fresh clone can run the benchmark with nothing beside it. */
export const DEFAULT_GENERATOR = join(REPO, 'bench/gen-corpus.mjs');
/** Run with `node` directly, as `npx astro` would, so that npm's own start-up stays out of the measurement. */
export const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
/** What `npm run build` runs: the content check, `astro build` and the swap into the output folder. */
export const BUILD_CLI = join(REPO, 'src/cli/build.ts');
export const PDF_CLI = join(REPO, 'src/cli/pdf.ts');

// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

/**
 * The benchmark's baseline: the floor of our stack (Astro 7, MDX, the default Shiki highlighting) and nothing else,
 * so that `npm run bench` can say what our own features cost on top of it. Dependencies resolve from the
 * repository's node_modules (Node walks up from here); this folder deliberately has no package.json.
 * `npm run bench` points it at the corpus and gives it its own output and cache folders.
 */
const { BENCH_OUT_DIR, BENCH_CACHE_DIR } = process.env;

export default defineConfig({
  ...(BENCH_OUT_DIR && { outDir: BENCH_OUT_DIR }),
  ...(BENCH_CACHE_DIR && { cacheDir: BENCH_CACHE_DIR }),
  trailingSlash: 'always',
  integrations: [mdx()],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // The same filter as the site's config: every MDX entry triggers this harmless warning
          // (withastro/astro#18087), and printing a thousand of them would slow the floor down.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});

// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/plugins/pagefind.ts';
import { shikiCommandBlocks } from './src/plugins/shiki-command-blocks.ts';

// Deployment and test knobs, all optional (see README): the public URL, a base path such as `/runbooks/`,
// and separate output and cache folders so that several builds (fixtures, benchmark) can run side by side.
const { RUNBOOKS_SITE, RUNBOOKS_BASE, RUNBOOKS_OUT_DIR, RUNBOOKS_CACHE_DIR } = process.env;

export default defineConfig({
  ...(RUNBOOKS_SITE && { site: RUNBOOKS_SITE }),
  base: RUNBOOKS_BASE ?? '/',
  ...(RUNBOOKS_OUT_DIR && { outDir: RUNBOOKS_OUT_DIR }),
  ...(RUNBOOKS_CACHE_DIR && { cacheDir: RUNBOOKS_CACHE_DIR }),
  trailingSlash: 'always',
  // Two files with the same slug (`foo.md` and `foo.mdx`) are an error, not a silent override.
  prerenderConflictBehavior: 'error',
  integrations: [mdx(), pagefindIntegration()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: 'light',
      transformers: [shikiCommandBlocks()],
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every MDX entry triggers this harmless warning (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});

// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { shikiCommandBlocks } from './src/plugins/shiki-command-blocks.ts';

export default defineConfig({
  site: process.env.RUNBOOKS_SITE,
  base: process.env.RUNBOOKS_BASE ?? '/',
  trailingSlash: 'always',
  // Two files with the same slug (`foo.md` and `foo.mdx`) are an error, not a silent override.
  prerenderConflictBehavior: 'error',
  integrations: [mdx()],
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

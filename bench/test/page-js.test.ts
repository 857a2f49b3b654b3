import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageScriptUrls, staticImports } from '../src/page-js.ts';

describe('pageScriptUrls', () => {
  test('external scripts and module preloads, not inline scripts, JSON data or stylesheets', () => {
    const html = [
      '<link rel="stylesheet" href="/_astro/Base.css">',
      '<link rel=modulepreload href=/_astro/chunk.js>',
      '<script type="module" src="/_astro/Picker.js"></script>',
      '<script type="module">document.documentElement.dataset.env = "x";</script>',
      '<script type="application/json" id="placeholder-values">{"a":1}</script>',
      "<script type='module' src='/_astro/Runbook.js'></script>",
    ].join('\n');
    assert.deepEqual(pageScriptUrls(html), ['/_astro/chunk.js', '/_astro/Picker.js', '/_astro/Runbook.js']);
  });

  test('a data-src attribute is not a src', () => {
    assert.deepEqual(pageScriptUrls('<script data-src="/a.js" src="/b.js"></script>'), ['/b.js']);
  });

  test('a page without scripts loads none', () => {
    assert.deepEqual(pageScriptUrls('<!doctype html><h1>Plain</h1>'), []);
  });
});

describe('staticImports', () => {
  const cases: [string, string, string[]][] = [
    ['minified named import', 'import{t as e}from"./environment.BE9KBpWT.js";e();', ['./environment.BE9KBpWT.js']],
    ['side-effect import', 'import"./a.js";import \'./b.js\';', ['./a.js', './b.js']],
    ['default and namespace imports', 'import x from "./x.js"\nimport * as y from "/_astro/y.js"', ['./x.js', '/_astro/y.js']],
    ['re-exports', 'export*from"./a.js";export{b as c}from"./b.js";', ['./a.js', './b.js']],
    ['dynamic import is deferred, so not counted', 'const s=()=>import("./search-panel.js");', []],
    ['an import inside a block after a brace', 'if(a){}import"./late.js"', ['./late.js']],
    ['an identifier ending in "import" is not an import', 'reimport"./no.js"', []],
  ];
  for (const [name, js, expected] of cases) {
    test(name, () => assert.deepEqual(staticImports(js), expected));
  }
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runningTitleCss } from '../../../src/lib/book/running-titles.ts';
import { cssIdent, cssString } from '../../../src/lib/web/css-escape.ts';

describe('running titles', () => {
  const strings: [string, string][] = [
    ['API down (P1)', '"API down (P1)"'],
    ['Say "hi"', '"Say \\22 hi\\22 "'],
    ['back\\slash', '"back\\5c slash"'],
    ['</style><script>', '"\\3c /style>\\3c script>"'],
    ['two\nlines', '"two\\a lines"'],
  ];
  for (const [text, css] of strings) {
    test(`cssString(${JSON.stringify(text)})`, () => assert.equal(cssString(text), css));
  }

  const idents: [string, string][] = [
    ['rb-db--cpu', 'rb-db--cpu'],
    ['a/b', 'a\\2f b'],
    ['1st', '\\31 st'],
    ['--x', '\\2d -x'],
  ];
  for (const [name, ident] of idents) {
    test(`cssIdent(${JSON.stringify(name)})`, () => assert.equal(cssIdent(name), ident));
  }

  test('one @page rule per section, in order', () => {
    assert.equal(
      runningTitleCss([
        { pageName: 'contents', title: 'Contents' },
        { pageName: 'rb-db--cpu', title: 'CPU "high"' },
      ]),
      '@page contents { @bottom-left { content: "Contents"; } }\n@page rb-db--cpu { @bottom-left { content: "CPU \\22 high\\22 "; } }',
    );
  });
});

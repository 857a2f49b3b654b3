import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Element } from 'hast';
import { type BundledTheme, bundledThemes, codeToHtml, createHighlighter, type ShikiTransformer, type ThemeRegistrationRaw } from 'shiki';
import config from '../../../astro.config.mjs';
import { isClean } from '../../../src/lib/html/sanitize-content.ts';
import { parseQueryTemplate } from '../../../src/lib/web/query-links.ts';
import { shikiCommandBlocks, THEME_COLOURS, TOKEN_CLASSES } from '../../../src/plugins/shiki-command-blocks.ts';
import { classList, parseHtml, selectAll, selectOne, textOf } from '../../helpers/hast.ts';

/**
 * The command-block transformer through Shiki itself, with the theme of astro.config.mjs: what its doc comment
 * promises, read back from the HTML Shiki writes.
 */
const SITE_THEME = config.markdown?.shikiConfig?.theme as BundledTheme;
/** Where THEME_COLOURS' dark colours come from: the site no longer highlights with it, global.css repeats it. */
const DARK_THEME = 'github-dark-default';

async function highlight(code: string, lang: string, meta = '', theme: BundledTheme = SITE_THEME, before: ShikiTransformer[] = []) {
  const html = await codeToHtml(code, {
    lang,
    theme,
    transformers: [...before, shikiCommandBlocks()],
    // What Astro's Markdown pipeline hands Shiki: the words after the fence's language.
    meta: { __raw: meta },
  });
  const root = parseHtml(html);
  return { html, root, figure: selectOne(root, 'figure.command-block') };
}

/** The text of each `.line` of the block's code. */
const lineTexts = (figure: Element) => selectAll(figure, 'span.line').map((line) => textOf(line));

describe('shikiCommandBlocks', () => {
  test('the site highlights with one theme, github-light-default, and this transformer', () => {
    const shikiConfig = config.markdown?.shikiConfig;
    assert.equal(shikiConfig?.theme, 'github-light-default');
    assert.equal(shikiConfig?.themes, undefined, 'a second theme doubles the tokenising; global.css has the dark colours');
    assert.deepEqual(
      shikiConfig?.transformers?.map((transformer) => transformer.name),
      ['runbooks:command-blocks'],
    );
  });

  test('a block is a figure whose caption holds the language and a Copy button, around the highlighted pre', async () => {
    const { root, figure } = await highlight('kubectl get pods\nkubectl get nodes', 'bash');
    assert.equal(root.children.length, 1, 'the figure replaces the pre');
    assert.equal(figure.properties['dataLanguage'], 'bash');
    const [caption, pre, ...rest] = figure.children.filter((child): child is Element => child.type === 'element');
    assert.deepEqual([caption?.tagName, pre?.tagName, rest.length], ['figcaption', 'pre', 0]);
    assert.equal(classList(pre!)[0], 'shiki');
    assert.equal(textOf(selectOne(caption!, 'span.language')), 'bash');
    const button = selectOne(caption!, 'button.copy-button');
    assert.equal(button.properties['type'], 'button');
    assert.equal(button.properties['ariaLabel'], 'Copy command');
    assert.equal(textOf(button), 'Copy');
    assert.deepEqual(lineTexts(figure), ['kubectl get pods', 'kubectl get nodes']);
  });

  test('the HTML carries the button as a real element with its label', async () => {
    const { html } = await highlight('echo hi', 'sh');
    assert.ok(html.includes('<button type="button" class="copy-button" aria-label="Copy command">Copy</button>'), html);
  });

  test('SQL gets "Copy query"; plaintext is labelled "text"', async () => {
    assert.equal(selectOne((await highlight('select 1;', 'sql')).figure, 'button.copy-button').properties['ariaLabel'], 'Copy query');
    const plain = await highlight('just words', 'plaintext');
    assert.equal(textOf(selectOne(plain.figure, 'span.language')), 'text');
    assert.equal(plain.figure.properties['dataLanguage'], 'plaintext');
  });

  test('a console session marks prompts and output lines, so the copy can leave them out', async () => {
    const session = ['$ kubectl get pods', 'NAME   READY', 'api-1  1/1', '$ kubectl logs api-1 \\', '>   --tail=5', 'done'].join('\n');
    const { figure } = await highlight(session, 'console');
    const lines = selectAll(figure, 'span.line');
    assert.deepEqual(
      lines.map((line) => [textOf(line), classList(line).includes('output')]),
      [
        ['$ kubectl get pods', false],
        ['NAME   READY', true],
        ['api-1  1/1', true],
        ['$ kubectl logs api-1 \\', false],
        ['>   --tail=5', false],
        ['done', true],
      ],
    );
    assert.deepEqual(
      selectAll(figure, 'span.prompt').map((prompt) => textOf(prompt)),
      ['$ ', '$ ', '> '],
    );
    // A prompt is not a placeholder: the page script fills `.ph[data-placeholder]` and must leave prompts alone,
    // and a prompt carries nothing of a placeholder's (it once had an empty data-placeholder to satisfy a type).
    assert.deepEqual(
      selectAll(figure, 'span.prompt').filter((prompt) => classList(prompt).includes('ph') || 'dataPlaceholder' in prompt.properties),
      [],
    );
  });

  test('a bash block with $ prompts is a session too; one without, and other languages, have no prompts or output', async () => {
    const session = (await highlight('$ kubectl get pods\nNAME', 'bash')).figure;
    assert.deepEqual(
      selectAll(session, 'span.prompt').map((prompt) => textOf(prompt)),
      ['$ '],
    );
    assert.deepEqual(
      selectAll(session, 'span.line').map((line) => classList(line).includes('output')),
      [false, true],
    );
    for (const [code, lang] of [
      ['# not a prompt in bash\n$HOME/bin/rotate', 'bash'],
      ['$ not a prompt in python\noutput?', 'python'],
    ] as const) {
      const { figure } = await highlight(code, lang);
      assert.deepEqual(selectAll(figure, 'span.prompt'), [], lang);
      assert.deepEqual(selectAll(figure, 'span.output'), [], lang);
    }
  });

  test('{{placeholders}} become .ph[data-placeholder] spans, listed once each on the figure', async () => {
    const { figure } = await highlight('kubectl -n {{namespace}} logs {{pod_name}}\nkubectl -n {{namespace}} get events', 'bash');
    const placeholders = selectAll(figure, 'span.ph');
    assert.deepEqual(
      placeholders.map((span) => [span.properties['dataPlaceholder'], textOf(span)]),
      [
        ['namespace', '{{namespace}}'],
        ['pod_name', '{{pod_name}}'],
        ['namespace', '{{namespace}}'],
      ],
    );
    assert.equal(figure.properties['dataPlaceholders'], 'namespace pod_name');
    assert.deepEqual(lineTexts(figure), ['kubectl -n {{namespace}} logs {{pod_name}}', 'kubectl -n {{namespace}} get events']);
  });

  test('Go templates stay literal and an escaped \\{{name}} loses its backslash but stays text', async () => {
    const { figure } = await highlight(`kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'\necho '\\{{namespace}}'`, 'bash');
    assert.deepEqual(selectAll(figure, 'span.ph'), []);
    assert.equal(figure.properties['dataPlaceholders'], undefined);
    assert.deepEqual(lineTexts(figure), [`kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'`, `echo '{{namespace}}'`]);
  });

  test('placeholders inside a console command sit beside the prompt, not inside it', async () => {
    const { figure } = await highlight('$ kubectl -n {{namespace}} get pods', 'console');
    assert.equal(textOf(selectOne(figure, 'span.prompt')), '$ ');
    assert.equal(textOf(selectOne(figure, 'span.ph')), '{{namespace}}');
  });

  test('a command a rule knows to be destructive gets a badge naming why, on the caption and the figure', async () => {
    const { figure } = await highlight('kubectl -n {{namespace}} delete pod {{pod_name}}', 'bash');
    const badge = selectOne(figure, 'span.destructive-badge');
    assert.equal(textOf(badge), 'Destructive: deletes Kubernetes resources');
    assert.equal(badge.properties['title'], 'deletes Kubernetes resources');
    assert.equal(figure.properties['dataDestructive'], 'deletes Kubernetes resources');
    // Between the language and the Copy button.
    const caption = selectOne(figure, 'figcaption');
    assert.deepEqual(
      caption.children.map((child) => (child.type === 'element' ? classList(child)[0] : child.type)),
      ['language', 'destructive-badge', 'copy-button'],
    );
  });

  test('`destructive` after the language marks a block no rule matches', async () => {
    const { figure } = await highlight('./scripts/reset-ledger-cache.sh', 'bash', 'destructive');
    assert.equal(textOf(selectOne(figure, 'span.destructive-badge')), 'Destructive: marked destructive by its author');
    assert.equal(figure.properties['dataDestructive'], 'marked destructive by its author');
  });

  test('a harmless command has no badge', async () => {
    const { figure } = await highlight('kubectl get pods', 'bash');
    assert.deepEqual(selectAll(figure, 'span.destructive-badge'), []);
    assert.equal(figure.properties['dataDestructive'], undefined);
  });

  test('`nocopy` drops the Copy button and keeps the rest', async () => {
    const { figure } = await highlight('NAME   READY\napi-1  1/1', 'text', 'nocopy');
    assert.deepEqual(selectAll(figure, 'button'), []);
    assert.equal(textOf(selectOne(figure, 'span.language')), 'text');
    assert.deepEqual(lineTexts(figure), ['NAME   READY', 'api-1  1/1']);
  });

  test('`noplaceholders` shows {{…}} literally: no .ph spans, no placeholder list', async () => {
    const { figure } = await highlight('helm template payments ./chart --set ns={{namespace}}', 'bash', 'noplaceholders');
    assert.deepEqual(selectAll(figure, 'span.ph'), []);
    assert.equal(figure.properties['dataPlaceholders'], undefined);
    assert.deepEqual(lineTexts(figure), ['helm template payments ./chart --set ns={{namespace}}']);
    assert.equal(selectAll(figure, 'button.copy-button').length, 1);
  });

  test('meta words combine', async () => {
    const { figure } = await highlight('echo {{namespace}}', 'bash', 'nocopy noplaceholders destructive');
    assert.deepEqual(selectAll(figure, 'button'), []);
    assert.deepEqual(selectAll(figure, 'span.ph'), []);
    assert.equal(figure.properties['dataDestructive'], 'marked destructive by its author');
  });

  test('a block with one PromQL query carries it as data-query and, after Copy, two links without an address yet', async () => {
    const code = `curl {{prometheus_url}}/api/v1/query \\\n  --data-urlencode 'query=rate(x{ns="{{namespace}}"}[5m])'`;
    const { figure, html } = await highlight(code, 'bash');
    assert.equal(figure.properties['dataQuery'], JSON.stringify(['rate(x{ns="', ['namespace'], '"}[5m])']));
    const caption = selectOne(figure, 'figcaption');
    assert.deepEqual(
      caption.children.map((child) => (child.type === 'element' ? classList(child)[0] : child.type)),
      ['language', 'copy-button', 'query-link', 'query-link'],
    );
    const links = selectAll(caption, 'a.query-link');
    assert.deepEqual(
      links.map((link) => [link.properties['dataQueryLink'], textOf(link), link.properties['ariaLabel']]),
      [
        ['prometheus', 'Open in Prometheus', 'Open in Prometheus (opens a new tab)'],
        ['grafana', 'Explore in Grafana', 'Explore in Grafana (opens a new tab)'],
      ],
    );
    // No address at build time (global.css hides such a link): the chosen environment gives it in the browser
    // (src/scripts/query-links.ts). Only attributes of the content's allow-list: the body stays on the fast path.
    for (const link of links) assert.deepEqual(Object.keys(link.properties).sort(), ['ariaLabel', 'className', 'dataQueryLink']);
    assert.ok(isClean(html), 'the sanitiser would keep the block as it is');
    // The query in an attribute: quotes escaped, so the page's HTML is unchanged by what a query holds.
    assert.match(html, /data-query="\[&#x22;rate\(x\{ns=\\&#x22;&#x22;,\[&#x22;namespace&#x22;\]/);
  });

  test('a promql block is a query, once astro.config.mjs names the language (Shiki has no PromQL grammar)', async () => {
    const langAlias = config.markdown?.shikiConfig?.langAlias;
    // Without the alias Shiki falls back to plaintext before any transformer runs, and the block is not a query.
    assert.equal(langAlias?.['promql'], 'text', 'astro.config.mjs shikiConfig.langAlias must map promql to text');
    const highlighter = await createHighlighter({ themes: [SITE_THEME], langs: [], langAlias });
    const html = highlighter.codeToHtml('sum(up{job="{{job}}"})', { lang: 'promql', theme: SITE_THEME, transformers: [shikiCommandBlocks()] });
    const figure = selectOne(parseHtml(html), 'figure.command-block');
    assert.equal(figure.properties['dataLanguage'], 'promql');
    assert.equal(figure.properties['dataQuery'], JSON.stringify(['sum(up{job="', ['job'], '"})']));
    assert.equal(selectAll(figure, 'a.query-link').length, 2);
  });

  test('a query that holds markup stays text: its data-query reads back as written, and nothing else changes', async () => {
    const query = `up{a="</script><img src=x onerror=alert(1)>", b='"&amp;'} # {{pod}}`;
    const code = `curl p/api/v1/query --data-urlencode 'query=${query.replaceAll("'", "'\\''")}'`;
    const { figure, html } = await highlight(code, 'bash');
    assert.deepEqual(parseQueryTemplate(String(figure.properties['dataQuery'])), [query.replace('{{pod}}', ''), ['pod']]);
    assert.deepEqual(selectAll(figure, 'img'), []);
    assert.ok(isClean(html));
  });

  test('a block with no query, or two, has no query links', async () => {
    for (const code of ['kubectl get pods', "curl p/api/v1/query --data-urlencode 'query=up'\ncurl p/api/v1/query --data-urlencode 'query=down'"]) {
      const { figure } = await highlight(code, 'bash');
      assert.equal(figure.properties['dataQuery'], undefined, code);
      assert.deepEqual(selectAll(figure, 'a'), [], code);
    }
  });

  test('token colours are classes of TOKEN_CLASSES, on every token and the pre, with no style attribute left', async () => {
    const { html, figure } = await highlight('# {{title}}\nkubectl -n {{namespace}} get pods # list them\necho "$HOME" 42', 'bash');
    assert.doesNotMatch(html, /style=/);
    const pre = selectOne(figure, 'pre');
    assert.deepEqual(classList(pre), ['shiki', 'github-light-default', 't-fg']);
    const classes = new Set(TOKEN_CLASSES.values());
    const tokens = selectAll(figure, 'span.line').flatMap((line) =>
      selectAll(line, 'span').filter((span) => span !== line && !classList(span).some((c) => c === 'ph' || c === 'prompt')),
    );
    assert.ok(tokens.length > 5);
    for (const token of tokens)
      assert.ok(
        classList(token).some((name) => classes.has(name)),
        `${textOf(token)}: ${classList(token).join(' ')}`,
      );
    // Comment, keyword-ish builtins, strings and numbers: more than one colour, each a class.
    assert.ok(new Set(tokens.flatMap((token) => classList(token))).size >= 3);
  });

  test('a bold, italic or struck-through token is its colour class alone: with two themes its font style was never shown', async () => {
    const { html } = await highlight('# Restart the pods\n**now** _then_ ~~never~~', 'md');
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /<span class="t-cn"># Restart the pods<\/span>/);
    assert.match(html, /<span class="t-fg">\*\*now\*\*<\/span>/);
  });

  test("a colour without a class keeps Shiki's inline style, on the tokens and the pre", async () => {
    const { html, figure } = await highlight('echo hi # there', 'bash', '', 'min-light');
    assert.match(html, /<span style="color:#[0-9A-Fa-f]{6,8}">/);
    assert.match(String(selectOne(figure, 'pre').properties['style']), /^background-color:#[0-9a-f]{6};color:#[0-9a-f]{6,8}$/);
    assert.doesNotMatch(html, /class="[^"]*\bt-/);
  });

  test('a style with more than a colour and a font style is kept as it is, even with a known colour', async () => {
    const styles = [{ color: '#CF222E', 'background-color': '#FFEBE9' }, { color: '#CF222E', '--shiki-dark': '#FF7B72' }, { color: '#123456' }, {}];
    const unusual: ShikiTransformer = {
      tokens(lines) {
        styles.forEach((style, index) => {
          lines[0]![index]!.htmlStyle = style;
        });
      },
    };
    const { figure } = await highlight('SELECT now() AS lag;', 'sql', '', SITE_THEME, [unusual]);
    const tokens = selectAll(selectOne(figure, 'span.line'), 'span').slice(1);
    assert.deepEqual(
      tokens.slice(0, styles.length).map((token) => [token.properties['style'], classList(token)]),
      [
        ['color:#CF222E;background-color:#FFEBE9', []],
        ['color:#CF222E;--shiki-dark:#FF7B72', []],
        ['color:#123456', []],
        [undefined, []],
      ],
    );
    assert.deepEqual(classList(tokens[styles.length]!), ['t-fg'], 'the tokens after them are classes');
  });

  test('each token shows the colours the two themes gave it: its class is the pair of its light colour', async () => {
    const samples = [
      ['# {{title}}\nkubectl -n {{namespace}} get pods -o wide | grep -v Running # list them\necho "$HOME" 42 && exit 1', 'bash'],
      ["SELECT pid, now() - query_start AS duration, query\nFROM pg_stat_activity\nWHERE state = 'active';", 'sql'],
      ['replicas: 3 # more\nimage: "ghcr.io/acme/api:1.2"\nenabled: true', 'yaml'],
      ['# Restart\n**now** `kubectl` [docs](https://example.com)\n- [ ] done', 'md'],
      ['export async function main(): Promise<void> {\n  const n = 1 + Number("2"); // sum\n  await fetch("/x/" + n);\n}', 'ts'],
      ['{"a": [1, true, null], "b": "c"}', 'json'],
    ] as const;
    const pairOfClass = new Map(THEME_COLOURS.map(([name, light, dark]) => [`t-${name}`, `${light} ${dark}`]));
    const pairOfStyle = (style: string) => {
      const { color, '--shiki-dark': dark } = Object.fromEntries(style.split(';').map((declaration) => declaration.split(':')));
      return `${color} ${dark}`.toLowerCase();
    };
    for (const [code, lang] of samples) {
      const twoThemes = parseHtml(await codeToHtml(code, { lang, themes: { light: SITE_THEME, dark: DARK_THEME }, defaultColor: 'light' }));
      const before = characterColours(selectOne(twoThemes, 'code'), (span) =>
        typeof span.properties['style'] === 'string' ? pairOfStyle(span.properties['style']) : undefined,
      );
      const now = characterColours(selectOne((await highlight(code, lang)).figure, 'code'), (span) =>
        classList(span)
          .map((name) => pairOfClass.get(name))
          .find(Boolean),
      );
      assert.ok(before.length > 10 && new Set(before).size > 2, lang);
      assert.deepEqual(now, before, lang);
    }
  });

  test("THEME_COLOURS pairs each colour of the theme with its rule's colour in github-dark-default; TOKEN_CLASSES names them", async () => {
    const [light, dark] = await Promise.all([bundledThemes[SITE_THEME](), bundledThemes[DARK_THEME]()]).then((themes) =>
      themes.map((theme) => theme.default as ThemeRegistrationRaw),
    );
    const lightRules = light!.tokenColors ?? [];
    const darkRules = dark!.tokenColors ?? [];
    // The pairing below is only right if the themes have the same rules in the same order.
    assert.deepEqual(
      lightRules.map((rule) => [rule.scope, rule.settings.fontStyle, Boolean(rule.settings.foreground)]),
      darkRules.map((rule) => [rule.scope, rule.settings.fontStyle, Boolean(rule.settings.foreground)]),
    );
    const pairs = new Set([`${light!.colors?.['editor.foreground']} ${dark!.colors?.['editor.foreground']}`]);
    lightRules.forEach((rule, index) => {
      if (rule.settings.foreground) pairs.add(`${rule.settings.foreground} ${darkRules[index]!.settings.foreground}`);
    });
    assert.deepEqual(
      [...pairs].map((pair) => pair.toLowerCase()).sort(),
      THEME_COLOURS.map(([, lightColour, darkColour]) => `${lightColour} ${darkColour}`).sort(),
    );
    // A token has only its light colour now: each must name one rule, and so one dark colour.
    assert.equal(new Set(THEME_COLOURS.map(([, lightColour]) => lightColour)).size, THEME_COLOURS.length, 'two rules share a light colour');
    assert.deepEqual(
      [...TOKEN_CLASSES],
      THEME_COLOURS.map(([name, lightColour]) => [lightColour, `t-${name}`]),
    );
  });

  test('global.css colours each t- class with its light colour, and its dark one under prefers-color-scheme: dark', () => {
    const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
    const darkBlock = css.indexOf('@media (prefers-color-scheme: dark) {\n  .t-');
    assert.ok(darkBlock > 0, 'the dark block of the token classes');
    const rules = [...css.matchAll(/^ *\.([td])-([a-z]+) \{\n *color: (#[0-9a-f]{6});\n *\}/gm)].map((rule) => ({
      kind: `${rule[1]}${rule.index > darkBlock ? ' dark' : ''}`,
      name: rule[2]!,
      colour: rule[3]!,
    }));
    const colours = (kind: string) => rules.filter((rule) => rule.kind === kind).map((rule) => [rule.name, rule.colour]);
    assert.equal(rules.length, THEME_COLOURS.length * 2, 't- light and t- dark: one rule each per class, nothing else (no d- classes)');
    assert.deepEqual(
      colours('t'),
      THEME_COLOURS.map(([name, light]) => [name, light]),
    );
    assert.deepEqual(
      colours('t dark'),
      THEME_COLOURS.map(([name, , dark]) => [name, dark]),
    );
  });

  test("a token whose light and dark colours came from different rules now has its light rule's class alone", async () => {
    // Seen in a build with both themes: the SQL `now() - x AS lag;` came out with its plain text in the keyword's
    // light colour and the plain dark one, so it had `t-kw d-fg`. With one theme there is only the light colour:
    // here a transformer before ours gives a token the keyword's, as that cut-short pass did.
    const mixed: ShikiTransformer = {
      tokens(lines) {
        lines[0]![1]!.htmlStyle = { color: '#CF222E' };
      },
    };
    const { html, figure } = await highlight('SELECT now() AS lag;', 'sql', '', SITE_THEME, [mixed]);
    assert.doesNotMatch(html, /style=/);
    assert.doesNotMatch(html, /class="[^"]*\bd-/);
    const tokens = selectAll(selectOne(figure, 'span.line'), 'span').slice(1);
    assert.equal(textOf(tokens[1]!), ' now');
    assert.deepEqual(classList(tokens[1]!), ['t-kw']);
  });
});

/** The colour `colourOf` reads on the innermost element around each visible character under `node`, in order. */
function characterColours(node: Element, colourOf: (element: Element) => string | undefined, inherited = ''): string[] {
  return node.children.flatMap((child) => {
    if (child.type === 'text') return [...child.value].filter((character) => /\S/.test(character)).map(() => inherited);
    return child.type === 'element' ? characterColours(child, colourOf, colourOf(child) ?? inherited) : [];
  });
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Element } from 'hast';
import { bundledThemes, codeToHtml, type ShikiTransformer, type ThemeRegistrationRaw } from 'shiki';
import { shikiCommandBlocks, TOKEN_CLASSES } from '../../../src/plugins/shiki-command-blocks.ts';
import { classList, parseHtml, selectAll, selectOne, textOf } from '../../helpers/hast.ts';

/**
 * The command-block transformer through Shiki itself, with the themes and default colour of astro.config.mjs:
 * what its doc comment promises, read back from the HTML Shiki writes.
 */
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

async function highlight(code: string, lang: string, meta = '', themes: { light: string; dark: string } = THEMES, before: ShikiTransformer[] = []) {
  const html = await codeToHtml(code, {
    lang,
    themes,
    defaultColor: 'light',
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
  test('a block is a figure whose caption holds the language and a Copy button, around the highlighted pre', async () => {
    const { root, figure } = await highlight('kubectl get pods\nkubectl get nodes', 'bash');
    assert.equal(root.children.length, 1, 'the figure replaces the pre');
    assert.equal(figure.properties['dataLanguage'], 'bash');
    const [caption, pre, ...rest] = figure.children.filter((child): child is Element => child.type === 'element');
    assert.deepEqual([caption?.tagName, pre?.tagName, rest.length], ['figcaption', 'pre', 0]);
    assert.deepEqual(classList(pre!).slice(0, 2), ['shiki', 'shiki-themes']);
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

  test('other languages have no prompts or output lines, even when a line starts with $', async () => {
    const { figure } = await highlight('$ not a prompt in bash\noutput?', 'bash');
    assert.deepEqual(selectAll(figure, 'span.prompt'), []);
    assert.deepEqual(selectAll(figure, 'span.output'), []);
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

  test('token colours are classes of TOKEN_CLASSES, on every token and the pre, with no style attribute left', async () => {
    const { html, figure } = await highlight('# {{title}}\nkubectl -n {{namespace}} get pods # list them\necho "$HOME" 42', 'bash');
    assert.doesNotMatch(html, /style=/);
    const pre = selectOne(figure, 'pre');
    assert.deepEqual(classList(pre), ['shiki', 'shiki-themes', 'github-light-default', 'github-dark-default', 't-fg']);
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

  test('a bold token (a Markdown heading) is a colour class too: its font-weight variables were never read by a stylesheet', async () => {
    const { html } = await highlight('# Restart the pods\n**now**', 'md');
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /<span class="t-cn"># Restart the pods<\/span>/);
  });

  test("a colour pair without a class keeps Shiki's inline style (light colour and --shiki-dark)", async () => {
    const { html } = await highlight('echo hi # there', 'bash', '', { light: 'min-light', dark: 'nord' });
    assert.match(html, /<span style="color:#[0-9A-Fa-f]{6,8};--shiki-dark:#[0-9A-Fa-f]{6,8}">/);
    assert.doesNotMatch(html, /class="t-/);
  });

  test('TOKEN_CLASSES has a class for every colour pair the two themes can give a token', async () => {
    const [light, dark] = await Promise.all([bundledThemes[THEMES.light](), bundledThemes[THEMES.dark]()]).then((themes) =>
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
    assert.deepEqual([...pairs].map((pair) => pair.toLowerCase()).sort(), [...TOKEN_CLASSES.keys()].sort());
  });

  test('global.css colours each class with its pair: the light colour, and the dark one under prefers-color-scheme: dark', () => {
    const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
    const darkBlock = css.indexOf('@media (prefers-color-scheme: dark) {\n  .t-');
    assert.ok(darkBlock > 0, 'the dark block of the token classes');
    const rules = [...css.matchAll(/^ *\.([td])-([a-z]+) \{\n *color: (#[0-9a-f]{6});\n *\}/gm)].map((rule) => ({
      kind: `${rule[1]}${rule.index > darkBlock ? ' dark' : ''}`,
      name: rule[2]!,
      colour: rule[3]!,
      index: rule.index,
    }));
    const colours = (kind: string) => new Map(rules.filter((rule) => rule.kind === kind).map((rule) => [rule.name, rule.colour]));
    const [light, dark, darkOverride] = [colours('t'), colours('t dark'), colours('d dark')];
    assert.equal(rules.length, TOKEN_CLASSES.size * 3, 't- light, t- dark and d- dark: one rule each per class, nothing else');
    assert.deepEqual([...light.keys()].map((name) => [`${light.get(name)} ${dark.get(name)}`, `t-${name}`]).sort(), [...TOKEN_CLASSES].sort());
    assert.deepEqual(darkOverride, dark, "each d- class is its t- class's dark colour");
    // d- must win over t- in dark mode: same specificity, so it has to come later.
    const lastDarkT = Math.max(...rules.filter((rule) => rule.kind === 't dark').map((rule) => rule.index));
    assert.ok(rules.filter((rule) => rule.kind === 'd dark').every((rule) => rule.index > lastDarkT));
  });

  test('a token whose light and dark colours come from different rules gets both classes: t- for light, d- for dark', async () => {
    // Seen in a build: the SQL `now() - x AS lag;` came out with its plain text in the keyword's light colour and the
    // plain dark one. Shiki tokenises once per theme and splits where either changes colour, so any light colour
    // can meet any dark one; here a transformer before ours stands in for that.
    const mixed: ShikiTransformer = {
      tokens(lines) {
        lines[0]![1]!.htmlStyle = { color: '#CF222E', '--shiki-dark': '#E6EDF3' };
      },
    };
    const { html, figure } = await highlight('SELECT now() AS lag;', 'sql', '', THEMES, [mixed]);
    assert.doesNotMatch(html, /style=/);
    const tokens = selectAll(selectOne(figure, 'span.line'), 'span').slice(1);
    assert.deepEqual(classList(tokens[0]!), ['t-kw']);
    assert.deepEqual(classList(tokens[1]!), ['t-kw', 'd-fg']);
  });
});

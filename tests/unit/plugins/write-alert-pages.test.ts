import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { alertManifest } from '../../../src/lib/alerts/manifest.ts';
import { alertRedirectHtml, REDIRECT_TEMPLATE } from '../../../src/lib/alerts/redirect-page.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/lib/html/content-security-policy.ts';
import { writeAlertPages } from '../../../src/plugins/write-alert-pages.ts';

const script = '/_astro/AlertRedirect.astro_astro_type_script_index_0_lang.CZvlrkkf.js';
const template = (csp = CONTENT_SECURITY_POLICY) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="${csp}"><title>-redirect-template → Template &lt;b title=&quot;x&quot;&gt;&amp;&#39;&lt;/b&gt;</title><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/runbooks/-redirect-template/?alert=-redirect-template"><script type="module" src="${script}"></script></head><body><p>Alert <code>-redirect-template</code> is handled by <a data-runbook href="/runbooks/-redirect-template/?alert=-redirect-template">Template &lt;b title=&quot;x&quot;&gt;&amp;&#39;&lt;/b&gt;</a>.</p></body></html>`;
const entries = [
  { alert: 'RedisDown', slug: 'audit-app/redis', title: 'Redis down', service: 'audit' },
  { alert: 'job:errors', slug: 'api/errors', title: `Errors <&> 'n' "such"`, service: 'api' },
];

/** A built site as Astro leaves it: the template page (the literal markup Astro renders) and alerts.json. */
function builtSite(t: TestContext, templateHtml = template()): string {
  const site = mkdtempSync(join(tmpdir(), 'runbooks-alert-pages-'));
  t.after(() => rmSync(site, { recursive: true, force: true }));
  mkdirSync(join(site, 'alerts', REDIRECT_TEMPLATE.alert), { recursive: true });
  writeFileSync(join(site, 'alerts', REDIRECT_TEMPLATE.alert, 'index.html'), templateHtml);
  writeFileSync(join(site, 'alerts', 'index.html'), '<!DOCTYPE html><title>Alerts</title>');
  writeFileSync(join(site, 'alerts.json'), JSON.stringify(alertManifest(entries, { base: '/' })));
  return site;
}

test('writes every alert and its lower-case alias from alerts.json, and removes the template', (t) => {
  const site = builtSite(t);
  assert.equal(writeAlertPages(site, { base: '/' }), 3);
  assert.deepEqual(readdirSync(join(site, 'alerts')).sort(), ['RedisDown', 'index.html', 'job:errors', 'redisdown']);
  const redis = readFileSync(join(site, 'alerts', 'RedisDown', 'index.html'), 'utf8');
  assert.equal(redis, alertRedirectHtml(entries[0]!, { base: '/', csp: CONTENT_SECURITY_POLICY, scripts: [script], stylesheets: [] }));
  assert.equal(readFileSync(join(site, 'alerts', 'redisdown', 'index.html'), 'utf8'), redis);
  assert.match(
    readFileSync(join(site, 'alerts', 'job:errors', 'index.html'), 'utf8'),
    /<title>job:errors → Errors &lt;&amp;&gt; &#39;n&#39; &quot;such&quot;<\/title>/,
  );
});

test('a canonical link when the site URL is known', (t) => {
  const site = builtSite(
    t,
    template().replace(
      '<meta http-equiv="refresh"',
      '<link rel="canonical" href="https://example.com/runbooks/-redirect-template/"><meta http-equiv="refresh"',
    ),
  );
  writeAlertPages(site, { base: '/', site: 'https://example.com' });
  assert.match(
    readFileSync(join(site, 'alerts', 'RedisDown', 'index.html'), 'utf8'),
    /<link rel="canonical" href="https:\/\/example.com\/runbooks\/audit-app\/redis\/">/,
  );
});

test('a template that no longer matches the string writer fails the build and writes nothing', (t) => {
  const site = builtSite(t, template().replace('<meta name="robots" content="noindex">', '<meta name="robots" content="noindex"><meta name="x" content="y">'));
  assert.throws(() => writeAlertPages(site, { base: '/' }), /no longer writes what AlertRedirect\.astro renders; change both together, at character \d+/);
  assert.equal(existsSync(join(site, 'alerts', 'RedisDown')), false);
});

test('a template with another CSP (Head.astro changed) fails too', (t) => {
  const site = builtSite(t, template("default-src 'none'"));
  assert.throws(() => writeAlertPages(site, { base: '/' }), /change both together/);
});

test('without the template the build fails', (t) => {
  const site = builtSite(t);
  rmSync(join(site, 'alerts', REDIRECT_TEMPLATE.alert), { recursive: true });
  assert.throws(() => writeAlertPages(site, { base: '/' }), /ENOENT/);
});

test('a page the build already wrote is never overwritten', (t) => {
  const site = builtSite(t);
  mkdirSync(join(site, 'alerts', 'redisdown'));
  writeFileSync(join(site, 'alerts', 'redisdown', 'index.html'), 'other page');
  assert.throws(() => writeAlertPages(site, { base: '/' }), /EEXIST/);
});

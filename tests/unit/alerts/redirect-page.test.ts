import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AlertRedirectShared,
  alertRedirectFolders,
  alertRedirectHtml,
  firstDifference,
  REDIRECT_TEMPLATE,
  redirectAssets,
} from '../../../src/lib/alerts/redirect-page.ts';
import { alertNameSchema } from '../../../src/lib/content/schemas/runbook.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/lib/html/content-security-policy.ts';
import { escapeHtml } from '../../../src/lib/html/escape.ts';

const CSP = CONTENT_SECURITY_POLICY;
const script = '/_astro/AlertRedirect.astro_astro_type_script_index_0_lang.CZvlrkkf.js';
const shared: AlertRedirectShared = { base: '/', csp: CSP, scripts: [script], stylesheets: [] };
const redisDown = { alert: 'RedisDown', slug: 'audit-app/redis-connection-failures', title: 'Redis connection failures' };

describe('escapeHtml', () => {
  const cases: { value: string; text: string; attribute: string }[] = [
    { value: 'Redis connection failures', text: 'Redis connection failures', attribute: 'Redis connection failures' },
    { value: '</title><script>alert(1)</script>', text: '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;', attribute: '</title><script>alert(1)</script>' },
    { value: `" onmouseover="x`, text: '&quot; onmouseover=&quot;x', attribute: '&quot; onmouseover=&quot;x' },
    { value: "Can't connect & retry", text: 'Can&#39;t connect &amp; retry', attribute: "Can't connect &amp; retry" },
    { value: '&amp; stays visible', text: '&amp;amp; stays visible', attribute: '&amp;amp; stays visible' },
    { value: "default-src 'self'", text: 'default-src &#39;self&#39;', attribute: "default-src 'self'" },
  ];
  for (const { value, text, attribute } of cases) {
    test(`${JSON.stringify(value)}: as Astro escapes text and double-quoted attributes`, () => {
      assert.equal(escapeHtml(value, 'text'), text);
      assert.equal(escapeHtml(value, 'attribute'), attribute);
    });
  }
});

describe('alertRedirectHtml', () => {
  // The first two are pages of a build before the pages were written as strings (Astro's rendering), verbatim.
  const cases: { name: string; entry: typeof redisDown; shared: AlertRedirectShared; html: string }[] = [
    {
      name: 'as Astro rendered it: no site, base /',
      entry: redisDown,
      shared,
      html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="${CSP}"><title>RedisDown → Redis connection failures</title><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/runbooks/audit-app/redis-connection-failures/?alert=RedisDown"><script type="module" src="${script}"></script></head><body><p>Alert <code>RedisDown</code> is handled by <a data-runbook href="/runbooks/audit-app/redis-connection-failures/?alert=RedisDown">Redis connection failures</a>.</p></body></html>`,
    },
    {
      name: 'as Astro rendered it: site and base /runbooks/ (canonical link)',
      entry: redisDown,
      shared: { ...shared, base: '/runbooks/', site: 'https://runbooks.example.com', scripts: [`/runbooks${script}`] },
      html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="${CSP}"><title>RedisDown → Redis connection failures</title><meta name="robots" content="noindex"><link rel="canonical" href="https://runbooks.example.com/runbooks/runbooks/audit-app/redis-connection-failures/"><meta http-equiv="refresh" content="0; url=/runbooks/runbooks/audit-app/redis-connection-failures/?alert=RedisDown"><script type="module" src="/runbooks${script}"></script></head><body><p>Alert <code>RedisDown</code> is handled by <a data-runbook href="/runbooks/runbooks/audit-app/redis-connection-failures/?alert=RedisDown">Redis connection failures</a>.</p></body></html>`,
    },
    {
      name: 'a hostile title is text everywhere; the alert name is encoded in URLs',
      entry: { alert: 'job:errors.rate-5m', slug: 'api/errors', title: `</title><script>alert("x")</script> & 'more'` },
      shared: { ...shared, site: new URL('https://example.com/'), stylesheets: ['/_astro/a.css'] },
      html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="${CSP}"><title>job:errors.rate-5m → &lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;</title><meta name="robots" content="noindex"><link rel="canonical" href="https://example.com/runbooks/api/errors/"><meta http-equiv="refresh" content="0; url=/runbooks/api/errors/?alert=job%3Aerrors.rate-5m"><script type="module" src="${script}"></script><link rel="stylesheet" href="/_astro/a.css"></head><body><p>Alert <code>job:errors.rate-5m</code> is handled by <a data-runbook href="/runbooks/api/errors/?alert=job%3Aerrors.rate-5m">&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;</a>.</p></body></html>`,
    },
  ];
  for (const { name, entry, shared, html } of cases) {
    test(name, () => assert.equal(alertRedirectHtml(entry, shared), html));
  }

  test('a hostile title opens no element: the only tags are the page’s own', () => {
    const html = alertRedirectHtml({ ...redisDown, title: '</title><script>alert(1)</script><a href="x">' }, shared);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.equal(html.match(/<a /g)?.length, 1);
    assert.equal(html.match(/<\/title>/g)?.length, 1);
  });

  test('redirectAssets reads back the script and stylesheet URLs it wrote, in order', () => {
    const assets = { scripts: ['/_astro/a.js', '/_astro/b.js'], stylesheets: ['/_astro/c.css'] };
    assert.deepEqual(redirectAssets(alertRedirectHtml(redisDown, { ...shared, ...assets })), assets);
  });
});

describe('alertRedirectFolders', () => {
  test('the name, and its lower-case alias when it differs', () => {
    assert.deepEqual(alertRedirectFolders('RedisDown'), ['RedisDown', 'redisdown']);
    assert.deepEqual(alertRedirectFolders('redis_down'), ['redis_down']);
  });
  test('anything but an alert name is refused: it becomes a folder name', () => {
    for (const name of ['..', '../x', 'a/b', '.hidden', '', REDIRECT_TEMPLATE.alert]) {
      assert.throws(() => alertRedirectFolders(name), /not an alert name/);
    }
  });
  test('the template can never be a real alert', () => {
    assert.equal(alertNameSchema.safeParse(REDIRECT_TEMPLATE.alert).success, false);
  });
});

test('firstDifference shows where two pages part', () => {
  assert.match(firstDifference('<p>same</p><b>', '<p>same</p><i>'), /at character 12:\n {2}expected: "<p>same<\/p><b>"\n {2}rendered: "<p>same<\/p><i>"/);
});

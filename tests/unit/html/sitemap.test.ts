import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sitemapXml } from '../../../src/lib/html/sitemap.ts';

test('absolute, sorted URLs when the site is known', () => {
  assert.equal(
    sitemapXml(['/runbooks/b/', '/'], new URL('https://runbooks.example.com')),
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://runbooks.example.com/</loc></url>\n  <url><loc>https://runbooks.example.com/runbooks/b/</loc></url>\n</urlset>\n',
  );
});

test('root-relative without a site URL', () => assert.match(sitemapXml(['/a/'], undefined), /<loc>\/a\/<\/loc>/));

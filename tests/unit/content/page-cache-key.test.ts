import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CacheKeySource, pageCacheMaterial } from '../../../src/lib/content/page-cache-key.ts';

const page = (slug: string, title: string, extra: Partial<CacheKeySource> = {}): CacheKeySource => ({
  slug,
  file: `content/runbooks/${slug}.md`,
  response: 15,
  resolve: undefined,
  severityLabel: undefined,
  reviewOverdue: false,
  entry: { digest: `digest-of-${slug}`, data: { title, summary: `${title}.` } },
  ...extra,
});

describe("a runbook page's cache material", () => {
  const cpu = page('db/cpu', 'CPU high');
  const disk = page('db/disk', 'Disk full');
  const key = (over: { page?: CacheKeySource; related?: CacheKeySource[]; label?: string; site?: string } = {}) =>
    pageCacheMaterial(over.page ?? cpu, over.related ?? [disk], over.label ?? 'Database', over.site ?? 'site-1');

  test('is the same for the same inputs', () => {
    assert.equal(key(), key());
  });

  const changes: [string, Parameters<typeof key>[0]][] = [
    ['its own source', { page: { ...cpu, entry: { ...cpu.entry, digest: 'other' } } }],
    ['a related page title', { related: [page('db/disk', 'Disk nearly full')] }],
    ['the related pages', { related: [] }],
    ["its service's label", { label: 'Databases' }],
    ['the site-wide data', { site: 'site-2' }],
    ['an overdue review, which comes with the date alone', { page: { ...cpu, reviewOverdue: true } }],
    ['its response target, from severity.yaml', { page: { ...cpu, response: 30 } }],
  ];
  for (const [what, change] of changes) {
    test(`changes with ${what}`, () => {
      assert.notEqual(key(change), key());
    });
  }

  test('without a digest, the page data stands in', () => {
    const noDigest = { ...cpu, entry: { data: cpu.entry.data } };
    assert.notEqual(key({ page: noDigest }), key({ page: { ...noDigest, entry: { data: { ...cpu.entry.data, title: 'CPU very high' } } } }));
  });
});

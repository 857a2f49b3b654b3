import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { relatedPages } from '../../../src/lib/content/related-pages.ts';

const page = (slug: string, related: string[] = []) => ({ slug, entry: { data: { related } } });

describe('relatedPages', () => {
  const pages = [page('db/down', ['db/restore', 'web/down']), page('db/restore'), page('web/down')];
  const related = relatedPages(pages);
  const cases: [string, ReturnType<typeof page>, string[]][] = [
    ['in the order the author wrote them', page('x', ['web/down', 'db/down']), ['web/down', 'db/down']],
    ['a slug no page has is skipped', page('x', ['db/gone', 'db/restore']), ['db/restore']],
    ['none', page('x'), []],
    ['a slug written twice is listed twice, as before', page('x', ['db/restore', 'db/restore']), ['db/restore', 'db/restore']],
  ];
  for (const [name, of, expected] of cases) {
    test(name, () =>
      assert.deepEqual(
        related(of).map((each) => each.slug),
        expected,
      ),
    );
  }

  test('returns the page objects themselves', () => assert.equal(related(pages[0]!)[0], pages[1]));
});

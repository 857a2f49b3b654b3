import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importPlaceProblem } from '../../../src/lib/import/places.ts';

describe('where an import may read and write', () => {
  const places = { source: '/srv/old-site/content/runbooks', into: '/work/main/content', project: '/work/main', home: '/home/me' };
  test('a content root outside the folder and the code is fine', () => {
    assert.equal(importPlaceProblem(places), undefined);
    assert.equal(importPlaceProblem({ ...places, into: '/tmp/team-runbooks' }), undefined);
  });
  test('refused: the root, home, the project, its code, inside the folder, and a folder that is runbooks already', () => {
    const cases: [Partial<typeof places>, string][] = [
      [{ into: '/' }, '--into / is the root of the file system'],
      [{ into: '/home/me' }, '--into /home/me is your home folder'],
      [{ into: '/work/main' }, "--into /work/main is the project folder; the project's content root is /work/main/content (the default)"],
      [{ into: '/work/main/src/lib' }, "--into /work/main/src/lib is inside the project's own code (src/)"],
      [
        { into: '/srv/old-site/content/runbooks/new' },
        '--into /srv/old-site/content/runbooks/new is inside the folder being imported, /srv/old-site/content/runbooks: the import would read its own output',
      ],
      [
        { into: '/srv/old-site/content/runbooks' },
        '--into /srv/old-site/content/runbooks is inside the folder being imported, /srv/old-site/content/runbooks: the import would read its own output',
      ],
      [
        { source: '/work/main/content/runbooks/payments' },
        'the folder /work/main/content/runbooks/payments is inside /work/main/content/runbooks: its pages are runbooks already',
      ],
    ];
    for (const [changed, expected] of cases) assert.equal(importPlaceProblem({ ...places, ...changed }), expected);
  });
});

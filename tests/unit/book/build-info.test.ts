import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDate, commitFromEnv, formatBuildDate } from '../../../src/lib/book/build-info.ts';

describe('build info on the cover', () => {
  const commits: [Record<string, string>, string | undefined][] = [
    [{}, undefined],
    [{ RUNBOOKS_COMMIT: '0a46533d002e758377dc0ea373bbeb5713a3ae7e' }, '0a46533d002e'],
    [{ GITHUB_SHA: '10a43b20b3615e32dc09a607dc4e22ecee8b8635', CI_COMMIT_SHA: 'ffff' }, '10a43b20b361'],
    [{ RUNBOOKS_COMMIT: ' ', CI_COMMIT_SHA: 'abc1234' }, 'abc1234'],
    [{ RUNBOOKS_COMMIT: 'v1.2.0' }, 'v1.2.0'],
  ];
  for (const [env, commit] of commits) {
    test(`commit from ${JSON.stringify(env)} → ${commit}`, () => assert.equal(commitFromEnv(env), commit));
  }

  test('SOURCE_DATE_EPOCH fixes the date; anything else is now', () => {
    const now = new Date('2026-11-28T00:19:00Z');
    assert.equal(buildDate({ SOURCE_DATE_EPOCH: '1767225600' }, now).toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(buildDate({ SOURCE_DATE_EPOCH: 'yesterday' }, now), now);
    assert.equal(buildDate({}, now), now);
  });

  test('the date reads the same in every time zone', () => {
    assert.equal(formatBuildDate(new Date('2026-11-28T00:19:42Z')), '2026-11-28 00:19 UTC');
  });
});

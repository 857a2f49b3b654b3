import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildInfo } from '../../src/node/build-info.ts';

describe('the commit on the book cover', () => {
  test('outside a git checkout there is no commit, and no error', (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'no-git-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    assert.equal(buildInfo(folder, {}).commit, undefined);
  });

  test('in this checkout the commit comes from git', () => {
    assert.match(buildInfo('.', {}).commit ?? '', /^[0-9a-f]{12}(-dirty)?$|^.+-g[0-9a-f]{12}(-dirty)?$/);
  });

  test('a commit handed over by CI wins over git', () => {
    assert.equal(buildInfo('.', { RUNBOOKS_COMMIT: 'v1.2.0' }).commit, 'v1.2.0');
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeDigest } from '../../src/node/code-digest.ts';

test("the code digest changes with any file of the site's code, and not with content", (t) => {
  const root = mkdtempSync(join(tmpdir(), 'code-digest-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src/plugins'), { recursive: true });
  mkdirSync(join(root, 'content/runbooks'), { recursive: true });
  writeFileSync(join(root, 'src/plugins/shiki.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
  const first = codeDigest(root);
  assert.equal(codeDigest(root), first);

  writeFileSync(join(root, 'content/runbooks/a.md'), '# A');
  assert.equal(codeDigest(root), first, "content is the cache key's business, not the code digest's");

  writeFileSync(join(root, 'src/plugins/shiki.ts'), 'export const a = 2;');
  const second = codeDigest(root);
  assert.notEqual(second, first);

  writeFileSync(join(root, 'package-lock.json'), '{}');
  assert.notEqual(codeDigest(root), second);
});

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';

// The architecture's boundaries are lint rules (biome.jsonc): pure logic in src/lib, I/O in src/node, and browser
// code that imports only src/lib/web. Each case is a file a newcomer might write; the project's own config must
// reject it, or accept it, as the table says.
const cases: { path: string; code: string; rejected: RegExp | undefined }[] = [
  { path: 'src/lib/reads-file.ts', code: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", rejected: /src\/lib is pure logic/ },
  { path: 'src/lib/bare-builtin.ts', code: "import { tmpdir } from 'os';\nexport const f = tmpdir;\n", rejected: /src\/lib is pure logic/ },
  { path: 'src/lib/promises.ts', code: "import { readFile } from 'node:fs/promises';\nexport const f = readFile;\n", rejected: /src\/lib is pure logic/ },
  { path: 'src/lib/threads.ts', code: "import { Worker } from 'node:worker_threads';\nexport const f = Worker;\n", rejected: /src\/lib is pure logic/ },
  { path: 'src/lib/env.ts', code: "export const home = process.env['HOME'];\n", rejected: /process/ },
  { path: 'src/lib/lazy.ts', code: "export const load = () => import('./errors.ts');\n", rejected: /No dynamic import\(\) in src\/lib/ },
  {
    path: 'src/lib/io.ts',
    code: "import { CONTENT_ROOT } from '../node/content-root.ts';\nexport const root = CONTENT_ROOT;\n",
    rejected: /must not depend on I\/O/,
  },
  { path: 'src/lib/paths.ts', code: "import { posix } from 'node:path';\nexport const join = posix.join;\n", rejected: undefined },
  { path: 'src/node/reads-file.ts', code: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", rejected: undefined },
  { path: 'src/lib/web/path.ts', code: "import { posix } from 'node:path';\nexport const join = posix.join;\n", rejected: /Browser code: no Node modules/ },
  {
    path: 'src/lib/web/reaches-out.ts',
    code: "import { pageSlug } from '../content/page-slug.ts';\nexport const f = pageSlug;\n",
    rejected: /may import only src\/lib\/web/,
  },
  {
    path: 'src/scripts/reaches-out.ts',
    code: "import { pageSlug } from '../lib/content/page-slug.ts';\nexport const f = pageSlug;\n",
    rejected: /may import only src\/lib\/web/,
  },
  {
    path: 'src/scripts/site-data.ts',
    code: "import { loadSite } from '../data/load-site.ts';\nexport const f = loadSite;\n",
    rejected: /Browser code must not import/,
  },
  { path: 'src/scripts/ok.ts', code: "import { copyText } from '../lib/web/copy-text.ts';\nexport const f = copyText;\n", rejected: undefined },
];

interface Diagnostic {
  message: string;
  location: { path: string };
}

describe('lint rules keep the layers apart', () => {
  const root = mkdtempSync(join(tmpdir(), 'runbooks-lint-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  cpSync('biome.jsonc', join(root, 'biome.jsonc'));
  cpSync('tools/lint', join(root, 'tools/lint'), { recursive: true });
  for (const { path, code } of cases) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), code);
  }

  const lint = promisify(execFile)(resolve('node_modules/.bin/biome'), ['lint', '--vcs-enabled=false', '--colors=off', '--reporter=json', '.'], { cwd: root })
    .catch((error: { stdout: string }) => error)
    .then(({ stdout }) => (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics);

  for (const { path, rejected } of cases) {
    test(`${path}: ${rejected ? 'rejected' : 'allowed'}`, async () => {
      const messages = (await lint).filter((diagnostic) => diagnostic.location.path === path).map((diagnostic) => diagnostic.message);
      if (rejected)
        assert.ok(
          messages.some((message) => rejected.test(message)),
          `expected ${rejected} among ${JSON.stringify(messages)}`,
        );
      else assert.deepEqual(messages, []);
    });
  }
});

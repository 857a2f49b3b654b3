import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext, type ParseDataOptions } from 'astro/loaders';
import { parseFrontmatter } from 'astro/markdown';
import { pageSlug } from '../../../src/lib/content/page-slug.ts';
import { runbookSchema } from '../../../src/lib/content/schemas/runbook.ts';
import { readFrontmatter } from '../../../src/lib/content/source-page.ts';
import { ContentError } from '../../../src/lib/errors.ts';
import { validatedLoader } from '../../../src/plugins/validated-loader.ts';
import { PROJECT } from '../../helpers/run-cli.ts';

/**
 * `validatedLoader` around Astro's real `glob()` loader, configured as src/content.config.ts configures it, on
 * fixture content roots. Astro's loader context is built from what `glob()` uses: the store and the entry types
 * are small stand-ins (Astro does not export its own), `parseData` stands for Astro's validation against the
 * collection schema, and frontmatter is parsed by Astro's own `parseFrontmatter`, as its Markdown entry type does.
 */

interface Loaded {
  /** What the store holds after loading: id → data. */
  stored: Map<string, Record<string, unknown>>;
  /** Every entry Astro's `parseData` was asked to validate. */
  parsed: ParseDataOptions<Record<string, unknown>>[];
}

/** The part of Astro's store entry these tests read. */
interface DataEntry {
  id: string;
  data: Record<string, unknown>;
}

function loaderContext(): { context: LoaderContext; loaded: Loaded } {
  const entries = new Map<string, DataEntry>();
  const loaded: Loaded = { stored: new Map(), parsed: [] };
  const store = {
    get: (id: string) => entries.get(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    has: (id: string) => entries.has(id),
    set: (entry: DataEntry) => {
      entries.set(entry.id, entry);
      loaded.stored.set(entry.id, entry.data);
      return true;
    },
    delete: (id: string) => entries.delete(id),
    clear: () => entries.clear(),
    addModuleImport: () => {},
    addAssetImport: () => {},
    addAssetImports: () => {},
  };
  // Astro's Markdown and MDX entry types read frontmatter this way (safeParseFrontmatter in astro/dist/content/utils.js).
  const getEntryInfo = ({ contents }: { contents: string }) => {
    const { frontmatter, content, rawFrontmatter } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
    return { data: frontmatter, body: content.trim(), slug: frontmatter['slug'], rawData: rawFrontmatter };
  };
  const root = pathToFileURL(PROJECT);
  const warnings: string[] = [];
  const context = {
    collection: 'runbooks',
    store,
    meta: new Map(),
    logger: { warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message), info: () => {}, debug: () => {} },
    config: { root, srcDir: new URL('src/', root), prerenderConflictBehavior: 'error' },
    entryTypes: new Map([
      ['.md', { extensions: ['.md'], getEntryInfo }],
      ['.mdx', { extensions: ['.mdx'], getEntryInfo }],
    ]),
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    // Astro validates each entry against the collection's schema, the same one (src/content.config.ts).
    parseData: async <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>): Promise<TData> => {
      loaded.parsed.push(entry);
      return runbookSchema.parse(entry.data) as unknown as TData;
    },
  };
  return { context: context as unknown as LoaderContext, loaded };
}

/** The runbooks collection's loader, as src/content.config.ts makes it, over the content root `root`. */
function runbooksLoader(root: string): Loader {
  return validatedLoader(
    glob({ pattern: '**/*.{md,mdx}', base: resolve(PROJECT, root, 'runbooks'), generateId: ({ entry }) => pageSlug(entry) }),
    runbookSchema,
  );
}

describe('validatedLoader', () => {
  test('valid entries reach Astro’s own validation unchanged and are stored under their slug', async () => {
    const { context, loaded } = loaderContext();
    await runbooksLoader('tests/fixtures/good').load(context);
    assert.deepEqual([...loaded.stored.keys()].sort(), ['payments/api-down', 'payments/database-down', 'payments/deploy']);
    assert.deepEqual(loaded.parsed.map((entry) => entry.id).sort(), ['payments/api-down', 'payments/database-down', 'payments/deploy']);
    const apiDown = loaded.parsed.find((entry) => entry.id === 'payments/api-down')!;
    assert.equal(relative(PROJECT, apiDown.filePath!), 'tests/fixtures/good/runbooks/payments/api-down.md');
    // The file's frontmatter as the check reads it (YAML 1.2: `last_reviewed: 2026-11-01` is text), not data already
    // transformed by our schema, nor Astro's own parse (which makes that a Date): one parser for check and build.
    const text = readFileSync(apiDown.filePath!, 'utf8');
    assert.deepEqual(apiDown.data, readFrontmatter(apiDown.filePath!, text).value);
    assert.notDeepEqual(apiDown.data, parseFrontmatter(text).frontmatter);
    assert.deepEqual(loaded.stored.get('payments/api-down'), runbookSchema.parse(apiDown.data));
  });

  test('invalid frontmatter fails the load with the line `npm run check` prints, before Astro’s generic error', async () => {
    const { context, loaded } = loaderContext();
    const expected = readFileSync(join(PROJECT, 'tests/fixtures/bad/unknown-severity/expected.txt'), 'utf8').trim();
    await assert.rejects(runbooksLoader('tests/fixtures/bad/unknown-severity').load(context), (error: unknown) => {
      assert.ok(error instanceof ContentError, String(error));
      assert.equal(error.message, expected);
      assert.deepEqual(error.problems, [
        {
          severity: 'error',
          file: 'tests/fixtures/bad/unknown-severity/runbooks/payments/api-down.md',
          line: 5,
          column: 11,
          field: 'severity',
          message: 'expected one of critical|high|medium|low, got "urgent"',
        },
      ]);
      return true;
    });
    assert.deepEqual(loaded.parsed, [], 'Astro’s parseData ran on an entry that had already failed');
    assert.deepEqual([...loaded.stored.keys()], []);
  });

  test('every problem of an entry is reported, each at its own line', async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'validated-loader-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'runbooks/payments'), { recursive: true });
    const text = [
      '---',
      'summary: Use when the API answers nothing.',
      'service: payments',
      'severity: urgent',
      'alerts: []',
      'sla:',
      '  response: 15 minutes',
      '---',
      '',
      'Body.',
      '',
    ];
    writeFileSync(join(root, 'runbooks/payments/api-down.md'), text.join('\n'));
    const { context } = loaderContext();
    await assert.rejects(runbooksLoader(root).load(context), (error: unknown) => {
      assert.ok(error instanceof ContentError, String(error));
      const file = relative(process.cwd(), join(root, 'runbooks/payments/api-down.md'));
      assert.deepEqual(
        error.problems.map((problem) => [problem.file, problem.line, problem.field]),
        [
          [file, 2, 'title'],
          [file, 4, 'severity'],
          [file, 7, 'sla.response'],
        ],
      );
      return true;
    });
  });

  test('an entry without a file is left to Astro’s validation', async () => {
    const { context, loaded } = loaderContext();
    const inline: Loader = {
      name: 'inline',
      load: async ({ parseData }) => {
        await parseData({ id: 'remote', data: { title: 'No file' } });
      },
    };
    await assert.rejects(validatedLoader(inline, runbookSchema).load(context), (error: unknown) => !(error instanceof ContentError));
    assert.deepEqual(
      loaded.parsed.map((entry) => entry.id),
      ['remote'],
    );
  });

  test('the wrapped loader keeps its name', () => {
    assert.equal(runbooksLoader('tests/fixtures/good').name, 'glob-loader');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/cli/shared.ts';
import { parseCommand, recordedOptions, USAGE } from '../src/options.ts';
import { DEFAULT_GENERATOR } from '../src/paths.ts';

const NO_ENV = {};

/** The options of a run, failing the test when the command line asks for something else. */
function optionsOf(argv: string[], env: NodeJS.ProcessEnv = NO_ENV) {
  const command = parseCommand(argv, env);
  assert.ok('options' in command, `${argv.join(' ')} is not a run`);
  return command.options;
}

describe('parseCommand', () => {
  test('defaults: 1000 .mdx runbooks, 3 pairs, the generator kept in the repository', () => {
    assert.deepEqual(parseCommand([], NO_ENV), {
      options: {
        count: 1000,
        pairs: 3,
        ext: 'mdx',
        skipWarm: false,
        searchRuns: 10,
        skipSearch: false,
        skipPdf: false,
        typeDelayMs: 0,
        pdfTimeoutMs: 20 * 60_000,
        generator: DEFAULT_GENERATOR,
        keep: false,
        allowDirty: undefined,
      },
    });
  });

  const cases: [string, string[], Record<string, unknown>][] = [
    ['numbers', ['--count', '20', '--pairs', '1', '--search-runs', '3', '--type-delay', '50'], { count: 20, pairs: 1, searchRuns: 3, typeDelayMs: 50 }],
    ['minutes become milliseconds', ['--pdf-timeout', '2'], { pdfTimeoutMs: 120_000 }],
    ['the .md corpus', ['--ext', 'md'], { ext: 'md' }],
    ['switches', ['--skip-search', '--skip-pdf', '--keep'], { skipSearch: true, skipPdf: true, keep: true }],
    ['no warm rebuilds', ['--skip-warm'], { skipWarm: true, skipSearch: false }],
    ['the reason for a dirty tree, trimmed', ['--allow-dirty', '  trying a fix '], { allowDirty: 'trying a fix' }],
  ];
  for (const [name, argv, expected] of cases) {
    test(name, () => {
      const options = optionsOf(argv);
      assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, options[key as keyof typeof options]])), expected);
    });
  }

  const refused: [string, string[], RegExp][] = [
    ['no runbooks', ['--count', '0'], /--count must be a whole number ≥ 1, got "0"/],
    ['a fraction', ['--pairs', '1.5'], /--pairs must be a whole number ≥ 1/],
    ['a negative delay', ['--type-delay=-1'], /--type-delay must be a whole number ≥ 0/],
    ['another extension', ['--ext', 'markdown'], /--ext must be md or mdx, got "markdown"/],
    ['a missing generator', ['--generator', '/nonexistent/gen.mjs'], /no corpus generator at \/nonexistent\/gen\.mjs/],
    ['an empty reason', ['--allow-dirty', ''], /--allow-dirty needs a reason/],
    ['a blank reason', ['--allow-dirty', '   '], /--allow-dirty needs a reason/],
  ];
  for (const [name, argv, message] of refused) {
    test(`refuses ${name}`, () =>
      assert.throws(
        () => parseCommand(argv, NO_ENV),
        (error) => error instanceof UsageError && message.test(error.message),
      ));
  }

  test('parseArgs refuses unknown options and missing values itself (runCli reports them as usage errors)', () => {
    assert.throws(() => parseCommand(['--bogus'], NO_ENV), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    assert.throws(() => parseCommand(['--allow-dirty'], NO_ENV), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
  });

  test('BENCH_GENERATOR points elsewhere, and --generator wins over it', () => {
    const other = import.meta.filename; // any file that exists
    assert.equal(optionsOf([], { BENCH_GENERATOR: other }).generator, other);
    assert.equal(optionsOf(['--generator', DEFAULT_GENERATOR], { BENCH_GENERATOR: '/nonexistent' }).generator, DEFAULT_GENERATOR);
  });

  test('--help and --print need nothing else', () => {
    assert.deepEqual(parseCommand(['--help'], NO_ENV), { help: true });
    assert.deepEqual(parseCommand(['-h', '--count', '0'], NO_ENV), { help: true });
    assert.deepEqual(parseCommand(['--print', 'bench/results/x.json'], NO_ENV), { print: 'bench/results/x.json' });
  });

  test('the usage names every option', () => {
    for (const option of ['--skip-warm', '--skip-search', '--skip-pdf', '--ext', '--allow-dirty']) assert.ok(USAGE.includes(option), option);
  });
});

describe('recordedOptions', () => {
  test('the generator relative to the checkout, the dirty-tree reason left to the git record', () => {
    const recorded = recordedOptions(optionsOf(['--allow-dirty', 'why']));
    assert.equal(recorded.generator, 'bench/gen-corpus.mjs');
    assert.equal('allowDirty' in recorded, false);
  });

  test('whether warm rebuilds were skipped is recorded', () => {
    assert.equal(recordedOptions(optionsOf(['--skip-warm'])).skipWarm, true);
    assert.equal(recordedOptions(optionsOf([])).skipWarm, false);
  });
});

/**
 * The benchmark's command line, kept apart from the run so that every way of getting it wrong is a UsageError
 * (exit 2) found before anything is built.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../../src/cli/shared.ts';
import { DEFAULT_GENERATOR, REPO } from './paths.ts';

export const USAGE = `usage: npm run bench -- [--count N] [--pairs P] [--ext mdx|md] [--skip-warm] [--search-runs 10] [--skip-search]
                        [--skip-pdf] [--type-delay MS] [--pdf-timeout MINUTES] [--generator PATH] [--keep] [--allow-dirty REASON]
       npm run bench -- --print bench/results/<file>.json     print the tables of an earlier run`;

const ARGS = {
  count: { type: 'string', default: '1000' },
  pairs: { type: 'string', default: '3' },
  ext: { type: 'string', default: 'mdx' },
  'skip-warm': { type: 'boolean', default: false },
  'search-runs': { type: 'string', default: '10' },
  'skip-search': { type: 'boolean', default: false },
  'skip-pdf': { type: 'boolean', default: false },
  'type-delay': { type: 'string', default: '0' },
  'pdf-timeout': { type: 'string', default: '20' },
  generator: { type: 'string' },
  keep: { type: 'boolean', default: false },
  'allow-dirty': { type: 'string' },
  print: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A guard rather than a comparison, so that `ext` keeps its two values in Options instead of widening to string. */
const isCorpusExt = (ext: string): ext is 'md' | 'mdx' => ext === 'md' || ext === 'mdx';

type Values = ReturnType<typeof parseArgs<{ options: typeof ARGS }>>['values'];

/**
 * What the command line asks for. parseArgs' own errors (unknown option, missing value) propagate: runCli
 * reports them as usage errors.
 */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const { values } = parseArgs({ args: [...argv], strict: true, options: ARGS });
  if (values.help) return { help: true } as const;
  if (values.print !== undefined) return { print: values.print } as const;
  return { options: runOptions(values, env) } as const;
}

function runOptions(values: Values, env: NodeJS.ProcessEnv) {
  const whole = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
    return value;
  };
  const { ext } = values;
  if (!isCorpusExt(ext)) throw new UsageError(`--ext must be md or mdx, got "${ext}"`);
  const generator = resolve(values.generator ?? env['BENCH_GENERATOR'] ?? DEFAULT_GENERATOR);
  if (!existsSync(generator)) throw new UsageError(`no corpus generator at ${generator} (--generator PATH or BENCH_GENERATOR)`);
  // A result from a dirty tree is only worth keeping with the reason written down, so an empty reason is no reason.
  const allowDirty = values['allow-dirty']?.trim();
  if (allowDirty === '') throw new UsageError('--allow-dirty needs a reason, e.g. --allow-dirty "trying an uncommitted fix"');
  return {
    count: whole('count', values.count, 1),
    pairs: whole('pairs', values.pairs, 1),
    ext,
    skipWarm: values['skip-warm'],
    searchRuns: whole('search-runs', values['search-runs'], 1),
    skipSearch: values['skip-search'],
    skipPdf: values['skip-pdf'],
    typeDelayMs: whole('type-delay', values['type-delay'], 0),
    pdfTimeoutMs: whole('pdf-timeout', values['pdf-timeout'], 1) * 60_000,
    generator,
    keep: values.keep,
    allowDirty,
  };
}

export type Options = ReturnType<typeof runOptions>;

/**
 * The options as a result records them: the generator relative to the checkout (results are compared across
 * machines), and without the dirty-tree reason, which belongs with the git state it excuses.
 */
export function recordedOptions({ allowDirty: _, ...options }: Options) {
  return { ...options, generator: relative(REPO, options.generator) };
}

/** The options of a result on disk: those written before warm rebuilds were measured have no `skipWarm`. */
export type RecordedOptions = Omit<ReturnType<typeof recordedOptions>, 'skipWarm'> & { skipWarm?: boolean | undefined };

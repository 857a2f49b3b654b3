/** What `npm run pdf -- [--env <id>|all]` asks for: the command line, checked before Chromium starts. */
import { parseArgs } from 'node:util';
import { environmentIdSchema } from '../lib/content/schemas/environments.ts';
import { UsageError } from './shared.ts';

export const PDF_USAGE = 'usage: npm run pdf [-- --env <environment>|all]';

/** The value of `--env` (undefined: the default book, placeholders shown as `{{name}}`) and whether `--help` was given. */
export function parsePdfArgs(argv: readonly string[]): { env: string | undefined; help: boolean } {
  let values: { env?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (values.env !== undefined && !environmentIdSchema.safeParse(values.env).success) {
    throw new UsageError(`--env needs an environment id or "all", got ${JSON.stringify(values.env)}`);
  }
  return { env: values.env, help: values.help ?? false };
}

/**
 * The books to print: the default one (undefined), one environment, or with `all` the default and every
 * environment. The id is checked against the environments the built site knows, so a typo fails before Chromium starts.
 */
export function pdfTargets(env: string | undefined, environmentIds: readonly string[]): (string | undefined)[] {
  if (env === undefined) return [undefined];
  if (env === 'all') return [undefined, ...environmentIds];
  if (environmentIds.includes(env)) return [env];
  throw new UsageError(`unknown environment "${env}": expected one of ${[...environmentIds, 'all'].join(', ')}`);
}

/** What `npm run pdf -- [--env <id>|all] [--service <id>|all]…` asks for: the command line, checked before Chromium starts. */
import { parseArgs } from 'node:util';
import { slugSchema } from '../lib/content/schemas/common.ts';
import { environmentIdSchema } from '../lib/content/schemas/environments.ts';
import { UsageError } from './shared.ts';

export const PDF_USAGE = 'usage: npm run pdf [-- --env <environment>|all] [--service <service>|all]…';

export interface PdfArgs {
  /** undefined: the default book, placeholders shown as `{{name}}`. */
  env: string | undefined;
  /** The services whose own books to print (`all` for every one); none: the whole book. */
  services: string[];
  help: boolean;
}

export function parsePdfArgs(argv: readonly string[]): PdfArgs {
  let values: { env?: string | undefined; service?: string[] | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { env: { type: 'string' }, service: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (values.env !== undefined && !environmentIdSchema.safeParse(values.env).success) {
    throw new UsageError(`--env needs an environment id or "all", got ${JSON.stringify(values.env)}`);
  }
  // A service id becomes a folder of the build (services/<id>/): nothing but a plain name gets that far.
  for (const service of values.service ?? []) {
    if (service !== 'all' && (!slugSchema.safeParse(service).success || service.includes('/'))) {
      throw new UsageError(`--service needs a service id or "all", got ${JSON.stringify(service)}`);
    }
  }
  return { env: values.env, services: values.service ?? [], help: values.help ?? false };
}

export interface PdfTarget {
  /** undefined: the whole book. */
  service: string | undefined;
  env: string | undefined;
}

/**
 * The books to print: for each service asked for (or the whole book), the default one (env undefined), one
 * environment, or with `all` the default and every environment. Ids are checked against what the built site has, so
 * a typo fails before Chromium starts, naming the ones it could have been.
 */
export function pdfTargets(args: Pick<PdfArgs, 'env' | 'services'>, known: { environments: readonly string[]; services: readonly string[] }): PdfTarget[] {
  const { env, services } = args;
  let envs: (string | undefined)[];
  if (env === undefined) envs = [undefined];
  else if (env === 'all') envs = [undefined, ...known.environments];
  else if (known.environments.includes(env)) envs = [env];
  else throw new UsageError(`unknown environment "${env}": expected one of ${[...known.environments, 'all'].join(', ')}`);

  let books: (string | undefined)[] = [undefined];
  if (services.length > 0) {
    for (const service of services) {
      if (service !== 'all' && !known.services.includes(service)) {
        throw new UsageError(`unknown service "${service}": expected one of ${[...known.services, 'all'].join(', ')}`);
      }
    }
    books = services.includes('all') ? [...known.services] : [...new Set(services)];
  }
  return books.flatMap((service) => envs.map((target) => ({ service, env: target })));
}

/** What `npm run pdf -- [--env <id>|all]` asks for, and where each book goes. */

export const PDF_USAGE = 'usage: npm run pdf [-- --env <environment>|all]';

/** The value of `--env`, or undefined for the default book (placeholders shown as `{{name}}`). */
export function parsePdfArgs(argv: readonly string[]): { env: string | undefined } {
  let env: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--env') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('-')) throw new Error(`--env needs an environment id or "all"\n${PDF_USAGE}`);
      env = value;
      index += 1;
    } else if (arg.startsWith('--env=')) {
      env = arg.slice('--env='.length);
      if (env === '') throw new Error(`--env needs an environment id or "all"\n${PDF_USAGE}`);
    } else {
      throw new Error(`unknown argument "${arg}"\n${PDF_USAGE}`);
    }
  }
  return { env };
}

/**
 * The books to print: the default one (undefined), one environment, or with `all` the default and every
 * environment. The id is checked against the environments the built site knows, so a typo fails before Chromium starts.
 */
export function pdfTargets(env: string | undefined, environmentIds: readonly string[]): (string | undefined)[] {
  if (env === undefined) return [undefined];
  if (env === 'all') return [undefined, ...environmentIds];
  if (environmentIds.includes(env)) return [env];
  throw new Error(`unknown environment "${env}": expected one of ${[...environmentIds, 'all'].join(', ')}`);
}

/** `runbooks.pdf` for the default book, `runbooks-<env>.pdf` for an environment's. */
export function pdfFileName(env?: string): string {
  return env === undefined ? 'runbooks.pdf' : `runbooks-${env}.pdf`;
}

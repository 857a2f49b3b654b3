/**
 * What every command-line tool shares: exit codes and how a bad command line is reported.
 * 0 done, 1 the tool ran and found problems (or failed), 2 it could not run as asked (usage).
 */

/** A command line the tool cannot act on: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a tool's `main` and sets the exit code: its return value, 2 with the usage for a UsageError or a
 * `node:util` parseArgs error (unknown option, missing value), and 1 with the message for anything else.
 * `DEBUG=runbooks` prints the stack of an unexpected error, for bug reports.
 */
export async function runCli(name: string, usage: string, main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`${name}: ${(error as Error).message}\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env['DEBUG']?.split(',').includes('runbooks')) console.error(error);
      process.exitCode = 1;
    }
  }
}

function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code ?? '').startsWith('ERR_PARSE_ARGS');
}

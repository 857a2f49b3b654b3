import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: where `npm run …` runs the tools, and the default working directory of `runCli`. */
export const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  /** The exit code; null when a signal ended the process. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /**
   * Variables set on top of the environment of the process that runs the tests; `undefined` removes one
   * (`{ RUNBOOKS_CONTENT_DIR: undefined }` runs the tool without the shell's setting).
   */
  env?: Record<string, string | undefined>;
  /** Working directory; the project root by default. */
  cwd?: string;
}

/**
 * Runs a command-line tool of `src/cli/` as `npm run …` does: a real child process of the Node that runs the
 * tests, `runCli('check', ['--root', 'tests/fixtures/good'])` for `node src/cli/check.ts --root tests/fixtures/good`.
 * Never rejects for a non-zero exit: the status is part of what the tests check.
 */
export function runCli(tool: string, args: readonly string[] = [], options: CliOptions = {}): Promise<CliRun> {
  const script = fileURLToPath(new URL(`../../src/cli/${tool}.ts`, import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd ?? PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/**
 * The environment of a build a test runs: its content root and its own out and cache folders (so builds of
 * different tests never share them), the Node that runs the tests also running Astro (>= 22.12), and plain output.
 * `extra` adds or (with `undefined`) removes variables.
 */
export function buildEnv(
  folders: { content: string; out: string; cache: string },
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    PATH: `${join(PROJECT, 'node_modules/.bin')}:${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
    RUNBOOKS_CONTENT_DIR: folders.content,
    RUNBOOKS_OUT_DIR: folders.out,
    RUNBOOKS_CACHE_DIR: folders.cache,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

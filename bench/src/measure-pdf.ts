/**
 * The PDF of our last build, timed like the builds: printing the whole book is the slowest thing a reader can
 * ask of a large site, so its time and memory belong in the record. A failed or timed-out PDF is reported in
 * the result rather than failing the run, which has already measured everything else.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { failure } from './messages.ts';
import type { Options } from './options.ts';
import { PDF_CLI, REPO } from './paths.ts';
import { measureCommand } from './process-tree.ts';
import { ourEnv, type Workspace } from './workspace.ts';

export async function benchPdf(work: Workspace, options: Pick<Options, 'skipPdf' | 'pdfTimeoutMs'>) {
  if (options.skipPdf) return { skipped: '--skip-pdf' };
  const logFile = join(work.logs, 'pdf.log');
  // `node src/cli/pdf.ts` rather than `npm run pdf`: npm's start-up is not the PDF's cost.
  const result = await measureCommand(process.execPath, [PDF_CLI], { cwd: REPO, env: ourEnv(work), logFile, timeoutMs: options.pdfTimeoutMs });
  if (result.exitCode !== 0) return { error: failure('npm run pdf', result, logFile).message, wallMs: result.wallMs, peakRssBytes: result.peakRssBytes };
  const pdf = join(work.out.ours, 'runbooks.pdf');
  return { wallMs: result.wallMs, peakRssBytes: result.peakRssBytes, cpuMs: result.cpuMs, ...(existsSync(pdf) && { bytes: statSync(pdf).size }) };
}

export type PdfFigure = Awaited<ReturnType<typeof benchPdf>>;

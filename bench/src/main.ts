/**
 * `npm run bench`: builds a generated corpus with our site and with the bare stack (bench/baseline), and measures
 * what our features cost: build time and memory (ratios ours / baseline), page weight, JavaScript before search,
 * search latency in Chromium and the PDF time.
 *
 *   npm run bench -- [--count 1000] [--pairs 3] [--ext mdx|md] [--skip-warm] [--search-runs 10] [--skip-search]
 *                    [--skip-pdf] [--type-delay 0] [--pdf-timeout 20] [--generator PATH] [--keep] [--allow-dirty REASON]
 *   npm run bench -- --print bench/results/<file>.json
 *
 * The corpus comes from bench/gen-corpus.mjs (`--generator` or `BENCH_GENERATOR` point elsewhere). Builds are cold
 * and come in pairs whose order alternates (measure-build.ts); the figures are the median and range of the
 * per-pair ratios. Ours is timed through `node src/cli/build.ts`, what `npm run build` runs. In each pair ours is
 * also rebuilt warm, after one runbook is edited, and compared with its own cold build (`--skip-warm`: not). CPU
 * time is reported beside wall time because it hardly moves when other work shares the machine. `--type-delay` is the pause between keystrokes when typing alert names (0: as fast as Playwright types).
 * A tree with uncommitted changes is refused unless `--allow-dirty` says why (git.ts). Results go to
 * `bench/results/` (result-file.ts) and are printed as tables with the targets marked PASS or FAIL.
 * Exits 1 when a build or a measurement fails, 2 when the command line is wrong or the tree is dirty.
 */
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import { runCli } from '../../src/cli/shared.ts';
import { dirtyTreeRefusal, gitRecord, readGit } from './git.ts';
import { runBuilds, warmUp } from './measure-build.ts';
import { benchPdf } from './measure-pdf.ts';
import { benchSearch } from './measure-search.ts';
import { log } from './messages.ts';
import { parseCommand, recordedOptions, USAGE } from './options.ts';
import { REPO } from './paths.ts';
import { assembleReport, machineState, printReport } from './report.ts';
import { readResult, writeResult } from './result-file.ts';
import { measureSite } from './site-size.ts';
import { formatMs } from './table.ts';
import { createWorkspace, generateCorpus, removeWorkspace } from './workspace.ts';

await runCli('bench', USAGE, () => main(process.argv.slice(2)));

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  if ('help' in command) {
    console.log(USAGE);
    return 0;
  }
  if ('print' in command) {
    printReport(readResult(command.print));
    return 0;
  }
  const { options } = command;
  // Read before anything is built: the result names the code that was measured, not what the tree held afterwards.
  const git = readGit(REPO);
  if (!git) log('not a git checkout: the result will name no commit');
  const refusal = git && dirtyTreeRefusal(git.dirty, options.allowDirty);
  if (refusal) {
    console.error(`bench: ${refusal}`);
    return 2;
  }

  const loadBefore = loadavg();
  const work = createWorkspace();
  log(`working in ${work.root}`);
  try {
    const generated = await generateCorpus(work, options);
    log(`corpus of ${options.count} .${options.ext} runbooks written in ${formatMs(generated.wallMs)}`);
    log('warming up (astro sync of both sites, not measured)');
    await warmUp(work);
    const builds = await runBuilds(work, options);
    // Both output folders hold the last build of each side; ours' warm one, unless skipped, has the edited runbook
    // in it: one page's title and paragraph, bytes against megabytes.
    const size = { ours: measureSite(work.out.ours), baseline: measureSite(work.out.baseline) };
    const search = await benchSearch(work, options);
    log('pdf…');
    const pdf = await benchPdf(work, options);

    const report = assembleReport({
      date: new Date().toISOString(),
      options: recordedOptions(options),
      git: git && gitRecord(git.commit, git.dirty, options.allowDirty),
      machine: machineState(loadBefore),
      corpus: { files: options.count, generateMs: generated.wallMs },
      builds: builds.map((build) => ({ ...build, log: relative(work.root, build.log) })),
      size,
      search,
      pdf,
    });
    const file = writeResult(report);
    console.log('');
    printReport(report);
    log(`results written to ${relative(process.cwd(), file)}`);
    return 0;
  } finally {
    if (options.keep) log(`kept ${work.root}`);
    else removeWorkspace(work);
  }
}

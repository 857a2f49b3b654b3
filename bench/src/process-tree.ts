/**
 * Wall time, peak memory and CPU time of a command and everything it starts, for `npm run bench`.
 * Astro builds spawn workers and pagefind spawns its native binary, so the RSS of the first process alone would
 * miss most of the memory. Linux only: the tree is read from /proc.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

/** `VmRSS` of a `/proc/<pid>/status` text, in bytes; 0 when absent (a zombie has no memory left). */
export function parseVmRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The pids in a `/proc/<pid>/task/<tid>/children` text. */
export function parseChildren(text: string): number[] {
  return text.split(/\s+/).filter(Boolean).map(Number);
}

/**
 * CPU time, in clock ticks, that the waited-for children of a process used: `cutime + cstime` of
 * `/proc/<pid>/stat` (fields 16 and 17). The command name may hold spaces and parentheses, so fields are
 * counted from the last `)`.
 */
export function parseChildrenCpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  return Number(fields[13]) + Number(fields[14]);
}

/** A process and all its descendants, as they are now. Processes that exit while being read are skipped. */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    tree.push(current);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue; // already gone
    }
    for (const task of tasks) {
      try {
        pending.push(...parseChildren(readFileSync(`/proc/${current}/task/${task}/children`, 'utf8')));
      } catch {
        // The thread exited between the two reads.
      }
    }
  }
  return tree;
}

/** The summed RSS of a process tree, in bytes. Pages shared between processes count once per process, as `ps` shows them. */
export function treeRss(pid: number): number {
  let total = 0;
  for (const member of processTree(pid)) {
    try {
      total += parseVmRss(readFileSync(`/proc/${member}/status`, 'utf8'));
    } catch {
      // exited while sampling
    }
  }
  return total;
}

let clockTicksPerSecond: number | undefined;
function ticksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100; // USER_HZ on every common Linux build
    }
  }
  return clockTicksPerSecond;
}

function childrenCpuMs(): number {
  return (parseChildrenCpuTicks(readFileSync('/proc/self/stat', 'utf8')) * 1000) / ticksPerSecond();
}

export interface Measurement {
  wallMs: number;
  /** The highest summed RSS of the tree seen at any sample. */
  peakRssBytes: number;
  /** When that peak was sampled, in ms after the start: tells which phase of a build holds the memory. */
  peakAtMs: number;
  /**
   * User + system CPU time of the whole tree (the children this process waited for, and theirs). Less sensitive
   * than wall time to other work on the machine, so it is recorded beside it.
   */
  cpuMs: number;
  samples: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The command ran past `timeoutMs` and its whole tree was killed. */
  timedOut: boolean;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The command's stdout and stderr go here; they are discarded when absent. */
  logFile?: string;
  intervalMs?: number;
  /** Kill the whole tree (SIGTERM, then SIGKILL 5 s later) when the command runs longer than this. */
  timeoutMs?: number;
}

/** Signals every process of a tree, leaves first; processes already gone are skipped. */
function killTree(pid: number, signal: NodeJS.Signals): void {
  for (const member of processTree(pid).reverse()) {
    try {
      process.kill(member, signal);
    } catch {
      // already exited
    }
  }
}

/**
 * Runs a command and samples its process tree every `intervalMs` (default 50 ms) until it exits. Run one
 * measurement at a time: the CPU time is read from this process's waited-for children.
 */
export function measureCommand(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const log = options.logFile === undefined ? 'ignore' : openSync(options.logFile, 'w');
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  let peakRssBytes = 0;
  let peakAtMs = 0;
  let samples = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const rss = treeRss(child.pid);
    if (rss > peakRssBytes) {
      peakRssBytes = rss;
      peakAtMs = performance.now() - started;
    }
    samples += 1;
  };
  const timer = setInterval(sample, options.intervalMs ?? 50);
  sample();
  let timedOut = false;
  let killer: NodeJS.Timeout | undefined;
  const deadline =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          if (child.pid === undefined) return;
          const pid = child.pid;
          killTree(pid, 'SIGTERM');
          killer = setTimeout(() => killTree(pid, 'SIGKILL'), 5000);
        }, options.timeoutMs);
  const stop = () => {
    clearInterval(timer);
    clearTimeout(deadline);
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      stop();
      if (typeof log === 'number') closeSync(log);
      reject(new Error(`could not start ${command}`, { cause: error }));
    });
    child.on('exit', (exitCode, signal) => {
      const wallMs = performance.now() - started;
      stop();
      if (typeof log === 'number') closeSync(log);
      resolve({ wallMs, peakRssBytes, peakAtMs, cpuMs: childrenCpuMs() - cpuBefore, samples, exitCode, signal, timedOut });
    });
  });
}

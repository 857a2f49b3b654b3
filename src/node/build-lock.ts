import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock file held while a build writes its output folder or the Astro cache: created with O_EXCL (`wx`), so of
 * two builds exactly one creates it; the other waits. The file says who holds it, so that a lock left by a build
 * that was killed (`kill -9`, a crashed CI runner) is taken over instead of waited on for ever.
 */
interface Holder {
  pid: number;
  host: string;
  /** When the process started, in clock ticks after boot (Linux /proc): a pid reused since is another process. */
  started: string | undefined;
  /** The output folder it builds, for the waiting message. */
  out: string;
}

/** Field 22 of /proc/<pid>/stat, the process's start time; undefined where there is no /proc. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count the fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(holder: Holder): boolean {
  // Another machine's process (a shared network folder) cannot be asked: it counts as running.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return holder.started === undefined || startTime(holder.pid) === undefined || startTime(holder.pid) === holder.started;
}

function readHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock `file` for a build of `out`, waiting while a running build holds it (`waiting(holder)` is called
 * once, when the wait starts). Returns the function that releases it; it is also released when the process exits,
 * however it exits short of SIGKILL (build.ts turns SIGINT and SIGTERM into an exit).
 */
export async function takeBuildLock(file: string, out: string, waiting: (holder: { pid: number; out: string }) => void): Promise<() => void> {
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), started: startTime(process.pid), out } satisfies Holder)}\n`;
  mkdirSync(dirname(file), { recursive: true });
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // released between the two calls: try again at once
    }
    const holder = readHolder(text);
    // An unreadable lock is one being written this instant, or one a crash cut short: the latter once it is old.
    const stale = holder ? !isRunning(holder) : Date.now() - mtime(file) > 10_000;
    if (stale) {
      // Take it over only if it is still the stale one: another waiter may have taken it over already.
      if (readOrEmpty(file) === text) unlinkOrIgnore(file);
      continue;
    }
    if (!told && holder) {
      waiting(holder);
      told = true;
    }
    await sleep(200);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    if (readOrEmpty(file) === mine) unlinkOrIgnore(file);
  };
  process.on('exit', release);
  return release;
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function unlinkOrIgnore(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Prometheus server for a test: Debian's `prometheus` (2.42; .ci/run installs it) on a free loopback port,
 * evaluating the rule file the test gives it, with its data in a temporary folder that `stop()` removes.
 *
 *   const prometheus = await startPrometheus({ rules });
 *   try { alerts = await prometheus.firing('KubePodCrashLooping', 2); } finally { await prometheus.stop(); }
 *
 * No scrape targets and no Alertmanager: the rules build their own series (`label_replace(vector(1), …)`), and the
 * test reads the alerts back from the HTTP API (`/api/v1/alerts`), as Alertmanager would receive them.
 */

/** One entry of `/api/v1/alerts`: an alert with its labels and its annotations as Prometheus expanded them. */
export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

export interface Prometheus {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Waits until `count` alerts named `alertname` are firing, and returns them; fails with the last answer and the log. */
  firing(alertname: string, count?: number): Promise<PrometheusAlert[]>;
  /** Ends the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** The rule file's text. */
  rules: string;
  /** How often rules are evaluated: short, so that an alert without `for` fires within it of the start. */
  evaluationInterval?: string;
  /** The server's `global.external_labels`, which annotation templates read as `$externalLabels`. */
  externalLabels?: Record<string, string>;
}

const BINARY = 'prometheus';
const READY_TIMEOUT_MS = 15_000;
const FIRING_TIMEOUT_MS = 10_000;
/** The log is only shown when something fails; its end says why. */
const LOG_LIMIT = 20_000;

export async function startPrometheus(options: PrometheusOptions): Promise<Prometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'runbooks-prometheus-'));
  try {
    await writeFile(join(dir, 'rules.yml'), options.rules);
    // JSON is YAML: no quoting to get wrong for the temporary path.
    const global = { evaluation_interval: options.evaluationInterval ?? '200ms', external_labels: options.externalLabels ?? {} };
    const config = { global, rule_files: [join(dir, 'rules.yml')] };
    await writeFile(join(dir, 'prometheus.yml'), JSON.stringify(config));
    // The free port is found by binding port 0 and letting it go, so another process may take it first: retry then.
    for (let attempt = 1; ; attempt++) {
      const started = await launch(dir, await freePort());
      if (started.ok) return server(started.child, started.url, started.log, dir);
      if (attempt === 3 || !/address already in use/.test(started.log())) throw new Error(started.error);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

type Launch = { ok: true; child: ChildProcess; url: string; log: () => string } | { ok: false; error: string; log: () => string };

async function launch(dir: string, port: number): Promise<Launch> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    BINARY,
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--web.listen-address=127.0.0.1:${port}`, `--storage.tsdb.path=${join(dir, 'data')}`],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Prometheus logs to stderr.
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-LOG_LIMIT);
  });
  const getLog = () => log;
  const ended = new Promise<string>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ENOENT'
          ? `${BINARY} is not installed (not on PATH): install Debian's prometheus package (apt-get install prometheus); .ci/run does`
          : `${BINARY} could not start: ${error.message}`,
      ),
    );
    child.once('close', (code, signal) => resolve(`Prometheus exited (${signal ?? `code ${code}`}) before it was ready. ${excerpt(log)}`));
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let failure: string | undefined;
  void ended.then((message) => (failure = message));
  while (failure === undefined) {
    if (await answers(`${url}/-/ready`)) return { ok: true, child, url, log: getLog };
    if (Date.now() > deadline) {
      await end(child);
      return { ok: false, error: `Prometheus was not ready after ${READY_TIMEOUT_MS / 1000} s. ${excerpt(log)}`, log: getLog };
    }
    await sleep(50);
  }
  return { ok: false, error: failure, log: getLog };
}

function server(child: ChildProcess, url: string, log: () => string, dir: string): Prometheus {
  // A test that dies without stopping the server must not leave it running.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let stopped: Promise<void> | undefined;
  return {
    url,
    async firing(alertname, count = 1) {
      const deadline = Date.now() + FIRING_TIMEOUT_MS;
      let last = '';
      for (;;) {
        const response = await fetch(`${url}/api/v1/alerts`);
        last = await response.text();
        if (response.ok) {
          const alerts = (JSON.parse(last) as { data: { alerts: PrometheusAlert[] } }).data.alerts;
          const firing = alerts.filter((alert) => alert.labels['alertname'] === alertname && alert.state === 'firing');
          if (firing.length >= count) return firing;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `${count} ${alertname} alert(s) were not firing after ${FIRING_TIMEOUT_MS / 1000} s.\n/api/v1/alerts answered: ${last}\n${excerpt(log())}`,
          );
        }
        await sleep(100);
      }
    },
    stop() {
      stopped ??= (async () => {
        process.off('exit', kill);
        await end(child);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** SIGTERM (Prometheus shuts down cleanly in well under a second), then SIGKILL if it does not. */
async function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The log's errors and warnings (a rule file that does not load says why there), else its last lines. */
function excerpt(log: string): string {
  const lines = log.trimEnd().split('\n');
  const problems = lines.filter((line) => /\blevel=(error|warn)\b/.test(line));
  return problems.length > 0 ? `Its errors:\n${problems.join('\n')}` : `The end of its log:\n${lines.slice(-20).join('\n')}`;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

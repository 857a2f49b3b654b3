import { Worker } from 'node:worker_threads';
import type { ContentProblem } from '../lib/errors.ts';

/** Runs the content check of one content root in a worker thread, one check at a time. */
export interface ContentChecker {
  /** Every problem of the content as it is now on disk; rejects when a check itself fails. */
  check(): Promise<ContentProblem[]>;
  close(): Promise<void>;
}

type Answer = { problems: ContentProblem[] } | { failure: string };

/**
 * The dev server re-checks the content on every save. `checkContentRoot` is CPU work that takes seconds on a large
 * corpus (about 4 s for 1000 runbooks), which on the dev server's own thread would stall every request and HMR
 * message meanwhile; in a worker it only delays the check's own answer. One long-lived worker keeps its loaded
 * modules between checks. Callers must not overlap checks (the dev plugin queues them); `check` asserts it.
 */
export function startContentChecker(root: string): ContentChecker {
  const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url));
  // The dev server must be able to exit while the worker idles.
  worker.unref();
  let waiting: { resolve: (problems: ContentProblem[]) => void; reject: (error: Error) => void } | undefined;
  worker.on('message', (answer: Answer) => {
    const current = waiting;
    waiting = undefined;
    if ('problems' in answer) current?.resolve(answer.problems);
    else current?.reject(new Error(`the content check failed: ${answer.failure}`));
  });
  // A worker that died (out of memory, terminated) answers no more checks: say so instead of waiting forever.
  let stopped: Error | undefined;
  worker.on('error', (error) => {
    stopped = error;
  });
  worker.on('exit', (code) => {
    stopped ??= new Error(`the content check worker exited with code ${code}`);
    waiting?.reject(stopped);
    waiting = undefined;
  });
  return {
    check: () =>
      new Promise((resolve, reject) => {
        if (stopped) throw stopped;
        if (waiting) throw new Error('a content check is already running');
        waiting = { resolve, reject };
        worker.postMessage(root);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

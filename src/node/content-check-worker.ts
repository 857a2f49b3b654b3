import { parentPort } from 'node:worker_threads';
import { checkContentRoot, todayUtc } from './check-content-root.ts';

/**
 * The worker behind `startContentChecker` (content-checker.ts): runs `checkContentRoot` off the dev server's
 * thread. Each message is a content root to check; the answer is its problems, or the text of an unexpected
 * failure (a bug in a check), so that one bad check is reported rather than killing the worker.
 */
parentPort?.on('message', async (root: string) => {
  try {
    const { problems } = await checkContentRoot(root, { today: todayUtc() });
    parentPort?.postMessage({ problems });
  } catch (error) {
    parentPort?.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

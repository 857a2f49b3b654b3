import { parentPort, workerData } from 'node:worker_threads';
import { writeOfflineCopy } from './write-offline-copy.ts';

/** Runs writeOfflineCopy in a worker thread (see writeOfflineCopyInWorker); answers with the number of files. */
const { site, base, date } = workerData as { site: string; base: string; date: string };
parentPort!.postMessage(await writeOfflineCopy(site, base, { date: new Date(date) }));

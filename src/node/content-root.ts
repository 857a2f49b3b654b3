import { resolve } from 'node:path';

/**
 * Folder holding `runbooks/`, `environments.yaml` and the optional `severity.yaml` and `services.yaml`.
 * `RUNBOOKS_CONTENT_DIR` points the site at other content (a team's own runbooks, the benchmark corpus).
 */
export const CONTENT_ROOT = resolve(process.env.RUNBOOKS_CONTENT_DIR ?? 'content');

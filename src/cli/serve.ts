/**
 * Serves a built site: `node src/cli/serve.ts [--dir dist] [--port 4321] [--base /]`.
 * Used by the browser tests; `npm run preview` (astro preview) does the same for one site at a time.
 */
import { parseArgs } from 'node:util';
import { serveStatic } from '../node/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.RUNBOOKS_OUT_DIR ?? 'dist' },
    port: { type: 'string', default: '4321' },
    base: { type: 'string', default: process.env.RUNBOOKS_BASE ?? '/' },
  },
});

const { url } = await serveStatic({ dir: values.dir, port: Number(values.port), base: values.base });
console.log(`serving ${values.dir} at ${url}`);

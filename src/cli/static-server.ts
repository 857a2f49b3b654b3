import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { staticFilePath } from '../lib/static-path.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without the base path. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 and a free port, under its base path, for Chromium to print from: the book's
 * root-absolute URLs (`/_astro/…`) do not resolve from `file://`, and `astro preview` would be one more process
 * to start, wait for and clean up. GET and HEAD only; nothing outside `root` is ever read (see staticFilePath).
 */
export async function serveStatic(root: string, base: string): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const relative = staticFilePath(request.url ?? '/', base);
    let file = relative === undefined ? undefined : join(root, relative);
    try {
      if (file !== undefined && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = file === undefined ? undefined : await stat(file);
      if (file === undefined || !info?.isFile()) throw new Error('not found');
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Chromium keeps its connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { decodePathSegment, normalizeBase } from '../lib/web/urls.ts';

/**
 * A static file server for a built site, as any static host would serve it: `dir/` → `dir/index.html`,
 * unknown paths → `404.html` with status 404, everything under `base`. Used by the browser tests, the PDF
 * command and the benchmark, which need several sites served at once (`astro preview` allows one).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
};

/** The file a request path maps to, or undefined when it is outside `root` or does not exist. */
export function resolveRequest(root: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const relative = decodePathSegment(pathname.slice(base.length));
  if (relative === undefined) return undefined;
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  dir: string;
  base?: string;
  port?: number;
  host?: string;
  /**
   * Documents served from memory in place of the files, by path under the base (`book/`): the book that
   * `npm run pdf` fills in (src/node/book-source.ts) without writing it into the build.
   */
  documents?: Readonly<Record<string, string>>;
}

export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = resolve(options.dir);
  const base = normalizeBase(options.base ?? '/');
  const host = options.host ?? '127.0.0.1';
  const documents = new Map(Object.entries(options.documents ?? {}).map(([path, html]) => [`${base}${path}`, Buffer.from(html)]));
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const document = documents.get(pathname);
    if (document !== undefined) {
      response.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Content-Length': document.length });
      response.end(request.method === 'HEAD' ? undefined : document);
      return;
    }
    // `/runbooks` → `/runbooks/`, as static hosts redirect a folder without its slash.
    if (!pathname.endsWith('/') && !extname(pathname) && resolveRequest(root, base, `${pathname}/`)) {
      response.writeHead(301, { Location: `${pathname}/${new URL(request.url ?? '/', 'http://localhost').search}` }).end();
      return;
    }
    const file = resolveRequest(root, base, pathname);
    const notFound = join(root, '404.html');
    const path = file ?? (existsSync(notFound) ? notFound : undefined);
    const status = file ? 200 : 404;
    if (!path) {
      response.writeHead(404, { 'Content-Type': TYPES['.txt']! }).end('Not found');
      return;
    }
    response.writeHead(status, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': statSync(path).size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(path).pipe(response);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, host, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${base}`,
    server,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * A static file server for built sites, as GitHub Pages serves them: `root`
 * holds the site under its base folder (root/journey-kit/...), directories
 * serve index.html, and a missing file gets the site's 404 page.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Text types GitHub Pages sends gzip-compressed to a browser that accepts it. */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface ServeOptions {
  /** Compress text responses with gzip when the request accepts it, as GitHub Pages does (for Lighthouse). */
  gzip?: boolean;
}

export async function serveStatic(
  root: string,
  notFound?: string,
  { gzip = false }: ServeOptions = {},
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => void respond(request, response));
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (gzip && COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
        response.end(gzipSync(body));
        return;
      }
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      const body = notFound ? await readFile(notFound).catch(() => 'Not found') : 'Not found';
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A small static file server for a built site, serving it under its base path as the web server
 * in production does (GitLab Pages serves a project under `/<project>/`). Only for looking at a
 * site on this machine: it listens on localhost and serves files under the site folder only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface ServedSite {
  /** The site's address with its base path, e.g. `http://127.0.0.1:4321/cs-report/`. */
  url: string;
  /** The origin alone, e.g. `http://127.0.0.1:4321`. */
  origin: string;
  close: () => Promise<void>;
}

/** Serves `root` under `base` (`/` or `/name/`) on 127.0.0.1; port 0 picks a free one. `/` redirects to the base. */
export async function serveSite(root: string, base = '/', port = 0): Promise<ServedSite> {
  const dir = path.resolve(root);
  const server = createServer((req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return void res.writeHead(400).end('bad request');
    }
    if (!urlPath.startsWith(base)) {
      if (urlPath === '/') return void res.writeHead(302, { location: base }).end();
      return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: the site is served under ${base}`);
    }
    let file = path.join(dir, urlPath.slice(base.length));
    if (file !== dir && !file.startsWith(dir + path.sep)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!urlPath.endsWith('/')) return void res.writeHead(301, { location: `${urlPath}/` }).end();
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${base}`, origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hono } from 'hono';
import { fromRoot } from '../lib/package-root.js';

const webDir = fromRoot('web');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Serves the page: the files of web/ read once at start and looked up by exact name, so no request path ever
 * reaches the file system.
 */
export function staticPage(dir = webDir): Hono {
  const files = new Map<string, { body: string; type: string }>();
  const add = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) add(rel);
      else if (types[extname(entry.name)]) files.set(`/${rel}`, { body: readFileSync(join(dir, rel), 'utf8'), type: types[extname(entry.name)]! });
    }
  };
  add('');
  return new Hono().get('*', (c) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = files.get(path);
    if (!file) return c.json({ status: 404, code: 'not_found', message: `no page at ${c.req.path}` }, 404);
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(file.body);
  });
}

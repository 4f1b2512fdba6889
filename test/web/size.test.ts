import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = join(process.cwd(), 'web');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

describe('the page', () => {
  it('ships under 100 KB of JavaScript in total, with no framework', () => {
    const js = files(web).filter((f) => f.endsWith('.js'));
    const bytes = js.reduce((n, f) => n + statSync(f).size, 0);
    expect(js.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(100 * 1024);
  });

  it('never writes inventory data as HTML (everything goes through textContent)', () => {
    for (const f of files(web).filter((x) => x.endsWith('.js'))) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });

  it('loads scripts only from its own origin', () => {
    const html = readFileSync(join(web, 'index.html'), 'utf8');
    for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) expect(m[1], m[0]).toMatch(/^(\/|data:)/);
  });
});

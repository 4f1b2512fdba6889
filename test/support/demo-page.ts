import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../api/server.js';
import { sandboxConfig } from '../../console/index.js';
import { loadSample } from '../../demo/sample.js';
import { Database } from '../../schema/db.js';
import { launchChromium } from './browser.js';
import { tempDir } from './db.js';

/** The page tests' world: the demo sample in a real DuckDB file, a real server on it, Debian's Chromium and a page. */
export interface DemoPage {
  db: Database;
  server: RunningServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface DemoPageOptions {
  /** Evaluates (and may change the inventory) before the server starts: the scans the page will show. */
  prepare?: (db: Database) => Promise<void>;
  viewport?: { width: number; height: number };
  /** The benchmark the page opens on (the page keeps its choice in localStorage). */
  benchmark?: string;
}

/** Starts it all; whatever started is stopped by close(), also when a later step failed. */
export async function openDemoPage(options: DemoPageOptions = {}): Promise<DemoPage> {
  const dir = tempDir();
  const opened: Partial<DemoPage> = {};
  const close = async () => {
    await opened.browser?.close();
    await opened.server?.close();
    opened.db?.close();
    dir.cleanup();
  };
  try {
    opened.db = await Database.open(join(dir.dir, 'demo.duckdb'), { config: sandboxConfig() });
    await loadSample(opened.db);
    await options.prepare?.(opened.db);
    opened.server = await startServer({ db: opened.db, host: '127.0.0.1', port: 0 });
    opened.browser = await launchChromium();
    opened.page = await opened.browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    const benchmark = options.benchmark;
    if (benchmark) await opened.page.addInitScript((id) => localStorage.setItem('calabi.benchmark', id), benchmark);
    return { ...(opened as Omit<DemoPage, 'close'>), close };
  } catch (error) {
    await close();
    throw error;
  }
}

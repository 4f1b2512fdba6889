import type { Hono } from 'hono';
import type { Database } from '../../schema/db.js';
import type { Catalog } from '../../controls/loader.js';
import type { SqlConsole } from '../../console/index.js';
import type { Reader } from '../read-pool.js';
import type { ReportReader } from '../scan-queries.js';
import type { ScanRunner } from '../../scans/runner.js';
import type { Scheduler } from '../../scheduler/scheduler.js';

/** What every router receives from createApp. */
export interface AppDeps {
  db: Database;
  /** Parallel read connections for request handlers (db itself has one connection, for writes and setup). */
  reader: Reader;
  /** Report reads with a cache for finished scans. */
  reports: ReportReader;
  catalog: Catalog;
  console: SqlConsole;
  runner: ScanRunner;
  /** The schedule runner of `calabi serve`; absent elsewhere (schedules are then stored but not run here). */
  scheduler?: Scheduler;
}

/** OpenAPI 3.1 path items, keyed by the full path (/api/...). */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

/**
 * One file of routes. `routes` is mounted under /api; `paths` documents them in /api/openapi.json (a test checks
 * that every route a module serves is documented).
 */
export interface RouteModule {
  name: string;
  routes(deps: AppDeps): Hono;
  paths: OpenApiPaths;
}

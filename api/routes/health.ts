import { Hono } from 'hono';
import type { RouteModule } from './deps.js';

const version = '0.1.0';

export const health: RouteModule = {
  name: 'health',
  routes({ db, runner, console }) {
    return new Hono().get('/health', async (c) => {
      const row = await db.one<{ tables: number }>("SELECT count(*) AS tables FROM duckdb_tables() WHERE schema_name = 'main'");
      const busy = runner.busy;
      return c.json({
        status: 'ok',
        version,
        database: db.path,
        tables: row?.tables ?? 0,
        sync_available: runner.canSync,
        running_scan: busy ? { id: busy.id, benchmark: busy.benchmark, state: busy.state } : null,
        console: { timeout_ms: console.limits.timeoutMs, max_rows: console.limits.maxRows, memory_limit: console.limits.memoryLimit },
        time: new Date().toISOString(),
      });
    });
  },
  paths: {
    '/api/health': {
      get: {
        summary: 'Liveness and server facts',
        operationId: 'getHealth',
        responses: { '200': { description: 'The server is up', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
      },
    },
  },
};

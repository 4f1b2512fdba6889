import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { errors, json } from '../schemas/common.js';
import { Health } from '../schemas/console.js';
import type { RouteModule } from './deps.js';

const version = '0.1.0';

const route = createRoute({ method: 'get', path: '/health', operationId: 'getHealth', summary: 'Liveness and server facts', responses: { 200: json('The server is up', Health), ...errors() } });

export const health: RouteModule = {
  name: 'health',
  routes({ db, runner, console }) {
    return new OpenAPIHono().openapi(route, async (c) => {
      const row = await db.one<{ tables: number }>("SELECT count(*) AS tables FROM duckdb_tables() WHERE schema_name = 'main'");
      const busy = runner.busy;
      return c.json({
        status: 'ok' as const,
        version,
        database: db.path,
        tables: row?.tables ?? 0,
        sync_available: runner.canSync,
        running_scan: busy ? { id: busy.id, benchmark: busy.benchmark, state: busy.state } : null,
        console: { timeout_ms: console.limits.timeoutMs, max_rows: console.limits.maxRows, memory_limit: console.limits.memoryLimit },
        time: new Date().toISOString(),
      }, 200);
    });
  },
};

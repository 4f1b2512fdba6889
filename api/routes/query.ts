import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { csvText } from '../../lib/csv/write.js';
import { errors, json, jsonRequest } from '../schemas/common.js';
import { QueryRequest, QueryResult } from '../schemas/console.js';
import { parseJsonBody } from '../validation.js';
import type { RouteModule } from './deps.js';
import { jsonText } from './json-text.js';

const route = createRoute({
  method: 'post', path: '/query', operationId: 'runQuery',
  summary: 'Run one read-only SQL statement against the inventory',
  description:
    'SELECT, WITH, DESCRIBE, SHOW, EXPLAIN or SUMMARIZE only. Queries cannot read files or the network, change settings or write; ' +
    'Each runs in a separate worker process on a read-only copy of the database; it stops at the time limit, its worker is killed past the memory cap (503), ' +
    'and at most the row cap and the byte cap of rows are returned (`truncated` says when more existed, `truncated_by` which cap).',
  middleware: [parseJsonBody()] as const,
  request: { body: jsonRequest(QueryRequest) },
  responses: {
    200: {
      description: 'Columns and rows (JSON), or a CSV attachment when format is csv',
      content: { ...json('', QueryResult).content, 'text/csv': { schema: z.string() } },
    },
    ...errors(400, 403, 413, 415, 429, 503),
  },
});

export const query: RouteModule = {
  name: 'query',
  routes({ console }) {
    return new OpenAPIHono().openapi(route, async (c) => {
      const { sql, format } = c.req.valid('json');
      // The console's worker returns the result serialised; it is passed through as is.
      if (format === 'json') return jsonText<z.infer<typeof QueryResult>>(c, await console.runJson(sql));
      // The page's "Download CSV": written by the server's one CSV writer, so the cells are neutralised by the same
      // rules as every export (lib/csv/safe-cell.ts) rather than by a second copy of them in the browser.
      const result = await console.run(sql);
      const headers: Record<string, string> = {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="calabi-query-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv"`,
      };
      if (result.truncated) headers['x-calabi-truncated'] = result.truncated_by ?? 'rows';
      return c.body(csvText([result.columns.map((col) => col.name), ...result.rows]), 200, headers);
    });
  },
};

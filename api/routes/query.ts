import { Hono } from 'hono';
import { csvText } from '../../lib/csv/write.js';
import { badRequest } from '../errors.js';
import type { RouteModule } from './deps.js';
import { errorResponses, json } from './openapi-helpers.js';
import { jsonBody } from './params.js';

export const query: RouteModule = {
  name: 'query',
  routes({ console }) {
    return new Hono().post('/query', async (c) => {
      const body = await jsonBody(c);
      if (typeof body.sql !== 'string') throw badRequest('sql', 'give the query as a string: {"sql": "SELECT …"}');
      const format = body.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw badRequest('format', 'format is "json" (the default) or "csv"');
      if (format === 'json') return c.body(await console.runJson(body.sql), 200, { 'content-type': 'application/json' });
      // The page's "Download CSV": written by the server's one CSV writer, so the cells are neutralised by the same
      // rules as every export (lib/csv/safe-cell.ts) rather than by a second copy of them in the browser.
      const result = await console.run(body.sql);
      const headers: Record<string, string> = {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="calabi-query-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv"`,
      };
      if (result.truncated) headers['x-calabi-truncated'] = result.truncated_by ?? 'rows';
      return c.body(csvText([result.columns.map((col) => col.name), ...result.rows]), 200, headers);
    });
  },
  paths: {
    '/api/query': {
      post: {
        summary: 'Run one read-only SQL statement against the inventory',
        description:
          'SELECT, WITH, DESCRIBE, SHOW, EXPLAIN or SUMMARIZE only. Queries cannot read files or the network, change settings or write; ' +
          'Each runs in a separate worker process on a read-only copy of the database; it stops at the time limit, its worker is killed past the memory cap (503), ' +
          'and at most the row cap and the byte cap of rows are returned (`truncated` says when more existed, `truncated_by` which cap).',
        operationId: 'runQuery',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/QueryRequest' } } } },
        responses: {
          '200': { description: 'Columns and rows (JSON), or a CSV attachment when format is csv', content: { ...json('', 'QueryResult').content, 'text/csv': { schema: { type: 'string' } } } },
          ...errorResponses(400, 401, 413, 429, 503),
        },
      },
    },
  },
};

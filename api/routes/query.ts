import { Hono } from 'hono';
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
      return c.body(await console.runJson(body.sql), 200, { 'content-type': 'application/json' });
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
        responses: { '200': json('Columns and rows', 'QueryResult'), ...errorResponses(400, 401, 413, 429, 503) },
      },
    },
  },
};

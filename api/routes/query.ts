import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
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
  responses: { 200: json('Columns and rows', QueryResult), ...errors(400, 403, 413, 415, 429, 503) },
});

export const query: RouteModule = {
  name: 'query',
  routes({ console }) {
    // The console's worker returns the result serialised; it is passed through as is.
    return new OpenAPIHono().openapi(route, async (c) => jsonText<z.infer<typeof QueryResult>>(c, await console.runJson(c.req.valid('json').sql)));
  },
};

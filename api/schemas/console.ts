import { z } from '@hono/zod-openapi';
import { int, nstr } from './common.js';

/** Bodies of the SQL console, the schema listing and the health route. */

export const QueryRequest = z.object({
  sql: z.string({ error: 'give the query as a string: {"sql": "SELECT …"}' }).openapi({ example: 'SELECT name, creation_date FROM aws_s3_buckets' }),
  format: z
    .enum(['json', 'csv'], { error: 'format is "json" (the default) or "csv"' })
    .default('json')
    .openapi({ description: 'csv: the rows as a CSV download (CRLF, formula-neutralised cells), the header x-calabi-truncated naming the cap that cut it short' }),
}).openapi('QueryRequest');

export const QueryResult = z.strictObject({
  columns: z.array(z.strictObject({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.unknown())),
  row_count: int,
  truncated: z.boolean(),
  truncated_by: z.enum(['rows', 'bytes']).optional(),
  elapsed_ms: z.number(),
}).openapi('QueryResult');

export const Schema = z.strictObject({
  tables: z.array(z.strictObject({
    name: z.string(), kind: z.enum(['inventory', 'calabi']), description: nstr,
    columns: z.array(z.strictObject({ name: z.string(), type: z.string(), description: nstr })),
  })),
}).openapi('Schema');

export const Health = z.strictObject({
  status: z.literal('ok'), version: z.string(), database: z.string(), tables: int, sync_available: z.boolean(),
  running_scan: z.strictObject({ id: z.string(), benchmark: z.string(), state: z.string() }).nullable(),
  console: z.strictObject({ timeout_ms: z.number(), max_rows: int, memory_limit: z.string() }),
  time: z.string(),
}).openapi('Health');

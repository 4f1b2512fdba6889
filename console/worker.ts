import { DuckDBInstance, JSDuckDBValueConverter, type DuckDBConnection } from '@duckdb/node-api';
import { ConsoleError, prepareReadOnly, sqlError } from './guard.js';
import { batchBytes, type FromWorker, type RunRequest, type ToWorker } from './protocol.js';
import { workerSandboxConfig } from './sandbox.js';
import { normaliseValue } from '../schema/values.js';

/**
 * The console's worker process: opens a database file read-only and fully sandboxed, runs one guarded statement
 * at a time and streams the rows back in batches, stopping at the row cap or the byte cap (the JSON size of the
 * rows). The server watches it from outside (time, memory) and kills it when a query ignores the limits.
 */
let open: { path: string; instance: DuckDBInstance } | undefined;

let running: { id: number; conn: DuckDBConnection } | undefined;

function send(message: FromWorker): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
}

async function instanceFor(request: RunRequest): Promise<DuckDBInstance> {
  if (open?.path === request.path) return open.instance;
  open?.instance.closeSync();
  open = undefined;
  const instance = await DuckDBInstance.create(request.path, { access_mode: 'READ_ONLY', ...workerSandboxConfig(request.memoryLimit) });
  open = { path: request.path, instance };
  return instance;
}

async function run(request: RunRequest): Promise<void> {
  const conn = await (await instanceFor(request)).connect();
  running = { id: request.id, conn };
  await send({ type: 'started', id: request.id });
  try {
    await conn.run('BEGIN TRANSACTION READ ONLY');
    const prepared = await prepareReadOnly(conn, request.sql);
    try {
      const result = await prepared.stream();
      const columns = result.columnNames().map((name, i) => ({ name, type: String(result.columnType(i)) }));
      await send({ type: 'columns', id: request.id, columns });
      let count = 0;
      let bytes = 0;
      let batch: string[] = [];
      let batchSize = 0;
      let truncatedBy: 'rows' | 'bytes' | null = null;
      read: for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        for (const raw of chunk.convertRows(JSDuckDBValueConverter)) {
          if (count >= request.maxRows) {
            truncatedBy = 'rows';
            break read;
          }
          const text = JSON.stringify(raw.map(normaliseValue));
          const size = Buffer.byteLength(text) + 1;
          if (bytes + size > request.maxBytes) {
            truncatedBy = 'bytes';
            break read;
          }
          bytes += size;
          count++;
          batch.push(text);
          batchSize += size;
          if (batchSize >= batchBytes) {
            await send({ type: 'rows', id: request.id, json: batch.join(','), count: batch.length });
            batch = [];
            batchSize = 0;
          }
        }
      }
      if (batch.length) await send({ type: 'rows', id: request.id, json: batch.join(','), count: batch.length });
      await send({ type: 'done', id: request.id, truncated_by: truncatedBy, bytes });
    } finally {
      prepared.destroySync();
    }
  } catch (error) {
    const e = error instanceof ConsoleError ? error : sqlError(error);
    await send({ type: 'error', id: request.id, code: e.code, message: e.message, ...(e.position ? { position: e.position } : {}) });
  } finally {
    running = undefined;
    await conn.run('ROLLBACK').catch(() => undefined); // read-only: closing the connection ends it as well
    conn.closeSync();
  }
}

let queue = Promise.resolve();
process.on('message', (message: ToWorker) => {
  if (message.type === 'interrupt') {
    if (running?.id === message.id) running.conn.interrupt();
    return;
  }
  queue = queue.then(() => run(message)).catch((error: unknown) => {
    process.stderr.write(`calabi console worker: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(70);
  });
});
// The server going away (closed IPC channel) ends the worker too.
process.on('disconnect', () => process.exit(0));
void send({ type: 'ready' });

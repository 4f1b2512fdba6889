/** Messages between the server and a console worker process (JSON over the IPC channel). */
export interface RunRequest {
  type: 'run';
  id: number;
  sql: string;
  /** The database file the worker opens read-only (a snapshot for the server, the file itself for `calabi query`). */
  path: string;
  memoryLimit: string;
  maxRows: number;
  maxBytes: number;
}

export interface InterruptRequest {
  type: 'interrupt';
  id: number;
}

export type ToWorker = RunRequest | InterruptRequest;

export type FromWorker =
  | { type: 'ready' }
  /** The database is open and the statement is about to run: the time limit counts from here. */
  | { type: 'started'; id: number }
  | { type: 'columns'; id: number; columns: Array<{ name: string; type: string }> }
  /** `json` is the rows' JSON arrays joined by commas, sent as text so the server never re-parses them. */
  | { type: 'rows'; id: number; json: string; count: number }
  | { type: 'done'; id: number; truncated_by: 'rows' | 'bytes' | null; bytes: number }
  | { type: 'error'; id: number; code: string; message: string; position?: { line: number; column: number } };

/** Rows are sent in batches of about this many bytes of JSON, so no single message is large. */
export const batchBytes = 256 * 1024;

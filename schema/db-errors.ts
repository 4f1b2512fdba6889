/**
 * The database's own failures, apart from schema/db.ts so that code which only recognises them (the CLI's error
 * reporting) does not load DuckDB's native module.
 */
export class DatabaseLockedError extends Error {
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(
      `[db] ${path} is in use by another process (${detail}). ` +
        'Wait for the running Calabi command (sync, serve, …) to finish, or point this one at another file with --db PATH.',
      options,
    );
    this.name = 'DatabaseLockedError';
  }
}

export class DatabaseOpenError extends Error {
  constructor(path: string, options?: { cause?: unknown }) {
    const why = options?.cause instanceof Error ? options.cause.message.split('\n')[0] : String(options?.cause);
    super(`[db] cannot open ${path}: ${why}. Check that the path is a Calabi DuckDB file you may read and write, or choose another with --db PATH.`, options);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * The database file could not be written: the disk (or quota, or file-size limit) is full, or another I/O failure
 * on write or checkpoint. DuckDB reports these as plain errors; without this they read as whatever was being done at
 * the time (a sync reported them as AWS collection failures). The CLI exits 2 with this message. DuckDB commits
 * through its write-ahead log, so the previous committed state stays readable once space is freed.
 */
export class StorageError extends Error {
  constructor(readonly path: string, readonly full: boolean, options: { cause: unknown }) {
    const detail = firstLine(options.cause);
    super(
      full
        ? `[db] no space left for the database at ${path}: free space or move it with --db PATH (${detail})`
        : `[db] cannot write the database at ${path}: ${detail}. Check the disk and its permissions, or move the database with --db PATH`,
      options,
    );
    this.name = 'StorageError';
  }
}

const noSpace = /No space left on device|ENOSPC|Disk quota exceeded|EDQUOT|File too large|EFBIG/i;
const ioFailure = /IO Error|Could not write file|Could not (?:truncate|fsync|sync)|database has been invalidated/i;

/** `error` as a StorageError when it is one (recognised by DuckDB's and the OS's wording), else unchanged. */
export function asStorageError(error: unknown, path: string): unknown {
  if (error instanceof StorageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (noSpace.test(message)) return new StorageError(path, true, { cause: error });
  if (ioFailure.test(message)) return new StorageError(path, false, { cause: error });
  return error;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

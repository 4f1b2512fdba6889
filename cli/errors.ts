import { DatabaseLockedError, DatabaseOpenError } from '../schema/db-errors.js';
import { NewerDatabaseError } from '../schema/newer.js';
import { StorageError } from '../schema/storage-error.js';
import { SyncSetupError } from '../sync/errors.js';

/** A user-facing error: bad arguments or configuration. Exit 2, message only, no stack. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

const expected = [UsageError, SyncSetupError, DatabaseLockedError, DatabaseOpenError, NewerDatabaseError, StorageError];

export function exitCodeFor(_error: unknown): number {
  return 2;
}

/** Known errors print their message; anything else prints the message and, with CALABI_DEBUG=1, the stack. */
export function reportError(error: unknown): void {
  if (expected.some((E) => error instanceof E)) {
    process.stderr.write(`calabi: ${(error as Error).message}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`calabi: ${message}\n`);
  if (process.env.CALABI_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(set CALABI_DEBUG=1 for details)\n');
}

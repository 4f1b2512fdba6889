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

/** An error whose message is all the user needs (no stack hint); errors from `calabi serve` travel with this flag. */
export function isExpected(error: unknown): boolean {
  return expected.some((E) => error instanceof E);
}

export function exitCodeFor(_error: unknown): number {
  return 2;
}

/** Known errors print their message; anything else prints the message and, with CALABI_DEBUG=1, the stack. */
export function reportError(error: unknown): void {
  if (isExpected(error)) {
    process.stderr.write(`calabi: ${(error as Error).message}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`calabi: ${message}\n`);
  if (process.env.CALABI_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(set CALABI_DEBUG=1 for details)\n');
}

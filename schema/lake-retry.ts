/**
 * Many processes write one lake; DuckLake commits optimistically, so two transactions that touched the same table
 * (e.g. two sync workers deleting their scopes' old rows from aws_ec2_instances) conflict at commit and the later
 * one is rolled back with "Transaction conflict". The transaction is whole or nothing, so running it again is
 * safe: retry it, with exponential backoff and jitter (workers that collided should not collide again in step),
 * a bounded number of times. A conflict that outlasts the attempts is raised, never dropped.
 */
export const conflictAttempts = 12;
const baseDelayMs = 50;
const maxDelayMs = 5_000;

/**
 * A commit another writer got in first: DuckLake's "Transaction conflict", or its own commit retries running out
 * ("Failed to commit DuckLake transaction. Exceeded the maximum retry count …": many writers raced for the
 * catalog's next snapshot). Either way the whole transaction was rolled back and can run again.
 */
export function isConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /conflict|Failed to commit DuckLake transaction/i.test(message);
}

export async function retryConflicts<T>(attempt: () => Promise<T>, attempts = conflictAttempts, sleep = defaultSleep): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error) || n >= attempts) {
        if (isConflict(error)) throw new Error(`[db] a lake write still conflicted with other writers after ${n} attempts: ${(error as Error).message}`, { cause: error });
        throw error;
      }
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
      const delay = ceiling / 2 + Math.random() * (ceiling / 2);
      // How often writers collide is what limits many workers (bench:scale counts these lines).
      if (process.env.CALABI_DEBUG) process.stderr.write(`[db] lake commit conflict, attempt ${n} of ${attempts}; retrying in ${Math.round(delay)} ms\n`);
      await sleep(delay);
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

import type { DuckDBConnection } from '@duckdb/node-api';
import { describeDuration } from './limits.js';

/**
 * Interrupts a check that runs past its time limit. DuckDB's interrupt stops the statement running on the
 * connection; one that lands between two statements would be lost, so after the deadline the interrupt repeats
 * until the check gives up (stop()), and the check asks `expired` before each statement.
 */
export class CheckTimer {
  expired = false;
  private timeout: NodeJS.Timeout | undefined;
  private repeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly conn: DuckDBConnection,
    readonly limitMs: number,
  ) {
    if (!Number.isFinite(limitMs)) return;
    this.timeout = setTimeout(() => {
      this.expired = true;
      conn.interrupt();
      this.repeat = setInterval(() => conn.interrupt(), 200);
    }, limitMs);
  }

  /** Throws when the deadline has passed, so no further statement starts. */
  check(): void {
    if (this.expired) throw new Error('Interrupted');
  }

  stop(): void {
    clearTimeout(this.timeout);
    clearInterval(this.repeat);
  }

  /** The reason a timed-out check gives. */
  message(): string {
    return `ran longer than ${describeDuration(this.limitMs)} and was stopped; make the query cheaper, or raise the limit with --check-timeout or CALABI_CHECK_TIMEOUT`;
  }
}

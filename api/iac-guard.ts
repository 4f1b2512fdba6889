import type { MiddlewareHandler } from 'hono';
import type { Database } from '../schema/db.js';
import { ApiError } from './errors.js';

/**
 * A database of Terraform plan scans (`calabi iac --save`) is never mixed with live scans: Run now and new
 * schedules, which evaluate the (empty) inventory into it, are refused with 409 saying where live scans belong.
 * A database from before migration 50 has no `source` column and holds live scans only.
 */
export function refuseLiveScansOnIacDb(db: Database): MiddlewareHandler {
  return async (c, next) => {
    const rows = await db.all<{ n: number }>(
      `SELECT count(*) AS n FROM duckdb_columns() WHERE database_name = current_database() AND table_name = 'scans' AND column_name = 'source'`,
    );
    const iac = Number(rows[0]?.n ?? 0) > 0 && Number((await db.all<{ n: number }>(`SELECT count(*) AS n FROM scans WHERE source = 'terraform'`))[0]?.n ?? 0) > 0;
    if (iac) {
      throw new ApiError({
        status: 409,
        code: 'conflict',
        message: 'this database holds Terraform plan scans (calabi iac --save): live scans are not mixed with them. Serve the live account\'s database to run or schedule scans, and upload plans in its IaC view.',
      });
    }
    await next();
  };
}

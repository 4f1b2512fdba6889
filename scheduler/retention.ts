import { closeInterruptedRuns } from '../controls/interrupted.js';
import type { Database } from '../schema/db.js';
import { deleteScanFindings } from '../schema/migration-check-findings.js';
import { latestOfEachBenchmarkSql } from '../schema/scans.js';

export { defaultRetentionDays, retentionDaysFrom } from './retention-days.js';

export interface PruneResult {
  cutoff: string;
  scans: number;
  control_results: number;
  findings: number;
  schedule_runs: number;
  alerts: number;
  deliveries: number;
}

/**
 * Deletes history older than the retention period: scans that started before the cutoff with their control
 * results and findings, and old run, alert and delivery logs. Never anything newer than the cutoff, never a running
 * scan, and never the newest complete scan of a benchmark (the report page always has something to show).
 */
export async function pruneHistory(db: Database, options: { retentionDays: number; now: Date }): Promise<PruneResult> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  // Runs a killed process left `running` would otherwise never be pruned: close them as interrupted first.
  await closeInterruptedRuns(db);
  return db.write(async (tx) => {
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE prune_scans AS
       SELECT id FROM scans s WHERE s.started_at < ? AND s.status <> 'running'
         AND s.id NOT IN (SELECT id FROM (${latestOfEachBenchmarkSql}))`,
      [cutoff],
    );
    const count = async (sql: string, params: (Date | string)[] = []) => Number((await tx.all<{ n: number }>(sql, params))[0]?.n ?? 0);
    const result: PruneResult = {
      cutoff: cutoff.toISOString(),
      scans: await count('SELECT count(*) AS n FROM prune_scans'),
      control_results: await count('SELECT count(*) AS n FROM control_results WHERE scan_id IN (SELECT id FROM prune_scans)'),
      findings: await count('SELECT count(*) AS n FROM findings WHERE scan_id IN (SELECT id FROM prune_scans)'),
      schedule_runs: await count("SELECT count(*) AS n FROM schedule_runs WHERE started_at < ? AND status <> 'running'", [cutoff]),
      alerts: await count('SELECT count(*) AS n FROM alerts WHERE created_at < ?', [cutoff]),
      deliveries: await count('SELECT count(*) AS n FROM deliveries WHERE attempted_at < ?', [cutoff]),
    };
    await deleteScanFindings(tx, '(SELECT id FROM prune_scans)');
    await tx.run('DELETE FROM control_results WHERE scan_id IN (SELECT id FROM prune_scans)');
    await tx.run('DELETE FROM scans WHERE id IN (SELECT id FROM prune_scans)');
    await tx.run("DELETE FROM schedule_runs WHERE started_at < ? AND status <> 'running'", [cutoff]);
    await tx.run('DELETE FROM alerts WHERE created_at < ?', [cutoff]);
    await tx.run('DELETE FROM deliveries WHERE attempted_at < ?', [cutoff]);
    await tx.run('DROP TABLE prune_scans');
    return result;
  });
}

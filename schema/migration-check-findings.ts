import type { Migration, SqlTransaction } from './sql-types.js';

/**
 * Migration 110: a check's findings are stored once per evaluation, not once per requirement and benchmark.
 *
 * NIST 800-53 maps up to 34 checks under one requirement and one check under dozens, so storing a finding per
 * requirement wrote 2.9 million rows for NIST's 117,000 check findings on the bench inventory, and evaluating every
 * framework at once wrote each check's findings once per benchmark besides. Now:
 *
 * - `check_findings`: one row per finding of a check in one evaluation (`scans.evaluation_id`; the scans evaluated
 *   together share it, `calabi evaluate --benchmark all` included), written once whatever maps the check.
 * - `requirement_findings`: the former `findings` table, one row per requirement and finding, for what is stored
 *   per requirement: scans written before this migration, Terraform plan scans (a NOT VERIFIABLE requirement keeps
 *   none of its checks' findings) and seeded test scans.
 * - `findings` is now a view with the same columns as before, so every reader (reports, exports, the console's
 *   analysts) keeps its SQL: a scan's requirement lists its checks in `control_results.check_ids`, and each of
 *   them contributes its findings of the scan's evaluation.
 */
export const checkFindingsMigration: Migration = {
  version: 110,
  name: 'findings stored once per check and evaluation (check_findings); findings is a view',
  async up(tx) {
    await tx.run('ALTER TABLE findings RENAME TO requirement_findings');
    await tx.run('ALTER TABLE scans ADD COLUMN evaluation_id VARCHAR');
    await tx.run(`
      CREATE TABLE check_findings (
        evaluation_id VARCHAR NOT NULL,   -- scans.evaluation_id of the scans evaluated together
        check_id VARCHAR NOT NULL,
        resource_id VARCHAR,
        account_id VARCHAR,
        region VARCHAR,
        reason VARCHAR,
        evidence JSON
      )`);
    await tx.run(findingsView);
  },
};

const findingsView = `
  CREATE VIEW findings AS
  SELECT scan_id, control_id, check_id, resource_id, account_id, region, reason, evidence FROM requirement_findings
  UNION ALL
  SELECT m.scan_id, m.control_id, f.check_id, f.resource_id, f.account_id, f.region, f.reason, f.evidence
  FROM (
    SELECT DISTINCT scan_id, control_id, evaluation_id, check_id
    FROM (SELECT c.scan_id, c.control_id, s.evaluation_id, unnest(c.check_ids) AS check_id
          FROM control_results c JOIN scans s ON s.id = c.scan_id
          WHERE s.evaluation_id IS NOT NULL)
  ) m
  JOIN check_findings f ON f.evaluation_id = m.evaluation_id AND f.check_id = m.check_id`;

/**
 * Deletes the stored findings of scans that are being failed, interrupted or pruned (`scanIds`: a subquery or a
 * parenthesised list of ids): their per-requirement rows, and the check findings of their evaluations that no
 * other scan keeps (a completed scan evaluated together with them still reads them).
 */
export async function deleteScanFindings(tx: SqlTransaction, scanIds: string, params: string[] = []): Promise<void> {
  await tx.run(`DELETE FROM requirement_findings WHERE scan_id IN ${scanIds}`, params);
  await tx.run(
    `DELETE FROM check_findings WHERE evaluation_id IN (
       SELECT evaluation_id FROM scans WHERE id IN ${scanIds} AND evaluation_id IS NOT NULL
       EXCEPT
       SELECT evaluation_id FROM scans WHERE id NOT IN ${scanIds} AND evaluation_id IS NOT NULL AND status = 'complete')`,
    [...params, ...params],
  );
}

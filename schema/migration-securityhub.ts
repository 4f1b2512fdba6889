import type { Migration } from './sql-types.js';

/**
 * Migration 80 (issue 14): what `calabi push securityhub` last told Security Hub about each finding, so the next push
 * can archive the findings that were resolved since (a finding no later scan reports is otherwise left ACTIVE in
 * Security Hub forever) and keep each finding's CreatedAt. Kept here rather than read back with GetFindings: the
 * record is local, needs no extra permission or calls, and shows what was pushed when (`calabi query`).
 *
 * One row per ASFF finding id (reports/interop/asff.ts asffId): the account and region it lives in, its check and
 * resource, the record state Security Hub accepted last, the whole finding as sent (the archive update resends
 * it), the scan that last pushed it, and when.
 */
export const securityHubPushMigration: Migration = {
  version: 80,
  name: 'securityhub_findings: what calabi push securityhub last sent for each finding',
  async up(tx) {
    await tx.run(`
      CREATE TABLE securityhub_findings (
        finding_id VARCHAR PRIMARY KEY,   -- the ASFF Id: account/region/check/resource, stable across scans
        account_id VARCHAR NOT NULL,
        region VARCHAR NOT NULL,          -- the finding's region as the inventory has it (global for IAM)
        import_region VARCHAR NOT NULL,   -- the Security Hub region it was imported into
        check_id VARCHAR NOT NULL,
        resource_id VARCHAR,
        record_state VARCHAR NOT NULL,    -- ACTIVE | ARCHIVED, as Security Hub last accepted it
        finding JSON NOT NULL,            -- the ASFF finding last accepted
        created_at TIMESTAMP NOT NULL,    -- the CreatedAt first accepted by Security Hub (when a scan first reported it)
        pushed_at TIMESTAMP NOT NULL,     -- last accepted
        scan_id VARCHAR NOT NULL          -- the scan whose push last changed it
      )`);
  },
};

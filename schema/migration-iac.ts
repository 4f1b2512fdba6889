import type { Migration } from './sql-types.js';

/**
 * Migration 50 (issue 13): scans of a Terraform plan are stored with NOT VERIFIABLE as a status of its own.
 *
 * - scans gains `source` ('aws', the default and every scan before; 'terraform' for `calabi iac --save`), the
 *   count of NOT VERIFIABLE requirements and both IaC scores: verifiable = PASS / (PASS + FAIL) and overall =
 *   PASS / (PASS + FAIL + NOT VERIFIABLE). They stay NULL on live scans, where no requirement can be NOT
 *   VERIFIABLE.
 * - control_results.status may now hold 'NOT VERIFIABLE' (a VARCHAR: no change needed).
 * - not_verifiable_resources: per requirement, each resource whose verdict needs a value the plan cannot show,
 *   with why. Kept apart from `findings` so a requirement's affected count still equals its findings rows.
 */
export const iacScanMigration: Migration = {
  version: 50,
  name: 'scans record their source; NOT VERIFIABLE counts, both IaC scores, not-verifiable resources',
  async up(tx) {
    await tx.run(`ALTER TABLE scans ADD COLUMN source VARCHAR DEFAULT 'aws'`);
    await tx.run(`UPDATE scans SET source = 'aws' WHERE source IS NULL`);
    await tx.run('ALTER TABLE scans ADD COLUMN not_verifiable INTEGER');
    await tx.run('ALTER TABLE scans ADD COLUMN verifiable_score DOUBLE');
    await tx.run('ALTER TABLE scans ADD COLUMN overall_score DOUBLE');
    await tx.run(`
      CREATE TABLE not_verifiable_resources (
        scan_id VARCHAR NOT NULL,
        control_id VARCHAR NOT NULL,
        resource_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        terraform_addresses VARCHAR[]
      )`);
  },
};

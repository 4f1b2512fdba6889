import type { Migration } from './sql-types.js';

/**
 * Migration 60 (issue 14): exceptions (risk acceptances).
 *
 * - `exceptions` holds each exception as it stands now (one row per id; a revoke sets revoked_at, never deletes).
 * - `exception_events` is the append-only history: one row per change with who, when, what (the fields changed, as
 *   JSON {field: [before, after]}) and the whole exception after the change. Nothing ever updates or deletes it.
 * - `scan_exceptions` is what an evaluation applied: every exception in force then, frozen as it was (revision and
 *   snapshot), and `excepted_findings` which exception covered which finding, so a scan's history stays true after
 *   the exception is later changed, revoked or expires.
 */
export const exceptionsMigration: Migration = {
  version: 60,
  name: 'exceptions (risk acceptances), their history, and what each scan applied',
  async up(tx) {
    await tx.run(`
      CREATE TABLE exceptions (
        id VARCHAR PRIMARY KEY,
        revision INTEGER NOT NULL,        -- 1 on create, +1 on every change or revoke
        check_id VARCHAR,                 -- scope: one check (every requirement that maps it) ...
        benchmark_id VARCHAR,             -- ... or one requirement of one benchmark
        requirement_id VARCHAR,
        account_id VARCHAR,               -- optional narrowing; NULL = any
        region VARCHAR,
        resource_pattern VARCHAR,         -- glob on the finding's resource id: * any run, ? one character
        tag_key VARCHAR,                  -- the resource's inventory tags must hold this key (and value, if set)
        tag_value VARCHAR,
        justification VARCHAR NOT NULL,
        owner VARCHAR NOT NULL,
        created_by VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL,    -- stops applying at the first evaluation at or after this instant
        ticket VARCHAR,
        revoked_at TIMESTAMP,
        revoked_by VARCHAR
      )`);
    await tx.run(`
      CREATE TABLE exception_events (
        exception_id VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        changed_at TIMESTAMP NOT NULL,
        actor VARCHAR NOT NULL,
        action VARCHAR NOT NULL,          -- created | changed | revoked
        changes JSON NOT NULL,            -- {field: [before, after]}
        snapshot JSON NOT NULL,           -- the exception after this change
        PRIMARY KEY (exception_id, revision)
      )`);
    await tx.run(`
      CREATE TABLE scan_exceptions (
        scan_id VARCHAR NOT NULL,
        exception_id VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        snapshot JSON NOT NULL,
        PRIMARY KEY (scan_id, exception_id)
      )`);
    await tx.run(`
      CREATE TABLE excepted_findings (
        scan_id VARCHAR NOT NULL,
        control_id VARCHAR NOT NULL,
        check_id VARCHAR NOT NULL,
        resource_id VARCHAR,
        account_id VARCHAR,
        region VARCHAR,
        exception_id VARCHAR NOT NULL,
        revision INTEGER NOT NULL
      )`);
    await tx.run('ALTER TABLE scans ADD COLUMN excepted INTEGER');
    await tx.run('ALTER TABLE scans ADD COLUMN score_with_exceptions DOUBLE');
  },
};

import { packageVersion } from '../lib/package-root.js';
import type { MigratableDatabase, Migration, SqlTransaction } from './sql-types.js';
import { NewerDatabaseError } from './newer.js';
import { inventoryTables } from './inventory.js';
import { scoreCoverageMigration } from './migration-score.js';
import { iacScanMigration } from './migration-iac.js';
import { exceptionsMigration } from './migration-exceptions.js';
import { securityHubPushMigration } from './migration-securityhub.js';
import { checkFindingsMigration } from './migration-check-findings.js';
import { sqlObjects } from './sql-objects.js';
import { lakeMigrationTx } from './lake-ddl.js';
import { isSealed, seal, secretKey } from './secret-box.js';
import { columnDdl, quoteIdent, quoteLiteral, type TableDef } from './table.js';

export type { Migration } from './sql-types.js';

/**
 * Our own tables change through numbered migrations, applied in order and recorded in schema_migrations,
 * so an older database file is upgraded in place and never dropped. Append new migrations; never edit a
 * released one.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sync bookkeeping and scans',
    async up(tx) {
      await tx.run(`
        CREATE TABLE sync_runs (
          id VARCHAR PRIMARY KEY,
          started_at TIMESTAMP NOT NULL,
          finished_at TIMESTAMP,
          status VARCHAR NOT NULL,          -- running | ok | partial | failed
          accounts VARCHAR[],
          regions VARCHAR[],
          services VARCHAR[],
          api_calls BIGINT,
          resources BIGINT,
          error_count INTEGER,
          message VARCHAR
        )`);
      await tx.run(`
        CREATE TABLE sync_errors (
          run_id VARCHAR NOT NULL,
          account_id VARCHAR,
          region VARCHAR,
          service VARCHAR NOT NULL,
          operation VARCHAR NOT NULL,
          table_name VARCHAR,
          resource_id VARCHAR,
          error_code VARCHAR,
          message VARCHAR,
          occurred_at TIMESTAMP NOT NULL
        )`);
      await tx.run(`
        CREATE TABLE sync_scopes (
          account_id VARCHAR NOT NULL,
          region VARCHAR NOT NULL,
          table_name VARCHAR NOT NULL,
          status VARCHAR NOT NULL,          -- ok | error
          stale BOOLEAN NOT NULL,           -- true: the rows are from an earlier sync, the last attempt failed
          row_count BIGINT,
          synced_at TIMESTAMP,              -- when the rows now in the table were collected
          attempted_at TIMESTAMP NOT NULL,
          run_id VARCHAR,
          error VARCHAR,
          PRIMARY KEY (account_id, region, table_name)
        )`);
      await tx.run(`
        CREATE TABLE scans (
          id VARCHAR PRIMARY KEY,
          benchmark_id VARCHAR NOT NULL,
          benchmark_title VARCHAR,
          benchmark_version VARCHAR,
          started_at TIMESTAMP NOT NULL,
          finished_at TIMESTAMP,
          status VARCHAR NOT NULL,          -- running | complete | failed
          trigger VARCHAR,                  -- cli | api | schedule
          sync_run_id VARCHAR,
          score DOUBLE,
          pass INTEGER, fail INTEGER, skip INTEGER, error INTEGER, manual INTEGER,
          critical_failed INTEGER, high_failed INTEGER,
          report_id VARCHAR,                -- hash over the canonical results
          summary JSON,
          error_message VARCHAR
        )`);
      await tx.run(`
        CREATE TABLE control_results (
          scan_id VARCHAR NOT NULL,
          control_id VARCHAR NOT NULL,      -- the requirement id, e.g. 2.1.4
          position INTEGER NOT NULL,        -- order in the benchmark
          title VARCHAR,
          section VARCHAR,
          level VARCHAR,
          assessment VARCHAR,               -- Automated | Manual
          severity VARCHAR,
          status VARCHAR NOT NULL,          -- PASS | FAIL | ERROR | SKIP | MANUAL
          reason VARCHAR,
          affected_count INTEGER NOT NULL,
          evaluated_count INTEGER,
          check_ids VARCHAR[],
          error VARCHAR,
          duration_ms DOUBLE,
          PRIMARY KEY (scan_id, control_id)
        )`);
      await tx.run(`
        CREATE TABLE findings (
          scan_id VARCHAR NOT NULL,
          control_id VARCHAR NOT NULL,
          check_id VARCHAR NOT NULL,
          resource_id VARCHAR,
          account_id VARCHAR,
          region VARCHAR,
          reason VARCHAR,
          evidence JSON
        )`);
    },
  },
  {
    version: 2,
    name: 'schedules, alert channels and deliveries',
    async up(tx) {
      await tx.run(`
        CREATE TABLE schedules (
          id VARCHAR PRIMARY KEY,
          name VARCHAR NOT NULL,
          benchmark_id VARCHAR NOT NULL,
          frequency VARCHAR NOT NULL,       -- daily | weekly | monthly
          weekday INTEGER,                  -- weekly: 0 Sunday … 6 Saturday
          day_of_month INTEGER,             -- monthly: 1–28, or -1 for the last day
          time_of_day VARCHAR NOT NULL,     -- HH:MM in the schedule's time zone
          timezone VARCHAR NOT NULL,        -- IANA name, e.g. Europe/Berlin
          sync_first BOOLEAN NOT NULL,
          alert_threshold DOUBLE,           -- alert when the score drops by more than this many points; NULL: never
          channel_ids VARCHAR[],            -- channels to alert; NULL: every enabled channel
          paused BOOLEAN NOT NULL,
          created_at TIMESTAMP NOT NULL,
          updated_at TIMESTAMP NOT NULL,
          next_run_at TIMESTAMP,            -- the next due time (UTC); a past value at start-up is a missed run
          last_run_at TIMESTAMP
        )`);
      await tx.run(`
        CREATE TABLE schedule_runs (
          id VARCHAR PRIMARY KEY,
          schedule_id VARCHAR,              -- NULL for a one-shot \`calabi run\`
          benchmark_id VARCHAR NOT NULL,
          trigger VARCHAR NOT NULL,         -- due | missed | manual | cli
          scheduled_for TIMESTAMP,
          started_at TIMESTAMP NOT NULL,
          finished_at TIMESTAMP,
          status VARCHAR NOT NULL,          -- running | ok | failed | skipped
          scan_id VARCHAR,
          sync_run_id VARCHAR,
          score DOUBLE,
          previous_score DOUBLE,
          alert_id VARCHAR,
          error VARCHAR
        )`);
      await tx.run(`
        CREATE TABLE channels (
          id VARCHAR PRIMARY KEY,
          name VARCHAR NOT NULL,
          kind VARCHAR NOT NULL,            -- webhook
          url VARCHAR NOT NULL,
          enabled BOOLEAN NOT NULL,
          created_at TIMESTAMP NOT NULL,
          updated_at TIMESTAMP NOT NULL
        )`);
      await tx.run(`
        CREATE TABLE alerts (
          id VARCHAR PRIMARY KEY,
          created_at TIMESTAMP NOT NULL,
          benchmark_id VARCHAR NOT NULL,
          scan_id VARCHAR NOT NULL,
          previous_scan_id VARCHAR,
          schedule_id VARCHAR,
          old_score DOUBLE,
          new_score DOUBLE,
          payload JSON NOT NULL
        )`);
      await tx.run(`
        CREATE TABLE deliveries (
          id VARCHAR PRIMARY KEY,
          alert_id VARCHAR,                 -- NULL for a test message
          channel_id VARCHAR NOT NULL,
          attempt INTEGER NOT NULL,         -- 1, 2, … for one alert and channel
          attempted_at TIMESTAMP NOT NULL,
          duration_ms DOUBLE,
          status VARCHAR NOT NULL,          -- ok | failed
          http_status INTEGER,
          error VARCHAR,
          final BOOLEAN NOT NULL            -- last attempt for this alert and channel (success or gave up)
        )`);
    },
  },
  scoreCoverageMigration,
  {
    version: 20,
    name: 'inventory column history',
    async up(tx) {
      // When an upgrade added a column to an inventory table: rows synced before hold NULL there, which is not a
      // fact about AWS, so the engine treats such scopes as in doubt until their next sync (controls/scopes.ts).
      await tx.run(`
        CREATE TABLE inventory_columns (
          table_name VARCHAR NOT NULL,
          column_name VARCHAR NOT NULL,
          added_at TIMESTAMP NOT NULL,
          PRIMARY KEY (table_name, column_name)
        )`);
    },
  },
  {
    version: 30,
    name: 'the process that owns a running scan or sync run',
    async up(tx) {
      // A killed evaluate, serve or sync left its row `running` forever; with its owner recorded, the next command
      // that opens the file can tell the process is gone and close the row as interrupted.
      for (const table of ['scans', 'sync_runs']) {
        await tx.run(`ALTER TABLE ${table} ADD COLUMN owner_pid INTEGER`);
        await tx.run(`ALTER TABLE ${table} ADD COLUMN owner_host VARCHAR`);
        await tx.run(`ALTER TABLE ${table} ADD COLUMN owner_started_at TIMESTAMP`);
      }
    },
  },
  {
    version: 40,
    name: 'webhook URLs encrypted at rest',
    async up(tx) {
      // The key lives outside the database (schema/secret-box.ts), next to the file this transaction writes.
      const path = (await tx.all<{ path: string | null }>('SELECT path FROM duckdb_databases() WHERE database_name = current_database()'))[0]?.path ?? ':memory:';
      // The key is read (or made) only when a URL needs sealing: a new lake catalogued in PostgreSQL has no file to
      // keep it beside and needs CALABI_SECRET_KEY only once it stores a channel.
      for (const row of await tx.all<{ id: string; url: string }>('SELECT id, url FROM channels')) {
        if (!isSealed(row.url)) await tx.run('UPDATE channels SET url = ? WHERE id = ?', [seal(row.url, secretKey(path), 'channels.url'), row.id]);
      }
    },
  },
  iacScanMigration,
  exceptionsMigration,
  {
    version: 70,
    name: 'sharded sync: each shard of a run is a sync_runs row',
    async up(tx) {
      // `calabi sync --shard I/N` (sync/shard.ts): N workers each record their own row; the group names the run
      // they belong to, so `calabi status` can tell which shards of it have finished.
      await tx.run('ALTER TABLE sync_runs ADD COLUMN shard_index INTEGER');
      await tx.run('ALTER TABLE sync_runs ADD COLUMN shard_count INTEGER');
      await tx.run('ALTER TABLE sync_runs ADD COLUMN shard_group VARCHAR');
    },
  },
  securityHubPushMigration,
  {
    version: 100,
    name: "each check's own verdict within a requirement",
    async up(tx) {
      // A requirement mapped to many checks (NIST maps up to 20) shows which of them passed and which failed in its
      // drill-down; scans stored before keep NULL and show only the findings each check returned.
      await tx.run('ALTER TABLE control_results ADD COLUMN check_results JSON');
    },
  },
  checkFindingsMigration,
];

export async function migrate(db: MigratableDatabase, options: { descriptions?: boolean } = {}): Promise<void> {
  await db.write(async (writeTx) => {
    const tx = db.lake ? lakeMigrationTx(writeTx) : writeTx;
    // A file migrated by a newer Calabi may have tables and meanings this build does not know: refuse before
    // writing anything to it (read-only commands open it read-only and never get here).
    await assertNotNewer(tx, db.path);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)');
    // Which Calabi applied each migration, so a newer file can say which version wrote it.
    await tx.run('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS calabi_version VARCHAR');
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await m.up(tx);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at, calabi_version) VALUES (?, ?, now(), ?)', [m.version, m.name, calabiVersion]);
    }
    await reconcileInventory(tx, inventoryTables, options);
    await tx.run(sqlObjects.join(';\n'));
  });
}

/** This build's version (package.json), recorded with every migration it applies. */
export const calabiVersion = packageVersion;

/** Throws NewerDatabaseError when schema_migrations lists a version this build has no migration for. */
export async function assertNotNewer(tx: SqlTransaction, path: string): Promise<void> {
  const table = await tx.all("SELECT 1 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'schema_migrations'");
  if (table.length === 0) return;
  const known = new Set(migrations.map((m) => m.version));
  const hasVersionColumn = (await tx.all("SELECT 1 FROM duckdb_columns() WHERE table_name = 'schema_migrations' AND column_name = 'calabi_version'")).length > 0;
  const rows = await tx.all<{ version: number; calabi_version: string | null }>(
    `SELECT version, ${hasVersionColumn ? 'calabi_version' : 'NULL AS calabi_version'} FROM schema_migrations ORDER BY version`,
  );
  const unknown = rows.filter((r) => !known.has(r.version));
  if (unknown.length === 0) return;
  const newest = unknown.at(-1)!;
  throw new NewerDatabaseError(path, { version: newest.version, writtenBy: newest.calabi_version, thisVersion: calabiVersion, knownUpTo: Math.max(...known) });
}

/**
 * Inventory tables are a cache of AWS state, so they evolve additively from their definitions: a missing table
 * is created, a missing column added (NULL until the next sync). Nothing is dropped.
 */
export async function reconcileInventory(tx: SqlTransaction, tables: readonly TableDef[], options: { descriptions?: boolean } = {}): Promise<void> {
  const describe = options.descriptions !== false;
  const existing = await tx.all<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name LIKE 'aws\\_%' ESCAPE '\\'",
  );
  const have = new Map<string, Set<string>>();
  for (const r of existing) {
    if (!have.has(r.table_name)) have.set(r.table_name, new Set());
    have.get(r.table_name)!.add(r.column_name);
  }
  // A new table, its comment and its columns' comments go to DuckDB as one script: one call instead of one per
  // statement (a fresh database creates every table, and this ran on every test's database).
  const created: string[] = [];
  for (const t of tables) {
    const cols = have.get(t.name);
    if (!cols) {
      created.push(`CREATE TABLE ${quoteIdent(t.name)} (${t.columns.map(columnDdl).join(', ')})`);
      if (!describe) continue;
      created.push(`COMMENT ON TABLE ${quoteIdent(t.name)} IS ${quoteLiteral(t.description)}`);
      for (const c of t.columns) created.push(`COMMENT ON COLUMN ${quoteIdent(t.name)}.${quoteIdent(c.name)} IS ${quoteLiteral(c.description)}`);
      continue;
    }
    for (const c of t.columns) {
      if (cols.has(c.name)) continue;
      await tx.run(`ALTER TABLE ${quoteIdent(t.name)} ADD COLUMN ${columnDdl(c)}`);
      // Delete-then-insert, not INSERT OR REPLACE: a lake has no key to conflict on (schema/lake-ddl.ts).
      await tx.run('DELETE FROM inventory_columns WHERE table_name = ? AND column_name = ?', [t.name, c.name]);
      await tx.run('INSERT INTO inventory_columns (table_name, column_name, added_at) VALUES (?, ?, ?)', [t.name, c.name, new Date()]);
      if (describe) await tx.run(`COMMENT ON COLUMN ${quoteIdent(t.name)}.${quoteIdent(c.name)} IS ${quoteLiteral(c.description)}`);
    }
  }
  if (created.length) await tx.run(created.join(';\n'));
}

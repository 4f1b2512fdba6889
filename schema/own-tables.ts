import type { ColumnType } from 'kysely';
import type { ColumnKind } from './table.js';

/**
 * Calabi's own tables (not the aws_* inventory) as the migrations leave them: every column, in table order, with its
 * DuckDB kind and whether it may hold NULL. This runtime map is the one description; the `DB` type Kysely checks queries
 * against is derived from it, and test/schema/own-tables.test.ts compares it with a freshly migrated database,
 * so a migration that adds, drops or retypes a column fails that test until this file says the same.
 */

interface Col<K extends ColumnKind = ColumnKind, N extends boolean = boolean> {
  kind: K;
  nullable: N;
}
const req = <K extends ColumnKind>(kind: K): Col<K, false> => ({ kind, nullable: false });
const opt = <K extends ColumnKind>(kind: K): Col<K, true> => ({ kind, nullable: true });

const owner = { owner_pid: opt('INTEGER'), owner_host: opt('VARCHAR'), owner_started_at: opt('TIMESTAMP') } as const;

export const ownTables = {
  schema_migrations: { version: req('INTEGER'), name: opt('VARCHAR'), applied_at: opt('TIMESTAMP'), calabi_version: opt('VARCHAR') },
  sync_runs: {
    id: req('VARCHAR'), started_at: req('TIMESTAMP'), finished_at: opt('TIMESTAMP'), status: req('VARCHAR'),
    accounts: opt('VARCHAR[]'), regions: opt('VARCHAR[]'), services: opt('VARCHAR[]'), api_calls: opt('BIGINT'), resources: opt('BIGINT'),
    error_count: opt('INTEGER'), message: opt('VARCHAR'), ...owner,
    shard_index: opt('INTEGER'), shard_count: opt('INTEGER'), shard_group: opt('VARCHAR'),
  },
  sync_errors: {
    run_id: req('VARCHAR'), account_id: opt('VARCHAR'), region: opt('VARCHAR'), service: req('VARCHAR'), operation: req('VARCHAR'),
    table_name: opt('VARCHAR'), resource_id: opt('VARCHAR'), error_code: opt('VARCHAR'), message: opt('VARCHAR'), occurred_at: req('TIMESTAMP'),
  },
  sync_scopes: {
    account_id: req('VARCHAR'), region: req('VARCHAR'), table_name: req('VARCHAR'), status: req('VARCHAR'), stale: req('BOOLEAN'),
    row_count: opt('BIGINT'), synced_at: opt('TIMESTAMP'), attempted_at: req('TIMESTAMP'), run_id: opt('VARCHAR'), error: opt('VARCHAR'),
  },
  scans: {
    id: req('VARCHAR'), benchmark_id: req('VARCHAR'), benchmark_title: opt('VARCHAR'), benchmark_version: opt('VARCHAR'),
    started_at: req('TIMESTAMP'), finished_at: opt('TIMESTAMP'), status: req('VARCHAR'), trigger: opt('VARCHAR'), sync_run_id: opt('VARCHAR'),
    score: opt('DOUBLE'), pass: opt('INTEGER'), fail: opt('INTEGER'), skip: opt('INTEGER'), error: opt('INTEGER'), manual: opt('INTEGER'),
    critical_failed: opt('INTEGER'), high_failed: opt('INTEGER'), report_id: opt('VARCHAR'), summary: opt('JSON'), error_message: opt('VARCHAR'),
    trusted: opt('INTEGER'), automated: opt('INTEGER'), oldest_data_at: opt('TIMESTAMP'), ...owner,
    // Migration 50: aws | terraform, and the IaC columns (NULL on live scans).
    source: opt('VARCHAR'), not_verifiable: opt('INTEGER'), verifiable_score: opt('DOUBLE'), overall_score: opt('DOUBLE'),
    // Migration 60: requirements EXCEPTED, and the score counting them as passing (schema/migration-exceptions.ts).
    excepted: opt('INTEGER'), score_with_exceptions: opt('DOUBLE'),
    // Migration 110: the scans evaluated together share their checks' findings (check_findings); NULL before.
    evaluation_id: opt('VARCHAR'),
  },
  control_results: {
    scan_id: req('VARCHAR'), control_id: req('VARCHAR'), position: req('INTEGER'), title: opt('VARCHAR'), section: opt('VARCHAR'),
    level: opt('VARCHAR'), assessment: opt('VARCHAR'), severity: opt('VARCHAR'), status: req('VARCHAR'), reason: opt('VARCHAR'),
    affected_count: req('INTEGER'), evaluated_count: opt('INTEGER'), check_ids: opt('VARCHAR[]'), error: opt('VARCHAR'), duration_ms: opt('DOUBLE'),
    // Migration 100: each check's own verdict (controls/status.ts CheckVerdict[]), NULL on scans stored before.
    check_results: opt('JSON'),
  },
  not_verifiable_resources: {
    scan_id: req('VARCHAR'), control_id: req('VARCHAR'), resource_id: req('VARCHAR'), reason: req('VARCHAR'), terraform_addresses: opt('VARCHAR[]'),
  },
  // A view since migration 110 (schema/migration-check-findings.ts): requirement_findings and check_findings as one
  // row per requirement and finding, the shape every reader queries. Listed in ownViews; never written.
  findings: {
    scan_id: req('VARCHAR'), control_id: req('VARCHAR'), check_id: req('VARCHAR'), resource_id: opt('VARCHAR'), account_id: opt('VARCHAR'),
    region: opt('VARCHAR'), reason: opt('VARCHAR'), evidence: opt('JSON'),
  },
  // Migration 110: findings stored per requirement (scans stored before, Terraform plan scans, seeded scans).
  requirement_findings: {
    scan_id: req('VARCHAR'), control_id: req('VARCHAR'), check_id: req('VARCHAR'), resource_id: opt('VARCHAR'), account_id: opt('VARCHAR'),
    region: opt('VARCHAR'), reason: opt('VARCHAR'), evidence: opt('JSON'),
  },
  // Migration 110: each check's findings, once per evaluation (scans.evaluation_id).
  check_findings: {
    evaluation_id: req('VARCHAR'), check_id: req('VARCHAR'), resource_id: opt('VARCHAR'), account_id: opt('VARCHAR'),
    region: opt('VARCHAR'), reason: opt('VARCHAR'), evidence: opt('JSON'),
  },
  schedules: {
    id: req('VARCHAR'), name: req('VARCHAR'), benchmark_id: req('VARCHAR'), frequency: req('VARCHAR'), weekday: opt('INTEGER'),
    day_of_month: opt('INTEGER'), time_of_day: req('VARCHAR'), timezone: req('VARCHAR'), sync_first: req('BOOLEAN'),
    alert_threshold: opt('DOUBLE'), channel_ids: opt('VARCHAR[]'), paused: req('BOOLEAN'), created_at: req('TIMESTAMP'),
    updated_at: req('TIMESTAMP'), next_run_at: opt('TIMESTAMP'), last_run_at: opt('TIMESTAMP'),
  },
  schedule_runs: {
    id: req('VARCHAR'), schedule_id: opt('VARCHAR'), benchmark_id: req('VARCHAR'), trigger: req('VARCHAR'), scheduled_for: opt('TIMESTAMP'),
    started_at: req('TIMESTAMP'), finished_at: opt('TIMESTAMP'), status: req('VARCHAR'), scan_id: opt('VARCHAR'), sync_run_id: opt('VARCHAR'),
    score: opt('DOUBLE'), previous_score: opt('DOUBLE'), alert_id: opt('VARCHAR'), error: opt('VARCHAR'),
  },
  channels: {
    id: req('VARCHAR'), name: req('VARCHAR'), kind: req('VARCHAR'), url: req('VARCHAR'), enabled: req('BOOLEAN'),
    created_at: req('TIMESTAMP'), updated_at: req('TIMESTAMP'),
  },
  alerts: {
    id: req('VARCHAR'), created_at: req('TIMESTAMP'), benchmark_id: req('VARCHAR'), scan_id: req('VARCHAR'), previous_scan_id: opt('VARCHAR'),
    schedule_id: opt('VARCHAR'), old_score: opt('DOUBLE'), new_score: opt('DOUBLE'), payload: req('JSON'),
  },
  deliveries: {
    id: req('VARCHAR'), alert_id: opt('VARCHAR'), channel_id: req('VARCHAR'), attempt: req('INTEGER'), attempted_at: req('TIMESTAMP'),
    duration_ms: opt('DOUBLE'), status: req('VARCHAR'), http_status: opt('INTEGER'), error: opt('VARCHAR'), final: req('BOOLEAN'),
  },
  inventory_columns: { table_name: req('VARCHAR'), column_name: req('VARCHAR'), added_at: req('TIMESTAMP') },
  exceptions: {
    id: req('VARCHAR'), revision: req('INTEGER'), check_id: opt('VARCHAR'), benchmark_id: opt('VARCHAR'), requirement_id: opt('VARCHAR'),
    account_id: opt('VARCHAR'), region: opt('VARCHAR'), resource_pattern: opt('VARCHAR'), tag_key: opt('VARCHAR'), tag_value: opt('VARCHAR'),
    justification: req('VARCHAR'), owner: req('VARCHAR'), created_by: req('VARCHAR'), created_at: req('TIMESTAMP'), updated_at: req('TIMESTAMP'),
    expires_at: req('TIMESTAMP'), ticket: opt('VARCHAR'), revoked_at: opt('TIMESTAMP'), revoked_by: opt('VARCHAR'),
  },
  exception_events: {
    exception_id: req('VARCHAR'), revision: req('INTEGER'), changed_at: req('TIMESTAMP'), actor: req('VARCHAR'), action: req('VARCHAR'), changes: req('JSON'), snapshot: req('JSON'),
  },
  scan_exceptions: { scan_id: req('VARCHAR'), exception_id: req('VARCHAR'), revision: req('INTEGER'), snapshot: req('JSON') },
  excepted_findings: {
    scan_id: req('VARCHAR'), control_id: req('VARCHAR'), check_id: req('VARCHAR'), resource_id: opt('VARCHAR'), account_id: opt('VARCHAR'),
    region: opt('VARCHAR'), exception_id: req('VARCHAR'), revision: req('INTEGER'),
  },
  // Migration 80: what `calabi push securityhub` last sent for each finding (schema/migration-securityhub.ts).
  securityhub_findings: {
    finding_id: req('VARCHAR'), account_id: req('VARCHAR'), region: req('VARCHAR'), import_region: req('VARCHAR'), check_id: req('VARCHAR'), resource_id: opt('VARCHAR'),
    record_state: req('VARCHAR'), finding: req('JSON'), created_at: req('TIMESTAMP'), pushed_at: req('TIMESTAMP'), scan_id: req('VARCHAR'),
  },
} as const satisfies Record<string, Record<string, Col>>;

/** Entries of ownTables that are views, read like tables but never written (the appender refuses them). */
export const ownViews: ReadonlySet<string> = new Set(['findings']);

/** A table's columns in order with their kinds: what Transaction.append() takes to bulk-insert rows. */
export function appendColumns(table: Exclude<keyof typeof ownTables, 'findings'>): Array<{ name: string; type: ColumnKind }> {
  return Object.entries(ownTables[table] as Record<string, Col>).map(([name, c]) => ({ name, type: c.kind }));
}

/**
 * What each kind reads back as through schema/db.ts (which turns timestamps into ISO strings and safe BIGINTs into
 * numbers; JSON arrives as its text) and what may be written to it.
 */
interface KindTypes {
  VARCHAR: string;
  JSON: ColumnType<string, string, string>;
  BOOLEAN: boolean;
  BIGINT: number;
  INTEGER: number;
  DOUBLE: number;
  TIMESTAMP: ColumnType<string, Date | string, Date | string>;
  'VARCHAR[]': string[];
}

type ColumnOf<C> = C extends Col<infer K, infer N>
  ? N extends true
    ? KindTypes[K] extends ColumnType<infer S, infer I, infer U>
      ? ColumnType<S | null, I | null | undefined, U | null>
      : KindTypes[K] | null
    : KindTypes[K]
  : never;

type TableOf<T> = { -readonly [C in keyof T]: ColumnOf<T[C]> };

/** Kysely's database type for Calabi's own tables. */
export type DB = { -readonly [T in keyof typeof ownTables]: TableOf<(typeof ownTables)[T]> };
export type OwnTable = keyof DB;

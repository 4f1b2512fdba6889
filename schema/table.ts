/** The column types inventory tables use; each maps to one DuckDB type and one appender call. */
export type ColumnKind = 'VARCHAR' | 'JSON' | 'BOOLEAN' | 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'TIMESTAMP' | 'VARCHAR[]';

export interface ColumnDef {
  name: string;
  type: ColumnKind;
  /** One line: what the column holds, in an analyst's words. Stored as the column's COMMENT. */
  description: string;
}

export interface TableDef {
  /** aws_<service>_<plural noun> */
  name: string;
  description: string;
  /** 'global' tables hold region = 'global' (IAM, the credential report, S3 account settings). */
  scope: 'global' | 'regional';
  /** The column that identifies one resource (the ARN where AWS has one). */
  resourceId: string;
  /** Every column in order: account_id, region, the table's own columns, synced_at, raw. */
  columns: readonly ColumnDef[];
}

export interface TableSpec {
  name: string;
  description: string;
  scope: 'global' | 'regional';
  resourceId: string;
  columns: readonly ColumnDef[];
}

const head: readonly ColumnDef[] = [
  { name: 'account_id', type: 'VARCHAR', description: 'AWS account id the row was read from' },
  { name: 'region', type: 'VARCHAR', description: "Region the row was read from; 'global' for account-wide services" },
];
const tail: readonly ColumnDef[] = [
  { name: 'synced_at', type: 'TIMESTAMP', description: 'When the sync read this row (UTC)' },
  { name: 'raw', type: 'JSON', description: 'The whole API object as AWS returned it' },
];

/** Adds the columns every inventory row carries, so a table file lists only what is its own. */
export function defineTable(spec: TableSpec): TableDef {
  const own = spec.columns.filter((c) => !['account_id', 'region', 'synced_at', 'raw'].includes(c.name));
  if (!own.some((c) => c.name === spec.resourceId) && !head.some((c) => c.name === spec.resourceId)) {
    throw new Error(`[schema] ${spec.name}: resourceId '${spec.resourceId}' is not one of its columns`);
  }
  return Object.freeze({ ...spec, columns: Object.freeze([...head, ...own, ...tail]) });
}

export function columnDdl(c: ColumnDef): string {
  return `${quoteIdent(c.name)} ${c.type}`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import { ownTables, ownViews } from '../../schema/own-tables.js';
import { memoryDb } from '../support/db.js';

/** Every column of Calabi's own tables (not aws_* inventory) as the database has them. */
async function ownSchema(db: Database): Promise<Map<string, Map<string, { kind: string; nullable: boolean }>>> {
  const rows = await db.all<{ table_name: string; column_name: string; data_type: string; is_nullable: boolean }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
     FROM duckdb_columns() c JOIN duckdb_tables() t ON t.schema_name = c.schema_name AND t.table_name = c.table_name
     WHERE c.schema_name = 'main' AND c.table_name NOT LIKE 'aws\\_%' ESCAPE '\\'
     ORDER BY c.table_name, c.column_index`,
  );
  const out = new Map<string, Map<string, { kind: string; nullable: boolean }>>();
  for (const r of rows) {
    if (!out.has(r.table_name)) out.set(r.table_name, new Map());
    out.get(r.table_name)!.set(r.column_name, { kind: r.data_type, nullable: r.is_nullable });
  }
  return out;
}

/** Where the typed model (schema/own-tables.ts) and the migrated database disagree, one line each. */
async function drift(db: Database): Promise<string[]> {
  const actual = await ownSchema(db);
  const expected = new Map(Object.entries(ownTables).filter(([t]) => !ownViews.has(t)).map(([t, cols]) => [t, new Map(Object.entries(cols))]));
  const problems: string[] = [];
  // A view (findings since migration 110) has no nullability of its own: its columns' names, types and order.
  for (const v of ownViews) {
    const have = (await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${v})`)).map((c) => `${c.column_name} ${c.column_type}`);
    const want = Object.entries(ownTables[v as keyof typeof ownTables]).map(([c, col]) => `${c} ${(col as { kind: string }).kind}`);
    if (have.join(', ') !== want.join(', ')) problems.push(`view ${v} has (${have.join(', ')}) in the database, (${want.join(', ')}) in own-tables.ts`);
  }
  for (const t of expected.keys()) if (!actual.has(t)) problems.push(`table ${t} is in own-tables.ts but not in the database`);
  for (const [t, cols] of actual) {
    const want = expected.get(t);
    if (!want) {
      problems.push(`table ${t} is in the database but not in own-tables.ts`);
      continue;
    }
    for (const c of want.keys()) if (!cols.has(c)) problems.push(`${t}.${c} is in own-tables.ts but not in the database`);
    for (const [c, have] of cols) {
      const w = want.get(c);
      if (!w) problems.push(`${t}.${c} is in the database but not in own-tables.ts`);
      else if (w.kind !== have.kind) problems.push(`${t}.${c} is ${have.kind} in the database, ${w.kind} in own-tables.ts`);
      else if (w.nullable !== have.nullable) problems.push(`${t}.${c} is ${have.nullable ? '' : 'NOT '}NULL in the database, ${w.nullable ? '' : 'NOT '}NULL in own-tables.ts`);
    }
    // appendColumns() hands this order to DuckDB's appender, which fills columns by position.
    const order = [...cols.keys()].filter((c) => want.has(c)).join(', ');
    const wantOrder = [...want.keys()].filter((c) => cols.has(c)).join(', ');
    if (order !== wantOrder) problems.push(`${t}'s columns are (${order}) in the database, (${wantOrder}) in own-tables.ts`);
  }
  return problems;
}

describe('own tables model', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('describes every table, column, type and nullability a freshly migrated database has', async () => {
    db = await memoryDb();
    expect(await drift(db)).toEqual([]);
  });

  it('names columns listed in another order than the table has them', async () => {
    db = await memoryDb();
    await db.run('DROP TABLE inventory_columns');
    await db.run('CREATE TABLE inventory_columns (column_name VARCHAR NOT NULL, table_name VARCHAR NOT NULL, added_at TIMESTAMP NOT NULL)');
    expect(await drift(db)).toEqual([
      "inventory_columns's columns are (column_name, table_name, added_at) in the database, (table_name, column_name, added_at) in own-tables.ts",
    ]);
  });

  it('names a table, column, type or nullability the migrations changed behind its back', async () => {
    db = await memoryDb();
    await db.run('ALTER TABLE scans ADD COLUMN rogue VARCHAR');
    await db.run('ALTER TABLE excepted_findings DROP COLUMN revision');
    await db.run('ALTER TABLE alerts ALTER COLUMN old_score TYPE VARCHAR');
    await db.run('ALTER TABLE channels ALTER COLUMN name DROP NOT NULL');
    await db.run('CREATE TABLE stray (x INTEGER)');
    expect((await drift(db)).sort()).toEqual(
      [
        'alerts.old_score is VARCHAR in the database, DOUBLE in own-tables.ts',
        'channels.name is NULL in the database, NOT NULL in own-tables.ts',
        'excepted_findings.revision is in own-tables.ts but not in the database',
        'scans.rogue is in the database but not in own-tables.ts',
        'table stray is in the database but not in own-tables.ts',
      ].sort(),
    );
  });

  it('names a view whose columns differ from the model (findings, a view since migration 110)', async () => {
    db = await memoryDb();
    await db.run('CREATE OR REPLACE VIEW findings AS SELECT scan_id, control_id FROM requirement_findings');
    expect(await drift(db)).toEqual([expect.stringMatching(/^view findings has \(scan_id VARCHAR, control_id VARCHAR\) in the database, \(scan_id VARCHAR, control_id VARCHAR, check_id VARCHAR, .*evidence JSON\) in own-tables\.ts$/)]);
  });
});

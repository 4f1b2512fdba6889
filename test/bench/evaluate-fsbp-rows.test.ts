import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedExpr, isIdentity, linkedExpr, literalsByColumn, parentOf } from '../../bench/evaluate-fsbp-rows.js';
import type { Database } from '../../schema/db.js';
import { findTable } from '../../schema/inventory.js';
import type { TableDef } from '../../schema/table.js';
import { memoryDb } from '../support/db.js';

// bench:evaluate's rows for the FSBP-only tables: values follow the checks' literals so each check finds rows on
// both sides, and a child's key names a row of its parent. Evaluated on a real in-memory DuckDB.
const table = (name: string): TableDef => {
  const t = findTable(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const column = (t: TableDef, name: string) => t.columns.find((c) => c.name === name)!;
let db: Database;

/** The values `sql` gives over `n` rows of one account and region (the generator's variables a, g, i, tname). */
async function values(sql: string, n = 400): Promise<unknown[]> {
  const rows = await db.all<{ v: unknown }>(`SELECT ${sql} AS v FROM (SELECT '111111111111' AS a, 'us-east-1' AS g, r.range AS i, 0 AS p, 'aws_x' AS tname FROM range(${n}) r)`);
  return rows.map((r) => r.v);
}

beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => db?.close());

describe('bench:evaluate FSBP rows', () => {
  it('reads the literals a check compares a column with, qualified, quoted, in IN lists and inside coalesce', () => {
    const ecs = table('aws_ecs_task_definitions');
    const sql = [
      "SELECT 1 FROM aws_ecs_task_definitions t WHERE t.network_mode = 'host' AND coalesce(t.pid_mode, '') NOT IN ('host', 'task')",
      "SELECT 1 FROM aws_ecs_task_definitions t WHERE t.status IS DISTINCT FROM 'ACTIVE' AND t.revision < 3",
    ];
    const found = literalsByColumn(ecs, sql);
    expect(found.get('network_mode')).toEqual(['host']);
    expect(found.get('pid_mode')).toEqual(['host', 'task']);
    expect(found.get('status')).toEqual(['ACTIVE']);
    expect(found.get('revision')).toEqual(['3']);
    expect(found.has('family')).toBe(false);
  });

  it('gives a compared column its literals and another value, so the check passes some rows and fails others', async () => {
    const ecs = table('aws_ecs_task_definitions');
    const got = new Set(await values(generatedExpr(ecs, column(ecs, 'network_mode'), ['host'])));
    expect(got.has('host')).toBe(true);
    expect([...got].some((v) => typeof v === 'string' && v !== 'host')).toBe(true);
    expect(got.has(null)).toBe(true);
  });

  it('puts a compared number on both sides of its threshold', async () => {
    const rds = table('aws_rds_db_clusters');
    const got = (await values(generatedExpr(rds, column(rds, 'backup_retention_period'), ['7']))).filter((v) => v !== null).map(Number);
    expect(got.some((v) => v < 7)).toBe(true);
    expect(got.some((v) => v >= 7)).toBe(true);
  });

  it('makes booleans and lists go both ways and keeps a row identity set', async () => {
    const eks = table('aws_eks_clusters');
    const logging = new Set(await values(generatedExpr(eks, column(eks, 'endpoint_public_access'))));
    expect([...logging].sort()).toEqual([false, null, true].sort());
    const asg = table('aws_autoscaling_groups');
    const lengths = new Set((await values(generatedExpr(asg, column(asg, 'availability_zones')))).map((v) => (Array.isArray(v) ? v.length : null)));
    expect(lengths).toEqual(new Set([null, 0, 1, 2, 3]));
    expect(isIdentity(eks, column(eks, 'arn'))).toBe(true);
    expect((await values(generatedExpr(eks, column(eks, 'arn')))).includes(null)).toBe(false);
  });

  it("points a child's key at a row of its parent table", async () => {
    const parent = table('aws_ecs_task_definitions');
    const child = table('aws_ecs_container_definitions');
    const rows = (t: TableDef) => (t === parent ? 30 : t === child ? 60 : 0);
    const link = parentOf(child, column(child, 'task_definition_arn'), [parent, child], rows);
    expect(link).toEqual({ parent, column: 'arn' });
    const parentArn = "'arn:aws:svc:' || g || ':' || a || ':' || tname || '/' || i";
    const linked = linkedExpr(parentArn, parent, 30, column(child, 'task_definition_arn'))!;
    const got = await values(linked, 60);
    expect(got[0]).toBe('arn:aws:svc:us-east-1:111111111111:aws_ecs_task_definitions/0');
    expect(got[31]).toBe('arn:aws:svc:us-east-1:111111111111:aws_ecs_task_definitions/1');
    expect(linkedExpr("CASE WHEN p < 5 THEN NULL ELSE 'x' || i END", parent, 30)).toBeUndefined();
  });
});

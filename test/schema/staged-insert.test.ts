import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import type { ColumnKind } from '../../schema/table.js';
import { memoryDb } from '../support/db.js';

let db: Database | undefined;
afterEach(() => db?.close());

const columns: { name: string; type: ColumnKind }[] = [
  { name: 'account_id', type: 'VARCHAR' },
  { name: 's', type: 'VARCHAR' },
  { name: 'j', type: 'JSON' },
  { name: 'b', type: 'BOOLEAN' },
  { name: 'i', type: 'INTEGER' },
  { name: 'g', type: 'BIGINT' },
  { name: 'd', type: 'DOUBLE' },
  { name: 't', type: 'TIMESTAMP' },
  { name: 'l', type: 'VARCHAR[]' },
];

/** Values a collector may hand the writer, including the odd ones each conversion must treat as the appender does. */
const rows: Record<string, unknown>[] = [
  { s: 'plain', j: { nested: [1, 'two', null], q: 'a "quote"' }, b: true, i: 42, g: 9007199254740991, d: 1.5, t: new Date('2024-05-06T07:08:09.123Z'), l: ['tcp/22', 'udp/3389'] },
  { s: 'line\nbreak, comma "quote" \\ backslash \u0001 control', j: '{"already":"text"}', b: 0, i: 3.9, g: -7.9, d: Number.NaN, t: '2024-01-01T00:00:00Z', l: [] },
  { s: '😀 é € \ud800 lone surrogate', j: [], b: 'false', i: -2147483648, g: 0, d: Number.POSITIVE_INFINITY, t: 'not a date', l: [1, null, true] },
  { s: '', j: null, b: null, i: null, g: null, d: -0.1, t: null, l: null },
  { s: 123, j: '[1, 2]', b: 1, i: 2147483647.5, g: '17', d: '2.25', l: ['[', ']', ','] },
  { account_id: 'own', s: null },
];

async function written(via: 'appender' | 'staged'): Promise<unknown[]> {
  db = await memoryDb();
  await db.run('CREATE TABLE t_bulk (account_id VARCHAR, s VARCHAR, j JSON, b BOOLEAN, i INTEGER, g BIGINT, d DOUBLE, t TIMESTAMP, l VARCHAR[])');
  const n = await db.write((tx) => tx.append('t_bulk', columns, rows, { account_id: '111111111111', t: new Date('2020-02-02T00:00:00Z') }, { via }));
  expect(n).toBe(rows.length);
  const out = await db.all("SELECT account_id, s, CAST(j AS VARCHAR) AS j, b, i, g, CAST(d AS VARCHAR) AS d, CAST(t AS VARCHAR) AS t, l FROM t_bulk ORDER BY s NULLS LAST");
  db.close();
  db = undefined;
  return out;
}

describe('bulk insert through a staged file', () => {
  it('stores exactly what the appender stores, value for value', async () => {
    const appended = await written('appender');
    const staged = await written('staged');
    expect(staged).toEqual(appended);
    expect(staged).toHaveLength(rows.length);
  });

  it('stores text that is not JSON in a JSON column as the appender does (as it is)', async () => {
    db = await memoryDb();
    await db.run('CREATE TABLE t_json (account_id VARCHAR, j JSON)');
    const cols = columns.filter((c) => ['account_id', 'j'].includes(c.name));
    await db.write((tx) => tx.append('t_json', cols, [{ j: 'plain string' }, { j: { a: 1 } }], { account_id: 'a' }, { via: 'staged' }));
    expect(await db.all('SELECT CAST(j AS VARCHAR) AS j FROM t_json ORDER BY j')).toEqual([{ j: 'plain string' }, { j: '{"a":1}' }]);
  });

  it('refuses an integer the appender refuses, with the same words', async () => {
    for (const via of ['appender', 'staged'] as const) {
      db = await memoryDb();
      await db.run('CREATE TABLE t_int (account_id VARCHAR, i INTEGER)');
      const cols = columns.filter((c) => ['account_id', 'i'].includes(c.name));
      await expect(db.write((tx) => tx.append('t_int', cols, [{ i: 2 ** 31 }], {}, { via }))).rejects.toThrow(/out of int32 range/);
      await expect(db.write((tx) => tx.append('t_int', cols, [{ i: Number.NaN }], {}, { via }))).rejects.toThrow(/not an integer/);
      db.close();
      db = undefined;
    }
  });

  it('writes many rows in several files and keeps every one', async () => {
    db = await memoryDb();
    await db.run('CREATE TABLE t_many (account_id VARCHAR, s VARCHAR, i INTEGER)');
    const many = Array.from({ length: 120_000 }, (_, k) => ({ s: `row-${k}`, i: k }));
    const cols = columns.filter((c) => ['account_id', 's', 'i'].includes(c.name));
    await db.write((tx) => tx.append('t_many', cols, many, { account_id: 'a' }, { via: 'staged' }));
    const [r] = await db.all<{ n: number; total: number; distinct_s: number }>('SELECT count(*) AS n, sum(i) AS total, count(DISTINCT s) AS distinct_s FROM t_many');
    expect(r).toEqual({ n: 120_000, total: (119_999 * 120_000) / 2, distinct_s: 120_000 });
  });

  it('rolls the whole scope back when DuckDB rejects a staged value', async () => {
    db = await memoryDb();
    await db.run('CREATE TABLE t_bad (account_id VARCHAR, g BIGINT)');
    await db.run("INSERT INTO t_bad VALUES ('kept', 1)");
    const cols = columns.filter((c) => ['account_id', 'g'].includes(c.name));
    await expect(db.write(async (tx) => {
      await tx.run('DELETE FROM t_bad');
      await tx.append('t_bad', cols, [{ g: 1e30 }], { account_id: 'a' }, { via: 'staged' });
    })).rejects.toThrow();
    expect(await db.all('SELECT account_id, g FROM t_bad')).toEqual([{ account_id: 'kept', g: 1 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { createSqlConsole } from '../../console/index.js';
import { memoryDb } from '../support/db.js';

// The console's worker converts values itself (it does not load schema/db.ts); they must match what every other
// reader of the database gets from Database.all().
describe('console values', () => {
  it('returns the same JSON values as Database.all for numbers, big integers, dates, lists, structs and maps', async () => {
    const db = await memoryDb();
    const sql = createSqlConsole(db);
    const q = "SELECT 42::BIGINT AS n, 9007199254740993::HUGEINT AS big, TIMESTAMP '2026-11-30 12:00:00' AS t, [1, 2]::BIGINT[] AS l, {'a': 1::BIGINT, 'b': 'x'} AS s, 1.5::DECIMAL(4,2) AS d, NULL AS z, 'text' AS v";
    try {
      const viaConsole = await sql.run(q);
      const direct = (await db.all<Record<string, unknown>>(q))[0]!;
      expect(viaConsole.rows[0]).toEqual(viaConsole.columns.map((c) => direct[c.name]));
    } finally {
      sql.close();
      db.close();
    }
  });
});

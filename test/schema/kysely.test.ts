import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import { kyselyOf } from '../../schema/kysely.js';
import { memoryDb } from '../support/db.js';

const schedule = (id: string, channelIds: string[] | null) => ({
  id, name: `s ${id}`, benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC', sync_first: false,
  channel_ids: channelIds, paused: false, created_at: new Date('2026-01-02T03:04:05.000Z'), updated_at: new Date('2026-01-02T03:04:05.000Z'),
});

describe('Kysely over the database layer', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('writes and reads own-table rows with lists, timestamps and NULLs as the rest of Calabi reads them', async () => {
    db = await memoryDb();
    await kyselyOf(db).insertInto('schedules').values([schedule('a', ['c1', 'c2']), schedule('b', []), schedule('c', null)]).execute();
    const rows = await kyselyOf(db).selectFrom('schedules').select(['id', 'channel_ids', 'created_at', 'weekday']).orderBy('id').limit(5).execute();
    expect(rows).toEqual([
      { id: 'a', channel_ids: ['c1', 'c2'], created_at: '2026-01-02T03:04:05.000Z', weekday: null },
      { id: 'b', channel_ids: [], created_at: '2026-01-02T03:04:05.000Z', weekday: null },
      { id: 'c', channel_ids: null, created_at: '2026-01-02T03:04:05.000Z', weekday: null },
    ]);
  });

  it('counts the rows an update changed', async () => {
    db = await memoryDb();
    await kyselyOf(db).insertInto('schedules').values([schedule('a', null), schedule('b', null)]).execute();
    const result = await kyselyOf(db).updateTable('schedules').set({ paused: true }).where('id', '=', 'a').executeTakeFirstOrThrow();
    expect(result.numUpdatedRows).toBe(1n);
  });

  it('runs a query built on a transaction inside that transaction, so a rollback undoes it', async () => {
    db = await memoryDb();
    const failed = db.write(async (tx) => {
      await kyselyOf(tx).insertInto('schedules').values(schedule('a', null)).execute();
      const seen = await kyselyOf(tx).selectFrom('schedules').select('id').execute();
      expect(seen).toEqual([{ id: 'a' }]);
      throw new Error('give up');
    });
    await expect(failed).rejects.toThrow('give up');
    expect(await kyselyOf(db).selectFrom('schedules').select('id').execute()).toEqual([]);
  });

  it("refuses Kysely's own transactions and points at db.write", async () => {
    db = await memoryDb();
    await expect(kyselyOf(db).transaction().execute(async () => undefined)).rejects.toThrow(/db\.write/);
  });
});

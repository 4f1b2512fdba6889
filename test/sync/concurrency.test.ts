import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileInventory } from '../../schema/migrations.js';
import { defineTable } from '../../schema/table.js';
import { runSync } from '../../sync/runner.js';
import type { Collector } from '../../sync/types.js';
import { memoryDb } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';

// Issue 2: "Bounded concurrency per service and region (configurable)". Two collectors of one service share the
// bound in a region; each region has its own.
const table = defineTable({
  name: 'aws_review_items',
  description: 'test',
  scope: 'regional',
  resourceId: 'item_id',
  columns: [{ name: 'item_id', type: 'VARCHAR', description: 'id' }],
});
const inFlight = new Map<string, number>();
const peak = new Map<string, number>();
const collector = (name: string, t = table): Collector => ({
  service: 'reviewsvc',
  name,
  scope: 'regional',
  tables: [t],
  async collect(ctx) {
    const ids = await ctx.map([...Array(12).keys()], async (i) => {
      const n = (inFlight.get(ctx.region) ?? 0) + 1;
      inFlight.set(ctx.region, n);
      peak.set(ctx.region, Math.max(peak.get(ctx.region) ?? 0, n));
      await sleep(15);
      inFlight.set(ctx.region, (inFlight.get(ctx.region) ?? 1) - 1);
      return `${name}-${i}`;
    });
    return { [t.name]: ids.map((id) => ({ item_id: id, raw: { id } })) };
  },
});
const table2 = defineTable({ ...table, name: 'aws_review_items2' } as Parameters<typeof defineTable>[0]);

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

async function run(concurrency: number): Promise<Map<string, number>> {
  inFlight.clear();
  peak.clear();
  const db = await memoryDb();
  await db.write((tx) => reconcileInventory(tx, [table, table2]));
  const r = await runSync({
    db, credentials: testCredentials, endpoint: moto.endpoint, regions: ['us-east-1', 'eu-west-1'],
    collectors: [collector('a'), collector('b', table2)], concurrency,
  });
  expect(r.errors).toEqual([]);
  expect(await db.all('SELECT count(*)::INT AS n FROM aws_review_items')).toEqual([{ n: 24 }]);
  db.close();
  return new Map(peak);
}

describe('bounded concurrency', () => {
  it('never runs more calls at once per service and region than --concurrency allows, and uses the room it has', async () => {
    const three = await run(3);
    expect(three.get('us-east-1')).toBe(3);
    expect(three.get('eu-west-1')).toBe(3);
    const one = await run(1);
    expect(one.get('us-east-1')).toBe(1);
    expect(one.get('eu-west-1')).toBe(1);
  });
});

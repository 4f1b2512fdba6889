import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { loadCollectors } from '../../../sync/services.js';
import type { Collector } from '../../../sync/types.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, type Moto } from '../../support/moto.js';
import { entries, type ContractEntry } from './entries.js';
import { callRecorder, startEnforcingMoto, type Credentials, type Operation } from './harness.js';

/**
 * The contract every collector keeps, checked for every registered collector against one moto_server that
 * enforces IAM policies, with three syncs of one database:
 *   A: admin, two items seeded per seeded collector, list calls asked for pages of one item;
 *   B: admin, two more items each (what grew from A to B is what an item costs);
 *   D: a user allowed nothing: every collector's first call is refused.
 * A new collector adds one entry to entries.ts.
 */
const region = 'us-east-1';
let moto: Moto;
let db: Database;
let collectors: Collector[];
let runs: Record<'a' | 'b' | 'd', SyncResult>;
let calls: Record<'a' | 'b', ReadonlyMap<Operation, number>>;
let rows: Record<'a' | 'b', Map<string, number>>;

const seeded = entries.filter((e): e is ContractEntry & { seed: NonNullable<ContractEntry['seed']> } => Boolean(e.seed));
const paging = new Map(entries.flatMap((e) => (e.paginate ? [[e.paginate.op, { ...e.paginate, size: 1 }] as const] : [])));

async function countRows(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of seeded) {
    const [r] = await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM "${e.seed.table}"${e.seed.where ? ` WHERE ${e.seed.where}` : ''}`);
    out.set(e.seed.table, Number(r!.n));
  }
  return out;
}

async function seed(credentials: Credentials, indexes: number[]): Promise<void> {
  const cfg = motoClientConfig(moto, region, credentials);
  await Promise.all(seeded.map(async (e) => {
    for (const i of indexes) await e.seed.create(cfg, i);
  }));
}

async function sync(credentials: Credentials, recorder = callRecorder(paging)) {
  const result = await runSync({ db, credentials, endpoint: moto.endpoint, regions: [region], configureClient: recorder.configure });
  return { result, calls: recorder.calls };
}

beforeAll(async () => {
  const started = await startEnforcingMoto();
  moto = started.moto;
  db = await memoryDb();
  collectors = await loadCollectors();
  await seed(started.admin, [0, 1]);
  const a = await sync(started.admin);
  const rowsA = await countRows();
  await seed(started.admin, [2, 3]);
  const b = await sync(started.admin);
  const rowsB = await countRows();
  const d = await sync(started.denied);
  runs = { a: a.result, b: b.result, d: d.result };
  calls = { a: a.calls, b: b.calls };
  rows = { a: rowsA, b: rowsB };
  // About 16 s of CPU (moto imports each service's backend on its first call); a loaded machine takes longer.
}, 300_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

const collectorOf = (e: ContractEntry) => collectors.find((c) => c.service === e.service && c.name === e.collector)!;
const scopeRegion = (c: Collector) => (c.scope === 'global' ? 'global' : region);

describe('the collector contract', () => {
  it('has exactly one entry for every registered collector', () => {
    const key = (service: string, name: string) => `${service}/${name}`;
    expect(entries.map((e) => key(e.service, e.collector)).sort()).toEqual(collectors.map((c) => key(c.service, c.name)).sort());
  });

  describe.each(seeded.map((e) => [`${e.service}/${e.collector}`, e] as const))('%s', (_name, e) => {
    it('collects every seeded item, following the pages of its list call', () => {
      const tables = collectorOf(e).tables.map((t) => t.name);
      expect([...runs.a.errors, ...runs.b.errors].filter((x) => x.table !== null && tables.includes(x.table))).toEqual([]);
      expect(rows.a.get(e.seed.table)).toBeGreaterThanOrEqual(2);
      expect(rows.b.get(e.seed.table)! - rows.a.get(e.seed.table)!).toBe(2);
      if (e.paginate) {
        // Pages of one item: two more items are at least two more calls.
        const grew = (calls.b.get(e.paginate.op) ?? 0) - (calls.a.get(e.paginate.op) ?? 0);
        expect(grew, `${e.paginate.op} calls from sync A to sync B`).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('makes no call per item where a list call returns the data (only declared per-item calls grow with items)', () => {
    const allowed = new Set(entries.flatMap((e) => [...(e.paginate ? [e.paginate.op] : []), ...(e.perItem ?? [])]));
    const grown = [...calls.b].filter(([op, n]) => n > (calls.a.get(op) ?? 0)).map(([op]) => op);
    expect(grown.length, 'seeding more items made some calls grow: the check below can fail').toBeGreaterThan(0);
    expect(grown.filter((op) => !allowed.has(op))).toEqual([]);
  });

  describe.each(entries.filter((e) => e.notConfigured).map((e) => [`${e.service}/${e.collector}`, e] as const))('%s', (_name, e) => {
    it('records a service that is not set up as a fact row, not an error', async () => {
      const { table, where } = e.notConfigured!;
      const [r] = await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`);
      expect(Number(r!.n)).toBeGreaterThanOrEqual(1);
      expect(runs.a.errors.filter((x) => x.table === table)).toEqual([]);
    });
  });

  describe.each(entries.map((e) => [`${e.service}/${e.collector}`, e] as const))('%s refused by IAM', (_name, e) => {
    it('records a sync error and keeps the last good rows in a stale scope in error', async () => {
      const c = collectorOf(e);
      const [errors] = await db.all<{ n: bigint }>(
        'SELECT count(*) AS n FROM sync_errors WHERE run_id = ? AND service = ? AND list_contains(?::VARCHAR[], table_name)',
        [runs.d.runId, c.service, JSON.stringify(c.tables.map((t) => t.name))],
      );
      expect(Number(errors!.n), 'sync_errors rows').toBeGreaterThan(0);
      for (const t of c.tables) {
        const [scope] = await db.all<{ status: string; stale: boolean; run_id: string }>(
          'SELECT status, stale, run_id FROM sync_scopes WHERE table_name = ? AND region = ?', [t.name, scopeRegion(c)],
        );
        expect(scope, `${t.name}: scope`).toEqual({ status: 'error', stale: true, run_id: runs.d.runId });
      }
      if (e.seed) {
        const [r] = await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM "${e.seed.table}"${e.seed.where ? ` WHERE ${e.seed.where}` : ''}`);
        expect(Number(r!.n)).toBe(rows.b.get(e.seed.table));
      }
    });
  });

  it('names the refusal where moto answers in the protocol of the service', () => {
    // moto renders its IAM refusal as XML whatever the protocol, so only query-protocol services (EC2, IAM,
    // SNS, RDS, ELB) answer a parseable AccessDenied; the others still give a sync error and a scope in error.
    const codes = new Set(runs.d.errors.filter((x) => ['ec2', 'iam', 'sns', 'rds', 'elbv2'].includes(x.service)).map((x) => x.code));
    expect([...codes]).toEqual(['AccessDenied']);
  });
});

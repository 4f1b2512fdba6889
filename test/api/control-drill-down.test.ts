import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadCatalog } from '../../controls/loader.js';
import type { Database } from '../../schema/db.js';
import { memoryDb, tempDir } from '../support/db.js';
import { seedInventory } from './fixture.js';

/**
 * A requirement mapped to several checks (as NIST maps up to 20) shows in its drill-down, over HTTP from a real
 * server, each check's own verdict and the findings it returned, and the requirement's framework attributes.
 */
let db: Database;
let server: RunningServer;
let cleanup: () => void;

function writeCatalog() {
  const t = tempDir();
  mkdirSync(join(t.dir, 's3'));
  const check = (id: string, sql: string, scopeWhere?: string) => {
    writeFileSync(join(t.dir, 's3', `${id}.sql`), sql);
    writeFileSync(join(t.dir, 's3', `${id}.json`), JSON.stringify({
      id, title: `Drill ${id}`, severity: 'high', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets', ...(scopeWhere ? { where: scopeWhere } : {}) },
    }));
  };
  const select = "SELECT arn AS resource_id, account_id, region, 'r' AS reason FROM aws_s3_buckets";
  check('drill_fails', `${select} WHERE policy IS NULL`);
  check('drill_passes', `${select} WHERE encryption_algorithm = 'none'`);
  check('drill_nothing_in_scope', `${select} WHERE name = 'absent'`, "name = 'absent'");
  check('drill_broken', `${select} WHERE no_such_column = 1`);
  writeFileSync(join(t.dir, 'drill.json'), JSON.stringify({
    id: 'drill', title: 'Drill-down', version: '1',
    requirements: [{
      id: 'AC-2(1)', title: 'Automated account management', section: 'Access Control (AC) / Account Management (AC-2)', assessment: 'Automated',
      checks: ['drill_fails', 'drill_passes', 'drill_nothing_in_scope', 'drill_broken'],
      attributes: { framework: 'nist-800-53', family: 'AC', family_title: 'Access Control', control: 'AC-2', enhancement: 1 },
    }],
  }));
  return { catalog: loadCatalog({ checksDirs: [t.dir], env: {} }), cleanup: t.cleanup };
}

beforeAll(async () => {
  const written = writeCatalog();
  cleanup = written.cleanup;
  db = await memoryDb();
  await seedInventory(db);
  await evaluateBenchmark({ db, benchmarkId: 'drill', catalog: written.catalog, trigger: 'cli' });
  server = await startServer({ db, catalog: written.catalog, port: 0 });
}, 60_000);
afterAll(async () => {
  await server?.close();
  db?.close();
  cleanup?.();
});

describe('the drill-down of a requirement mapped to many checks', () => {
  it('shows which checks failed, passed, found nothing in scope or could not run, each with its findings', async () => {
    const res = await fetch(`${server.url}api/benchmarks/drill/controls/${encodeURIComponent('AC-2(1)')}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as any;
    expect(body.control.status).toBe('FAIL');
    const byId = Object.fromEntries(body.control.checks.map((c: any) => [c.id, c]));
    expect(byId.drill_fails).toMatchObject({ status: 'FAIL', affected_count: 2, evaluated_count: 3, findings_total: 2, error: null });
    expect(byId.drill_passes).toMatchObject({ status: 'PASS', affected_count: 0, evaluated_count: 3, findings_total: 0, error: null });
    expect(byId.drill_nothing_in_scope).toMatchObject({ status: 'SKIP', evaluated_count: 0, findings_total: 0 });
    expect(byId.drill_broken.status).toBe('ERROR');
    expect(byId.drill_broken.error).toMatch(/no_such_column/);
    // The findings are the failing check's, each labelled with it.
    expect(body.resources.map((r: any) => [r.check_id, r.resource_id]).sort()).toEqual([
      ['drill_fails', 'arn:aws:s3:::acme-logs'], ['drill_fails', 'arn:aws:s3:::acme-tmp'],
    ]);
  });

  it('gives the requirement its framework attributes', async () => {
    const body = (await (await fetch(`${server.url}api/benchmarks/drill/controls/${encodeURIComponent('AC-2(1)')}`)).json()) as any;
    expect(body.control.attributes).toEqual({ framework: 'nist-800-53', family: 'AC', family_title: 'Access Control', control: 'AC-2', enhancement: 1 });
  });

  it('falls back, for a scan stored before per-check verdicts, to what the findings and the error show, never to PASS', async () => {
    await db.run("UPDATE control_results SET check_results = NULL WHERE control_id = 'AC-2(1)'");
    const scan = (await db.one<{ id: string }>("SELECT id FROM scans WHERE benchmark_id = 'drill'"))!.id;
    // Finished scans' bodies are cached by the running server: read through a new app over the same database.
    const app = await import('../../api/app.js');
    const catalog = writeCatalog();
    try {
      const res = await app.createApp({ db, catalog: catalog.catalog }).request(`/api/benchmarks/drill/controls/${encodeURIComponent('AC-2(1)')}?scan=${scan}`);
      const byId = Object.fromEntries(((await res.json()) as any).control.checks.map((c: any) => [c.id, c.status]));
      expect(byId).toEqual({ drill_fails: 'FAIL', drill_passes: null, drill_nothing_in_scope: null, drill_broken: 'ERROR' });
    } finally {
      catalog.cleanup();
    }
  });
});

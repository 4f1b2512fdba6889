import { execFileSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIac } from '../../../cli/commands/iac.js';
import { evaluateBenchmark } from '../../../controls/engine.js';
import { loadSample } from '../../../demo/sample.js';
import { parseCsv } from '../../../reports/csv.js';
import { exportScan, type ExportFormat } from '../../../reports/export.js';
import { resolveScan } from '../../../schema/scans.js';
import { verifyExport } from '../../../reports/verify.js';
import { Database } from '../../../schema/db.js';
import { runCli } from '../../support/cli.js';
import { tempDir } from '../../support/db.js';
import { fixturePath } from './support.js';

/**
 * `calabi iac --save`, `--live-db` and the exports of a saved IaC scan, on real DuckDB files: the plan fixtures of
 * test/fixtures/terraform and, as the live account, the bundled demo account evaluated by the real engine.
 */
const run = (name: string, flags: Partial<Parameters<typeof runIac>[1]> = {}) =>
  runIac(fixturePath(name), { benchmark: 'cis-aws-3.0', format: 'json', failOn: 'low', ...flags });

let dir: { dir: string; cleanup: () => void };
let iacFile: string;
let liveFile: string;
let scanId: string;

beforeAll(async () => {
  dir = tempDir();
  iacFile = join(dir.dir, 'plan-scans.duckdb');
  liveFile = join(dir.dir, 'live.duckdb');
  const live = await Database.open(liveFile);
  await loadSample(live);
  await evaluateBenchmark({ db: live, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
  live.close();
  scanId = (await run('synthetic-compute-storage.json', { save: iacFile })).scanId!;
}, 180_000);
afterAll(() => dir?.cleanup());

async function withDb<T>(path: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

describe('calabi iac --save', () => {
  it('stores NOT VERIFIABLE as a status, the not-verifiable resources with why, and both scores reconciled with the rows', async () => {
    await withDb(iacFile, async (db) => {
      const scan = (await db.all<any>('SELECT * FROM scans'))[0];
      expect(scan).toMatchObject({ id: scanId, source: 'terraform', status: 'complete', trigger: 'iac' });
      const counts = Object.fromEntries((await db.all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM control_results WHERE scan_id = ? GROUP BY status', [scanId])).map((r) => [r.status, Number(r.n)]));
      expect(counts['NOT VERIFIABLE']).toBeGreaterThan(0);
      expect(scan.not_verifiable).toBe(counts['NOT VERIFIABLE']);
      expect(scan.pass).toBe(counts.PASS);
      expect(scan.fail).toBe(counts.FAIL);
      expect(scan.verifiable_score).toBe(Math.round((1000 * counts.PASS!) / (counts.PASS! + counts.FAIL!)) / 10);
      expect(scan.overall_score).toBe(Math.round((1000 * counts.PASS!) / (counts.PASS! + counts.FAIL! + counts['NOT VERIFIABLE']!)) / 10);
      // The instance whose metadata options are unknown until apply is listed with why, under 5.6.
      const nv = await db.all<any>('SELECT control_id, resource_id, reason, terraform_addresses FROM not_verifiable_resources WHERE scan_id = ?', [scanId]);
      expect(nv).toContainEqual({ control_id: '5.6', resource_id: expect.stringContaining('tf:aws_instance.computed'), reason: expect.stringMatching(/known only after apply/), terraform_addresses: ['aws_instance.computed'] });
      // Each requirement's affected count equals its findings rows: not-verifiable resources are not findings.
      const mismatched = await db.all(`SELECT c.control_id FROM control_results c LEFT JOIN (SELECT control_id, count(DISTINCT resource_id) AS n FROM findings WHERE scan_id = $1 GROUP BY 1) f USING (control_id)
        WHERE c.scan_id = $1 AND c.affected_count <> coalesce(f.n, 0)`, [scanId]);
      expect(mismatched).toEqual([]);
      // Nothing of the plan's inventory is kept: the file holds scans only.
      expect((await db.all<{ n: number }>('SELECT count(*) AS n FROM aws_ec2_instances'))[0]!.n).toBe(0);
    });
  });

  it('adds later plans to the same IaC database as its history', async () => {
    const second = await run('regula-iam_password_length_infra.json', { save: iacFile });
    await withDb(iacFile, async (db) => {
      const rows = await db.all<{ id: string; source: string }>('SELECT id, source FROM scans ORDER BY started_at');
      expect(rows).toEqual([{ id: scanId, source: 'terraform' }, { id: second.scanId, source: 'terraform' }]);
    });
  }, 120_000);

  it('refuses a database that holds live scans or inventory, saying why and what to do, and leaves it unchanged', async () => {
    const before = await withDb(liveFile, (db) => db.all('SELECT id FROM scans'));
    const cli = await runCli(['iac', fixturePath('regula-key_rotation_infra.json'), '--save', liveFile]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/holds live AWS data \(1 live scan\(s\), .*inventory/);
    expect(cli.stderr).toMatch(/Save the plan into a file of its own.*--live-db/);
    expect(await withDb(liveFile, (db) => db.all('SELECT id FROM scans'))).toEqual(before);
  }, 120_000);

  it('never writes a planted secret of the plan to the saved database', async () => {
    const plan = 'synthetic-secrets-and-unknowns.json';
    const planted = readFileSync(fixturePath(plan), 'utf8').match(/PLANTED-SECRET-[A-Z-]+-[0-9a-f]{4}/g)!;
    expect(planted.length).toBeGreaterThan(5);
    const own = tempDir();
    try {
      const file = join(own.dir, 'secrets.duckdb');
      const { scanId: id } = await run(plan, { save: file });
      await withDb(file, async (db) => expect((await db.all('SELECT id FROM scans'))[0]).toEqual({ id }));
      const bytes = readdirSync(own.dir).map((f) => readFileSync(join(own.dir, f)).toString('latin1')).join('');
      expect(bytes.length).toBeGreaterThan(10_000);
      for (const s of planted) expect(bytes).not.toContain(s);
    } finally {
      own.cleanup();
    }
  }, 120_000);
});

describe('calabi iac --live-db (drift before apply)', () => {
  it("labels each requirement against the live account's latest scan, in json and table output", async () => {
    const { report } = await run('synthetic-compute-storage.json', { liveDb: liveFile });
    const live = await withDb(liveFile, (db) => db.all<{ control_id: string; status: string }>('SELECT control_id, status FROM control_results'));
    const liveOf = new Map(live.map((r) => [r.control_id, r.status]));
    const byId = new Map(report.drift!.controls.map((d) => [d.id, d]));
    // The demo account has a root access key (1.18 FAIL live); the plan's roles pass. Its buckets block public
    // access (2.3.1 PASS live) and the plan's RDS instance is unencrypted.
    expect(byId.get('1.18')).toMatchObject({ live_status: 'FAIL', plan_status: 'PASS', drift: 'plan fixes' });
    expect(byId.get('2.3.1')).toMatchObject({ live_status: 'PASS', plan_status: 'FAIL', drift: 'plan breaks' });
    for (const c of report.controls) {
      const d = byId.get(c.id)!;
      expect(d.live_status).toBe(liveOf.get(c.id) ?? null);
      if (c.status === 'NOT VERIFIABLE') expect(d.drift).toBe('unknown');
      if (c.status === d.live_status && c.status !== 'NOT VERIFIABLE') expect(d.drift).toBe('same');
    }
    expect(Object.values(report.drift!.counts).reduce((a, b) => a + b, 0)).toBe(report.controls.length);
    const table = await run('synthetic-compute-storage.json', { liveDb: liveFile, format: 'table' });
    expect(table.output).toMatch(/Drift before apply against live scan .* plan fixes 1 · plan breaks 1/);
    expect(table.output).toMatch(/FAIL\s+2\.3\.1\s+live PASS\s+plan breaks/);
  }, 120_000);

  it('says every requirement is unknown when the live database has no scan of the benchmark', async () => {
    const { report } = await run('regula-key_rotation_infra.json', { liveDb: liveFile, benchmark: 'cis-aws-1.5' });
    expect(report.drift!.live_scan).toBeNull();
    expect(new Set(report.drift!.controls.map((d) => d.drift))).toEqual(new Set(['unknown']));
  }, 120_000);
});

describe('exports of a saved IaC scan', () => {
  async function exported(format: ExportFormat, level?: 'findings'): Promise<string> {
    const file = join(dir.dir, `iac-${level ?? 'controls'}.${format}`);
    await withDb(iacFile, async (db) => {
      const scan = await resolveScan(db, scanId);
      await exportScan(db, scan, createWriteStream(file), { format, level });
      expect((await verifyExport(db, file)).ok).toBe(true);
    });
    return file;
  }

  it('writes NOT VERIFIABLE rows, the not-verifiable resources with reasons and both scores in the CSV, and verify accepts it', async () => {
    const [header, ...rows] = [...parseCsv(readFileSync(await exported('csv'), 'utf8').replace(/^\uFEFF/, ''))].filter((r) => r.length > 1);
    const col = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[0] === '5.6')!;
    expect(row[col('Status')]).toBe('FAIL');
    expect(row[col('Not verifiable resources')]).toMatch(/tf:aws_instance\.computed — .*known only after apply/);
    expect(rows.filter((r) => r[col('Status')] === 'NOT VERIFIABLE').length).toBeGreaterThan(40);
    const pass = rows.filter((r) => r[col('Status')] === 'PASS').length;
    const fail = rows.filter((r) => r[col('Status')] === 'FAIL').length;
    const nv = rows.filter((r) => r[col('Status')] === 'NOT VERIFIABLE').length;
    expect(row[col('Verifiable score (PASS / (PASS + FAIL))')]).toBe(`${Math.round((1000 * pass) / (pass + fail)) / 10}%`);
    expect(row[col('Overall score (PASS / (PASS + FAIL + NOT VERIFIABLE))')]).toBe(`${Math.round((1000 * pass) / (pass + fail + nv)) / 10}%`);
    await exported('csv', 'findings');
  }, 60_000);

  it('writes both scores with formulas, NOT VERIFIABLE counts and resources in the XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await exported('xlsx'));
    const summary = wb.getWorksheet('Summary')!;
    const text: string[] = [];
    summary.eachRow((r) => text.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')).join(' | ')));
    expect(text).toContainEqual(expect.stringMatching(/^Verifiable score \| 57\.1% = PASS \/ \(PASS \+ FAIL\) = 4 \/ \(4 \+ 3\)$/));
    expect(text).toContainEqual(expect.stringMatching(/^Overall score \| 6\.9% = PASS \/ \(PASS \+ FAIL \+ NOT VERIFIABLE\) = 4 \/ \(4 \+ 3 \+ 51\)$/));
    expect(text).toContainEqual('NOT VERIFIABLE | 51');
    const controls = wb.getWorksheet('Controls')!;
    const headers = (controls.getRow(1).values as unknown[]).slice(1);
    const nvCol = headers.indexOf('Not verifiable resources') + 1;
    let found = '';
    controls.eachRow((r) => { if (r.getCell(1).value === '5.6') found = String(r.getCell(nvCol).value); });
    expect(found).toMatch(/tf:aws_instance\.computed — .*known only after apply/);
  }, 60_000);

  it('prints both scores with formulas and the not-verifiable resources in the PDF', async () => {
    const text = execFileSync('pdftotext', ['-layout', await exported('pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Verifiable score: 57.1% = PASS / (PASS + FAIL) = 4 / (4 + 3)');
    expect(text).toContain('Overall score: 6.9% = PASS / (PASS + FAIL + NOT VERIFIABLE) = 4 / (4 + 3 + 51)');
    expect(text).toMatch(/NOT VERIFIABLE 51/);
    expect(text).toContain('Not verifiable resources');
    expect(text).toMatch(/tf:aws_instance\.computed\s+·\s+ec2_instance_imdsv2_required reads metadata_http_tokens/);
  }, 60_000);
});

/**
 * npm run bench:export — the latest scan of a database that holds many scans (default: 15 scans of 123,000
 * findings each, as the 1M-resource bench:evaluate database holds), exported to XLSX and PDF (and CSV); prints
 * time, file size and peak memory. Targets: XLSX under 15 s and under 500 MB peak resident memory. Peak RSS is
 * sampled every 20 ms (the process's whole footprint, DuckDB included), so it is what an operator would see.
 * BENCH_FINDINGS and BENCH_SCANS change the sizes (BENCH_SCANS=1: a findings-only database).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Database } from '../schema/db.js';
import { exportScan, type ExportFormat } from '../reports/export.js';
import { resolveScan } from '../schema/scans.js';
import { seedScan, type SeedControl, type SeedFinding } from '../testkit/seed-scan.js';

const total = Number(process.env.BENCH_FINDINGS ?? 123_000);
const scans = Math.max(1, Number(process.env.BENCH_SCANS ?? 15));
const dir = process.argv[2] === '--one' ? '' : mkdtempSync(join(tmpdir(), 'calabi-bench-export-'));

function* findings(controls: SeedControl[]): Generator<SeedFinding> {
  const failing = controls.filter((c) => c.status === 'FAIL');
  for (let i = 0; i < total; i++) {
    const c = failing[i % failing.length]!;
    yield {
      control: c.id,
      resource: `arn:aws:s3:::bucket-${String(i).padStart(6, '0')}-${'x'.repeat(i % 20)}`,
      account: `1234567890${String(i % 50).padStart(2, '0')}`,
      region: ['us-east-1', 'eu-west-1', 'ap-southeast-2'][i % 3],
      reason: `resource ${i} fails the check because the setting is missing`,
      evidence: { index: i, tag: i % 1000 === 0 ? '=HYPERLINK("http://x","y")' : 'ok' },
    };
  }
}

/** Each format runs in a fresh process, so one export's heap does not inflate the next one's peak. */
async function one(format: ExportFormat, dbPath: string, file: string): Promise<void> {
  const db = await Database.open(dbPath);
  const scan = await resolveScan(db, 'bench-scan');
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = Date.now();
  const cpu0 = process.cpuUsage();
  await exportScan(db, scan, createWriteStream(file), { format, level: format === 'csv' ? 'findings' : undefined, organization: 'Bench Org' });
  const seconds = (Date.now() - start) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  db.close();
  process.stdout.write(JSON.stringify({ seconds, cpu, peak, base }));
}

async function main(): Promise<void> {
  const dbPath = join(dir, 'bench.duckdb');
  const db = await Database.open(dbPath);
  const controls: SeedControl[] = Array.from({ length: 60 }, (_, i) => ({
    id: `${1 + (i % 5)}.${i + 1}`,
    title: `Synthetic requirement number ${i + 1} with a realistic length of title text`,
    status: i % 3 === 0 ? 'PASS' : i % 7 === 0 ? 'SKIP' : 'FAIL',
    severity: ['critical', 'high', 'medium', 'low'][i % 4]!,
    checks: [`check_${i}`],
  }));
  const t0 = Date.now();
  await seedScan(db, { id: 'bench-scan', controls, findings: findings(controls) });
  // The older scans are copies made inside DuckDB (fast): same findings, earlier start, their own ids.
  for (let k = 1; k < scans; k++) {
    await db.write(async (tx) => {
      await tx.run(`INSERT INTO scans BY NAME SELECT * REPLACE ('bench-old-${k}' AS id, started_at - INTERVAL ${k} DAY AS started_at, finished_at - INTERVAL ${k} DAY AS finished_at, 'rid-old-${k}' AS report_id) FROM scans WHERE id = 'bench-scan'`);
      await tx.run(`INSERT INTO control_results BY NAME SELECT * REPLACE ('bench-old-${k}' AS scan_id) FROM control_results WHERE scan_id = 'bench-scan'`);
      await tx.run(`INSERT INTO requirement_findings BY NAME SELECT * REPLACE ('bench-old-${k}' AS scan_id) FROM requirement_findings WHERE scan_id = 'bench-scan'`);
    });
  }
  console.log(`seeded ${scans} scans of ${total} findings in ${((Date.now() - t0) / 1000).toFixed(1)} s; exporting the latest`);
  db.close();
  const failures: string[] = [];
  for (const format of ['xlsx', 'pdf', 'csv'] as ExportFormat[]) {
    const file = join(dir, `bench.${format}`);
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', format, dbPath, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const r = JSON.parse(out) as { seconds: number; cpu: number; peak: number; base: number };
    const mb = (n: number) => (n / 2 ** 20).toFixed(0);
    console.log(`${format.padEnd(5)} ${r.seconds.toFixed(1).padStart(6)} s wall ${r.cpu.toFixed(1).padStart(6)} s CPU   peak RSS ${mb(r.peak).padStart(4)} MB (at start ${mb(r.base)} MB)   file ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
    if (format === 'xlsx' && (r.seconds >= 15 || r.peak >= 500 * 2 ** 20)) failures.push(`xlsx misses its target (< 15 s, < 500 MB): ${r.seconds.toFixed(1)} s, ${mb(r.peak)} MB`);
  }
  rmSync(dir, { recursive: true, force: true });
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exitCode = 1;
  }
}

const [, , flag, format, dbArg, fileArg] = process.argv;
if (flag === '--one') {
  one(format as ExportFormat, dbArg!, fileArg!).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  });
}

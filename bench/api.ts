/**
 * npm run bench:api — latency and throughput of the API on a one-million-resource inventory and its scan.
 *
 * The inventory and the scan come from bench/evaluate.ts (the same synthetic ~1M resources, run once with
 * --keep), or from --db PATH. The server is the real CLI (`calabi serve`) in its own process, so the load
 * generator does not share its event loop; 32 clients on loopback issue requests back to back.
 *
 *   npm run bench:api [-- --db PATH --clients 32 --seconds 10]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '../testkit/moto.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { db: { type: 'string' }, clients: { type: 'string', default: '32' }, seconds: { type: 'string', default: '10' }, keep: { type: 'boolean', default: false } },
});
const clients = Number(args.clients);
const seconds = Number(args.seconds);

const typicalQuery = `SELECT region, count(*) AS instances,
       count(*) FILTER (WHERE metadata_http_tokens <> 'required') AS imdsv1,
       count(DISTINCT instance_type) AS types
FROM aws_ec2_instances
WHERE state = 'running'
GROUP BY region ORDER BY region`;

function inventory(): { path: string; cleanup: () => void } {
  if (args.db) return { path: args.db, cleanup: () => undefined };
  process.stderr.write('generating the one-million-resource inventory and its scan with bench/evaluate.ts --runs 1 --keep …\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/evaluate.ts'), '--runs', '1', '--keep'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stderr.write(run.stdout);
  const m = /written in [\d.]+ s \((.+?\.duckdb)\)/.exec(run.stdout);
  if (run.status !== 0 || !m) throw new Error('bench/evaluate.ts did not produce a database (see its output above); pass --db PATH to use an existing one');
  return { path: m[1]!, cleanup: () => rmSync(dirname(m[1]!), { recursive: true, force: true }) };
}

async function startServer(path: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [join(root, 'bin/calabi.js'), '--db', path, 'serve', '--port', String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`calabi serve exited: ${stderr}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, proc };
    if (Date.now() > deadline) throw new Error(`calabi serve did not answer within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A keep-alive node:http client: much lighter than fetch, so the load generator steals less CPU from the server. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function call(url: string, body?: string): Promise<{ ok: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ ok: (res.statusCode ?? 500) < 400 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Result { name: string; requests: number; errors: number; seconds: number; p50: number; p95: number; p99: number; max: number }

async function load(name: string, request: () => Promise<{ ok: boolean }>): Promise<Result> {
  // Steady state: 2 s of the same concurrent load first (caches, connections, JIT), not measured.
  const warmUntil = performance.now() + 2000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < warmUntil) await request();
  }));
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const res = await request();
      latencies.push(performance.now() - t0);
      if (!res.ok) errors++;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { name, requests: latencies.length, errors, seconds: elapsed, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: latencies.at(-1)! };
}

const data = inventory();
let server: { url: string; proc: ChildProcess } | undefined;
try {
  server = await startServer(data.path);
  const { url } = server;
  const report = (await (await fetch(`${url}/api/benchmarks/cis-aws-3.0/report`)).json()) as { controls: Array<{ id: string; affected_count: number }> };
  const top = [...report.controls].sort((a, b) => b.affected_count - a.affected_count)[0]!;
  const results = [
    await load('GET /api/benchmarks/cis-aws-3.0/report', () => call(`${url}/api/benchmarks/cis-aws-3.0/report`)),
    await load('GET /api/benchmarks/cis-aws-3.0/report?status=FAIL&sort=-affected', () => call(`${url}/api/benchmarks/cis-aws-3.0/report?status=FAIL&sort=-affected`)),
    await load(`GET …/controls/${top.id} (${top.affected_count.toLocaleString('en')} affected, first 1000)`, () => call(`${url}/api/benchmarks/cis-aws-3.0/controls/${top.id}`)),
    await load('POST /api/query (group-by over aws_ec2_instances)', () => call(`${url}/api/query`, JSON.stringify({ sql: typicalQuery }))),
  ];
  console.log(`\n${clients} concurrent clients on loopback, ${seconds} s each, server: calabi serve (separate process); ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(`${'endpoint'.padEnd(78)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const r of results) {
    console.log(`${r.name.padEnd(78)} ${(r.requests / r.seconds).toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}`);
  }
  const p95 = results[0]!.p95;
  console.log(`\nreport p95 ${p95.toFixed(1)} ms — target < 50 ms: ${p95 < 50 ? 'met' : 'NOT met'}`);
} finally {
  agent.destroy();
  server?.proc.kill('SIGTERM');
  if (!args.keep) data.cleanup();
}

/**
 * Calabi's CIS verdicts beside Prowler's, on the same emulated accounts: the two accounts of the end-to-end test
 * (testkit/cis-accounts.ts) seeded into one moto_server, then per account
 *   - Calabi: a sync through the account's role into a fresh database, and `evaluate cis-aws-3.0`;
 *   - Prowler: `prowler aws --compliance cis_3.0_aws` with the account's session and AWS_ENDPOINT_URL at moto.
 * Writes the requirement-by-requirement table into docs/accuracy.md between its markers, with the note of
 * scripts/accuracy/notes.json on every disagreement (which tool follows the CIS audit procedure, and why).
 *
 *   PROWLER=/path/to/prowler npx tsx scripts/accuracy/compare-prowler.ts [--keep DIR]
 *
 * Not part of the test suite: Prowler takes several minutes per account. Install it in its own virtualenv
 * (`python3 -m venv v && v/bin/pip install prowler`), not beside moto, whose pinned botocore it would move.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Status } from '../../controls/types.js';
import { parseCsvRecords } from '../../lib/csv/read.js';
import { packageRoot } from '../../lib/package-root.js';
import { Database } from '../../schema/db.js';
import { runSync } from '../../sync/runner.js';
import { BAD, GOOD, regions, seedCisAccounts, type Creds } from '../../testkit/cis-accounts.js';
import { startMoto, testCredentials, type Moto } from '../../testkit/moto.js';

const prowler = process.env.PROWLER ?? 'prowler';
const benchmark = 'cis-aws-3.0';
const prowlerFramework = 'cis_3.0_aws';
const accounts: Array<[string, string]> = [
  [BAD, 'badly configured'],
  [GOOD, 'configured as CIS asks'],
];
const doc = join(packageRoot, 'docs', 'accuracy.md');
const notesFile = join(packageRoot, 'scripts', 'accuracy', 'notes.json');

type ProwlerStatus = 'PASS' | 'FAIL' | 'MANUAL' | 'no result';
interface Row {
  id: string;
  title: string;
  account: string;
  calabi: Status;
  prowler: ProwlerStatus;
}

async function calabiVerdicts(moto: Moto, account: string): Promise<Map<string, { title: string; status: Status }>> {
  const db = await Database.open(':memory:');
  try {
    await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions, roleName: 'calabi', accounts: [account] });
    const report = await evaluateBenchmark({ db, benchmarkId: benchmark, trigger: 'accuracy' });
    return new Map(report.controls.map((c) => [c.id, { title: c.title, status: c.status }]));
  } finally {
    db.close();
  }
}

/**
 * Prowler's verdict per requirement: FAIL if any of its checks failed a resource, else PASS, else MANUAL.
 * Prowler runs asynchronously: moto_server is a child of this process whose output pipe needs the event loop.
 */
async function prowlerVerdicts(moto: Moto, account: string, creds: Creds, out: string): Promise<Map<string, ProwlerStatus>> {
  const child = spawn(
    prowler,
    ['aws', '--compliance', prowlerFramework, '--output-formats', 'csv', '-o', out, '-F', account, '--no-banner', '-f', ...regions],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: creds.accessKeyId,
        AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
        AWS_SESSION_TOKEN: creds.sessionToken,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: moto.endpoint,
      },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const [status] = (await once(child, 'exit')) as [number | null];
  // Prowler exits 3 when some check failed: that is a result, not an error.
  if (status !== 0 && status !== 3) throw new Error(`[accuracy] prowler failed for ${account} (exit ${status}): ${stderr}`);
  const dir = join(out, 'compliance');
  const file = readdirSync(dir).find((f) => f.startsWith(account) && f.endsWith(`${prowlerFramework}.csv`));
  if (!file) throw new Error(`[accuracy] prowler wrote no ${prowlerFramework} compliance file in ${dir}`);
  const records = parseCsvRecords(readFileSync(join(dir, file)), { delimiter: ';', relaxQuotes: true });
  const verdicts = new Map<string, ProwlerStatus>();
  const rank: Record<ProwlerStatus, number> = { 'no result': 0, MANUAL: 1, PASS: 2, FAIL: 3 };
  for (const r of records) {
    const id = r.REQUIREMENTS_ID!;
    const status = (['PASS', 'FAIL', 'MANUAL'].includes(r.STATUS!) ? r.STATUS : 'no result') as ProwlerStatus;
    const before = verdicts.get(id) ?? 'no result';
    if (rank[status] > rank[before]) verdicts.set(id, status);
  }
  return verdicts;
}

/** Same verdict: equal statuses; Calabi's SKIP (nothing in scope) matches Prowler reporting nothing. */
function agree(r: Row): boolean {
  return r.calabi === r.prowler || (r.calabi === 'SKIP' && r.prowler === 'no result');
}

function table(rows: readonly Row[], notes: Record<string, string>): string {
  const lines = ['| requirement | account | Calabi | Prowler | note |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const note = agree(r) ? '' : (notes[`${r.id} ${r.account}`] ?? notes[r.id] ?? '**no note yet**');
    lines.push(`| ${r.id} ${r.title.replace(/\|/g, '\\|')} | ${r.account === BAD ? 'bad' : 'good'} | ${r.calabi} | ${r.prowler} | ${note} |`);
  }
  return lines.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'calabi-accuracy-'));
const moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
try {
  const creds = await seedCisAccounts(moto);
  const rows: Row[] = [];
  for (const [account, what] of accounts) {
    console.log(`${account} (${what}): Calabi…`);
    const calabi = await calabiVerdicts(moto, account);
    console.log(`${account} (${what}): Prowler (several minutes)…`);
    const theirs = await prowlerVerdicts(moto, account, creds[account]!, join(work, account));
    for (const [id, { title, status }] of calabi) rows.push({ id, title, account, calabi: status, prowler: theirs.get(id) ?? 'no result' });
  }
  const notes = JSON.parse(readFileSync(notesFile, 'utf8')) as Record<string, string>;
  const same = rows.filter(agree).length;
  const version = spawnSync(prowler, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const body = [
    `<!-- generated by scripts/accuracy/compare-prowler.ts on ${new Date().toISOString().slice(0, 10)} with ${version}, moto 5.2.1 -->`,
    `Same verdict on ${same} of ${rows.length} requirement × account pairs; every disagreement has a note.`,
    '',
    table(rows, notes),
  ].join('\n');
  const text = readFileSync(doc, 'utf8');
  const [head, rest] = text.split('<!-- table:start -->');
  const tail = rest!.split('<!-- table:end -->')[1]!;
  writeFileSync(doc, `${head}<!-- table:start -->\n${body}\n<!-- table:end -->${tail}`);
  const missing = rows.filter((r) => !agree(r) && !notes[`${r.id} ${r.account}`] && !notes[r.id]);
  console.log(`agreement ${same}/${rows.length}; ${missing.length} disagreements without a note${missing.length ? `: ${missing.map((r) => `${r.id} ${r.account}`).join(', ')}` : ''}`);
  if (missing.length) process.exitCode = 1;
} finally {
  await moto.stop();
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else console.log(`prowler output kept in ${work}`);
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
/**
 * Regenerates demo/sample/: starts moto_server, seeds the Acme production account (seed-account.ts), runs the
 * real sync against it, and writes every synced table as NDJSON plus a manifest. Run it when collectors or
 * inventory tables change:  npx tsx scripts/demo/build-sample.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bookkeepingTables, sampleDir, type SampleManifest } from '../../demo/sample.js';
import { Database, type Row } from '../../schema/db.js';
import { inventoryTables } from '../../schema/inventory.js';
import { runSync } from '../../sync/runner.js';
import { startMoto, testCredentials } from '../../testkit/moto.js';
import { seedAcmeProduction } from './seed-account.js';

const accountId = '210987654321';
const regions = ['us-east-1', 'eu-west-1'];

async function main(): Promise<void> {
  const moto = await startMoto({ MOTO_ACCOUNT_ID: accountId, MOTO_IAM_LOAD_MANAGED_POLICIES: 'false' });
  const db = await Database.open(':memory:');
  try {
    await seedAcmeProduction({ endpoint: moto.endpoint, credentials: testCredentials });
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, regions, maxAttempts: 2 });
    process.stderr.write(`synced ${result.resources} resources, ${result.errors.length} errors (${[...new Set(result.errors.map((e) => `${e.service} ${e.operation} ${e.code}`))].join('; ')})\n`);

    rmSync(sampleDir, { recursive: true, force: true });
    mkdirSync(sampleDir, { recursive: true });
    const tables: SampleManifest['tables'] = [];
    for (const name of [...inventoryTables.map((t) => t.name), ...bookkeepingTables]) {
      const jsonColumns = new Set(
        (await db.all<{ column_name: string }>("SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND data_type = 'JSON'", [name])).map((c) => c.column_name),
      );
      const rows = await db.all<Row>(`SELECT * FROM "${name}" ORDER BY ALL`);
      if (!rows.length) continue;
      const lines = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonColumns.has(k) && typeof v === 'string' ? JSON.parse(v) : v]))));
      writeFileSync(join(sampleDir, `${name}.ndjson`), `${lines.join('\n')}\n`);
      tables.push({ name, rows: rows.length });
    }
    const manifest: SampleManifest = {
      format: 1,
      generated_at: new Date().toISOString(),
      account_id: accountId,
      regions,
      source: 'moto_server 5.2.1 seeded by scripts/demo/seed-account.ts, collected by the real sync (scripts/demo/build-sample.ts)',
      tables,
    };
    writeFileSync(join(sampleDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    process.stderr.write(`wrote ${tables.length} tables to ${sampleDir}: ${readdirSync(sampleDir).length} files\n`);
  } finally {
    db.close();
    await moto.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`build-sample failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadCatalog, type Catalog } from '../../controls/loader.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { tempDir } from '../support/db.js';

export const account = '123456789012';

/**
 * A small benchmark of our own (custom checks directory), so API tests do not depend on the built-in catalogue:
 * 1.1 bucket encryption (high), 1.2 bucket policy present (critical), 2.1 manual.
 */
export function writeTestCatalog(): { catalog: Catalog; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  mkdirSync(join(dir, 's3'));
  const check = (id: string, severity: string, where: string, reason: string) => {
    writeFileSync(join(dir, 's3', `${id}.sql`), `SELECT arn AS resource_id, account_id, region, '${reason}' AS reason, name AS bucket_name, encryption_algorithm\nFROM aws_s3_buckets WHERE ${where}`);
    writeFileSync(join(dir, 's3', `${id}.json`), JSON.stringify({
      id, title: `Test ${id}`, severity, tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' },
      description: `Description of ${id}.`, rationale: `Rationale of ${id}.`,
      remediation: [`First step for ${id}.`, `Second step for ${id}.`], links: [`https://docs.aws.amazon.com/${id}.html`],
    }));
  };
  check('apitest_bucket_encrypted', 'high', 'encryption_algorithm IS NULL', 'no default encryption');
  check('apitest_bucket_has_policy', 'critical', 'policy IS NULL', 'no bucket policy');
  writeFileSync(join(dir, 'api-test.json'), JSON.stringify({
    id: 'api-test', title: 'API test benchmark', version: '1.0',
    requirements: [
      { id: '1.1', title: 'Buckets are encrypted', section: 'Storage', level: 1, assessment: 'Automated', checks: ['apitest_bucket_encrypted'] },
      { id: '1.2', title: 'Buckets have a policy', section: 'Storage', level: 1, assessment: 'Automated', checks: ['apitest_bucket_has_policy'] },
      { id: '2.1', title: 'Contacts are current', section: 'Governance', level: 1, assessment: 'Manual', checks: [], evidence: 'Look at the account contacts.' },
    ],
  }));
  return { catalog: loadCatalog({ checksDirs: [dir], env: {} }), cleanup };
}

/** One account, one region, three buckets (one unencrypted, two without policy), synced without errors. */
export async function seedInventory(db: Database): Promise<void> {
  await seed(db, 'aws_accounts', [{ account_id: account, region: 'global', arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ account_id: account, region: 'us-east-1', partition: 'aws' }]);
  await seed(db, 'aws_s3_buckets', [
    { account_id: account, name: 'acme-web', arn: 'arn:aws:s3:::acme-web', encryption_algorithm: 'AES256', policy: '{"Statement":[]}', raw: { Name: 'acme-web', Tags: { env: 'prod' } } },
    { account_id: account, name: 'acme-logs', arn: 'arn:aws:s3:::acme-logs', encryption_algorithm: null, policy: null, raw: { Name: 'acme-logs', Tags: { env: 'prod' } } },
    { account_id: account, name: 'acme-tmp', arn: 'arn:aws:s3:::acme-tmp', encryption_algorithm: 'aws:kms', policy: null, raw: { Name: 'acme-tmp', Tags: { env: 'dev' } } },
  ]);
  await db.run("INSERT INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error) VALUES (?, 'global', 'aws_s3_buckets', 'ok', false, 3, now(), now(), 'seed', NULL)", [account]);
}

/** Seeds, then runs the real engine twice (the second after fixing acme-logs' encryption) so reports have a trend. */
export async function seedScans(db: Database, catalog: Catalog): Promise<{ first: string; second: string }> {
  await seedInventory(db);
  const first = await evaluateBenchmark({ db, benchmarkId: 'api-test', catalog, trigger: 'cli' });
  await db.run("UPDATE aws_s3_buckets SET encryption_algorithm = 'AES256' WHERE name = 'acme-logs'");
  const second = await evaluateBenchmark({ db, benchmarkId: 'api-test', catalog, trigger: 'cli' });
  return { first: first.scan.id, second: second.scan.id };
}

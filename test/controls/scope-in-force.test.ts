import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'benchmarks'));
  writeFileSync(
    join(dir, 'benchmarks', 'net.json'),
    JSON.stringify({
      id: 'net',
      title: 'Network',
      version: '1',
      requirements: [{ id: '5.2', title: 'no admin ports from 0.0.0.0/0', section: '5', level: 1, assessment: 'Automated', checks: ['ec2_sg_no_admin_ports_open_ipv4'] }],
    }),
  );
});
afterAll(() => cleanup());
afterEach(() => db.close());

const group = (region: string, id: string) => ({ region, group_id: id, group_name: id, arn: `arn:aws:ec2:${region}:${account}:security-group/${id}` });
const sshRule = (region: string, groupId: string, cidr: string) => ({
  region,
  group_id: groupId,
  security_group_rule_id: `sgr-${groupId}`,
  arn: `arn:aws:ec2:${region}:${account}:security-group-rule/sgr-${groupId}`,
  is_egress: false,
  ip_protocol: 'tcp',
  from_port: 22,
  to_port: 22,
  cidr_ipv4: cidr,
});

async function okScope(table: string, region: string): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
     VALUES (?, ?, ?, 'ok', false, 1, now(), now(), 'run', NULL)`,
    [account, region, table],
  );
}

beforeEach(async () => {
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  // An earlier sync covered us-east-1, where SSH is open to the world; the latest one covered eu-west-1 only, so
  // aws_regions lists eu-west-1 alone while us-east-1's rows (and their 'ok' scopes) are still in the tables.
  await seed(db, 'aws_regions', [{ region: 'eu-west-1' }]);
  await seed(db, 'aws_ec2_security_groups', [group('us-east-1', 'sg-east'), group('eu-west-1', 'sg-west')]);
  for (const region of ['us-east-1', 'eu-west-1']) for (const t of ['aws_ec2_security_groups', 'aws_ec2_security_group_rules', 'aws_ec2_managed_prefix_lists']) await okScope(t, region);
});

describe('the scope in force', () => {
  it('neither counts nor judges the groups of a region the latest sync left out', async () => {
    await seed(db, 'aws_ec2_security_group_rules', [sshRule('us-east-1', 'sg-east', '0.0.0.0/0'), sshRule('eu-west-1', 'sg-west', '10.0.0.0/8')]);
    const report = await evaluateBenchmark({ db, benchmarkId: 'net', checksDirs: [dir] });
    const c = report.controls[0]!;
    expect(c.status).toBe('PASS');
    expect(c.evaluated_count).toBe(1);
    expect(c.resources).toEqual([]);
  });

  it('fails on an open group inside the regions in scope', async () => {
    await seed(db, 'aws_ec2_security_group_rules', [sshRule('us-east-1', 'sg-east', '10.0.0.0/8'), sshRule('eu-west-1', 'sg-west', '0.0.0.0/0')]);
    const report = await evaluateBenchmark({ db, benchmarkId: 'net', checksDirs: [dir] });
    const c = report.controls[0]!;
    expect(c.status).toBe('FAIL');
    expect(c.resources.map((r) => r.region)).toEqual(['eu-west-1']);
  });

  it('leaves other connections reading the whole table', async () => {
    await seed(db, 'aws_ec2_security_group_rules', [sshRule('us-east-1', 'sg-east', '0.0.0.0/0')]);
    await evaluateBenchmark({ db, benchmarkId: 'net', checksDirs: [dir] });
    expect(await db.all('SELECT region FROM aws_ec2_security_group_rules')).toEqual([{ region: 'us-east-1' }]);
  });
});

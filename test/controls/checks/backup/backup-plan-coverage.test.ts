import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../../../controls/engine.js';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb, tempDir } from '../../../support/db.js';

// FSBP DynamoDB.4, EC2.28, EFS.2 and RDS.26 share calabi_backup_assignment (schema/sql-objects.ts). Its semantics are
// exercised in full on DynamoDB.4; the other three checks are held to their resource type, ARN form and opt-in key.
// Selections are seeded as aws_backup_selections rows (GetBackupSelection's contents as the collector writes them):
// moto 5.2.1 implements neither ListBackupSelections, GetBackupSelection nor DescribeRegionSettings
// (test/sync/backup covers the collectors with canned answers).
const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const plan = `arn:aws:backup:us-east-1:${acct}:backup-plan:daily`;
interface Sel { resources?: string[]; not?: string[]; tags?: Row[]; conditions?: Record<string, Row[]>; region?: string; account?: string; unread?: boolean }
const selection = (name: string, s: Sel): Row => ({
  id: `${plan}/selection/${name}`, selection_id: name, selection_name: name, backup_plan_id: 'daily', backup_plan_arn: plan,
  account_id: s.account ?? acct, region: s.region ?? 'us-east-1',
  resources: s.unread ? null : (s.resources ?? []), not_resources: s.unread ? null : (s.not ?? []),
  list_of_tags: s.unread ? null : (s.tags ?? []),
  conditions: s.unread ? null : { StringEquals: [], StringNotEquals: [], StringLike: [], StringNotLike: [], ...s.conditions },
});
const tag = (key: string, value: string) => ({ ConditionType: 'STRINGEQUALS', ConditionKey: key, ConditionValue: value });
const cond = (key: string, value: string) => ({ ConditionKey: `aws:ResourceTag/${key}`, ConditionValue: value });
const optIn = (types: string[], region = 'us-east-1') => ({ region, opted_in_resource_types: types, resource_type_opt_in: Object.fromEntries(types.map((t) => [t, true])) });
const everyType = ['DynamoDB', 'EBS', 'EFS', 'RDS'];

const tableArn = (name: string) => `arn:aws:dynamodb:us-east-1:${acct}:table/${name}`;
const table = (name: string, tags: Record<string, string> | null = {}): Row => ({ arn: tableArn(name), name, tags });
const ddb = 'dynamodb_table_in_backup_plan';
const failing = async (id: string) => (await checkFindings(db, id)).map((r) => String(r.resource_id).split(/[/:]/).pop());
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [String(r.resource_id).split(/[/:]/).pop(), r.reason]);

async function given(tables: Row[], selections: Row[], settings: Row[] = [optIn(everyType)]): Promise<void> {
  await seed(db, 'aws_dynamodb_tables', tables);
  await seed(db, 'aws_backup_selections', selections);
  await seed(db, 'aws_backup_region_settings', settings);
}

describe('dynamodb_table_in_backup_plan (FSBP DynamoDB.4)', () => {
  it('passes a table whose ARN a selection lists, and fails one no selection lists', async () => {
    await given([table('orders'), table('scratch')], [selection('exact', { resources: [tableArn('orders')] })]);
    expect(await reasons(ddb)).toEqual([['scratch', 'DynamoDB table scratch is in no AWS Backup plan\'s resource assignment']]);
  });

  it("matches * in an ARN as AWS Backup does: any run of characters, while _ and % stay literal", async () => {
    await given([table('orders-2024'), table('orders_x'), table('ordersAx'), table('other')], [
      selection('star', { resources: [`arn:aws:dynamodb:*:${acct}:table/orders-*`] }),
      selection('underscore', { resources: [`arn:aws:dynamodb:us-east-1:${acct}:table/orders_x`] }),
      selection('percent', { resources: [`arn:aws:dynamodb:us-east-1:${acct}:table/o%`] }),
    ]);
    // orders_x is listed exactly; ordersAx would match LIKE's _ but not AWS's literal underscore; o% is no wildcard.
    expect(await failing(ddb)).toEqual(['ordersAx', 'other']);
  });

  it('excludes a table NotResources names, by ARN or wildcard, even when Resources selects it', async () => {
    await given([table('orders'), table('tmp-1'), table('keep')], [
      selection('all-but', { resources: ['arn:aws:dynamodb:*:*:table/*'], not: [tableArn('orders'), 'arn:aws:dynamodb:*:*:table/tmp-*'] }),
    ]);
    expect(await failing(ddb)).toEqual(['orders', 'tmp-1']);
  });

  it('assigns a table matching any one ListOfTags entry (OR), with or without the aws:ResourceTag/ prefix, values case-sensitive', async () => {
    await given([table('a', { backup: 'daily' }), table('b', { tier: 'gold' }), table('c', { backup: 'Daily' }), table('d', {})], [
      selection('tags', { tags: [tag('backup', 'daily'), tag('aws:ResourceTag/tier', 'gold')] }),
    ]);
    expect(await failing(ddb)).toEqual(['c', 'd']);
  });

  it('assigns a table only when ALL Conditions hold (AND), StringLike matching * in tag values', async () => {
    await given([
      table('both', { env: 'prod', team: 'payments' }), table('wrong-team', { env: 'prod', team: 'search' }),
      table('no-env', { team: 'payments' }), table('like', { env: 'production', team: 'payments-eu' }),
    ], [
      selection('conds', { resources: ['arn:aws:dynamodb:*:*:table/*'], conditions: { StringLike: [cond('env', 'prod*'), cond('team', 'payments*')] } }),
    ]);
    expect(await failing(ddb)).toEqual(['no-env', 'wrong-team']);
  });

  it('holds StringNotEquals and StringNotLike for a table without the tag (IAM semantics), not for one with the excluded value', async () => {
    await given([table('untagged', {}), table('opted-out', { backup: 'false' }), table('temp', { lifecycle: 'temp-1' }), table('kept', { backup: 'true' })], [
      selection('not', { resources: ['*'], conditions: { StringNotEquals: [cond('backup', 'false')], StringNotLike: [cond('lifecycle', 'temp*')] } }),
    ]);
    expect(await failing(ddb)).toEqual(['opted-out', 'temp']);
  });

  it('combines Resources with ListOfTags by OR, and filters both with Conditions (AND)', async () => {
    await given([
      table('listed', { env: 'prod' }), table('tagged', { backup: 'yes', env: 'prod' }), table('tagged-dev', { backup: 'yes', env: 'dev' }),
      table('listed-dev', { env: 'dev' }), table('neither', { env: 'prod' }),
    ], [
      selection('mixed', { resources: [tableArn('listed'), tableArn('listed-dev')], tags: [tag('backup', 'yes')], conditions: { StringEquals: [cond('env', 'prod')] } }),
    ]);
    expect(await failing(ddb)).toEqual(['listed-dev', 'neither', 'tagged-dev']);
  });

  it('assigns every opted-in table with a selection that names no resource, tag or condition', async () => {
    await given([table('a'), table('b')], [selection('everything', {})]);
    expect(await failing(ddb)).toEqual([]);
  });

  it('fails every table where a plan exists without selections, or no plan at all', async () => {
    await given([table('a'), table('b')], []);
    expect(await failing(ddb)).toEqual(['a', 'b']);
  });

  it('needs DynamoDB opted in for tags, * and service-only ARNs, but not for an ARN naming the table type', async () => {
    await given([table('typed'), table('by-tag', { backup: 'yes' }), table('by-star'), table('by-service')], [
      selection('typed', { resources: ['arn:aws:dynamodb:*:*:table/typed'] }),
      selection('by-tag', { tags: [tag('backup', 'yes')] }),
      selection('by-star', { resources: [tableArn('by-*')], not: [tableArn('by-service'), tableArn('by-tag')] }),
      selection('by-service', { resources: ['arn:aws:dynamodb:*'], not: [tableArn('typed'), tableArn('by-tag'), tableArn('by-star')] }),
    ], [optIn(['EBS', 'RDS'])]);
    // by-star's pattern names the table/ type, so it is covered without opt-in as well.
    expect(await reasons(ddb)).toEqual([
      ['by-service', 'DynamoDB table by-service is selected only by tags or wildcards (by-service), and DynamoDB is not opted in to AWS Backup in us-east-1'],
      ['by-tag', 'DynamoDB table by-tag is selected only by tags or wildcards (by-tag), and DynamoDB is not opted in to AWS Backup in us-east-1'],
    ]);
  });

  it('counts only selections of the same account and region, and none whose contents could not be read', async () => {
    await given([table('a'), table('b'), table('c')], [
      selection('elsewhere', { resources: [tableArn('a')], region: 'eu-west-1' }),
      selection('other-account', { resources: [tableArn('b')], account: '222222222222' }),
      selection('unread', { unread: true }),
    ]);
    expect(await failing(ddb)).toEqual(['a', 'b', 'c']);
  });

  it('fails a tag-selected table whose tags could not be read, even under a StringNotEquals condition', async () => {
    await given([table('unknown', null)], [selection('not-false', { resources: ['*'], conditions: { StringNotEquals: [cond('backup', 'false')] } })]);
    expect(await reasons(ddb)).toEqual([['unknown', 'The tags of DynamoDB table unknown could not be read, and no backup selection assigns it without them']]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, ddb)).toEqual([]);
  });
});

describe('ec2_ebs_volume_in_backup_plan (FSBP EC2.28)', () => {
  const id = 'ec2_ebs_volume_in_backup_plan';
  const vol = (v: string, tags: Record<string, string> = {}): Row => ({ arn: `arn:aws:ec2:us-east-1:${acct}:volume/${v}`, volume_id: v, state: 'in-use', tags });
  it('passes volumes of an ARN or tag selection, and fails the rest, an EC2 instance selection not counting', async () => {
    await seed(db, 'aws_ec2_volumes', [vol('vol-1'), vol('vol-2', { backup: 'yes' }), vol('vol-3')]);
    await seed(db, 'aws_backup_selections', [
      selection('volumes', { resources: ['arn:aws:ec2:*:*:volume/vol-1'], tags: [tag('backup', 'yes')] }),
      selection('instances', { resources: ['arn:aws:ec2:*:*:instance/*'] }),
    ]);
    await seed(db, 'aws_backup_region_settings', [optIn(['EBS'])]);
    expect(await reasons(id)).toEqual([['vol-3', 'EBS volume vol-3 is in no AWS Backup plan\'s resource assignment']]);
  });
  it('needs EBS opted in for a tag selection, not for the volume/ ARN type', async () => {
    await seed(db, 'aws_ec2_volumes', [vol('vol-1'), vol('vol-2', { backup: 'yes' })]);
    await seed(db, 'aws_backup_selections', [selection('volumes', { resources: ['arn:aws:ec2:*:*:volume/vol-1'], tags: [tag('backup', 'yes')] })]);
    await seed(db, 'aws_backup_region_settings', [optIn(['DynamoDB'])]);
    expect(await failing(id)).toEqual(['vol-2']);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('efs_file_system_in_backup_plan (FSBP EFS.2)', () => {
  const id = 'efs_file_system_in_backup_plan';
  const fs = (f: string, extra: Row = {}): Row => ({ arn: `arn:aws:elasticfilesystem:us-east-1:${acct}:file-system/${f}`, file_system_id: f, tags: {}, backup_policy_status: 'DISABLED', ...extra });
  it('passes a file system a selection assigns or with automatic backups on, and fails the rest', async () => {
    await seed(db, 'aws_efs_file_systems', [fs('fs-1'), fs('fs-2', { backup_policy_status: 'ENABLED' }), fs('fs-3'), fs('fs-4', { backup_policy_status: null })]);
    await seed(db, 'aws_backup_selections', [selection('efs', { resources: ['arn:aws:elasticfilesystem:*:*:file-system/fs-1'] })]);
    await seed(db, 'aws_backup_region_settings', [optIn(['EFS'])]);
    expect(await reasons(id)).toEqual([
      ['fs-3', 'EFS file system fs-3 is in no AWS Backup plan\'s resource assignment'],
      ['fs-4', 'EFS file system fs-4 is in no AWS Backup plan\'s resource assignment'],
    ]);
  });
  it('needs EFS opted in for a * selection', async () => {
    await seed(db, 'aws_efs_file_systems', [fs('fs-1')]);
    await seed(db, 'aws_backup_selections', [selection('all', { resources: ['*'] })]);
    await seed(db, 'aws_backup_region_settings', [optIn(['EBS'])]);
    expect(await failing(id)).toEqual(['fs-1']);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_instance_in_backup_plan (FSBP RDS.26)', () => {
  const id = 'rds_instance_in_backup_plan';
  const inst = (n: string, extra: Row = {}): Row => ({ arn: `arn:aws:rds:us-east-1:${acct}:db:${n}`, db_instance_identifier: n, engine: 'postgres', tags: {}, ...extra });
  it('passes instances a selection assigns, fails the rest, and leaves cluster members, Neptune and DocumentDB out', async () => {
    await seed(db, 'aws_rds_db_instances', [
      inst('db-1'), inst('db-2', { tags: { env: 'prod' } }), inst('db-3'),
      inst('aurora-1', { engine: 'aurora-postgresql', db_cluster_identifier: 'aurora' }), inst('graph', { engine: 'neptune' }), inst('docs', { engine: 'docdb' }),
    ]);
    await seed(db, 'aws_backup_selections', [selection('rds', { resources: ['arn:aws:rds:*:*:db:db-1'], conditions: {} }), selection('prod', { conditions: { StringEquals: [cond('env', 'prod')] } })]);
    await seed(db, 'aws_backup_region_settings', [optIn(['RDS'])]);
    expect(await reasons(id)).toEqual([['db-3', 'RDS DB instance db-3 is in no AWS Backup plan\'s resource assignment']]);
  });
  it('needs RDS opted in for a condition-only selection, not for the db: ARN type', async () => {
    await seed(db, 'aws_rds_db_instances', [inst('db-1'), inst('db-2', { tags: { env: 'prod' } })]);
    await seed(db, 'aws_backup_selections', [selection('rds', { resources: ['arn:aws:rds:*:*:db:db-1'] }), selection('prod', { conditions: { StringEquals: [cond('env', 'prod')] } })]);
    await seed(db, 'aws_backup_region_settings', [optIn(['Aurora'])]);
    expect(await failing(id)).toEqual(['db-2']);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('the backup plan checks when the selections could not be synced', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(join(dir, 'benchmarks'));
    writeFileSync(join(dir, 'benchmarks', 'bk.json'), JSON.stringify({
      id: 'bk', title: 'Backup', version: '1',
      requirements: [{ id: 'DynamoDB.4', title: 'in a backup plan', section: 'DynamoDB', assessment: 'Automated', checks: [ddb] }],
    }));
  });
  afterAll(() => cleanup());

  async function synced(status: Record<string, 'ok' | 'error'>): Promise<void> {
    const at = new Date();
    await seed(db, 'aws_accounts', [{ account_id: acct, arn: `arn:aws:::${acct}`, partition: 'aws' }]);
    await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
    await given([table('orders')], [selection('all', { resources: ['arn:aws:dynamodb:*:*:table/*'] })]);
    for (const t of ['aws_dynamodb_tables', 'aws_backup_selections', 'aws_backup_region_settings']) {
      await db.run(
        `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
         VALUES (?, 'us-east-1', ?, ?, ?, 1, ?, ?, 'run-1', ?)`,
        [acct, t, status[t] ?? 'ok', (status[t] ?? 'ok') === 'error', at, at, status[t] === 'error' ? 'AccessDeniedException' : null],
      );
    }
  }
  const evaluate = async () => (await evaluateBenchmark({ db, benchmarkId: 'bk', checksDirs: [dir] })).controls[0]!;

  it('passes on trustworthy data', async () => {
    await synced({});
    expect((await evaluate()).status).toBe('PASS');
  });

  it('reports ERROR, never PASS, when aws_backup_selections is in error', async () => {
    await synced({ aws_backup_selections: 'error' });
    const c = await evaluate();
    expect(c.status).toBe('ERROR');
    expect(c.reason).toMatch(/aws_backup_selections/);
  });

  it('reports ERROR, never PASS, when the region settings are in error', async () => {
    await synced({ aws_backup_region_settings: 'error' });
    expect((await evaluate()).status).toBe('ERROR');
  });
});

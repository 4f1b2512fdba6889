import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// One case list for every "<resource> policy not public" check: they read the same stored facts
// (schema/policy-columns.ts), written by the collectors from sync/policy/public.ts.
const cases = [
  { id: 'sqs_queue_policy_not_public', table: 'aws_sqs_queues', arn: 'arn:aws:sqs:us-east-1:111111111111:orders', name: { name: 'orders' } },
  { id: 'lambda_function_policy_not_public', table: 'aws_lambda_functions', arn: 'arn:aws:lambda:us-east-1:111111111111:function:hook', name: { function_name: 'hook' } },
  { id: 'kms_key_policy_not_public', table: 'aws_kms_key_policies', arn: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd', name: { key_id: '1234abcd' } },
  { id: 'sns_topic_policy_not_public', table: 'aws_sns_topics', arn: 'arn:aws:sns:us-east-1:111111111111:alerts', name: { name: 'alerts' } },
  // aws_s3_buckets' policy columns come from netpol's branch (policy_normalized, policy_is_public, public_statements).
  { id: 's3_bucket_policy_not_public', table: 'aws_s3_buckets', arn: 'arn:aws:s3:::acme-public', name: { name: 'acme-public', region: 'us-east-1' } },
  { id: 'secretsmanager_secret_policy_not_public', table: 'aws_secretsmanager_secrets', arn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf', name: { name: 'db' } },
] as const;

const openPolicy = { Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

// aws_s3_buckets has no has_policy column (netpol's shape: policy IS NULL says "no policy").
const facts = (table: string, open: boolean | null) => (table === 'aws_s3_buckets' ? { policy_is_public: open } : { has_policy: open === null ? null : true, policy_is_public: open });

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

describe.each(cases)('$id', ({ id, table, arn, name }) => {
  it('fails a resource whose policy allows anyone, naming the open statement', async () => {
    await seed(db, table, [{ arn, ...name, policy: openPolicy, ...facts(table, true), public_statements: ['Anyone'] }]);
    const rows = await checkFindings(db, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ resource_id: arn, account_id: '111111111111', region: 'us-east-1', public_statements: ['Anyone'] });
    expect(rows[0]!.reason).toContain('statement(s) Anyone');
  });

  it('fails a resource whose policy could not be read: unknown is not private', async () => {
    await seed(db, table, [{ arn, ...name, ...facts(table, null) }]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([[arn, expect.stringContaining('could not be read or parsed')]]);
  });

  it('passes a resource whose policy is narrowed or absent', async () => {
    await seed(db, table, [
      { arn, ...name, policy: openPolicy, ...facts(table, false), public_statements: [] },
      { arn: `${arn}-2`, ...facts(table, false), public_statements: [] },
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'sns_topic_kms_encrypted';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const topic = (name: string, key: string | null) => ({ arn: `arn:aws:sns:us-east-1:111111111111:${name}`, name, kms_master_key_id: key });

describe(id, () => {
  it('fails topics without a KMS key', async () => {
    await seed(db, 'aws_sns_topics', [topic('plain', null), topic('enc', 'alias/aws/sns')]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual(['SNS topic plain is not encrypted with a KMS key']);
  });
  it('passes topics with the AWS managed or a customer managed key', async () => {
    await seed(db, 'aws_sns_topics', [topic('a', 'alias/aws/sns'), topic('b', 'arn:aws:kms:us-east-1:111111111111:key/1234')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const ami = (id: string, pub: boolean | null) => ({ arn: `arn:aws:ec2:us-east-1::image/${id}`, image_id: id, name: `n-${id}`, public: pub });

describe('ec2_ami_not_public', () => {
  it('fails a public AMI, and one whose sharing was not reported (fail closed)', async () => {
    await seed(db, 'aws_ec2_images', [ami('ami-open', true), ami('ami-unknown', null), ami('ami-private', false)]);
    const rows = await checkFindings(db, 'ec2_ami_not_public');
    expect(rows.map((r) => [r.image_id, r.reason])).toEqual([
      ['ami-open', 'AMI ami-open (n-ami-open) is public: any AWS account may launch it'],
      ['ami-unknown', 'Whether AMI ami-unknown is public was not reported: it cannot be shown private (sync again)'],
    ]);
  });

  it('passes an AMI that is private or shared with named accounts only', async () => {
    await seed(db, 'aws_ec2_images', [ami('ami-private', false)]);
    expect(await checkFindings(db, 'ec2_ami_not_public')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_ami_not_public')).toEqual([]);
  });
});

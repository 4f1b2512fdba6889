import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'ec2_ebs_snapshot_not_public';
const snap = (sid: string, extra: Row = {}): Row => ({ arn: `arn:aws:ec2:us-east-1::snapshot/${sid}`, snapshot_id: sid, volume_id: 'vol-1', encrypted: true, public: false, ...extra });

describe(id, () => {
  it('fails a public snapshot and one whose sharing is unknown', async () => {
    await seed(db, 'aws_ec2_snapshots', [snap('snap-open', { public: true }), snap('snap-private'), snap('snap-unknown', { public: null })]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:ec2:us-east-1::snapshot/snap-open', 'EBS snapshot snap-open is public: any AWS account can create a volume from it'],
      ['arn:aws:ec2:us-east-1::snapshot/snap-unknown', 'EBS snapshot snap-unknown did not report who may restore it'],
    ]);
  });

  it('passes private snapshots, unencrypted ones included (EC2.1 judges sharing only)', async () => {
    await seed(db, 'aws_ec2_snapshots', [snap('snap-private'), snap('snap-plain', { encrypted: false })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const point = (id: string, extra: Row = {}): Row => ({
  arn: `arn:aws:backup:us-east-1:111111111111:recovery-point:${id}`, vault_name: 'main', resource_arn: `arn:aws:s3:::${id}`, resource_type: 'S3', is_encrypted: true, ...extra,
});

describe('backup_recovery_point_encrypted', () => {
  const id = 'backup_recovery_point_encrypted';
  it('fails recovery points that are not encrypted or whose encryption was not reported', async () => {
    await seed(db, 'aws_backup_recovery_points', [point('plain', { is_encrypted: false }), point('unknown', { is_encrypted: null }), point('sealed')]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:backup:us-east-1:111111111111:recovery-point:plain', 'Recovery point of arn:aws:s3:::plain in backup vault main is not encrypted at rest'],
      ['arn:aws:backup:us-east-1:111111111111:recovery-point:unknown', 'Recovery point of arn:aws:s3:::unknown in backup vault main did not report its encryption'],
    ]);
  });
  it('passes encrypted recovery points', async () => {
    await seed(db, 'aws_backup_recovery_points', [point('sealed'), point('ebs', { resource_type: 'EBS' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'athena_workgroup_encrypted_at_rest';
const wg = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:athena:us-east-1:111111111111:workgroup/${name}`, name, state: 'ENABLED', encryption_option: 'SSE_KMS', kms_key: 'arn:aws:kms:us-east-1:111111111111:key/k', configuration_read: true, ...extra,
});

describe(id, () => {
  it('fails a workgroup without result encryption, and one whose configuration was not read', async () => {
    await seed(db, 'aws_athena_workgroups', [
      wg('plain', { encryption_option: null, kms_key: null }),
      wg('unread', { encryption_option: null, configuration_read: false }),
      wg('sealed'),
    ]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:athena:us-east-1:111111111111:workgroup/plain', 'Athena workgroup plain does not encrypt query results at rest'],
      ['arn:aws:athena:us-east-1:111111111111:workgroup/unread', 'Athena workgroup unread did not report its configuration'],
    ]);
  });

  it('passes each encryption option, disabled workgroups included', async () => {
    await seed(db, 'aws_athena_workgroups', [
      wg('kms'), wg('s3', { encryption_option: 'SSE_S3', kms_key: null }), wg('client', { encryption_option: 'CSE_KMS' }), wg('off', { state: 'DISABLED' }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

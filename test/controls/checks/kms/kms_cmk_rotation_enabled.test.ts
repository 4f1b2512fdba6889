import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { checkFindings, seed } from '../../../support/checks.js';

const id = 'kms_cmk_rotation_enabled';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const key = (keyId: string, over: Row = {}): Row => ({
  arn: `arn:aws:kms:us-east-1:111111111111:key/${keyId}`,
  key_id: keyId,
  key_manager: 'CUSTOMER',
  key_state: 'Enabled',
  key_spec: 'SYMMETRIC_DEFAULT',
  key_usage: 'ENCRYPT_DECRYPT',
  origin: 'AWS_KMS',
  rotation_enabled: true,
  ...over,
});

describe(id, () => {
  it('passes a rotating customer key and ignores keys that cannot rotate', async () => {
    await seed(db, 'aws_kms_keys', [
      key('rotating'),
      key('aws-managed', { key_manager: 'AWS', rotation_enabled: null }),
      key('signing', { key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY', rotation_enabled: null }),
      key('imported', { origin: 'EXTERNAL', rotation_enabled: null }),
      key('disabled', { key_state: 'Disabled', rotation_enabled: null }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails an enabled customer symmetric key without rotation', async () => {
    await seed(db, 'aws_kms_keys', [key('rotating'), key('static', { rotation_enabled: false, description: 'payments' })]);
    expect(await checkFindings(db, id)).toEqual([
      {
        resource_id: 'arn:aws:kms:us-east-1:111111111111:key/static',
        account_id: '111111111111',
        region: 'us-east-1',
        reason: 'Automatic rotation is off for customer-managed key static',
        key_id: 'static',
        description: 'payments',
      },
    ]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const ca = (name: string, type: string | null, status: string | null) => ({
  arn: `arn:aws:acm-pca:us-east-1:111111111111:certificate-authority/${name}`, type, status, subject_common_name: name,
});
const check = 'acmpca_root_ca_disabled';

describe(check, () => {
  it('fails a root CA in any status but DISABLED, and a CA whose type or status was not reported', async () => {
    await seed(db, 'aws_acmpca_certificate_authorities', [
      ca('active-root', 'ROOT', 'ACTIVE'), ca('pending-root', 'ROOT', 'PENDING_CERTIFICATE'), ca('deleted-root', 'ROOT', 'DELETED'),
      ca('untyped', null, 'DISABLED'), ca('unknown-status', 'ROOT', null), ca('off-root', 'ROOT', 'DISABLED'),
    ]);
    expect((await checkFindings(db, check)).map((r) => [r.common_name, r.reason])).toEqual([
      ['active-root', 'Root certificate authority active-root is ACTIVE, not DISABLED'],
      ['deleted-root', 'Root certificate authority deleted-root is DELETED, not DISABLED'],
      ['pending-root', 'Root certificate authority pending-root is PENDING_CERTIFICATE, not DISABLED'],
      ['unknown-status', 'The status of root certificate authority unknown-status was not reported: it cannot be shown to be disabled (sync again)'],
      ['untyped', 'The type of certificate authority untyped was not reported: it may be an enabled root CA (sync again)'],
    ]);
  });

  it('passes a disabled root CA and an active subordinate CA', async () => {
    await seed(db, 'aws_acmpca_certificate_authorities', [ca('off-root', 'ROOT', 'DISABLED'), ca('issuing', 'SUBORDINATE', 'ACTIVE')]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});

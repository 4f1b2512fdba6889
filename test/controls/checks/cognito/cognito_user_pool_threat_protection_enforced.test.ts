import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'cognito_user_pool_threat_protection_enforced';
const pool = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_${name}`, user_pool_id: `us-east-1_${name}`, name,
  advanced_security_mode: 'ENFORCED', feature_plan: 'PLUS', configuration_read: true, ...extra,
});

describe(id, () => {
  it('fails pools whose threat protection is off, audit-only, absent or unread', async () => {
    await seed(db, 'aws_cognito_user_pools', [
      pool('audit', { advanced_security_mode: 'AUDIT' }),
      pool('none', { advanced_security_mode: null }),
      pool('off', { advanced_security_mode: 'OFF' }),
      pool('unread', { advanced_security_mode: null, configuration_read: false }),
      pool('shielded'),
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.user_pool_id, r.reason])).toEqual([
      ['us-east-1_audit', 'Cognito user pool audit has threat protection in mode AUDIT, not ENFORCED'],
      ['us-east-1_none', 'Cognito user pool none has no threat protection'],
      ['us-east-1_off', 'Cognito user pool off has threat protection in mode OFF, not ENFORCED'],
      ['us-east-1_unread', 'Cognito user pool unread did not report its configuration'],
    ]);
  });

  it('passes a pool that enforces threat protection', async () => {
    await seed(db, 'aws_cognito_user_pools', [pool('shielded')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

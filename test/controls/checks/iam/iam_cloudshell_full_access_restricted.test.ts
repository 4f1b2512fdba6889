import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'iam_cloudshell_full_access_restricted';
const acct = '111111111111';
const cloudshell = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ arn: `arn:aws:::${acct}`, partition: 'aws' }]);
});
const holder = (entity_type: string, entity_name: string, entity_id: string, policy_name = 'AWSCloudShellFullAccess') => ({
  policy_arn: `arn:aws:iam::aws:policy/${policy_name}`,
  policy_name,
  entity_type,
  entity_name,
  entity_id,
});

describe(id, () => {
  it('fails every user, group and role holding AWSCloudShellFullAccess, by its ARN (with its path when known)', async () => {
    await seed(db, 'aws_iam_policy_entities', [holder('user', 'alice', 'AIDA1'), holder('group', 'ops', 'AGPA1'), holder('role', 'admin', 'AROA1')]);
    await seed(db, 'aws_iam_roles', [{ arn: `arn:aws:iam::${acct}:role/team/admin`, role_name: 'admin', role_id: 'AROA1' }]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.region, r.reason, r.policy_arn])).toEqual([
      [`arn:aws:iam::${acct}:group/ops`, 'global', 'The group ops has AWSCloudShellFullAccess attached: CloudShell with file upload and download', cloudshell],
      [`arn:aws:iam::${acct}:role/team/admin`, 'global', 'The role admin has AWSCloudShellFullAccess attached: CloudShell with file upload and download', cloudshell],
      [`arn:aws:iam::${acct}:user/alice`, 'global', 'The user alice has AWSCloudShellFullAccess attached: CloudShell with file upload and download', cloudshell],
    ]);
  });

  it('passes when only AWSSupportAccess has holders', async () => {
    await seed(db, 'aws_iam_policy_entities', [holder('role', 'support', 'AROA2', 'AWSSupportAccess')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    const empty = await memoryDb(); // not even the account row
    expect(await checkFindings(empty, id)).toEqual([]);
  });
});

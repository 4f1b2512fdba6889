import type { Database } from '../../../../schema/db.js';
import { seed } from '../../../support/checks.js';

export const mgmt = '111111111111';
export const member = '222222222222';
export const orgId = 'o-abc123';
export const orgArn = `arn:aws:organizations::${mgmt}:organization/${orgId}`;
export const rootId = 'r-ab12';
export const accountArn = (id: string) => `arn:aws:organizations::${mgmt}:account/${orgId}/${id}`;

/** Synced accounts: the management account and a member of one organization, plus a standalone account. */
export async function seedAccounts(db: Database, { withManagement = true } = {}): Promise<void> {
  const row = (account_id: string, organization_id: string | null) => ({
    account_id,
    arn: `arn:aws:::${account_id}`,
    partition: 'aws',
    organization_id,
    organization_master_account_id: organization_id ? mgmt : null,
  });
  await seed(db, 'aws_accounts', [...(withManagement ? [row(mgmt, orgId)] : []), row(member, orgId), row('333333333333', null)]);
}

/** The organization row as the management account's sync writes it. */
export async function seedOrganization(db: Database, extra: Record<string, unknown> = {}): Promise<void> {
  await seed(db, 'aws_organizations_organizations', [
    { account_id: mgmt, arn: orgArn, id: orgId, master_account_id: mgmt, feature_set: 'ALL', root_id: rootId, enabled_policy_types: ['SERVICE_CONTROL_POLICY'], scp_enabled: true, trusted_services: [], ...extra },
  ]);
}

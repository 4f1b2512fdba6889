import { DescribeOrganizationCommand, OrganizationsClient, type Organization } from '@aws-sdk/client-organizations';
import { isAwsError } from '../errors.js';
import type { SyncContext } from '../types.js';

/**
 * The organization, when the synced account is its management account; null for a standalone account
 * (AWSOrganizationsNotInUseException) or a member. Organization-wide data (roots, OUs, SCPs, delegated
 * administrators) is read from the management account only: a member would be refused, and reading it once
 * per organization keeps one copy. Delegated administrators for Organizations are not used as a source.
 */
export async function managementOrganization(ctx: SyncContext): Promise<Organization | null> {
  try {
    const org = (await ctx.client(OrganizationsClient).send(new DescribeOrganizationCommand({}))).Organization;
    if (!org?.Id || !org.MasterAccountId) throw new Error('[sync] organizations DescribeOrganization answered without the organization id or management account');
    return org.MasterAccountId === ctx.accountId ? org : null;
  } catch (error) {
    if (isAwsError(error, 'AWSOrganizationsNotInUseException')) return null;
    throw error;
  }
}

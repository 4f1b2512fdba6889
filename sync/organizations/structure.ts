import {
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListAWSServiceAccessForOrganization,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  type Root,
} from '@aws-sdk/client-organizations';
import type { Row } from '../../schema/db.js';
import { awsOrganizationsAccounts, awsOrganizationsOrganizations, awsOrganizationsUnits } from '../../schema/organizations.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';
import { managementOrganization } from './management.js';

/**
 * The organization, its root and trusted services, and the tree below the root: OUs level by level
 * (ListOrganizationalUnitsForParent) and the accounts of each parent (ListAccountsForParent), so every account
 * and OU carries its parent without a ListParents call per account.
 */
export const structureCollector: Collector = {
  service: 'organizations',
  name: 'structure',
  scope: 'global',
  tables: [awsOrganizationsOrganizations, awsOrganizationsUnits, awsOrganizationsAccounts],
  async collect(ctx) {
    const empty = { [awsOrganizationsOrganizations.name]: [], [awsOrganizationsUnits.name]: [], [awsOrganizationsAccounts.name]: [] };
    const org = await managementOrganization(ctx);
    if (!org) return empty;
    const client = ctx.client(OrganizationsClient);
    const roots = await allItems(paginateListRoots({ client }, {}), (p) => p.Roots);
    const root: Root | undefined = roots[0];
    if (!root?.Id) throw new Error(`[sync] organizations ListRoots answered no root for ${org.Id}`);
    const trusted = await allItems(paginateListAWSServiceAccessForOrganization({ client }, {}), (p) => p.EnabledServicePrincipals);
    const enabledTypes = (root.PolicyTypes ?? []).filter((t) => t.Status === 'ENABLED').map((t) => t.Type!);

    const units: Row[] = [];
    const accounts: Row[] = [];
    // Breadth-first: each level's parents are listed together, with the service's bounded concurrency.
    let parents = [root.Id];
    while (parents.length > 0) {
      const level = await ctx.map(parents, async (parentId) => ({
        parentId,
        ous: await allItems(paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId }), (p) => p.OrganizationalUnits),
        accounts: await allItems(paginateListAccountsForParent({ client }, { ParentId: parentId }), (p) => p.Accounts),
      }));
      parents = [];
      for (const { parentId, ous, accounts: members } of level) {
        for (const ou of ous) {
          units.push({ arn: ou.Arn, id: ou.Id, name: ou.Name ?? null, parent_id: parentId, raw: ou });
          if (ou.Id) parents.push(ou.Id);
        }
        for (const a of members) {
          accounts.push({ arn: a.Arn, id: a.Id, name: a.Name ?? null, email: a.Email ?? null, status: a.State ?? a.Status ?? null, parent_id: parentId, joined_timestamp: a.JoinedTimestamp ?? null, raw: a });
        }
      }
    }
    return {
      [awsOrganizationsOrganizations.name]: [
        {
          arn: org.Arn,
          id: org.Id,
          master_account_id: org.MasterAccountId,
          feature_set: org.FeatureSet ?? null,
          root_id: root.Id,
          root_arn: root.Arn ?? null,
          enabled_policy_types: enabledTypes,
          scp_enabled: enabledTypes.includes('SERVICE_CONTROL_POLICY'),
          trusted_services: trusted.map((s) => s.ServicePrincipal).filter((s): s is string => !!s).sort(),
          raw: { organization: org, root, trustedServices: trusted },
        },
      ],
      [awsOrganizationsUnits.name]: units,
      [awsOrganizationsAccounts.name]: accounts,
    };
  },
};

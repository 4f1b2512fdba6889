import { IAMClient, paginateListEntitiesForPolicy } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { awsIamPolicyEntities } from '../../schema/iam.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';

/** The AWS managed policies whose holders CIS asks about: 1.17 (a support role) and 1.22 (CloudShell). */
export const watchedPolicies = ['AWSSupportAccess', 'AWSCloudShellFullAccess'] as const;

export const policyEntitiesCollector: Collector = {
  service: 'iam',
  name: 'policy-entities',
  scope: 'global',
  tables: [awsIamPolicyEntities],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const rows: Row[] = [];
    for (const name of watchedPolicies) {
      const policyArn = `arn:${ctx.partition}:iam::aws:policy/${name}`;
      try {
        for await (const page of paginateListEntitiesForPolicy({ client: iam }, { PolicyArn: policyArn })) {
          const base = { policy_arn: policyArn, policy_name: name };
          for (const u of page.PolicyUsers ?? []) rows.push({ ...base, entity_type: 'user', entity_name: u.UserName, entity_id: u.UserId, raw: u });
          for (const g of page.PolicyGroups ?? []) rows.push({ ...base, entity_type: 'group', entity_name: g.GroupName, entity_id: g.GroupId, raw: g });
          for (const r of page.PolicyRoles ?? []) rows.push({ ...base, entity_type: 'role', entity_name: r.RoleName, entity_id: r.RoleId, raw: r });
        }
      } catch (error) {
        // A partition without this AWS managed policy: nobody can hold it.
        if (!isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) throw error;
      }
    }
    return { [awsIamPolicyEntities.name]: rows };
  },
};

import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { awsIamOrganizationsFeatures } from '../../schema/organizations.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';
import { managementOrganization } from './management.js';

const table = awsIamOrganizationsFeatures.name;

/**
 * IAM ListOrganizationsFeatures: the centralized root access features (RootCredentialsManagement,
 * RootSessions). Without IAM trusted access in the organization, or outside "all features" mode, IAM answers
 * with an exception that means "no feature enabled" — facts, stored as such.
 */
export const iamFeaturesCollector: Collector = {
  service: 'organizations',
  name: 'iam-features',
  scope: 'global',
  tables: [awsIamOrganizationsFeatures],
  async collect(ctx) {
    const org = await managementOrganization(ctx);
    if (!org) return { [table]: [] };
    try {
      const out = await ctx.client(IAMClient).send(new ListOrganizationsFeaturesCommand({}));
      const { $metadata: _, ...raw } = out;
      return { [table]: [{ organization_id: out.OrganizationId ?? org.Id, iam_trusted_access: true, enabled_features: [...(out.EnabledFeatures ?? [])].sort(), raw }] };
    } catch (error) {
      if (!isAwsError(error, 'ServiceAccessNotEnabledException', 'ServiceAccessNotEnabled', 'OrganizationNotInAllFeaturesModeException', 'OrganizationNotInAllFeaturesMode')) throw error;
      return { [table]: [{ organization_id: org.Id, iam_trusted_access: false, enabled_features: [], raw: { error: (error as Error).name } }] };
    }
  },
};

import { EMRClient, GetBlockPublicAccessConfigurationCommand } from '@aws-sdk/client-emr';
import { awsEmrBlockPublicAccess } from '../../schema/emr.js';
import type { Collector } from '../types.js';

/** One row per account and region, always: AWS answers a configuration even where nobody set one. */
export const blockPublicAccessCollector: Collector = {
  service: 'emr',
  name: 'block-public-access',
  scope: 'regional',
  tables: [awsEmrBlockPublicAccess],
  async collect(ctx) {
    const out = await ctx.client(EMRClient).send(new GetBlockPublicAccessConfigurationCommand({}));
    const c = out.BlockPublicAccessConfiguration;
    return {
      [awsEmrBlockPublicAccess.name]: [{
        block_public_security_group_rules: c?.BlockPublicSecurityGroupRules ?? null,
        permitted_public_ports: c ? (c.PermittedPublicSecurityGroupRuleRanges ?? []).map((r) => `${r.MinRange}-${r.MaxRange ?? r.MinRange}`) : null,
        raw: { BlockPublicAccessConfiguration: c ?? null, Metadata: out.BlockPublicAccessConfigurationMetadata ?? null },
      }],
    };
  },
};

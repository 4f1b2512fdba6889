import { paginateDescribeParameters, SSMClient } from '@aws-sdk/client-ssm';
import { awsSsmParameters } from '../../schema/ssm.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';

const table = awsSsmParameters.name;

/**
 * DescribeParameters pages the region's parameters with their metadata only (type, KMS key, tier): it never
 * returns a value, and Calabi never calls GetParameter(s), so no secret reaches the database.
 */
export const parametersCollector: Collector = {
  service: 'ssm',
  name: 'parameters',
  scope: 'regional',
  tables: [awsSsmParameters],
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    const items = await allItems(paginateDescribeParameters({ client }, { MaxResults: 50 }), (p) => p.Parameters);
    return {
      [table]: items.map((p) => ({
        // DescribeParameters answers the ARN; a name without a leading slash takes one in the ARN.
        arn: p.ARN ?? `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.accountId}:parameter${(p.Name ?? '').startsWith('/') ? '' : '/'}${p.Name ?? ''}`,
        name: p.Name ?? null,
        type: p.Type ?? null,
        key_id: p.KeyId ?? null,
        tier: p.Tier ?? null,
        data_type: p.DataType ?? null,
        version: p.Version ?? null,
        last_modified_date: p.LastModifiedDate ?? null,
        last_modified_user: p.LastModifiedUser ?? null,
        raw: p,
      })),
    };
  },
};

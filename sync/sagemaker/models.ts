import { DescribeModelCommand, paginateListModels, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { awsSagemakerModels } from '../../schema/sagemaker.js';
import type { Collector } from '../types.js';
import { describeEach } from './describe-each.js';

const table = awsSagemakerModels.name;

/** ListModels answers ModelSummary (name, ARN, time): network isolation and VPC config need DescribeModel. */
export const modelsCollector: Collector = {
  service: 'sagemaker',
  name: 'models',
  scope: 'regional',
  tables: [awsSagemakerModels],
  async collect(ctx) {
    const client = ctx.client(SageMakerClient);
    const items: { name: string; arn: string }[] = [];
    for await (const page of paginateListModels({ client }, { MaxResults: 100 })) {
      for (const m of page.Models ?? []) items.push({ name: m.ModelName!, arn: m.ModelArn! });
    }
    const rows = await describeEach(
      ctx, items, { operation: 'DescribeModel', table },
      (name) => client.send(new DescribeModelCommand({ ModelName: name })),
      (item, d) => ({
        arn: d.ModelArn ?? item.arn,
        name: item.name,
        // AWS omits EnableNetworkIsolation for a model created without it, which means false.
        network_isolation_enabled: d.EnableNetworkIsolation ?? false,
        subnet_ids: d.VpcConfig?.Subnets ?? null,
        execution_role_arn: d.ExecutionRoleArn ?? null,
        raw: { ...d, $metadata: undefined },
      }),
    );
    return { [table]: rows };
  },
};

import { DescribeEndpointConfigCommand, paginateListEndpointConfigs, SageMakerClient, type ProductionVariant } from '@aws-sdk/client-sagemaker';
import { awsSagemakerEndpointConfigs } from '../../schema/sagemaker.js';
import type { Collector } from '../types.js';
import { describeEach } from './describe-each.js';

const table = awsSagemakerEndpointConfigs.name;

/** ListEndpointConfigs has names only; the production variants and KMS key come from DescribeEndpointConfig. */
export const endpointConfigsCollector: Collector = {
  service: 'sagemaker',
  name: 'endpoint-configs',
  scope: 'regional',
  tables: [awsSagemakerEndpointConfigs],
  async collect(ctx) {
    const client = ctx.client(SageMakerClient);
    const items: { name: string; arn: string }[] = [];
    for await (const page of paginateListEndpointConfigs({ client }, { MaxResults: 100 })) {
      for (const c of page.EndpointConfigs ?? []) items.push({ name: c.EndpointConfigName!, arn: c.EndpointConfigArn! });
    }
    const rows = await describeEach(
      ctx, items, { operation: 'DescribeEndpointConfig', table },
      (name) => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name })),
      (item, d) => {
        const variants: ProductionVariant[] = d.ProductionVariants ?? [];
        // A serverless variant runs on no instances of its own: it has no instance count to judge.
        const instanceBased = variants.filter((v) => !v.ServerlessConfig);
        const counts = instanceBased.map((v) => v.InitialInstanceCount).filter((n): n is number => typeof n === 'number');
        return {
          arn: d.EndpointConfigArn ?? item.arn,
          name: item.name,
          kms_key_id: d.KmsKeyId ?? null,
          variant_count: variants.length,
          serverless_variant_count: variants.length - instanceBased.length,
          min_initial_instance_count: counts.length ? Math.min(...counts) : null,
          single_instance_variants: instanceBased.filter((v) => !(typeof v.InitialInstanceCount === 'number' && v.InitialInstanceCount >= 2)).map((v) => v.VariantName ?? '(unnamed)'),
          raw: { ...d, $metadata: undefined },
        };
      },
    );
    return { [table]: rows };
  },
};

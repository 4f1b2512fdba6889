import { AutoScalingClient, paginateDescribeLaunchConfigurations } from '@aws-sdk/client-auto-scaling';
import type { Row } from '../../schema/db.js';
import { awsAutoscalingLaunchConfigurations } from '../../schema/autoscaling.js';
import type { Collector } from '../types.js';

const table = awsAutoscalingLaunchConfigurations.name;

/** DescribeLaunchConfigurations carries every column; user data is left out of raw (it often holds secrets). */
export const launchConfigurationsCollector: Collector = {
  service: 'autoscaling',
  name: 'launch-configurations',
  scope: 'regional',
  tables: [awsAutoscalingLaunchConfigurations],
  async collect(ctx) {
    const client = ctx.client(AutoScalingClient);
    const rows: Row[] = [];
    for await (const page of paginateDescribeLaunchConfigurations({ client }, { MaxRecords: 100 })) {
      for (const lc of page.LaunchConfigurations ?? []) {
        const m = lc.MetadataOptions;
        rows.push({
          arn: lc.LaunchConfigurationARN!,
          name: lc.LaunchConfigurationName ?? null,
          image_id: lc.ImageId ?? null,
          instance_type: lc.InstanceType ?? null,
          associate_public_ip_address: lc.AssociatePublicIpAddress ?? null,
          metadata_options_set: m !== undefined,
          http_tokens: m?.HttpTokens ?? null,
          http_endpoint: m?.HttpEndpoint ?? null,
          http_put_response_hop_limit: m?.HttpPutResponseHopLimit ?? null,
          raw: { ...lc, UserData: lc.UserData ? '[not stored]' : undefined },
        });
      }
    }
    return { [table]: rows };
  },
};

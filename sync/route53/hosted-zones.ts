import { paginateListHostedZones, paginateListQueryLoggingConfigs, Route53Client } from '@aws-sdk/client-route-53';
import { awsRoute53HostedZones } from '../../schema/route53.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';

const table = awsRoute53HostedZones.name;

/**
 * Two paginated list calls, no per-zone call: ListHostedZones, and ListQueryLoggingConfigs without a zone, which
 * answers every zone's configuration. If the second fails, the collector fails: "logs no queries" is never guessed.
 */
export const hostedZonesCollector: Collector = {
  service: 'route53',
  name: 'hosted-zones',
  scope: 'global',
  tables: [awsRoute53HostedZones],
  async collect(ctx) {
    const client = ctx.client(Route53Client);
    const zones = await allItems(paginateListHostedZones({ client }, { MaxItems: 100 }), (p) => p.HostedZones);
    const configs = await allItems(paginateListQueryLoggingConfigs({ client }, { MaxResults: 100 }), (p) => p.QueryLoggingConfigs);
    const byZone = new Map(configs.map((c) => [c.HostedZoneId, c]));
    return {
      [table]: zones.map((z) => {
        const id = (z.Id ?? '').replace(/^\/hostedzone\//, '');
        const logging = byZone.get(id);
        return {
          arn: `arn:${ctx.partition}:route53:::hostedzone/${id}`,
          hosted_zone_id: id,
          name: z.Name ?? null,
          private_zone: z.Config?.PrivateZone ?? null,
          record_set_count: z.ResourceRecordSetCount ?? null,
          query_logging_config_id: logging?.Id ?? null,
          query_log_group_arn: logging?.CloudWatchLogsLogGroupArn ?? null,
          raw: z,
        };
      }),
    };
  },
};

import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import { awsConfigDeliveryChannels, awsConfigRecorders } from '../../schema/config.js';
import type { Collector, SyncContext } from '../types.js';

/** Config describes recorders and channels without paging (at most one customer recorder per region). */
export const recordersCollector: Collector = {
  service: 'config',
  name: 'recorders',
  scope: 'regional',
  tables: [awsConfigRecorders],
  async collect(ctx) {
    const client = ctx.client(ConfigServiceClient);
    const { ConfigurationRecorders: recorders = [] } = await client.send(new DescribeConfigurationRecordersCommand({}));
    const { ConfigurationRecordersStatus: statuses = [] } = await client.send(new DescribeConfigurationRecorderStatusCommand({}));
    const rows = recorders.map((r) => {
      const status = statuses.find((s) => s.name === r.name);
      const group = r.recordingGroup;
      return {
        arn: r.arn ?? configArn(ctx, 'config-recorder', r.name ?? 'default'),
        name: r.name ?? null,
        role_arn: r.roleARN ?? null,
        all_supported: group?.allSupported ?? false,
        include_global_resource_types: group?.includeGlobalResourceTypes ?? false,
        resource_types: group?.resourceTypes ?? [],
        recording_strategy: group?.recordingStrategy?.useOnly ?? null,
        recording: status?.recording ?? false,
        last_status: status?.lastStatus ?? null,
        last_status_change_time: status?.lastStatusChangeTime ?? null,
        last_error_code: status?.lastErrorCode ?? null,
        raw: { recorder: r, status: status ?? null },
      };
    });
    return { [awsConfigRecorders.name]: rows };
  },
};

export const deliveryChannelsCollector: Collector = {
  service: 'config',
  name: 'delivery-channels',
  scope: 'regional',
  tables: [awsConfigDeliveryChannels],
  async collect(ctx) {
    const client = ctx.client(ConfigServiceClient);
    const { DeliveryChannels: channels = [] } = await client.send(new DescribeDeliveryChannelsCommand({}));
    const rows = channels.map((c) => ({
      arn: configArn(ctx, 'delivery-channel', c.name ?? 'default'),
      name: c.name ?? null,
      s3_bucket_name: c.s3BucketName ?? null,
      s3_key_prefix: c.s3KeyPrefix ?? null,
      s3_kms_key_arn: c.s3KmsKeyArn ?? null,
      sns_topic_arn: c.snsTopicARN ?? null,
      delivery_frequency: c.configSnapshotDeliveryProperties?.deliveryFrequency ?? null,
      raw: c,
    }));
    return { [awsConfigDeliveryChannels.name]: rows };
  },
};

function configArn(ctx: SyncContext, kind: string, name: string): string {
  return `arn:${ctx.partition}:config:${ctx.region}:${ctx.accountId}:${kind}/${name}`;
}

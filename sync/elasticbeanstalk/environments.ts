import {
  DescribeConfigurationSettingsCommand, DescribeEnvironmentsCommand, ElasticBeanstalkClient, type ConfigurationOptionSetting, type EnvironmentDescription,
} from '@aws-sdk/client-elastic-beanstalk';
import type { Row } from '../../schema/db.js';
import { awsElasticbeanstalkEnvironments } from '../../schema/elasticbeanstalk.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsElasticbeanstalkEnvironments.name;

/**
 * DescribeEnvironments (NextToken by hand: the SDK has no paginator for it) answers the environments without their
 * option settings; health reporting and log streaming are only in DescribeConfigurationSettings, per environment.
 */
export const environmentsCollector: Collector = {
  service: 'elasticbeanstalk',
  name: 'environments',
  scope: 'regional',
  tables: [awsElasticbeanstalkEnvironments],
  async collect(ctx) {
    const client = ctx.client(ElasticBeanstalkClient);
    const items: EnvironmentDescription[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new DescribeEnvironmentsCommand({ IncludeDeleted: false, MaxRecords: 1000, NextToken }));
      items.push(...(page.Environments ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return { [table]: await ctx.map(items, (e) => environmentRow(ctx, client, e)) };
  },
};

const option = (settings: ConfigurationOptionSetting[], namespace: string, name: string) =>
  settings.find((s) => s.Namespace === namespace && s.OptionName === name)?.Value;

async function environmentRow(ctx: SyncContext, client: ElasticBeanstalkClient, e: EnvironmentDescription): Promise<Row> {
  const base = {
    arn: e.EnvironmentArn!, environment_id: e.EnvironmentId ?? null, name: e.EnvironmentName ?? null, application_name: e.ApplicationName ?? null,
    status: e.Status ?? null, tier: e.Tier?.Name ?? null, platform_arn: e.PlatformArn ?? null,
  };
  try {
    const out = await client.send(new DescribeConfigurationSettingsCommand({ ApplicationName: e.ApplicationName, EnvironmentName: e.EnvironmentName }));
    const settings = out.ConfigurationSettings?.[0]?.OptionSettings;
    if (!settings) throw new Error(`[sync] elasticbeanstalk DescribeConfigurationSettings answered no option settings for ${e.EnvironmentName}`);
    const stream = option(settings, 'aws:elasticbeanstalk:cloudwatch:logs', 'StreamLogs');
    return {
      ...base,
      health_reporting_system_type: option(settings, 'aws:elasticbeanstalk:healthreporting:system', 'SystemType') ?? null,
      stream_logs: stream === undefined ? null : stream.toLowerCase() === 'true',
      configuration_read: true,
      // The option settings are left out of raw: environment properties often carry credentials.
      raw: e,
    };
  } catch (error) {
    ctx.itemError(error, { operation: 'DescribeConfigurationSettings', table, resourceId: base.arn });
    return { ...base, configuration_read: false, raw: e };
  }
}

import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient, type DomainStatus, type LogType } from '@aws-sdk/client-opensearch';
import type { Row } from '../../schema/db.js';
import { awsOpensearchDomains } from '../../schema/opensearch.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsOpensearchDomains.name;
/** DescribeDomains takes at most 5 names a call. */
const batchSize = 5;

/**
 * ListDomainNames names every domain of the region with its engine (it has no pages: AWS answers them all), and
 * DescribeDomains describes them five at a time, so a region costs 1 + ceil(n / 5) calls. The OpenSearch API
 * answers for Elasticsearch domains too, so no call goes to the legacy Elasticsearch Service API.
 */
export const domainsCollector: Collector = {
  service: 'opensearch',
  name: 'domains',
  scope: 'regional',
  tables: [awsOpensearchDomains],
  async collect(ctx) {
    const client = ctx.client(OpenSearchClient);
    const listed = (await client.send(new ListDomainNamesCommand({}))).DomainNames ?? [];
    const engines = new Map(listed.map((d) => [d.DomainName!, d.EngineType ?? null]));
    const batches: string[][] = [];
    const names = [...engines.keys()];
    for (let i = 0; i < names.length; i += batchSize) batches.push(names.slice(i, i + batchSize));
    const described = await ctx.map(batches, async (batch) => (await client.send(new DescribeDomainsCommand({ DomainNames: batch }))).DomainStatusList ?? []);
    // A domain deleted between the two calls is simply not described: it has no row.
    const rows = described.flat().map((d) => domainRow(ctx, d, engines.get(d.DomainName!) ?? null));
    return { [table]: rows };
  },
};

function domainRow(ctx: SyncContext, d: DomainStatus, engineType: string | null): Row {
  const logs = d.LogPublishingOptions ?? {};
  // A log type counts only when it is enabled and has a CloudWatch Logs group to go to.
  const logging = (type: LogType) => Boolean(logs[type]?.Enabled && logs[type]?.CloudWatchLogsLogGroupArn);
  const cluster = d.ClusterConfig ?? {};
  return {
    arn: d.ARN ?? `arn:${ctx.partition}:es:${ctx.region}:${ctx.accountId}:domain/${d.DomainName}`,
    name: d.DomainName ?? null,
    engine_type: engineType ?? (d.EngineVersion?.startsWith('Elasticsearch') ? 'Elasticsearch' : d.EngineVersion ? 'OpenSearch' : null),
    engine_version: d.EngineVersion ?? null,
    vpc_id: d.VPCOptions?.VPCId ?? null,
    subnet_ids: d.VPCOptions ? (d.VPCOptions.SubnetIds ?? []) : null,
    encryption_at_rest_enabled: d.EncryptionAtRestOptions?.Enabled ?? null,
    kms_key_id: d.EncryptionAtRestOptions?.KmsKeyId ?? null,
    node_to_node_encryption_enabled: d.NodeToNodeEncryptionOptions?.Enabled ?? null,
    enforce_https: d.DomainEndpointOptions?.EnforceHTTPS ?? null,
    tls_security_policy: d.DomainEndpointOptions?.TLSSecurityPolicy ?? null,
    fine_grained_access_control_enabled: d.AdvancedSecurityOptions?.Enabled ?? null,
    audit_log_enabled: logging('AUDIT_LOGS'),
    error_log_enabled: logging('ES_APPLICATION_LOGS'),
    instance_count: cluster.InstanceCount ?? null,
    zone_awareness_enabled: cluster.ZoneAwarenessEnabled ?? null,
    dedicated_master_enabled: cluster.DedicatedMasterEnabled ?? null,
    dedicated_master_count: cluster.DedicatedMasterEnabled ? (cluster.DedicatedMasterCount ?? null) : null,
    update_available: d.ServiceSoftwareOptions?.UpdateAvailable ?? null,
    raw: d,
  };
}

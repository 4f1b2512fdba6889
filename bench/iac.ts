/**
 * npm run bench:iac — audits a generated Terraform plan of about 5,000 resources of the mapped types (format 1.2,
 * every resource created, so ids and ARNs are unknown until apply and every join goes through configuration
 * references, the slow path) with all of cis-aws-3.0. Prints parse (read + JSON + secret scrubbing), load (mappers
 * + in-memory DuckDB), evaluate (checks + NOT VERIFIABLE re-reading) and peak RSS.
 *
 *   npm run bench:iac [-- --resources 5000 --runs 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateBenchmark, findBenchmark } from '../controls/engine.js';
import { loadCatalog } from '../controls/loader.js';
import type { Check } from '../controls/types.js';
import { verifiableReport } from '../controls/verifiable.js';
import { loadPlan } from '../sources/terraform/load.js';
import { readPlanFile } from '../sources/terraform/plan.js';
import { verifiabilityFacts } from '../sources/terraform/visibility.js';
import { loadAverage, peakRssMb, printTable, timed } from './support.js';

const { values: args } = parseArgs({ options: { resources: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } } });
const target = Number(args.resources);
const runs = Math.max(1, Number(args.runs));

type Spec = { type: string; name: string; after: Record<string, unknown>; unknown?: Record<string, unknown>; refs?: Record<string, string[]> };

const admin = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const pattern = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';

/** One unit of related resources (25), joined the way real configurations join them: by reference. */
function unit(i: number): Spec[] {
  const ref = (type: string, name: string, attr: string) => [`${type}.${name}.${attr}`, `${type}.${name}`];
  const n = `u${i}`;
  const ingress = { rule_no: 100, action: 'allow', protocol: 'tcp', cidr_block: i % 2 ? '0.0.0.0/0' : '10.0.0.0/8', ipv6_cidr_block: '', from_port: 22, to_port: 22, icmp_code: 0, icmp_type: 0 };
  return [
    { type: 'aws_s3_bucket', name: n, after: { bucket: `bucket-${i}`, force_destroy: false, tags: null }, unknown: { arn: true, id: true, acl: true, grant: true, policy: true, versioning: true, logging: true, server_side_encryption_configuration: true } },
    { type: 'aws_s3_bucket_public_access_block', name: n, after: { block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: i % 3 !== 0 }, unknown: { id: true, bucket: true }, refs: { bucket: ref('aws_s3_bucket', n, 'id') } },
    { type: 'aws_s3_bucket_versioning', name: n, after: { versioning_configuration: [{ status: 'Enabled', mfa_delete: 'Disabled' }] }, unknown: { id: true, bucket: true }, refs: { bucket: ref('aws_s3_bucket', n, 'id') } },
    { type: 'aws_s3_bucket_server_side_encryption_configuration', name: n, after: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: null }], bucket_key_enabled: true }] }, unknown: { id: true, bucket: true }, refs: { bucket: ref('aws_s3_bucket', n, 'id') } },
    { type: 'aws_s3_bucket_acl', name: n, after: { acl: i % 5 ? 'private' : 'public-read' }, unknown: { id: true, bucket: true, access_control_policy: true }, refs: { bucket: ref('aws_s3_bucket', n, 'id') } },
    { type: 'aws_vpc', name: n, after: { cidr_block: '10.0.0.0/16', instance_tenancy: 'default' }, unknown: { arn: true, id: true } },
    { type: 'aws_flow_log', name: n, after: { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' }, unknown: { arn: true, id: true, vpc_id: true, log_destination: true }, refs: { vpc_id: ref('aws_vpc', n, 'id') } },
    { type: 'aws_security_group', name: n, after: { name: `sg-${i}`, description: 'bench', ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: [i % 2 ? '0.0.0.0/0' : '10.0.0.0/8'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }], egress: [] }, unknown: { arn: true, id: true, vpc_id: true }, refs: { vpc_id: ref('aws_vpc', n, 'id') } },
    { type: 'aws_vpc_security_group_ingress_rule', name: n, after: { ip_protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_ipv4: '192.168.0.0/16' }, unknown: { arn: true, id: true, security_group_id: true }, refs: { security_group_id: ref('aws_security_group', n, 'id') } },
    { type: 'aws_network_acl', name: n, after: { ingress: [ingress], egress: [] }, unknown: { arn: true, id: true, vpc_id: true, subnet_ids: true }, refs: { vpc_id: ref('aws_vpc', n, 'id') } },
    { type: 'aws_network_acl_rule', name: n, after: { rule_number: 50, egress: false, protocol: '6', rule_action: 'deny', cidr_block: '0.0.0.0/0', from_port: 3389, to_port: 3389 }, unknown: { id: true, network_acl_id: true }, refs: { network_acl_id: ref('aws_network_acl', n, 'id') } },
    { type: 'aws_iam_user', name: n, after: { name: `user-${i}`, path: '/' }, unknown: { arn: true, id: true, unique_id: true } },
    { type: 'aws_iam_user_policy_attachment', name: n, after: { user: `user-${i}` }, unknown: { id: true, policy_arn: true }, refs: { user: ref('aws_iam_user', n, 'name'), policy_arn: ref('aws_iam_policy', n, 'arn') } },
    { type: 'aws_iam_policy', name: n, after: { name: `policy-${i}`, path: '/', policy: admin }, unknown: { arn: true, id: true, policy_id: true, attachment_count: true } },
    { type: 'aws_iam_role', name: n, after: { name: `role-${i}`, path: '/', assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }, unknown: { arn: true, id: true, unique_id: true, inline_policy: true, managed_policy_arns: true } },
    { type: 'aws_iam_role_policy', name: n, after: { name: `inline-${i}`, policy: admin }, unknown: { id: true, role: true }, refs: { role: ref('aws_iam_role', n, 'name') } },
    { type: 'aws_kms_key', name: n, after: { description: `key ${i}`, enable_key_rotation: i % 4 !== 0, is_enabled: true }, unknown: { arn: true, id: true, key_id: true } },
    { type: 'aws_cloudwatch_log_group', name: n, after: { name: `group-${i}`, retention_in_days: 365 }, unknown: { arn: true, id: true } },
    { type: 'aws_cloudwatch_log_metric_filter', name: n, after: { name: `filter-${i}`, pattern, log_group_name: `group-${i}`, metric_transformation: [{ name: `Metric${i}`, namespace: 'CIS', value: '1', unit: 'None' }] }, unknown: { id: true }, refs: { log_group_name: ref('aws_cloudwatch_log_group', n, 'name') } },
    { type: 'aws_cloudwatch_metric_alarm', name: n, after: { alarm_name: `alarm-${i}`, comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: `Metric${i}`, namespace: 'CIS', period: 300, statistic: 'Sum', threshold: 1, alarm_actions: [null] }, unknown: { arn: true, id: true, alarm_actions: [true] }, refs: { alarm_actions: ref('aws_sns_topic', n, 'arn') } },
    { type: 'aws_sns_topic', name: n, after: { name: `topic-${i}`, kms_master_key_id: 'alias/aws/sns' }, unknown: { arn: true, id: true, policy: true } },
    { type: 'aws_sns_topic_subscription', name: n, after: { protocol: i % 2 ? 'email' : 'sqs', endpoint: i % 2 ? `ops${i}@example.com` : `arn:aws:sqs:us-east-1:000000000000:q${i}` }, unknown: { arn: true, id: true, topic_arn: true, pending_confirmation: true }, refs: { topic_arn: ref('aws_sns_topic', n, 'arn') } },
    { type: 'aws_instance', name: n, after: { ami: 'ami-12345678', instance_type: 't3.micro', metadata_options: [{ http_tokens: i % 2 ? 'required' : 'optional', http_endpoint: 'enabled' }] }, unknown: { arn: true, id: true, public_ip: true } },
    { type: 'aws_db_instance', name: n, after: { identifier: `db-${i}`, engine: 'postgres', storage_encrypted: i % 3 !== 0, publicly_accessible: false, auto_minor_version_upgrade: true, multi_az: true }, unknown: { arn: true, id: true } },
    { type: 'aws_efs_file_system', name: n, after: { encrypted: true, creation_token: `efs-${i}` }, unknown: { arn: true, id: true, kms_key_id: true } },
  ];
}

function planDocument(specs: Spec[]): unknown {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: { resources: specs.map((s) => ({ address: `${s.type}.${s.name}`, mode: 'managed', type: s.type, name: s.name, values: s.after, sensitive_values: {} })) } },
    resource_changes: specs.map((s) => ({ address: `${s.type}.${s.name}`, mode: 'managed', type: s.type, name: s.name, change: { actions: ['create'], before: null, after: s.after, after_unknown: s.unknown ?? {}, after_sensitive: {} } })),
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: { resources: specs.map((s) => ({ address: `${s.type}.${s.name}`, mode: 'managed', type: s.type, name: s.name, expressions: Object.fromEntries(Object.entries(s.refs ?? {}).map(([k, v]) => [k, { references: v }])) })) },
    },
    applyable: true,
    complete: true,
    errored: false,
  };
}

const specs: Spec[] = [];
for (let i = 0; specs.length < target; i++) specs.push(...unit(i));
specs.length = target;
const dir = mkdtempSync(join(tmpdir(), 'calabi-bench-iac-'));
const file = join(dir, 'plan.json');
writeFileSync(file, JSON.stringify(planDocument(specs)));

const catalog = loadCatalog();
const benchmark = findBenchmark(catalog, 'cis-aws-3.0');
const checksOf = (id: string): Check[] => (benchmark.requirements.find((r) => r.id === id)?.checks ?? []).map((c) => catalog.checks.get(c)).filter((c): c is Check => c !== undefined);

const results: Array<{ parse: number; load: number; evaluate: number }> = [];
let summary = '';
try {
  for (let run = 0; run < runs; run++) {
    const parsed = await timed(async () => readPlanFile(file));
    const loaded = await timed(() => loadPlan(parsed.value));
    try {
      const evaluated = await timed(async () => {
        const scan = await evaluateBenchmark({ db: loaded.value.db, benchmarkId: 'cis-aws-3.0', catalog, trigger: 'iac' });
        return verifiableReport(scan, checksOf, verifiabilityFacts(loaded.value, false));
      });
      const s = evaluated.value.summary;
      summary = `${loaded.value.resources} resources, ${[...loaded.value.rows.values()].length} rows; PASS ${s.pass}, FAIL ${s.fail}, NOT VERIFIABLE ${s.not_verifiable}, SKIP ${s.skip}, ERROR ${s.error}`;
      results.push({ parse: parsed.ms, load: loaded.ms, evaluate: evaluated.ms });
    } finally {
      loaded.value.db.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const best = (k: 'parse' | 'load' | 'evaluate') => Math.min(...results.map((r) => r[k]));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`calabi iac on a generated plan: ${summary}`);
printTable([
  ['parse (read, JSON, scrub)', s(best('parse'))],
  ['load (mappers, DuckDB)', s(best('load'))],
  ['evaluate (cis-aws-3.0)', s(best('evaluate'))],
  ['total (best of each)', s(best('parse') + best('load') + best('evaluate'))],
  ['peak RSS', `${peakRssMb()} MB`],
  ['runs', runs],
  ['load average', loadAverage()],
]);

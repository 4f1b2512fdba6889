import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan, PLACEHOLDER_ACCOUNT, type LoadedPlan } from '../../../sources/terraform/load.js';
import { parsePlan } from '../../../sources/terraform/plan.js';
import { loadFixture, rows } from './support.js';

let plan: LoadedPlan | undefined;
afterEach(() => plan?.db.close());

async function load(name: string): Promise<LoadedPlan> {
  plan = await loadFixture(name);
  return plan;
}

describe('Terraform mappers on the real fixtures', () => {
  it('maps inline security group ingress to one rule row per source, with admin_ports from the sync module', async () => {
    const p = await load('regula-ingress_anywhere_ssh_infra.json');
    const r = await rows(p, `SELECT g.group_name, r.cidr_ipv4, r.from_port, r.to_port, r.admin_ports, r.is_egress FROM aws_ec2_security_group_rules r JOIN aws_ec2_security_groups g USING (group_id) ORDER BY g.group_name`);
    expect(r).toEqual([
      { group_name: 'invalid_sg_1', cidr_ipv4: '0.0.0.0/0', from_port: 22, to_port: 22, admin_ports: ['tcp/22'], is_egress: false },
      { group_name: 'invalid_sg_2', cidr_ipv4: '0.0.0.0/0', from_port: 20, to_port: 25, admin_ports: ['tcp/22'], is_egress: false },
      { group_name: 'valid_sg_1', cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443, admin_ports: [], is_egress: false },
      { group_name: 'valid_sg_2', cidr_ipv4: '10.10.0.0/16', from_port: 22, to_port: 22, admin_ports: ['tcp/22'], is_egress: false },
    ]);
    expect(p.region).toBe('us-east-1');
  });

  it('maps RDP rules the same way', async () => {
    const p = await load('regula-ingress_anywhere_rdp_infra.json');
    const open = await rows(p, `SELECT count(*)::INT AS n FROM aws_ec2_security_group_rules WHERE list_contains(admin_ports, 'tcp/3389') AND cidr_ipv4 = '0.0.0.0/0'`);
    expect(open[0]!.n).toBeGreaterThan(0);
  });

  it('maps account password policies with their minimum lengths', async () => {
    const p = await load('regula-iam_password_length_infra.json');
    expect(await rows(p, `SELECT configured, minimum_password_length, password_reuse_prevention FROM aws_iam_password_policies ORDER BY 2`)).toEqual([
      { configured: true, minimum_password_length: 4, password_reuse_prevention: null },
      { configured: true, minimum_password_length: 6, password_reuse_prevention: null },
      { configured: true, minimum_password_length: 8, password_reuse_prevention: null },
    ]);
    // Known only after apply: recorded as unknown, not as "no reuse prevention".
    expect([...p.rows.values()].find((r) => r.table === 'aws_iam_password_policies')!.unknown).toContain('password_reuse_prevention');
  });

  it('maps KMS keys as enabled customer-managed keys with their rotation flag', async () => {
    const p = await load('regula-key_rotation_infra.json');
    expect(await rows(p, `SELECT description, rotation_enabled, key_manager, key_state, key_spec FROM aws_kms_keys ORDER BY description`)).toEqual([
      { description: 'KMS key 1', rotation_enabled: true, key_manager: 'CUSTOMER', key_state: 'Enabled', key_spec: 'SYMMETRIC_DEFAULT' },
      { description: 'KMS key 2', rotation_enabled: false, key_manager: 'CUSTOMER', key_state: 'Enabled', key_spec: 'SYMMETRIC_DEFAULT' },
      { description: 'KMS key 3', rotation_enabled: false, key_manager: 'CUSTOMER', key_state: 'Enabled', key_spec: 'SYMMETRIC_DEFAULT' },
    ]);
  });

  it('maps provider-v3 inline bucket encryption: AES256, aws:kms, and none', async () => {
    const p = await load('regula-bucket_sse_infra.json');
    const r = await rows(p, `SELECT arn, encryption_algorithm FROM aws_s3_buckets ORDER BY arn`);
    expect(r).toEqual([
      { arn: 'tf:aws_s3_bucket.aes_encrypted', encryption_algorithm: 'AES256' },
      { arn: 'tf:aws_s3_bucket.kms_encrypted', encryption_algorithm: 'aws:kms' },
      { arn: 'tf:aws_s3_bucket.unencrypted', encryption_algorithm: null },
    ]);
  });

  it('maps CloudTrail trails, joins the trail bucket by reference and reads the account from aws_caller_identity', async () => {
    const p = await load('regula-log_file_validation_infra.json');
    expect(p.accountId).toBe('819995596046');
    expect(p.accountIsPlaceholder).toBe(false);
    expect(await rows(p, `SELECT name, log_file_validation_enabled, is_multi_region, selectors_source, read_write_type, s3_bucket_name, account_id FROM aws_cloudtrail_trails ORDER BY name`)).toEqual([
      { name: 'invalid_trail', log_file_validation_enabled: false, is_multi_region: false, selectors_source: 'classic', read_write_type: 'All', s3_bucket_name: 'tf:aws_s3_bucket.trail_bucket', account_id: '819995596046' },
      { name: 'valid_trail', log_file_validation_enabled: true, is_multi_region: false, selectors_source: 'classic', read_write_type: 'All', s3_bucket_name: 'tf:aws_s3_bucket.trail_bucket', account_id: '819995596046' },
    ]);
    // The bucket policy's document is known only after apply.
    expect([...p.rows.values()].find((r) => r.table === 'aws_s3_buckets')!.unknown).toContain('policy_is_public');
  });

  it('joins a flow log to its VPC through the configuration reference when vpc_id is unknown', async () => {
    const p = await load('regula-flow_log_infra.json');
    expect(await rows(p, `SELECT v.vpc_id, f.traffic_type FROM aws_ec2_vpcs v LEFT JOIN aws_ec2_flow_logs f ON f.resource_id = v.vpc_id ORDER BY v.vpc_id`)).toEqual([
      { vpc_id: 'tf:aws_vpc.invalid_vpc', traffic_type: null },
      { vpc_id: 'tf:aws_vpc.valid_vpc', traffic_type: 'ALL' },
    ]);
    expect(p.unmappedTypes).toEqual([]);
  });

  it('joins each public access block to the bucket of its own module instance by reference', async () => {
    const p = await load('checkov-nested-child-modules-with-connections.json');
    const counted = [...p.rows.values()].find((r) => r.addresses.has('module.s3_bucket.aws_s3_bucket.this[0]'));
    expect([...counted!.addresses]).toContain('module.s3_bucket.aws_s3_bucket_public_access_block.this[0]');
    expect(await rows(p, `SELECT name, block_public_acls, restrict_public_buckets, public_access_block_configured FROM aws_s3_buckets WHERE name = 'my-s3-bucket'`)).toEqual([
      { name: 'my-s3-bucket', block_public_acls: false, restrict_public_buckets: false, public_access_block_configured: true },
    ]);
    const testing = await rows(p, `SELECT count(*)::INT AS n, bool_and(block_public_acls AND restrict_public_buckets) AS all_on FROM aws_s3_buckets WHERE name = 'testing'`);
    expect(testing).toEqual([{ n: 3, all_on: true }]);
    const nested = [...p.rows.values()].find((r) => [...r.addresses].includes('module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket'));
    expect([...nested!.addresses]).toContain('module.s3_module.module.s3_submodule.aws_s3_bucket_public_access_block.submodule_bucket');
  });

  it('joins split resources to their bucket by the known name (update plans), whatever the configuration says', async () => {
    // SYNTHETIC (no real fixture updates an existing bucket): modelled on checkov-plan-with-for-each-for-enrichment.json.
    const change = (address: string, type: string, after: object) => ({ address, mode: 'managed', type, name: address.split('.')[1], change: { actions: ['update'], before: after, after, after_unknown: {} } });
    const doc = {
      format_version: '1.2',
      resource_changes: [
        change('aws_s3_bucket.logs', 'aws_s3_bucket', { bucket: 'acme-logs', arn: 'arn:aws:s3:::acme-logs' }),
        change('aws_s3_bucket.other', 'aws_s3_bucket', { bucket: 'acme-other', arn: 'arn:aws:s3:::acme-other' }),
        change('aws_s3_bucket_versioning.logs', 'aws_s3_bucket_versioning', { bucket: 'acme-logs', versioning_configuration: [{ status: 'Enabled', mfa_delete: 'Enabled' }] }),
        change('aws_s3_bucket_server_side_encryption_configuration.logs', 'aws_s3_bucket_server_side_encryption_configuration', { bucket: 'acme-logs', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/logs' }], bucket_key_enabled: true }] }),
        change('aws_s3_bucket_logging.logs', 'aws_s3_bucket_logging', { bucket: 'acme-logs', target_bucket: 'acme-other', target_prefix: 'logs/' }),
        change('aws_s3_bucket_policy.logs', 'aws_s3_bucket_policy', { bucket: 'acme-logs', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-logs/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }) }),
      ],
    };
    plan = await loadPlan(parsePlan(JSON.stringify(doc)));
    expect(plan.accountId).toBe(PLACEHOLDER_ACCOUNT);
    expect(await rows(plan, `SELECT name, versioning_status, mfa_delete, encryption_algorithm, kms_key_id, bucket_key_enabled, logging_target_bucket, denies_insecure_transport, policy_is_public FROM aws_s3_buckets ORDER BY name`)).toEqual([
      { name: 'acme-logs', versioning_status: 'Enabled', mfa_delete: true, encryption_algorithm: 'aws:kms', kms_key_id: 'alias/logs', bucket_key_enabled: true, logging_target_bucket: 'acme-other', denies_insecure_transport: true, policy_is_public: false },
      { name: 'acme-other', versioning_status: null, mfa_delete: false, encryption_algorithm: null, kms_key_id: null, bucket_key_enabled: null, logging_target_bucket: null, denies_insecure_transport: false, policy_is_public: false },
    ]);
  });

  it('reads a state file: values of root and child modules, real ids, rules joined to their group by literal id', async () => {
    // SYNTHETIC state (`terraform show -json` without a plan), modelled on prior_state of checkov-plan-with-for-each-for-enrichment.json.
    const res = (address: string, type: string, values: object) => ({ address, mode: 'managed', type, name: address.split('.').at(-1), provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
    const doc = {
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          resources: [res('aws_vpc.main', 'aws_vpc', { id: 'vpc-0123', arn: 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0123', cidr_block: '10.0.0.0/16' })],
          child_modules: [
            {
              address: 'module.net',
              resources: [
                res('module.net.aws_security_group.ssh', 'aws_security_group', { id: 'sg-0aaa', arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0aaa', name: 'ssh', vpc_id: 'vpc-0123', ingress: [], egress: [] }),
                res('module.net.aws_security_group_rule.ssh', 'aws_security_group_rule', { type: 'ingress', security_group_id: 'sg-0aaa', protocol: '6', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'], self: false }),
              ],
            },
          ],
        },
      },
    };
    plan = await loadPlan(parsePlan(JSON.stringify(doc)));
    expect(plan.kind).toBe('state');
    expect(plan.accountId).toBe('123456789012');
    expect(plan).toMatchObject({ region: 'eu-west-1', regionAssumed: false });
    expect(await rows(plan, `SELECT r.group_id, g.group_name, r.ip_protocol, r.cidr_ipv4, r.cidr_ipv6, r.admin_ports FROM aws_ec2_security_group_rules r JOIN aws_ec2_security_groups g USING (group_id) ORDER BY r.cidr_ipv4 NULLS LAST`)).toEqual([
      { group_id: 'sg-0aaa', group_name: 'ssh', ip_protocol: 'tcp', cidr_ipv4: '0.0.0.0/0', cidr_ipv6: null, admin_ports: ['tcp/22'] },
      { group_id: 'sg-0aaa', group_name: 'ssh', ip_protocol: 'tcp', cidr_ipv4: null, cidr_ipv6: '::/0', admin_ports: ['tcp/22'] },
    ]);
    const group = [...plan.rows.values()].find((r) => r.resourceId === 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0aaa');
    expect([...group!.addresses].sort()).toEqual(['module.net.aws_security_group.ssh', 'module.net.aws_security_group_rule.ssh']);
  });

  it('describes a plan in the European sovereign cloud as partition aws-eusc, from the SDK endpoint data', async () => {
    // SYNTHETIC: no real fixture targets eusc-de-east-1; the provider region is a constant, as in most plans.
    const doc = { format_version: '1.2', configuration: { provider_config: { aws: { expressions: { region: { constant_value: 'eusc-de-east-1' } } } } }, resource_changes: [] };
    plan = await loadPlan(parsePlan(JSON.stringify(doc)));
    expect(await rows(plan, 'SELECT region, partition FROM aws_regions')).toEqual([{ region: 'eusc-de-east-1', partition: 'aws-eusc' }]);
    expect(await rows(plan, 'SELECT partition FROM aws_accounts')).toEqual([{ partition: 'aws-eusc' }]);
  });

  it('keeps for_each module instances apart and maps protocol -1 to all traffic', async () => {
    const p = await load('checkov-plan-with-for-each-for-enrichment.json');
    const r = await rows(p, `SELECT g.group_name, g.vpc_id, r.ip_protocol, r.from_port, r.admin_ports FROM aws_ec2_security_groups g JOIN aws_ec2_security_group_rules r USING (group_id) ORDER BY 1`);
    expect(r.map((x) => x.group_name)).toEqual(['awful_example', 'bad_example', 'terrible_example']);
    expect(r[0]).toMatchObject({ vpc_id: 'vpc-123456abc', ip_protocol: '-1', from_port: -1, admin_ports: ['tcp/22', 'tcp/3389', 'udp/22', 'udp/3389'] });
    expect(p.regionAssumed).toBe(true);
  });
});

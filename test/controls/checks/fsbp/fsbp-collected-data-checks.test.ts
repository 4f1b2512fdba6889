import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

/**
 * FSBP checks over data the CIS collectors already hold (RDS.7, RDS.8, RDS.18, RDS.27, EC2.3, EC2.9, EC2.15,
 * KMS.3, APIGateway.3, APIGateway.4, CloudFront.6, ELB.4, Lambda.3): each with a failing, a passing and an
 * empty-inventory case against its SQL.
 */
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const acct = '111111111111';
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => r.reason);

interface Case {
  id: string;
  table: string;
  failing: Row[];
  passing: Row[];
  reasons: string[];
}

const instance = (id: string, extra: Row) => ({ arn: `arn:aws:rds:us-east-1:${acct}:db:${id}`, db_instance_identifier: id, engine: 'postgres', ...extra });
const cluster = (id: string, extra: Row) => ({ arn: `arn:aws:rds:us-east-1:${acct}:cluster:${id}`, db_cluster_identifier: id, engine: 'aurora-postgresql', ...extra });
const ec2 = (id: string, ip: string | null) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:instance/${id}`, instance_id: id, public_ip_address: ip, state: 'running' });
const subnet = (id: string, auto: boolean, def = false) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:subnet/${id}`, subnet_id: id, vpc_id: 'vpc-1', map_public_ip_on_launch: auto, default_for_az: def });
const key = (id: string, extra: Row) => ({ arn: `arn:aws:kms:us-east-1:${acct}:key/${id}`, key_id: id, key_manager: 'CUSTOMER', key_state: 'Enabled', ...extra });
const stage = (name: string, acl: string | null) => ({ arn: `arn:aws:apigateway:us-east-1::/restapis/a1/stages/${name}`, rest_api_id: 'a1', api_name: 'shop', stage_name: name, web_acl_arn: acl });
const lb = (name: string, type: string, drop: boolean | null) => ({ arn: `arn:aws:elasticloadbalancing:us-east-1:${acct}:loadbalancer/app/${name}/1`, name, type, drop_invalid_header_fields: drop });
const fn = (name: string, vpc: string | null) => ({ arn: `arn:aws:lambda:us-east-1:${acct}:function:${name}`, function_name: name, vpc_id: vpc });
const volume = (id: string, encrypted: boolean, attached: string[]) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:volume/${id}`, volume_id: id, encrypted, attached_instance_ids: attached });
const distribution = (id: string, acl: string | null) => ({ arn: `arn:aws:cloudfront::${acct}:distribution/${id}`, id, domain_name: `${id}.cloudfront.net`, web_acl_id: acl });

const cases: Case[] = [
  {
    id: 'rds_instance_deletion_protection_enabled', table: 'aws_rds_db_instances',
    // An Aurora member is the cluster's business (RDS.7), whatever AWS reports on the instance.
    failing: [instance('db1', { deletion_protection: false }), instance('aurora-1', { deletion_protection: false, db_cluster_identifier: 'c1' })],
    passing: [instance('db2', { deletion_protection: true }), instance('aurora-2', { deletion_protection: false, db_cluster_identifier: 'c1' })],
    reasons: ['RDS DB instance db1 has no deletion protection'],
  },
  {
    id: 'rds_cluster_deletion_protection_enabled', table: 'aws_rds_db_clusters',
    failing: [cluster('c1', { deletion_protection: false }), cluster('graph', { engine: 'neptune', deletion_protection: false })],
    passing: [cluster('c2', { deletion_protection: true }), cluster('docs', { engine: 'docdb', deletion_protection: false })],
    reasons: ['RDS DB cluster c1 has no deletion protection'],
  },
  {
    id: 'rds_cluster_storage_encrypted', table: 'aws_rds_db_clusters',
    failing: [cluster('c1', { storage_encrypted: false })],
    passing: [cluster('c2', { storage_encrypted: true }), cluster('graph', { engine: 'neptune', storage_encrypted: false })],
    reasons: ['RDS DB cluster c1 is not encrypted at rest'],
  },
  {
    id: 'ec2_instance_no_public_ip', table: 'aws_ec2_instances',
    failing: [ec2('i-1', '203.0.113.10')],
    passing: [ec2('i-2', null)],
    reasons: ['EC2 instance i-1 has the public IPv4 address 203.0.113.10'],
  },
  {
    id: 'ec2_subnet_no_auto_public_ip', table: 'aws_ec2_subnets',
    failing: [subnet('subnet-1', true, true), subnet('subnet-2', true)],
    passing: [subnet('subnet-3', false)],
    reasons: ['Subnet subnet-1 (default subnet) assigns a public IPv4 address to every instance launched in it', 'Subnet subnet-2 assigns a public IPv4 address to every instance launched in it'],
  },
  {
    id: 'kms_key_not_pending_deletion', table: 'aws_kms_keys',
    failing: [key('k1', { key_state: 'PendingDeletion', deletion_date: new Date('2026-07-01T00:00:00Z') }), key('aws1', { key_manager: 'AWS', key_state: 'PendingDeletion' })],
    passing: [key('k2', {}), key('k3', { key_state: 'Disabled' })],
    reasons: ['KMS key k1 is scheduled for deletion on 2026-07-01 (state PendingDeletion)'],
  },
  {
    id: 'apigateway_stage_waf_associated', table: 'aws_apigateway_stages',
    failing: [stage('prod', null)],
    passing: [stage('live', `arn:aws:wafv2:us-east-1:${acct}:regional/webacl/api/1`)],
    reasons: ['REST API shop stage prod has no AWS WAF web ACL'],
  },
  {
    id: 'cloudfront_distribution_waf_enabled', table: 'aws_cloudfront_distributions',
    failing: [distribution('E1', ''), distribution('E2', null)],
    passing: [distribution('E3', `arn:aws:wafv2:us-east-1:${acct}:global/webacl/edge/1`)],
    reasons: ['CloudFront distribution E1 (E1.cloudfront.net) has no AWS WAF web ACL', 'CloudFront distribution E2 (E2.cloudfront.net) has no AWS WAF web ACL'],
  },
  {
    id: 'elbv2_alb_drops_invalid_headers', table: 'aws_elbv2_load_balancers',
    failing: [lb('web', 'application', false), lb('unknown', 'application', null)],
    passing: [lb('safe', 'application', true), lb('tcp', 'network', null)],
    reasons: ['Application Load Balancer unknown forwards HTTP headers with invalid names', 'Application Load Balancer web forwards HTTP headers with invalid names'],
  },
  {
    id: 'apigateway_stage_xray_tracing_enabled', table: 'aws_apigateway_stages',
    failing: [{ ...stage('prod', null), tracing_enabled: false }],
    passing: [{ ...stage('live', null), tracing_enabled: true }],
    reasons: ['REST API shop stage prod has no X-Ray tracing'],
  },
  {
    id: 'lambda_function_in_vpc', table: 'aws_lambda_functions',
    failing: [fn('public-fn', null)],
    passing: [fn('private-fn', 'vpc-1')],
    reasons: ['Lambda function public-fn is not attached to a VPC'],
  },
  {
    id: 'ec2_attached_volume_encrypted', table: 'aws_ec2_volumes',
    failing: [volume('vol-1', false, ['i-1'])],
    passing: [volume('vol-2', true, ['i-1']), volume('vol-3', false, [])],
    reasons: ['EBS volume vol-1 attached to i-1 is not encrypted'],
  },
  {
    id: 'rds_instance_in_vpc', table: 'aws_rds_db_instances',
    failing: [instance('classic', { vpc_id: null })],
    passing: [instance('db2', { vpc_id: 'vpc-1' })],
    reasons: ['RDS DB instance classic is not in a VPC'],
  },
];

describe.each(cases)('$id', (c) => {
  it('fails the resources the control rejects, and only those', async () => {
    await seed(db, c.table, [...c.failing, ...c.passing]);
    expect(await reasons(c.id)).toEqual(c.reasons);
  });
  it('passes compliant resources', async () => {
    await seed(db, c.table, c.passing);
    expect(await checkFindings(db, c.id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, c.id)).toEqual([]);
  });
});

describe('cloudtrail_trail_logging_enabled', () => {
  const id = 'cloudtrail_trail_logging_enabled';
  const account = () => seed(db, 'aws_accounts', [{ account_id: acct, arn: `arn:aws:::${acct}`, partition: 'aws' }]);
  const trail = (name: string, region: string, logging: boolean | null) => ({ region, arn: `arn:aws:cloudtrail:us-east-1:${acct}:trail/${name}`, name, home_region: 'us-east-1', is_logging: logging });

  it('fails an account without trails, or whose trails are all stopped or unread', async () => {
    await account();
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([[`arn:aws:iam::${acct}:root`, 'No CloudTrail trail']]);
    await seed(db, 'aws_cloudtrail_trails', [trail('stopped', 'us-east-1', false), trail('stopped', 'eu-west-1', false), trail('unknown', 'us-east-1', null)]);
    expect(await reasons(id)).toEqual(['No CloudTrail trail is logging (stopped, unknown: logging stopped or not read)']);
  });
  it('passes an account with one logging trail, single-Region or not', async () => {
    await account();
    await seed(db, 'aws_cloudtrail_trails', [trail('regional', 'us-east-1', true), trail('stopped', 'us-east-1', false)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

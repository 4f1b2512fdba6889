import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client, ModifyLoadBalancerAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AssociateWebACLCommand, CreateWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const region = 'us-east-1';
let moto: Moto;
let db: Database;
let aclArn = '';

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, region);
  const ec2 = new EC2Client(cfg);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }))).Vpc!.VpcId!;
  const [a, b] = await Promise.all(['a', 'b'].map(async (az, i) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.2.${i}.0/24`, AvailabilityZone: `${region}${az}` }))).Subnet!.SubnetId!));
  const elb = new ElasticLoadBalancingV2Client(cfg);
  const create = async (Name: string, Subnets: string[], Type: 'application' | 'network') =>
    (await elb.send(new CreateLoadBalancerCommand({ Name, Subnets, Type }))).LoadBalancers![0]!.LoadBalancerArn!;
  const guarded = await create('guarded', [a!, b!], 'application');
  await create('bare', [a!], 'application');
  await create('tcp', [a!, b!], 'network');
  await elb.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: guarded, Attributes: [{ Key: 'routing.http.desync_mitigation_mode', Value: 'strictest' }] }));
  const waf = new WAFV2Client(cfg);
  const acl = await waf.send(new CreateWebACLCommand({
    Name: 'edge', Scope: 'REGIONAL', DefaultAction: { Allow: {} },
    VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'edge' },
  }));
  aclArn = acl.Summary!.ARN!;
  await waf.send(new AssociateWebACLCommand({ WebACLArn: aclArn, ResourceArn: guarded }));

  db = await memoryDb();
  const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['elbv2'], regions: [region] });
  expect(result.errors).toEqual([]);
}, 120_000);
afterAll(async () => {
  await moto?.stop();
});

describe('elbv2 FSBP settings against moto', () => {
  it('reads the zones, the desync mitigation mode and the WAF web ACL of Application Load Balancers only', async () => {
    // moto reports routing.http.desync_mitigation_mode only once it is set (AWS always reports it, defensive by
    // default): 'bare' reads NULL, which ELB.12 fails as unknown.
    expect(await db.all(`SELECT name, type, availability_zones, desync_mitigation_mode, waf_web_acl_arn, waf_association_read FROM aws_elbv2_load_balancers ORDER BY name`)).toEqual([
      { name: 'bare', type: 'application', availability_zones: ['us-east-1a'], desync_mitigation_mode: null, waf_web_acl_arn: null, waf_association_read: true },
      { name: 'guarded', type: 'application', availability_zones: ['us-east-1a', 'us-east-1b'], desync_mitigation_mode: 'strictest', waf_web_acl_arn: aclArn, waf_association_read: true },
      { name: 'tcp', type: 'network', availability_zones: ['us-east-1a', 'us-east-1b'], desync_mitigation_mode: null, waf_web_acl_arn: null, waf_association_read: null },
    ]);
  });
});

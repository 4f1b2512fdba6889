import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, ElasticLoadBalancingV2Client, ModifyLoadBalancerAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
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
  const bare = await create('bare', [a!], 'application');
  const tcp = await create('tcp', [a!, b!], 'network');
  const web = (await elb.send(new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: vpc }))).TargetGroups![0]!.TargetGroupArn!;
  const tcpGroup = (await elb.send(new CreateTargetGroupCommand({ Name: 'tcp', Protocol: 'TCP', Port: 22, VpcId: vpc }))).TargetGroups![0]!.TargetGroupArn!;
  const redirect = { Type: 'redirect' as const, RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' as const } };
  const http = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: guarded, Protocol: 'HTTP', Port: 80, DefaultActions: [redirect] }))).Listeners![0]!.ListenerArn!;
  await elb.send(new CreateRuleCommand({ ListenerArn: http, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: web }] }));
  await elb.send(new CreateListenerCommand({ LoadBalancerArn: bare, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: web }] }));
  await elb.send(new CreateListenerCommand({ LoadBalancerArn: tcp, Protocol: 'TCP', Port: 22, DefaultActions: [{ Type: 'forward', TargetGroupArn: tcpGroup }] }));
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

  it("reads every listener's default action, and the rules of Application Load Balancers' HTTP listeners only", async () => {
    const rows = await db.all(`SELECT load_balancer_name, protocol, port, default_action_type, default_redirect_protocol, rules_read, rule_actions
      FROM aws_elbv2_listeners ORDER BY load_balancer_name`);
    expect(rows.map((r) => ({ ...r, rule_actions: r.rule_actions === null ? null : JSON.parse(String(r.rule_actions)) }))).toEqual([
      { load_balancer_name: 'bare', protocol: 'HTTP', port: 80, default_action_type: 'forward', default_redirect_protocol: null, rules_read: true, rule_actions: [] },
      {
        load_balancer_name: 'guarded', protocol: 'HTTP', port: 80, default_action_type: 'redirect', default_redirect_protocol: 'HTTPS', rules_read: true,
        rule_actions: [{ priority: '10', type: 'forward', redirectProtocol: null }],
      },
      { load_balancer_name: 'tcp', protocol: 'TCP', port: 22, default_action_type: 'forward', default_redirect_protocol: null, rules_read: null, rule_actions: null },
    ]);
  });
});

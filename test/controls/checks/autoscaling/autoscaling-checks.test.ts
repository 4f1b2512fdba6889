import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const group = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:uuid-${name}:autoScalingGroupName/${name}`, name,
  availability_zones: ['us-east-1a', 'us-east-1b'], health_check_type: 'ELB', load_balancer_names: [], target_group_arns: ['arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/t/1'],
  launch_configuration_name: null, launch_template_id: 'lt-1', launch_template_version: '$Default', mixed_instances_policy: true, instance_types: ['t3.micro', 't3a.micro'], ...extra,
});
const config = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:autoscaling:us-east-1:111111111111:launchConfiguration:uuid-${name}:launchConfigurationName/${name}`, name,
  associate_public_ip_address: false, metadata_options_set: true, http_tokens: 'required', http_endpoint: 'enabled', http_put_response_hop_limit: 1, ...extra,
});

interface Case { id: string; table: string; make: (name: string, extra?: Row) => Row; col: string; failing: [string, Row, string][]; passing: Row[] }
const G = 'aws_autoscaling_groups';
const L = 'aws_autoscaling_launch_configurations';

const cases: Case[] = [
  { id: 'autoscaling_group_elb_health_check', table: G, make: group, col: 'group_name',
    failing: [
      ['classic', { load_balancer_names: ['lb'], target_group_arns: [], health_check_type: 'EC2' }, 'Auto Scaling group classic has a load balancer but health checks EC2, not ELB'],
      ['unknown', { health_check_type: null }, 'Auto Scaling group unknown has a load balancer but health checks (not reported), not ELB'],
    ],
    // No load balancer: out of scope whatever the health check.
    passing: [group('elb'), group('several', { health_check_type: 'EC2,ELB' }), group('alone', { target_group_arns: [], health_check_type: 'EC2' })] },
  { id: 'autoscaling_group_multiple_az', table: G, make: group, col: 'group_name',
    failing: [
      ['single', { availability_zones: ['us-east-1a'] }, 'Auto Scaling group single launches into one Availability Zone only: us-east-1a'],
      ['unknown', { availability_zones: null }, 'Auto Scaling group unknown did not report its Availability Zones'],
    ],
    passing: [group('spread')] },
  { id: 'autoscaling_group_multiple_instance_types', table: G, make: group, col: 'group_name',
    failing: [
      ['mono', { mixed_instances_policy: false, instance_types: [] }, 'Auto Scaling group mono launches a single instance type (no mixed instances policy with two or more types)'],
      ['one-zone', { availability_zones: ['us-east-1a'] }, 'Auto Scaling group one-zone launches into fewer than two Availability Zones'],
    ],
    passing: [group('mixed')] },
  { id: 'autoscaling_group_uses_launch_template', table: G, make: group, col: 'group_name',
    failing: [
      ['legacy', { launch_configuration_name: 'lc-1', launch_template_id: null }, 'Auto Scaling group legacy launches from launch configuration lc-1'],
      ['unknown', { launch_template_id: null }, 'Auto Scaling group unknown did not report a launch template'],
    ],
    passing: [group('templated')] },
  { id: 'autoscaling_launch_config_imdsv2_required', table: L, make: config, col: 'launch_configuration_name',
    failing: [
      ['defaults', { metadata_options_set: false, http_tokens: null, http_endpoint: null, http_put_response_hop_limit: null }, 'Auto Scaling launch configuration defaults sets no metadata options: IMDSv1 is allowed'],
      ['optional', { http_tokens: 'optional' }, 'Auto Scaling launch configuration optional allows IMDSv1 (HttpTokens optional)'],
    ],
    passing: [config('v2')] },
  { id: 'autoscaling_launch_config_hop_limit', table: L, make: config, col: 'launch_configuration_name',
    failing: [
      ['far', { http_put_response_hop_limit: 3 }, 'Auto Scaling launch configuration far has a metadata response hop limit of 3'],
      ['unknown', { metadata_options_set: null, http_put_response_hop_limit: null }, 'Auto Scaling launch configuration unknown did not report its metadata options'],
    ],
    // No metadata options: AWS's default hop limit of 1 applies.
    passing: [config('one'), config('defaults', { metadata_options_set: false, http_tokens: null, http_put_response_hop_limit: null })] },
  { id: 'autoscaling_launch_config_no_public_ip', table: L, make: config, col: 'launch_configuration_name',
    failing: [
      ['public', { associate_public_ip_address: true }, 'Auto Scaling launch configuration public assigns public IP addresses'],
      ['unset', { associate_public_ip_address: null }, 'Auto Scaling launch configuration unset does not set AssociatePublicIpAddress: the subnet decides whether instances get a public IP'],
    ],
    passing: [config('private')] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the resources that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => c.make(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r[c.col], r.reason]).sort()).toEqual(c.failing.map(([name, , reason]) => [name, reason]).sort());
  });
  it('passes resources configured as it asks', async () => {
    await seed(db, c.table, c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

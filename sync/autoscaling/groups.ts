import { AutoScalingClient, paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';
import type { Row } from '../../schema/db.js';
import { awsAutoscalingGroups } from '../../schema/autoscaling.js';
import type { Collector } from '../types.js';

const table = awsAutoscalingGroups.name;

/** DescribeAutoScalingGroups carries every column (100 groups a page): no per-group call. */
export const groupsCollector: Collector = {
  service: 'autoscaling',
  name: 'groups',
  scope: 'regional',
  tables: [awsAutoscalingGroups],
  async collect(ctx) {
    const client = ctx.client(AutoScalingClient);
    const rows: Row[] = [];
    for await (const page of paginateDescribeAutoScalingGroups({ client }, { MaxRecords: 100 })) {
      for (const g of page.AutoScalingGroups ?? []) {
        const mixed = g.MixedInstancesPolicy;
        const template = g.LaunchTemplate ?? mixed?.LaunchTemplate?.LaunchTemplateSpecification;
        rows.push({
          arn: g.AutoScalingGroupARN!,
          name: g.AutoScalingGroupName ?? null,
          availability_zones: g.AvailabilityZones ?? null,
          health_check_type: g.HealthCheckType ?? null,
          load_balancer_names: g.LoadBalancerNames ?? [],
          target_group_arns: g.TargetGroupARNs ?? [],
          launch_configuration_name: g.LaunchConfigurationName ?? null,
          launch_template_id: template?.LaunchTemplateId ?? null,
          launch_template_version: template?.Version ?? null,
          mixed_instances_policy: mixed !== undefined,
          instance_types: [...new Set((mixed?.LaunchTemplate?.Overrides ?? []).flatMap((o) => (o.InstanceType ? [o.InstanceType] : [])))].sort(),
          raw: g,
        });
      }
    }
    return { [table]: rows };
  },
};

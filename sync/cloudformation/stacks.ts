import { CloudFormationClient, paginateDescribeStacks, type Stack } from '@aws-sdk/client-cloudformation';
import { awsCloudformationStacks } from '../../schema/cloudformation.js';
import { tagMap } from '../ec2/shared.js';
import type { Collector } from '../types.js';

const table = awsCloudformationStacks.name;

/**
 * DescribeStacks without a stack name pages every stack of the region with its notification topics and
 * termination protection: no per-stack call. Parameters and outputs may hold secrets and are not stored (raw
 * leaves them out too).
 */
export const stacksCollector: Collector = {
  service: 'cloudformation',
  name: 'stacks',
  scope: 'regional',
  tables: [awsCloudformationStacks],
  async collect(ctx) {
    const client = ctx.client(CloudFormationClient);
    const stacks: Stack[] = [];
    for await (const page of paginateDescribeStacks({ client }, {})) {
      if (page.Stacks === undefined) throw new Error('[sync] cloudformation DescribeStacks answered without Stacks; the answer is incomplete');
      stacks.push(...page.Stacks);
    }
    return {
      [table]: stacks
        .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
        .map(({ Parameters: _p, Outputs: _o, ...s }) => ({
          arn: s.StackId ?? null,
          name: s.StackName ?? null,
          status: s.StackStatus ?? null,
          notification_arns: s.NotificationARNs ?? [],
          termination_protection: s.EnableTerminationProtection ?? null,
          role_arn: s.RoleARN ?? null,
          drift_status: s.DriftInformation?.StackDriftStatus ?? null,
          parent_id: s.ParentId ?? null,
          root_id: s.RootId ?? null,
          created_at: s.CreationTime ?? null,
          tags: tagMap(s.Tags),
          raw: s,
        })),
    };
  },
};

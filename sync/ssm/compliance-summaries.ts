import { paginateListResourceComplianceSummaries, SSMClient } from '@aws-sdk/client-ssm';
import { awsSsmComplianceSummaries } from '../../schema/ssm.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';
import { nodeArn } from './node-arn.js';

const table = awsSsmComplianceSummaries.name;

/**
 * ListResourceComplianceSummaries answers one summary per node and compliance type (Patch, Association,
 * Custom:…) with its COMPLIANT / NON_COMPLIANT status, for every node in one paged list: FSBP SSM.2 (Patch) and
 * SSM.3 (Association) need nothing per node. No filter, so every compliance type is kept (custom compliance
 * is queryable too). ListComplianceSummaries only counts per type and ListComplianceItems is per resource (N+1).
 */
export const complianceSummariesCollector: Collector = {
  service: 'ssm',
  name: 'compliance-summaries',
  scope: 'regional',
  tables: [awsSsmComplianceSummaries],
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    const items = await allItems(paginateListResourceComplianceSummaries({ client }, { MaxResults: 50 }), (p) => p.ResourceComplianceSummaryItems);
    return {
      [table]: items.map((s) => ({
        resource_arn: nodeArn(ctx, s.ResourceId ?? '', s.ResourceType),
        resource_id: s.ResourceId ?? null,
        resource_type: s.ResourceType ?? null,
        compliance_type: s.ComplianceType ?? null,
        status: s.Status ?? null,
        overall_severity: s.OverallSeverity ?? null,
        execution_time: s.ExecutionSummary?.ExecutionTime ?? null,
        execution_type: s.ExecutionSummary?.ExecutionType ?? null,
        compliant_count: s.CompliantSummary?.CompliantCount ?? null,
        non_compliant_count: s.NonCompliantSummary?.NonCompliantCount ?? null,
        raw: s,
      })),
    };
  },
};

import { AccessAnalyzerClient, paginateListAnalyzers, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import { awsAccessanalyzerAnalyzers } from '../../schema/accessanalyzer.js';
import type { Collector } from '../types.js';

/** ListAnalyzers in each region (every type: account, organization, unused access). */
export const analyzersCollector: Collector = {
  service: 'accessanalyzer',
  name: 'analyzers',
  scope: 'regional',
  tables: [awsAccessanalyzerAnalyzers],
  async collect(ctx) {
    const analyzers: AnalyzerSummary[] = [];
    for await (const page of paginateListAnalyzers({ client: ctx.client(AccessAnalyzerClient) }, {})) analyzers.push(...(page.analyzers ?? []));
    return {
      [awsAccessanalyzerAnalyzers.name]: analyzers.map((a) => ({
        arn: a.arn,
        name: a.name,
        type: a.type,
        status: a.status,
        status_reason: a.statusReason?.code ?? null,
        created_at: a.createdAt ?? null,
        last_resource_analyzed_at: a.lastResourceAnalyzedAt ?? null,
        tags: a.tags ?? {},
        raw: a,
      })),
    };
  },
};

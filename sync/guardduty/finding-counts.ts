import { GetFindingsStatisticsCommand, GuardDutyClient, type SeverityStatistics } from '@aws-sdk/client-guardduty';
import type { Row } from '../../schema/db.js';
import { awsGuarddutyFindingCounts } from '../../schema/guardduty-findings.js';
import type { Collector, SyncContext } from '../types.js';
import { detectorIds } from './detectors.js';

const table = awsGuarddutyFindingCounts.name;

/**
 * One GetFindingsStatistics per detector (a region has at most one), grouped by severity, over current findings:
 * archived ones are those someone has dealt with or suppressed. No per-finding call: the counts are all the checks
 * read. Any failure fails the collector, so counts never read as zero.
 */
export const findingCountsCollector: Collector = {
  service: 'guardduty',
  name: 'finding-counts',
  scope: 'regional',
  tables: [awsGuarddutyFindingCounts],
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    return { [table]: await ctx.map(await detectorIds(ctx), (id) => counts(ctx, client, id)) };
  },
};

/** GuardDuty's severity bands (docs: "Findings severity levels"). */
function band(severity: number): 'critical' | 'high' | 'medium' | 'low' {
  if (severity >= 9) return 'critical';
  if (severity >= 7) return 'high';
  if (severity >= 4) return 'medium';
  return 'low';
}

async function counts(ctx: SyncContext, client: GuardDutyClient, id: string): Promise<Row> {
  const stats: SeverityStatistics[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new GetFindingsStatisticsCommand({
      DetectorId: id, GroupBy: 'SEVERITY', FindingCriteria: { Criterion: { 'service.archived': { Equals: ['false'] } } }, ...(token ? { NextToken: token } : {}),
    }));
    const page = out.FindingStatistics?.GroupedBySeverity;
    if (page === undefined) throw new Error(`[sync] guardduty GetFindingsStatistics answered without GroupedBySeverity for detector ${id}`);
    stats.push(...page);
    token = out.NextToken;
  } while (token);
  const row: Row = { detector_arn: `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.accountId}:detector/${id}`, detector_id: id, critical: 0, high: 0, medium: 0, low: 0, latest_high_or_critical_at: null };
  for (const s of stats) {
    if (s.Severity === undefined) continue;
    const b = band(s.Severity);
    row[b] = (row[b] as number) + (s.TotalFindings ?? 0);
    const at = s.LastGeneratedAt ? new Date(s.LastGeneratedAt) : null;
    if ((b === 'critical' || b === 'high') && at && (!row.latest_high_or_critical_at || at > (row.latest_high_or_critical_at as Date))) row.latest_high_or_critical_at = at;
  }
  return { ...row, raw: { GroupedBySeverity: stats } };
}

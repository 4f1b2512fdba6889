import { describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../../../controls/engine.js';
import { inventoryTables } from '../../../../schema/inventory.js';
import { metricFilterRow } from '../../../../sync/logs/log-groups.js';
import { memoryDb } from '../../../support/db.js';
import { seed } from '../../../support/checks.js';
import { account, seedChain } from './chain-fixture.js';

// Ties everywhere: two filters equally far from 4.4, two alarms that never fire on the 4.5 metric, two alarms on
// the 4.3 metric nobody hears. The same inventory must give the same findings, reasons and report id every time.
describe('monitoring verdicts are deterministic', () => {
  it('gives the same findings, reasons and report id over three evaluations of one inventory', async () => {
    const db = await memoryDb();
    await seed(db, 'aws_regions', [{ region: 'us-east-1', partition: 'aws' }]);
    await seedChain(db, { pattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }', alarm: { comparison_operator: 'GreaterThanThreshold' } });
    const filter = (name: string, pattern: string, metric: string) =>
      metricFilterRow({ filterName: name, logGroupName: 'cloudtrail/all', filterPattern: pattern, metricTransformations: [{ metricName: metric, metricNamespace: 'CISBenchmark', metricValue: '1' }] });
    await seed(db, 'aws_logs_metric_filters', [
      filter('z-policy', '{ $.eventName = PutUserPolicy }', 'Z'),
      filter('b-policy', '{ $.eventName = PutRolePolicy }', 'B'),
      filter('root', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }', 'Root'),
    ]);
    const alarm = (name: string, metric: string, over = {}) => ({
      arn: `arn:aws:cloudwatch:us-east-1:${account}:alarm:${name}`, alarm_name: name, metric_name: metric, namespace: 'CISBenchmark',
      statistic: 'Sum', comparison_operator: 'GreaterThanOrEqualToThreshold', threshold: 1, evaluation_periods: 1, actions_enabled: true,
      alarm_actions: [`arn:aws:sns:us-east-1:${account}:nobody`], dimensions: [], ...over,
    });
    await seed(db, 'aws_cloudwatch_alarms', [
      alarm('trail-b', 'CisMetric', { threshold: 5 }), alarm('trail-a', 'CisMetric', { evaluation_periods: 2 }),
      alarm('root-2', 'Root'), alarm('root-1', 'Root'),
    ]);
    for (const t of inventoryTables) {
      for (const region of t.scope === 'global' ? ['global'] : ['us-east-1']) {
        await db.run(
          `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
           VALUES (?, ?, ?, 'ok', false, 0, now(), now(), 'run-1', NULL)`,
          [account, region, t.name],
        );
      }
    }

    const runs: { reportId: string | null | undefined; controls: { id: string; status: string; reason: string; resources: string[][] }[] }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'test' });
      const monitoring = r.controls.filter((c) => /^4\.([1-9]|1[0-5])$/.test(c.id));
      runs.push({ reportId: r.scan.report_id, controls: monitoring.map((c) => ({ id: c.id, status: c.status, reason: c.reason, resources: c.resources.map((f) => [f.resource_id, f.reason]) })) });
    }
    expect(runs[0]!.reportId).toBeTruthy();
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    const reasonOf = (id: string) => runs[0]!.controls.find((c) => c.id === id)!.resources[0]![1];
    expect(reasonOf('4.4')).toMatch(/^The closest metric filter on the trail log group, cloudtrail\/all:b-policy, does not match eventName DeleteGroupPolicy/);
    expect(reasonOf('4.5')).toBe('The alarm cis on the metric of cloudtrail/all:cis gets Sum = 1 from one event, which is not greater than its threshold 1');
    expect(reasonOf('4.3')).toBe("No alarm that fires on the matching filter's metric notifies an SNS topic with a confirmed subscription (alarms: root-1, root-2)");
  });
});

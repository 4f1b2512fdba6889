import { CreateRuleGroupCommand, CreateWebACLCommand, PutLoggingConfigurationCommand, WAFV2Client, type Rule } from '@aws-sdk/client-wafv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const logGroup = `arn:aws:logs:us-east-1:${account}:log-group:aws-waf-logs-main`;
const visible = (name: string, metrics = true) => ({ CloudWatchMetricsEnabled: metrics, MetricName: name, SampledRequestsEnabled: true });
const rule = (name: string, priority: number, metrics: boolean): Rule => ({
  Name: name, Priority: priority, Action: { Block: {} }, VisibilityConfig: visible(name, metrics),
  Statement: { ByteMatchStatement: { SearchString: new TextEncoder().encode('bad'), FieldToMatch: { UriPath: {} }, TextTransformations: [{ Priority: 0, Type: 'NONE' }], PositionalConstraint: 'CONTAINS' } },
});

beforeAll(async () => {
  moto = await startMoto();
  const waf = new WAFV2Client(motoClientConfig(moto, 'us-east-1'));
  const main = await waf.send(new CreateWebACLCommand({
    Name: 'main', Scope: 'REGIONAL', DefaultAction: { Allow: {} }, VisibilityConfig: visible('main'),
    Rules: [rule('block-bad', 0, true), rule('quiet', 1, false)],
  }));
  await waf.send(new PutLoggingConfigurationCommand({ LoggingConfiguration: { ResourceArn: main.Summary!.ARN!, LogDestinationConfigs: [logGroup] } }));
  await waf.send(new CreateWebACLCommand({ Name: 'empty', Scope: 'REGIONAL', DefaultAction: { Block: {} }, VisibilityConfig: visible('empty', false) }));
  await waf.send(new CreateWebACLCommand({ Name: 'edge', Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} }, VisibilityConfig: visible('edge'), Rules: [rule('edge-rule', 0, true)] }));
  await waf.send(new CreateRuleGroupCommand({ Name: 'group', Scope: 'REGIONAL', Capacity: 10, VisibilityConfig: visible('group', false), Rules: [rule('in-group', 0, false)] }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['wafv2'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('wafv2 collectors', () => {
  it('writes regional and CloudFront web ACLs with their rules, metrics and logging, no logging as a fact', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(`SELECT region, name, scope, default_action, rule_count, rule_names, metrics_enabled, rules_without_metrics, logging_enabled, log_destinations
      FROM aws_wafv2_web_acls ORDER BY name`);
    expect(rows).toEqual([
      { region: 'us-east-1', name: 'edge', scope: 'CLOUDFRONT', default_action: 'ALLOW', rule_count: 1, rule_names: ['edge-rule'], metrics_enabled: true, rules_without_metrics: [], logging_enabled: false, log_destinations: [] },
      { region: 'us-east-1', name: 'empty', scope: 'REGIONAL', default_action: 'BLOCK', rule_count: 0, rule_names: [], metrics_enabled: false, rules_without_metrics: [], logging_enabled: false, log_destinations: [] },
      { region: 'us-east-1', name: 'main', scope: 'REGIONAL', default_action: 'ALLOW', rule_count: 2, rule_names: ['block-bad', 'quiet'], metrics_enabled: true, rules_without_metrics: ['quiet'], logging_enabled: true, log_destinations: [logGroup] },
    ]);
    const arns = await db.all("SELECT arn FROM aws_wafv2_web_acls WHERE name = 'main'");
    expect(arns[0]!.arn).toMatch(new RegExp(`^arn:aws:wafv2:us-east-1:${account}:regional/webacl/main/`));
  });

  it('writes rule groups with their metrics settings', async () => {
    const rows = await db.all('SELECT region, name, scope, rule_count, metrics_enabled, rules_without_metrics FROM aws_wafv2_rule_groups');
    expect(rows).toEqual([{ region: 'us-east-1', name: 'group', scope: 'REGIONAL', rule_count: 1, metrics_enabled: false, rules_without_metrics: ['in-group'] }]);
    const scopes = await db.all("SELECT DISTINCT region, status FROM sync_scopes WHERE table_name LIKE 'aws_wafv2_%' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});

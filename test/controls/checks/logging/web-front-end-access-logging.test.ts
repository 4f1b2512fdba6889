import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

describe('cloudfront_distribution_access_logging', () => {
  const id = 'cloudfront_distribution_access_logging';
  const dist = (n: string, extra: object) => ({ arn: `arn:aws:cloudfront::111111111111:distribution/E${n}`, id: `E${n}`, domain_name: `d${n}.cloudfront.net`, ...extra });
  it('fails a distribution with no logging of either kind, and one whose logging is unknown', async () => {
    await seed(db, 'aws_cloudfront_distributions', [
      dist('1', { legacy_logging_enabled: false, v2_log_destinations: [], access_logging_enabled: false }),
      dist('2', { legacy_logging_enabled: false, v2_log_destinations: null, access_logging_enabled: null }),
    ]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.region, r.reason])).toEqual([
      [dist('1', {}).arn, 'global', expect.stringContaining('d1.cloudfront.net has no access logging')],
      [dist('2', {}).arn, 'global', expect.stringContaining('could not be read completely')],
    ]);
  });
  it('passes distributions logging through legacy S3 logging or a v2 delivery', async () => {
    await seed(db, 'aws_cloudfront_distributions', [
      dist('1', { legacy_logging_enabled: true, v2_log_destinations: [], access_logging_enabled: true }),
      dist('2', { legacy_logging_enabled: false, v2_log_destinations: ['arn:aws:logs:us-east-1:111111111111:delivery-destination:x'], access_logging_enabled: true }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elbv2_access_logging_enabled', () => {
  const id = 'elbv2_access_logging_enabled';
  const lb = (name: string, type: string, enabled: boolean | null) => ({ arn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/${name}/1`, name, type, scheme: 'internet-facing', access_logs_enabled: enabled });
  it('fails application and network load balancers without access logs, and one whose flag is unreported', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [lb('web', 'application', false), lb('tcp', 'network', false), lb('odd', 'application', null)]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.name, r.reason])).toEqual([
      ['odd', expect.stringContaining('did not report')],
      ['tcp', 'Load balancer tcp (network, internet-facing) does not write access logs to S3'],
      ['web', 'Load balancer web (application, internet-facing) does not write access logs to S3'],
    ]);
  });
  it('passes a logging load balancer and leaves gateway load balancers out', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [lb('web', 'application', true), lb('gw', 'gateway', null)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('apigateway_stage_access_logging', () => {
  const id = 'apigateway_stage_access_logging';
  const v1 = (stage: string, dest: string | null) => ({ arn: `arn:aws:apigateway:us-east-1::/restapis/a1/stages/${stage}`, rest_api_id: 'a1', api_name: 'shop', stage_name: stage, access_log_destination_arn: dest });
  const v2 = (stage: string, dest: string | null) => ({ arn: `arn:aws:apigateway:us-east-1::/apis/b2/stages/${stage}`, api_id: 'b2', api_name: 'events', protocol_type: 'HTTP', stage_name: stage, access_log_destination_arn: dest });
  const group = 'arn:aws:logs:us-east-1:111111111111:log-group:access';
  it('fails REST and HTTP API stages without an access log destination', async () => {
    await seed(db, 'aws_apigateway_stages', [v1('prod', group), v1('dev', null)]);
    await seed(db, 'aws_apigatewayv2_stages', [v2('live', null), v2('test', group)]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.api_type, r.reason])).toEqual([
      [v2('live', null).arn, 'HTTP', 'HTTP API events stage live has no access logging (no access log destination)'],
      [v1('dev', null).arn, 'REST', 'REST API shop stage dev has no access logging (no access log destination)'],
    ]);
  });
  it('passes when every stage has an access log destination', async () => {
    await seed(db, 'aws_apigateway_stages', [v1('prod', group)]);
    await seed(db, 'aws_apigatewayv2_stages', [v2('live', group)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('counts as evaluated the regions that have stages of either API generation', async () => {
    const meta = JSON.parse(readFileSync('controls/checks/apigateway/apigateway_stage_access_logging.json', 'utf8')) as { scope: { where: string } };
    await seed(db, 'aws_regions', [{ region: 'us-east-1' }, { region: 'eu-west-1' }, { region: 'ap-south-1' }]);
    await seed(db, 'aws_apigateway_stages', [v1('prod', group)]);
    await seed(db, 'aws_apigatewayv2_stages', [{ ...v2('live', group), region: 'eu-west-1' }]);
    const [row] = await db.all(`SELECT count(*)::INTEGER AS n FROM aws_regions WHERE (${meta.scope.where})`);
    expect(row).toEqual({ n: 2 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

/** A REST API stage of API 'shop' that passes every check unless `extra` says otherwise. */
const rest = (stage: string, extra: Row = {}): Row => ({
  arn: `arn:aws:apigateway:us-east-1::/restapis/a1/stages/${stage}`, rest_api_id: 'a1', api_name: 'shop', stage_name: stage,
  client_certificate_id: 'cert1', cache_cluster_enabled: false, method_settings: { '*/*': { loggingLevel: 'ERROR', cachingEnabled: false, cacheDataEncrypted: false } }, ...extra,
});
const v2 = (stage: string, protocol: string, extra: Row = {}): Row => ({
  arn: `arn:aws:apigateway:us-east-1::/apis/b2/stages/${stage}`, api_id: 'b2', api_name: 'chat', protocol_type: protocol, stage_name: stage,
  access_log_destination_arn: 'arn:aws:logs:us-east-1:111111111111:log-group:chat', default_route_logging_level: 'INFO', route_logging_levels: {}, ...extra,
});
const reasons = (rows: Row[]) => rows.map((r) => [r.stage_name, r.reason]);

describe('apigateway_stage_execution_logging (APIGateway.1, REST)', () => {
  it('fails logging OFF, no default method setting, and a method override at OFF or without a level', async () => {
    await seed(db, 'aws_apigateway_stages', [
      rest('a-off', { method_settings: { '*/*': { loggingLevel: 'OFF' } } }),
      rest('b-none', { method_settings: {} }),
      rest('c-override', { method_settings: { '*/*': { loggingLevel: 'INFO' }, '~1items/GET': { loggingLevel: 'OFF' }, '~1items/POST': { loggingLevel: null } } }),
      rest('d-good'),
    ]);
    const rows = await checkFindings(db, 'apigateway_stage_execution_logging');
    expect(reasons(rows)).toEqual([
      ['a-off', 'REST API shop stage a-off has execution logging OFF'],
      ['b-none', 'REST API shop stage b-none has execution logging off (no default method setting)'],
      ['c-override', 'REST API shop stage c-override turns execution logging off for method(s) ~1items/GET=OFF, ~1items/POST=not reported'],
    ]);
  });
  it('passes ERROR or INFO on the stage default and on every override', async () => {
    await seed(db, 'aws_apigateway_stages', [rest('d-good'), rest('e-info', { method_settings: { '*/*': { loggingLevel: 'INFO' }, '~1x/GET': { loggingLevel: 'ERROR' } } })]);
    expect(await checkFindings(db, 'apigateway_stage_execution_logging')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'apigateway_stage_execution_logging')).toEqual([]);
  });
});

describe('apigateway_websocket_stage_execution_logging (APIGateway.1, WebSocket)', () => {
  it('fails a WebSocket stage with logging OFF or not set, and one with a route override at OFF', async () => {
    await seed(db, 'aws_apigatewayv2_stages', [
      v2('a-off', 'WEBSOCKET', { default_route_logging_level: 'OFF' }),
      v2('b-unset', 'WEBSOCKET', { default_route_logging_level: null }),
      v2('c-route', 'WEBSOCKET', { route_logging_levels: { $connect: 'OFF', $default: null } }),
    ]);
    expect(reasons(await checkFindings(db, 'apigateway_websocket_stage_execution_logging'))).toEqual([
      ['a-off', 'WebSocket API chat stage a-off has execution logging OFF'],
      ['b-unset', 'WebSocket API chat stage b-unset has execution logging off (not set)'],
      ['c-route', 'WebSocket API chat stage c-route turns execution logging off for route(s) $connect=OFF'],
    ]);
  });
  it('passes ERROR or INFO, a route override without a level (it inherits), and leaves HTTP APIs out', async () => {
    await seed(db, 'aws_apigatewayv2_stages', [
      v2('a-good', 'WEBSOCKET', { route_logging_levels: { $default: null, $connect: 'ERROR' } }),
      v2('b-http', 'HTTP', { default_route_logging_level: null }),
    ]);
    expect(await checkFindings(db, 'apigateway_websocket_stage_execution_logging')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'apigateway_websocket_stage_execution_logging')).toEqual([]);
  });
});

describe('apigateway_stage_client_certificate (APIGateway.2)', () => {
  it('fails a REST stage without a client certificate', async () => {
    await seed(db, 'aws_apigateway_stages', [rest('bare', { client_certificate_id: null }), rest('signed')]);
    expect(reasons(await checkFindings(db, 'apigateway_stage_client_certificate'))).toEqual([
      ['bare', 'REST API shop stage bare has no client certificate for backend authentication'],
    ]);
  });
  it('passes a REST stage with a client certificate', async () => {
    await seed(db, 'aws_apigateway_stages', [rest('signed')]);
    expect(await checkFindings(db, 'apigateway_stage_client_certificate')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'apigateway_stage_client_certificate')).toEqual([]);
  });
});

describe('apigateway_stage_cache_encrypted (APIGateway.5)', () => {
  it('fails a caching stage whose default or an override caches unencrypted, or does not report encryption', async () => {
    await seed(db, 'aws_apigateway_stages', [
      rest('a-plain', { cache_cluster_enabled: true, method_settings: { '*/*': { cachingEnabled: true, cacheDataEncrypted: false } } }),
      rest('b-override', { cache_cluster_enabled: true, method_settings: { '*/*': { cachingEnabled: true, cacheDataEncrypted: true }, '~1x/GET': { cachingEnabled: true, cacheDataEncrypted: null } } }),
    ]);
    const rows = await checkFindings(db, 'apigateway_stage_cache_encrypted');
    expect(reasons(rows)).toEqual([
      ['a-plain', 'REST API shop stage a-plain caches unencrypted data for method setting(s) */*'],
      ['b-override', 'REST API shop stage b-override caches unencrypted data for method setting(s) ~1x/GET'],
    ]);
  });
  it('passes encrypted caches, methods that do not cache, and stages without a cache cluster', async () => {
    await seed(db, 'aws_apigateway_stages', [
      rest('a-sealed', { cache_cluster_enabled: true, method_settings: { '*/*': { cachingEnabled: true, cacheDataEncrypted: true }, '~1x/GET': { cachingEnabled: false } } }),
      rest('b-nocluster', { cache_cluster_enabled: false, method_settings: { '*/*': { cachingEnabled: true, cacheDataEncrypted: false } } }),
    ]);
    expect(await checkFindings(db, 'apigateway_stage_cache_encrypted')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'apigateway_stage_cache_encrypted')).toEqual([]);
  });
});

describe('apigateway_v2_stage_access_logging (APIGateway.9)', () => {
  it('fails HTTP and WebSocket stages without access logging', async () => {
    await seed(db, 'aws_apigatewayv2_stages', [v2('a-http', 'HTTP', { access_log_destination_arn: null }), v2('b-ws', 'WEBSOCKET', { access_log_destination_arn: '' }), v2('c-ok', 'HTTP')]);
    expect(reasons(await checkFindings(db, 'apigateway_v2_stage_access_logging'))).toEqual([
      ['a-http', 'HTTP API chat stage a-http has no access logging'],
      ['b-ws', 'WEBSOCKET API chat stage b-ws has no access logging'],
    ]);
  });
  it('passes a stage with an access log destination', async () => {
    await seed(db, 'aws_apigatewayv2_stages', [v2('c-ok', 'HTTP')]);
    expect(await checkFindings(db, 'apigateway_v2_stage_access_logging')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'apigateway_v2_stage_access_logging')).toEqual([]);
  });
});

describe('apigateway_v2_route_authorization (APIGateway.8)', () => {
  const route = (key: string, protocol: string, type: string | null): Row => ({
    arn: `arn:aws:apigateway:us-east-1::/apis/b2/routes/${key.replace(/\W/g, '')}`, api_id: 'b2', api_name: 'chat', protocol_type: protocol, route_key: key, authorization_type: type,
  });
  const keys = (rows: Row[]) => rows.map((r) => [r.route_key, r.reason]);

  it('fails an HTTP route or a WebSocket $connect route without authorization, and a type not reported', async () => {
    await seed(db, 'aws_apigatewayv2_routes', [route('GET /a', 'HTTP', 'NONE'), route('$connect', 'WEBSOCKET', 'NONE'), route('GET /b', 'HTTP', null), route('GET /c', 'HTTP', 'JWT')]);
    // Ordered by ARN: .../routes/GETa, .../GETb, .../connect.
    expect(keys(await checkFindings(db, 'apigateway_v2_route_authorization'))).toEqual([
      ['GET /a', 'HTTP API chat route GET /a has authorization type NONE'],
      ['GET /b', 'HTTP API chat route GET /b reported no authorization type'],
      ['$connect', 'WEBSOCKET API chat route $connect has authorization type NONE'],
    ]);
  });
  it('passes AWS_IAM, CUSTOM and JWT routes, and leaves WebSocket routes other than $connect out', async () => {
    await seed(db, 'aws_apigatewayv2_routes', [route('GET /a', 'HTTP', 'AWS_IAM'), route('$connect', 'WEBSOCKET', 'CUSTOM'), route('sendMessage', 'WEBSOCKET', 'NONE')]);
    expect(await checkFindings(db, 'apigateway_v2_route_authorization')).toEqual([]);
  });
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'apigateway_v2_route_authorization')).toEqual([]);
  });
});

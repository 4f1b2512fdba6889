import { CloudTrailClient, CreateTrailCommand, GetEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Fault injection on a real client (configureClient): GetEventSelectors on one trail is refused, as a
// too-narrow permission would; moto cannot refuse one call. Every other call reaches moto.
function denySelectors(client: unknown, service: string): void {
  if (service !== 'CloudTrail') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      if (context.commandName === GetEventSelectorsCommand.name && String(args.input.TrailName).endsWith('/guarded')) {
        throw Object.assign(new Error('User is not authorized to perform: cloudtrail:GetEventSelectors'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    },
    { step: 'initialize', name: 'denySelectors' },
  );
}

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  await new S3Client(motoClientConfig(moto)).send(new CreateBucketCommand({ Bucket: 'faults-trail-logs' }));
  const ct = new CloudTrailClient(motoClientConfig(moto));
  for (const name of ['guarded', 'open']) {
    await ct.send(new CreateTrailCommand({ Name: name, S3BucketName: 'faults-trail-logs', IsMultiRegionTrail: true }));
    await ct.send(new StartLoggingCommand({ Name: name }));
  }
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('cloudtrail per-item failures', () => {
  it('writes every trail, leaves the refused selectors unknown, records the error and marks the scope in error', async () => {
    const db = await memoryDb();
    const result = await runSync({ db, services: ['cloudtrail'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: denySelectors });
    expect(result.errors.map((e) => [e.operation, e.code, e.resourceId])).toEqual([['GetEventSelectors', 'AccessDeniedException', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/guarded']]);
    const rows = await db.all('SELECT name, is_logging, selectors_source, include_management_events, event_selectors FROM aws_cloudtrail_trails ORDER BY name');
    expect(rows).toEqual([
      { name: 'guarded', is_logging: true, selectors_source: null, include_management_events: null, event_selectors: null },
      { name: 'open', is_logging: true, selectors_source: 'none', include_management_events: false, event_selectors: '[]' },
    ]);
    const scope = await db.one("SELECT status, stale FROM sync_scopes WHERE table_name = 'aws_cloudtrail_trails' AND region = 'us-east-1'");
    expect(scope).toEqual({ status: 'error', stale: false });
    db.close();
  });
});

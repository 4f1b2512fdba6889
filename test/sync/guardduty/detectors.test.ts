import { CreateDetectorCommand, GetDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { cannedFindingStatistics } from './canned-statistics.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let detectorId: string;
const account = '123456789012';

beforeAll(async () => {
  moto = await startMoto();
  const gd = new GuardDutyClient(motoClientConfig(moto, 'us-east-1'));
  ({ DetectorId: detectorId = '' } = await gd.send(
    new CreateDetectorCommand({
      Enable: true,
      FindingPublishingFrequency: 'SIX_HOURS',
      Features: [
        { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
        { Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' },
      ],
    }),
  ));
  db = await memoryDb();
  // No findings: moto cannot serve the finding statistics (canned-statistics.ts).
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['guardduty'], regions: ['us-east-1', 'eu-west-1'], configureClient: cannedFindingStatistics().configure });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('guardduty detectors collector', () => {
  it('writes the detector with its status and a NO_DETECTOR fact row for a region without one', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, detector_id, status, finding_publishing_frequency, service_role IS NOT NULL AS has_role FROM aws_guardduty_detectors ORDER BY region');
    expect(rows).toEqual([
      { region: 'eu-west-1', arn: `arn:aws:guardduty:eu-west-1:${account}`, detector_id: null, status: 'NO_DETECTOR', finding_publishing_frequency: null, has_role: false },
      { region: 'us-east-1', arn: `arn:aws:guardduty:us-east-1:${account}:detector/${detectorId}`, detector_id: detectorId, status: 'ENABLED', finding_publishing_frequency: 'SIX_HOURS', has_role: true },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_guardduty_detectors' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });

  it('writes one row per protection feature the detector reports', async () => {
    const rows = await db.all('SELECT feature_arn, detector_id, name, status FROM aws_guardduty_detector_features ORDER BY name');
    const arn = `arn:aws:guardduty:us-east-1:${account}:detector/${detectorId}`;
    expect(rows).toEqual([
      { feature_arn: `${arn}/feature/RDS_LOGIN_EVENTS`, detector_id: detectorId, name: 'RDS_LOGIN_EVENTS', status: 'DISABLED' },
      { feature_arn: `${arn}/feature/S3_DATA_EVENTS`, detector_id: detectorId, name: 'S3_DATA_EVENTS', status: 'ENABLED' },
    ]);
  });

  it('records a failed GetDetector as a sync error and marks the scope in error, leaving the detector without a status', async () => {
    // moto cannot refuse the call, so a middleware does (AccessDenied, as a missing guardduty:GetDetector would).
    const deny = (client: unknown, service: string) => {
      if (service !== 'GuardDuty') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === GetDetectorCommand.name) {
            throw Object.assign(new Error('not authorized to perform guardduty:GetDetector'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
          }
          return next(args);
        },
        { step: 'initialize', name: 'denyGetDetector' },
      );
    };
    const again = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['guardduty'], regions: ['us-east-1'], configureClient: (c, s) => {
      cannedFindingStatistics().configure(c, s);
      deny(c, s);
    } });
    expect(again.errors.map((e) => [e.region, e.code])).toEqual([['us-east-1', 'AccessDeniedException']]);
    expect(await db.one("SELECT status FROM sync_scopes WHERE table_name = 'aws_guardduty_detectors' AND region = 'us-east-1'")).toEqual({ status: 'error' });
    // No verdict can come from the row: its status is unknown, and the checks read the scope as in error.
    expect(await db.all("SELECT detector_id, status FROM aws_guardduty_detectors WHERE region = 'us-east-1'")).toEqual([{ detector_id: detectorId, status: null }]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const regions = (...names: string[]) => seed(db, 'aws_regions', names.map((region) => ({ region, partition: 'aws' })));
const detectorArn = (region: string, id: string) => `arn:aws:guardduty:${region}:${acct}:detector/${id}`;
const detector = (region: string, id: string, status: string, extra: Record<string, unknown> = {}) => ({ region, arn: detectorArn(region, id), detector_id: id, status, ...extra });
const none = (region: string) => ({ region, arn: `arn:aws:guardduty:${region}:${acct}`, detector_id: null, status: 'NO_DETECTOR' });
const feature = (region: string, id: string, name: string, status: string) => ({
  region, feature_arn: `${detectorArn(region, id)}/feature/${name}`, detector_arn: detectorArn(region, id), detector_id: id, name, status,
});
const verdicts = async (id: string) => (await checkFindings(db, id)).map((r) => [r.resource_id, r.reason]);

describe('guardduty_enabled_all_regions', () => {
  const id = 'guardduty_enabled_all_regions';

  it('fails regions without a detector, with a suspended one, or not collected', async () => {
    await regions('us-east-1', 'eu-west-1', 'eu-central-1', 'ap-south-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', 'ENABLED'), none('eu-west-1'), detector('eu-central-1', 'd3', 'DISABLED')]);
    expect(await verdicts(id)).toEqual([
      [`arn:aws:guardduty:ap-south-1:${acct}`, 'GuardDuty detectors were not collected for ap-south-1'],
      [`arn:aws:guardduty:eu-central-1:${acct}`, 'GuardDuty is suspended in eu-central-1: detector d3 has status DISABLED'],
      [`arn:aws:guardduty:eu-west-1:${acct}`, 'GuardDuty is not enabled in eu-west-1: the region has no detector'],
    ]);
  });

  it('fails a region whose detector status could not be read (never passes on missing data)', async () => {
    await regions('us-east-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', null as unknown as string)]);
    expect(await verdicts(id)).toEqual([[`arn:aws:guardduty:us-east-1:${acct}`, 'The status of GuardDuty detector d1 in us-east-1 could not be read']]);
  });

  it('passes when every scanned region has an enabled detector', async () => {
    await regions('us-east-1', 'eu-west-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', 'ENABLED'), detector('eu-west-1', 'd2', 'ENABLED')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('guardduty_s3_protection_enabled', () => {
  const id = 'guardduty_s3_protection_enabled';

  it('fails regions where S3 Protection is disabled, GuardDuty is off, or the feature is not reported', async () => {
    await regions('us-east-1', 'eu-west-1', 'eu-central-1', 'ap-south-1');
    await seed(db, 'aws_guardduty_detectors', [
      detector('us-east-1', 'd1', 'ENABLED'), none('eu-west-1'), detector('eu-central-1', 'd3', 'DISABLED'), detector('ap-south-1', 'd4', 'ENABLED'),
    ]);
    await seed(db, 'aws_guardduty_detector_features', [feature('us-east-1', 'd1', 'S3_DATA_EVENTS', 'DISABLED'), feature('eu-central-1', 'd3', 'S3_DATA_EVENTS', 'ENABLED')]);
    expect(await verdicts(id)).toEqual([
      [`arn:aws:guardduty:ap-south-1:${acct}`, 'GuardDuty detector d4 in ap-south-1 does not report S3 Protection (S3_DATA_EVENTS)'],
      [`arn:aws:guardduty:eu-central-1:${acct}`, 'GuardDuty is not enabled in eu-central-1, so S3 Protection is off'],
      [`arn:aws:guardduty:eu-west-1:${acct}`, 'GuardDuty is not enabled in eu-west-1, so S3 Protection is off'],
      [`arn:aws:guardduty:us-east-1:${acct}`, 'GuardDuty S3 Protection (S3_DATA_EVENTS) is DISABLED in us-east-1'],
    ]);
  });

  it('lets the feature decide over the deprecated dataSources.s3Logs status', async () => {
    await regions('us-east-1', 'eu-west-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', 'ENABLED', { s3_logs_status: 'ENABLED' }), detector('eu-west-1', 'd2', 'ENABLED', { s3_logs_status: 'ENABLED' })]);
    await seed(db, 'aws_guardduty_detector_features', [feature('us-east-1', 'd1', 'S3_DATA_EVENTS', 'DISABLED')]);
    // us-east-1 reports the feature off; eu-west-1 reports no feature, so its s3Logs data source decides.
    expect(await verdicts(id)).toEqual([[`arn:aws:guardduty:us-east-1:${acct}`, 'GuardDuty S3 Protection (S3_DATA_EVENTS) is DISABLED in us-east-1']]);
  });

  it('passes when every region has an enabled detector with S3 Protection on', async () => {
    await regions('us-east-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', 'ENABLED')]);
    await seed(db, 'aws_guardduty_detector_features', [feature('us-east-1', 'd1', 'S3_DATA_EVENTS', 'ENABLED'), feature('us-east-1', 'd1', 'RDS_LOGIN_EVENTS', 'DISABLED')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('guardduty_rds_protection_enabled', () => {
  const id = 'guardduty_rds_protection_enabled';

  it('fails a region whose RDS Protection is disabled or not reported, ignoring the S3 data source', async () => {
    await regions('us-east-1', 'eu-west-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', 'ENABLED'), detector('eu-west-1', 'd2', 'ENABLED', { s3_logs_status: 'ENABLED' })]);
    await seed(db, 'aws_guardduty_detector_features', [feature('us-east-1', 'd1', 'RDS_LOGIN_EVENTS', 'DISABLED'), feature('us-east-1', 'd1', 'S3_DATA_EVENTS', 'ENABLED')]);
    expect(await verdicts(id)).toEqual([
      [`arn:aws:guardduty:eu-west-1:${acct}`, 'GuardDuty detector d2 in eu-west-1 does not report RDS Protection (RDS_LOGIN_EVENTS)'],
      [`arn:aws:guardduty:us-east-1:${acct}`, 'GuardDuty RDS Protection (RDS_LOGIN_EVENTS) is DISABLED in us-east-1'],
    ]);
  });

  it('passes when RDS Protection is enabled on the enabled detector', async () => {
    await regions('us-east-1');
    await seed(db, 'aws_guardduty_detectors', [detector('us-east-1', 'd1', 'ENABLED')]);
    await seed(db, 'aws_guardduty_detector_features', [feature('us-east-1', 'd1', 'RDS_LOGIN_EVENTS', 'ENABLED')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

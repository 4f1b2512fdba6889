import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'codebuild_report_group_export_encrypted';
const group = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:codebuild:us-east-1:111111111111:report-group/${name}`, name, type: 'TEST', status: 'ACTIVE',
  export_config_type: 'S3', export_bucket: 'reports', export_encryption_disabled: false, export_encryption_key: null, described: true, ...extra,
});

describe(id, () => {
  it('fails an unencrypted S3 export and groups whose export was not reported', async () => {
    await seed(db, 'aws_codebuild_report_groups', [
      group('plain', { export_encryption_disabled: true }),
      group('unknown', { export_config_type: null, export_bucket: null, export_encryption_disabled: null }),
      group('unread', { export_config_type: null, export_encryption_disabled: null, described: false }),
      group('sealed'),
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.report_group_name, r.reason])).toEqual([
      ['plain', 'CodeBuild report group plain exports its reports to S3 unencrypted'],
      ['unknown', 'CodeBuild report group unknown did not report its export configuration'],
      ['unread', 'CodeBuild report group unread did not report its export configuration'],
    ]);
  });

  it('passes encrypted exports (KMS or S3 managed key) and groups that export nothing', async () => {
    await seed(db, 'aws_codebuild_report_groups', [
      group('sealed'), group('kms', { export_encryption_key: 'arn:aws:kms:us-east-1:111111111111:key/k' }),
      group('kept', { export_config_type: 'NO_EXPORT', export_bucket: null, export_encryption_disabled: null }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

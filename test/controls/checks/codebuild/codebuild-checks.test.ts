import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const project = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:codebuild:us-east-1:111111111111:project/${name}`, name, source_type: 'GITHUB',
  source_locations: ['https://github.com/o/r.git'], sources_with_url_credentials: [], privileged_mode: false,
  plaintext_variable_names: ['STAGE'], secret_variable_names: ['DB_PASSWORD'], cloudwatch_logs_status: 'ENABLED',
  s3_logs_status: 'DISABLED', s3_logs_encryption_disabled: null, ...extra,
});

interface Case { id: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'codebuild_project_source_url_no_credentials',
    failing: [
      ['bitbucket', { source_type: 'BITBUCKET', sources_with_url_credentials: ['primary'] }, 'CodeBuild project bitbucket has credentials in the URL of its source(s): primary'],
      ['secondary', { sources_with_url_credentials: ['tools'] }, 'CodeBuild project secondary has credentials in the URL of its source(s): tools'],
      ['unknown', { sources_with_url_credentials: null }, 'CodeBuild project unknown did not report its sources'],
    ],
    passing: [project('clean'), project('s3', { source_type: 'S3', source_locations: ['bucket/key.zip'] })] },
  { id: 'codebuild_project_no_plaintext_aws_credentials',
    failing: [
      ['keys', { plaintext_variable_names: ['STAGE', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'] }, 'CodeBuild project keys passes AWS credentials as plain-text environment variables: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY'],
      ['unknown', { plaintext_variable_names: null }, 'CodeBuild project unknown did not report its environment variables'],
    ],
    // The same names as Secrets Manager references are not plain text.
    passing: [project('clean'), project('referenced', { plaintext_variable_names: [], secret_variable_names: ['AWS_SECRET_ACCESS_KEY'] })] },
  { id: 'codebuild_project_s3_logs_encrypted',
    failing: [
      ['plain', { s3_logs_status: 'ENABLED', s3_logs_encryption_disabled: true }, 'CodeBuild project plain writes its S3 build logs unencrypted'],
      ['unsaid', { s3_logs_status: 'ENABLED', s3_logs_encryption_disabled: null }, 'CodeBuild project unsaid did not report whether its S3 build logs are encrypted'],
      ['unknown', { s3_logs_status: null }, 'CodeBuild project unknown did not report its S3 logs setting'],
    ],
    passing: [project('no-s3-logs'), project('encrypted', { s3_logs_status: 'ENABLED', s3_logs_encryption_disabled: false })] },
  { id: 'codebuild_project_logging_enabled',
    failing: [
      ['dark', { cloudwatch_logs_status: 'DISABLED', s3_logs_status: 'DISABLED' }, 'CodeBuild project dark sends its build logs neither to CloudWatch Logs nor to S3'],
      ['unknown', { cloudwatch_logs_status: null, s3_logs_status: 'DISABLED' }, 'CodeBuild project unknown did not report its logging configuration'],
    ],
    passing: [project('cloudwatch'), project('s3-only', { cloudwatch_logs_status: 'DISABLED', s3_logs_status: 'ENABLED', s3_logs_encryption_disabled: false })] },
  { id: 'codebuild_project_privileged_mode_disabled',
    failing: [
      ['docker', { privileged_mode: true }, 'CodeBuild project docker runs its builds in privileged mode'],
      ['unknown', { privileged_mode: null }, 'CodeBuild project unknown did not report its privileged mode'],
    ],
    passing: [project('clean')] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the projects that break it, with the reason, and only those', async () => {
    await seed(db, 'aws_codebuild_projects', [...c.failing.map(([name, extra]) => project(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.project_name, r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]).sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(found[0]!.resource_id).toMatch(/^arn:aws:codebuild:us-east-1:111111111111:project\//);
  });
  it('passes projects configured as it asks', async () => {
    await seed(db, 'aws_codebuild_projects', c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

import { CodeBuildClient, CreateProjectCommand, type CreateProjectCommandInput } from '@aws-sdk/client-codebuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { emptyCodeBuildGaps } from './empty-gaps.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const role = `arn:aws:iam::${account}:role/codebuild`;
const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

const project = (name: string, extra: Partial<CreateProjectCommandInput> = {}): CreateProjectCommandInput => ({
  name,
  source: { type: 'GITHUB', location: 'https://github.com/example/app.git' },
  artifacts: { type: 'NO_ARTIFACTS' },
  environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
  serviceRole: role,
  ...extra,
});

beforeAll(async () => {
  moto = await startMoto();
  const cb = new CodeBuildClient(motoClientConfig(moto, 'us-east-1'));
  await cb.send(new CreateProjectCommand(project('clean', {
    environment: {
      type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL', privilegedMode: false,
      environmentVariables: [{ name: 'DB_PASSWORD', value: '/app/db', type: 'PARAMETER_STORE' }, { name: 'STAGE', value: 'prod', type: 'PLAINTEXT' }],
    },
    logsConfig: { cloudWatchLogs: { status: 'ENABLED' }, s3Logs: { status: 'ENABLED', location: 'logs-bucket/codebuild', encryptionDisabled: false } },
  })));
  await cb.send(new CreateProjectCommand(project('leaky', {
    source: { type: 'BITBUCKET', location: `https://deploy:${token}@bitbucket.org/example/app.git` },
    environment: {
      type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL', privilegedMode: true,
      environmentVariables: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE' }, { name: 'AWS_SECRET_ACCESS_KEY', value: secretKey, type: 'PLAINTEXT' }],
    },
    logsConfig: { cloudWatchLogs: { status: 'DISABLED' }, s3Logs: { status: 'ENABLED', location: 'logs-bucket/leaky', encryptionDisabled: true } },
  })));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['codebuild'], regions: ['us-east-1', 'eu-west-1'], configureClient: emptyCodeBuildGaps });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('codebuild projects collector', () => {
  it('writes each project with its privileged mode, variable names, source URL credentials and logging', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(`SELECT arn, region, name, source_type, source_locations, sources_with_url_credentials, privileged_mode,
      plaintext_variable_names, secret_variable_names, cloudwatch_logs_status, s3_logs_status, s3_logs_encryption_disabled, service_role
      FROM aws_codebuild_projects ORDER BY name`);
    expect(rows).toEqual([
      {
        arn: `arn:aws:codebuild:us-east-1:${account}:project/clean`, region: 'us-east-1', name: 'clean', source_type: 'GITHUB',
        source_locations: ['https://github.com/example/app.git'], sources_with_url_credentials: [], privileged_mode: false,
        plaintext_variable_names: ['STAGE'], secret_variable_names: ['DB_PASSWORD'], cloudwatch_logs_status: 'ENABLED',
        s3_logs_status: 'ENABLED', s3_logs_encryption_disabled: false, service_role: role,
      },
      {
        arn: `arn:aws:codebuild:us-east-1:${account}:project/leaky`, region: 'us-east-1', name: 'leaky', source_type: 'BITBUCKET',
        // moto 5.2.1 keeps no secondarySources; test/sync/codebuild/redact.test.ts covers them.
        source_locations: ['https://***@bitbucket.org/example/app.git'],
        sources_with_url_credentials: ['primary'], privileged_mode: true,
        plaintext_variable_names: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], secret_variable_names: [],
        cloudwatch_logs_status: 'DISABLED', s3_logs_status: 'ENABLED', s3_logs_encryption_disabled: true, service_role: role,
      },
    ]);
  });

  it('stores neither plain-text variable values nor URL credentials, not even in raw', async () => {
    const dump = JSON.stringify(await db.all('SELECT * FROM aws_codebuild_projects'));
    expect(dump).not.toContain(secretKey);
    expect(dump).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(dump).not.toContain(token);
    expect(dump).not.toContain('deploy:');
    // A reference to Parameter Store is not a secret: it stays, so an auditor can follow it.
    expect(dump).toContain('/app/db');
  });

  it('marks every synced region ok, the empty one too', async () => {
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_codebuild_projects' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});

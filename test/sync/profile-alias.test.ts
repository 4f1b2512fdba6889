import { CreateAccountAliasCommand, IAMClient } from '@aws-sdk/client-iam';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';
import { motoClientConfig, startMoto, type Moto } from '../support/moto.js';

// Issue 2: credentials from "shared config and --profile", and the account row's alias. Neither had a test.
let moto: Moto;
let dir: string;
let cleanup: () => void;
let awsFiles: Record<string, string>;
beforeAll(async () => {
  moto = await startMoto();
  ({ dir, cleanup } = tempDir());
  const credentialsFile = join(dir, 'credentials');
  const configFile = join(dir, 'config');
  writeFileSync(credentialsFile, '[audit]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
  writeFileSync(configFile, '[profile audit]\nregion = us-east-1\n');
  awsFiles = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile, AWS_ENDPOINT_URL: moto.endpoint };
  await new IAMClient(motoClientConfig(moto)).send(new CreateAccountAliasCommand({ AccountAlias: 'calabi-review' }));
});
afterAll(async () => {
  await moto?.stop();
  cleanup?.();
});

describe('shared-config profiles and the account row', () => {
  it('exits 2 without --profile when only a named profile holds credentials', async () => {
    const r = await runCli(['--db', join(dir, 'none.duckdb'), 'sync', '--regions', 'us-east-1', '--services', 'sns'], awsFiles);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--profile/);
  });

  it('syncs with the credentials of --profile and records the account alias', async () => {
    const db = join(dir, 'profile.duckdb');
    const r = await runCli(['--db', db, 'sync', '--profile', 'audit', '--regions', 'us-east-1', '--services', 'sns'], awsFiles);
    expect(r.stderr).not.toMatch(/cannot identify/);
    expect(r.code).toBe(0);
    const q = await runCli(['--db', db, 'query', 'SELECT account_id, alias FROM aws_accounts', '--format', 'json']);
    expect(JSON.parse(q.stdout)).toEqual([{ account_id: '123456789012', alias: 'calabi-review' }]);
  });
});

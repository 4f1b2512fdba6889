import { CreateApplicationCommand, CreateEnvironmentCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

type Handler = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 does not implement DescribeConfigurationSettings: this one call is canned, per environment, with the
 * option settings AWS returns (a secret-looking environment property included, which must not be stored).
 */
const settings: Record<string, Array<{ Namespace: string; OptionName: string; Value: string }>> = {
  prod: [
    { Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'enhanced' },
    { Namespace: 'aws:elasticbeanstalk:cloudwatch:logs', OptionName: 'StreamLogs', Value: 'true' },
    { Namespace: 'aws:elasticbeanstalk:application:environment', OptionName: 'DB_PASSWORD', Value: 'hunter2' },
  ],
  staging: [
    { Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'basic' },
    { Namespace: 'aws:elasticbeanstalk:cloudwatch:logs', OptionName: 'StreamLogs', Value: 'false' },
  ],
};
function cannedSettings(client: unknown, service: string): void {
  if (service !== 'ElasticBeanstalk') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    if (context.commandName !== 'DescribeConfigurationSettingsCommand') return next(args);
    const name = args.input.EnvironmentName as string;
    return { output: { $metadata: {}, ConfigurationSettings: [{ EnvironmentName: name, OptionSettings: settings[name] }] } };
  }, { step: 'initialize', name: 'cannedConfigurationSettings' });
}

beforeAll(async () => {
  moto = await startMoto();
  const eb = new ElasticBeanstalkClient(motoClientConfig(moto, 'us-east-1'));
  await eb.send(new CreateApplicationCommand({ ApplicationName: 'shop' }));
  for (const name of ['prod', 'staging']) {
    await eb.send(new CreateEnvironmentCommand({ ApplicationName: 'shop', EnvironmentName: name, SolutionStackName: '64bit Amazon Linux 2023 v6.1.0 running Node.js 20' }));
  }
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['elasticbeanstalk'], regions: ['us-east-1'], configureClient: cannedSettings });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Elastic Beanstalk environments collector', () => {
  it('writes each environment with its health reporting and log streaming, never its option values', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT name, application_name, health_reporting_system_type, stream_logs, configuration_read FROM aws_elasticbeanstalk_environments ORDER BY name');
    expect(rows).toEqual([
      { name: 'prod', application_name: 'shop', health_reporting_system_type: 'enhanced', stream_logs: true, configuration_read: true },
      { name: 'staging', application_name: 'shop', health_reporting_system_type: 'basic', stream_logs: false, configuration_read: true },
    ]);
    expect(JSON.stringify(await db.all('SELECT * FROM aws_elasticbeanstalk_environments'))).not.toContain('hunter2');
  });

  it('fails staging under FSBP ElasticBeanstalk.1 and .3 on the synced rows', async () => {
    expect((await checkFindings(db, 'elasticbeanstalk_enhanced_health_reporting')).map((r) => r.environment_name)).toEqual(['staging']);
    expect((await checkFindings(db, 'elasticbeanstalk_logs_streamed_to_cloudwatch')).map((r) => r.environment_name)).toEqual(['staging']);
  });
});

import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuMs, keyOf, recorder, replayer } from '../../bench/replay.js';
import { runSync } from '../../sync/runner.js';
import { memoryDb } from '../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../support/moto.js';

// bench:sync's replay: a sync recorded against moto, then answered from memory with moto stopped, must write the
// same rows (otherwise its CPU per resource would measure a different sync).
let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  const iam = new IAMClient(motoClientConfig(moto));
  for (const name of ['ann', 'ben']) await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'ann', Password: 'a-Long-password-123' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ben' }));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('bench replay', () => {
  it('replays a recorded IAM sync from memory, with moto stopped, into the same rows', async () => {
    const tape = recorder();
    const live = await memoryDb();
    const recorded = await runSync({ db: live, services: ['iam'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: tape.configure });
    const liveUsers = await live.all('SELECT user_name, password_enabled FROM aws_iam_users ORDER BY 1');
    live.close();
    expect(recorded.errors).toEqual([]);
    expect(tape.calls()).toBe(recorded.apiCalls); // every call answered once (no retries here)

    const endpoint = moto.endpoint;
    await moto.kill();
    const db = await memoryDb();
    const play = replayer(tape.tape);
    const replayed = await cpuMs(() => runSync({ db, services: ['iam'], regions: ['us-east-1'], endpoint, credentials: testCredentials, configureClient: play.configure }));
    expect(play.misses()).toBe(0);
    expect(replayed.value.errors).toEqual([]);
    expect(replayed.value.rowsByTable).toEqual(recorded.rowsByTable);
    expect(await db.all('SELECT user_name, password_enabled FROM aws_iam_users ORDER BY 1')).toEqual(liveUsers);
    expect(replayed.cpuMs).toBeGreaterThan(0);
    db.close();
  }, 120_000);

  it('tells apart JSON-protocol operations that post the same body to the same path, by their X-Amz-Target', () => {
    // Config's DescribeConfigurationRecorders and DescribeDeliveryChannels both POST `{}` to /: one key for both
    // served one operation's answer to the other in the replay (an answer without the field the SDK expects).
    const request = (target: string) => ({ method: 'POST', hostname: 'config.us-east-1.amazonaws.com', path: '/', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    const recorders = keyOf(request('StarlingDoveService.DescribeConfigurationRecorders'));
    expect(keyOf(request('StarlingDoveService.DescribeDeliveryChannels'))).not.toBe(recorders);
    expect(keyOf(request('StarlingDoveService.DescribeConfigurationRecorders'))).toBe(recorders);
  });
});

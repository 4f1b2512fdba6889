import { EC2Client, RunInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { stoppedAt } from '../../../sync/ec2/stop-time.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const ids: Record<string, string> = {};

type Instance = { InstanceId?: string; StateTransitionReason?: string };
type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: { Reservations?: Array<{ Instances?: Instance[] }> } }>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto writes the stop time of "now" into StateTransitionReason, so a stop weeks ago cannot be seeded. This canned
 * answer keeps moto's own DescribeInstances answer and rewrites the reason of two stopped instances only: one
 * stopped on 2026-01-02 in AWS's form, one with a reason that carries no time.
 */
function cannedStopReasons(client: unknown, service: string): void {
  if (service !== 'EC2') return;
  const canned: Record<string, string> = {};
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    const out = await next(args);
    if (context.commandName !== 'DescribeInstancesCommand') return out;
    canned[ids.old!] = 'User initiated (2026-01-02 03:04:05 GMT)';
    canned[ids.vague!] = 'Server.ScheduledStop';
    const rewrite = (i: Instance): Instance => (i.InstanceId && canned[i.InstanceId] ? { ...i, StateTransitionReason: canned[i.InstanceId] } : i);
    return { ...out, output: { ...out.output, Reservations: (out.output.Reservations ?? []).map((r) => ({ ...r, Instances: (r.Instances ?? []).map(rewrite) })) } };
  }, { step: 'initialize', name: 'cannedStopReasons' });
}

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  for (const name of ['running', 'fresh', 'old', 'vague']) {
    ids[name] = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1 }))).Instances![0]!.InstanceId!;
  }
  await ec2.send(new StopInstancesCommand({ InstanceIds: [ids.fresh!, ids.old!, ids.vague!] }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions: ['us-east-1'], configureClient: cannedStopReasons });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('EC2 instances: when a stopped instance stopped', () => {
  it("parses the stop time AWS writes into StateTransitionReason, and leaves it NULL when there is none", async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all<{ instance_id: string; state: string; stopped_at: string | null; synced_at: string }>(
      'SELECT instance_id, state, stopped_at, synced_at FROM aws_ec2_instances',
    );
    const by = Object.fromEntries(rows.map((r) => [r.instance_id, r]));
    expect(by[ids.running!]).toMatchObject({ state: 'running', stopped_at: null });
    expect(by[ids.old!]).toMatchObject({ state: 'stopped', stopped_at: '2026-01-02T03:04:05.000Z' });
    expect(by[ids.vague!]).toMatchObject({ state: 'stopped', stopped_at: null });
    // moto's own reason (a stop of "now"), parsed: within a minute before the sync.
    const fresh = by[ids.fresh!]!;
    expect(fresh.state).toBe('stopped');
    const lag = Date.parse(fresh.synced_at) - Date.parse(fresh.stopped_at!);
    expect(lag).toBeGreaterThanOrEqual(-1000);
    expect(lag).toBeLessThan(60_000);
  });

  it('reads only a full date and time in GMT or UTC, and no date that does not exist', () => {
    expect(stoppedAt('stopped', 'User initiated (2026-03-04 05:06:07 UTC)')).toEqual(new Date('2026-03-04T05:06:07Z'));
    expect(stoppedAt('stopped', 'User initiated (2026-02-31 05:06:07 GMT)')).toBeNull();
    expect(stoppedAt('stopped', 'User initiated')).toBeNull();
    expect(stoppedAt('stopped', '')).toBeNull();
    expect(stoppedAt('running', 'User initiated (2026-03-04 05:06:07 GMT)')).toBeNull();
  });
});

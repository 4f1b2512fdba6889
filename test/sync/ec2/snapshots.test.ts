import { CreateSnapshotCommand, CreateVolumeCommand, EC2Client, ModifySnapshotAttributeCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let openId: string;
let privateId: string;

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: { Snapshots?: Array<{ SnapshotId?: string }> } }>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto ignores DescribeSnapshots' RestorableByUserIds (and OwnerIds): asked for the public snapshots, it answers
 * every one. This canned answer keeps, of moto's own answer, the snapshot the test shared with 'all' — what AWS returns.
 */
function publicOnly(client: unknown, service: string): void {
  if (service !== 'EC2') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    const out = await next(args);
    const restorable = args.input.RestorableByUserIds as string[] | undefined;
    if (context.commandName !== 'DescribeSnapshotsCommand' || !restorable?.includes('all')) return out;
    return { ...out, output: { ...out.output, Snapshots: (out.output.Snapshots ?? []).filter((s) => s.SnapshotId === openId) } };
  }, { step: 'initialize', name: 'cannedPublicSnapshots' });
}

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const plain = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
  const sealed = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 2, Encrypted: true }));
  openId = (await ec2.send(new CreateSnapshotCommand({ VolumeId: plain.VolumeId, Description: 'open' }))).SnapshotId!;
  privateId = (await ec2.send(new CreateSnapshotCommand({ VolumeId: sealed.VolumeId, Description: 'private' }))).SnapshotId!;
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: openId, Attribute: 'createVolumePermission', OperationType: 'add', GroupNames: ['all'] }));
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: privateId, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: ['222222222222'] }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions: ['us-east-1'], configureClient: publicOnly });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('EBS snapshots collector', () => {
  it("writes the account's own snapshots only, with encryption and whether they are public", async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT arn, snapshot_id, description, encrypted, volume_size_gib, owner_id, public FROM aws_ec2_snapshots ORDER BY description');
    // moto also lists snapshots of the AMIs it ships, owned by other accounts: they are not the account's.
    expect(rows).toEqual([
      { arn: `arn:aws:ec2:us-east-1::snapshot/${openId}`, snapshot_id: openId, description: 'open', encrypted: false, volume_size_gib: 1, owner_id: '123456789012', public: true },
      { arn: `arn:aws:ec2:us-east-1::snapshot/${privateId}`, snapshot_id: privateId, description: 'private', encrypted: true, volume_size_gib: 2, owner_id: '123456789012', public: false },
    ]);
  });

  it('fails the public snapshot under FSBP EC2.1 on the synced rows', async () => {
    expect((await checkFindings(db, 'ec2_ebs_snapshot_not_public')).map((r) => r.snapshot_id)).toEqual([openId]);
  });
});

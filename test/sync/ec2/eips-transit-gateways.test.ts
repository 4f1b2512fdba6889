import { AllocateAddressCommand, AssociateAddressCommand, CreateTransitGatewayCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let idle: string;
let attached: string;
let open: string;

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1 }));
  idle = (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
  attached = (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
  await ec2.send(new AssociateAddressCommand({ AllocationId: attached, InstanceId: run.Instances![0]!.InstanceId }));
  open = (await ec2.send(new CreateTransitGatewayCommand({ Options: { AutoAcceptSharedAttachments: 'enable' } }))).TransitGateway!.TransitGatewayId!;
  await ec2.send(new CreateTransitGatewayCommand({ Options: { AutoAcceptSharedAttachments: 'disable' } }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions: ['us-east-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Elastic IP and transit gateway collectors', () => {
  it('writes each address with its association', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT allocation_id, association_id IS NOT NULL AS associated, instance_id IS NOT NULL AS on_instance FROM aws_ec2_elastic_ips ORDER BY associated');
    expect(rows).toEqual([{ allocation_id: idle, associated: false, on_instance: false }, { allocation_id: attached, associated: true, on_instance: true }]);
  });

  it('writes each transit gateway with its auto-accept option', async () => {
    const rows = await db.all("SELECT transit_gateway_id, auto_accept_shared_attachments, arn LIKE 'arn:aws:ec2:us-east-1:123456789012:transit-gateway/tgw-%' AS arn_ok FROM aws_ec2_transit_gateways ORDER BY auto_accept_shared_attachments");
    expect(rows).toEqual([
      { transit_gateway_id: expect.stringMatching(/^tgw-/), auto_accept_shared_attachments: 'disable', arn_ok: true },
      { transit_gateway_id: open, auto_accept_shared_attachments: 'enable', arn_ok: true },
    ]);
  });

  it('fails the idle address under FSBP EC2.12 and the open gateway under EC2.23 on the synced rows', async () => {
    expect((await checkFindings(db, 'ec2_elastic_ip_attached')).map((r) => r.allocation_id)).toEqual([idle]);
    expect((await checkFindings(db, 'ec2_transit_gateway_no_auto_accept')).map((r) => r.transit_gateway_id)).toEqual([open]);
  });
});

import { CreateVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileInventory } from '../../schema/migrations.js';
import { defineTable } from '../../schema/table.js';
import { runSync } from '../../sync/runner.js';
import type { Collector } from '../../sync/types.js';
import { memoryDb } from '../support/db.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../support/moto.js';

// Issue 2: "--role-name NAME [--external-id ID] ... assumes the role into each account". moto does not enforce the
// external id, so the proxy records the AssumeRole requests on the wire (it forwards them unchanged).
const vpcTable = defineTable({
  name: 'aws_review_vpcs',
  description: 'test',
  scope: 'regional',
  resourceId: 'vpc_id',
  columns: [{ name: 'vpc_id', type: 'VARCHAR', description: 'id' }],
});
const vpcCollector: Collector = {
  service: 'ec2',
  name: 'review-vpcs',
  scope: 'regional',
  tables: [vpcTable],
  async collect(ctx) {
    const out = await ctx.client(EC2Client).send(new DescribeVpcsCommand({}));
    return { [vpcTable.name]: (out.Vpcs ?? []).map((v) => ({ vpc_id: v.VpcId, raw: v })) };
  },
};

let moto: Moto;
let proxy: FaultProxy;
const assumeBodies: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  await new EC2Client(motoClientConfig(moto, 'us-east-1')).send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
  proxy = await startFaultProxy(moto.endpoint, [
    {
      match: (r) => {
        if (r.body.includes('Action=AssumeRole')) assumeBodies.push(decodeURIComponent(r.body));
        return false; // never answer: forward to moto
      },
      status: 500,
      body: '',
    },
  ]);
});
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe('assuming the role with an external id', () => {
  it('sends the external id with every AssumeRole call and syncs the assumed account', async () => {
    assumeBodies.length = 0;
    const db = await memoryDb();
    await db.write((tx) => reconcileInventory(tx, [vpcTable]));
    const result = await runSync({
      db, credentials: testCredentials, endpoint: proxy.endpoint, regions: ['us-east-1'], collectors: [vpcCollector],
      roleName: 'calabi-audit', externalId: 'calabi-ext-42', accounts: ['222222222222'],
    });
    expect(result.errors).toEqual([]);
    expect(result.accounts).toEqual(['222222222222']);
    expect(assumeBodies.length).toBeGreaterThan(0);
    for (const body of assumeBodies) {
      expect(body).toContain('RoleArn=arn:aws:iam::222222222222:role/calabi-audit');
      expect(body).toContain('ExternalId=calabi-ext-42');
    }
  });

  it('sends no external id when none is given', async () => {
    assumeBodies.length = 0;
    const db = await memoryDb();
    await db.write((tx) => reconcileInventory(tx, [vpcTable]));
    await runSync({
      db, credentials: testCredentials, endpoint: proxy.endpoint, regions: ['us-east-1'], collectors: [vpcCollector],
      roleName: 'calabi-audit', accounts: ['222222222222'],
    });
    expect(assumeBodies.length).toBeGreaterThan(0);
    for (const body of assumeBodies) expect(body).not.toContain('ExternalId');
  });
});

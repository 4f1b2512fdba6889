import { CreateRouteTableCommand, CreateVpcCommand, CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('VPC endpoints collector against moto', () => {
  it('reads gateway and interface endpoints with their VPC, service, route tables and policy', async () => {
    const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }))).Vpc!.VpcId!;
    const rtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable!.RouteTableId!;
    const policy = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/*' }] };
    const gw = (await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', RouteTableIds: [rtb], PolicyDocument: JSON.stringify(policy) }))).VpcEndpoint!.VpcEndpointId!;
    // No policy given: AWS (and moto) attach the default full-access endpoint policy.
    await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.kms', VpcEndpointType: 'Interface' }));

    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['ec2'], regions: ['us-east-1'] });
    expect(result.errors.filter((e) => e.table === 'aws_ec2_vpc_endpoints')).toEqual([]);
    const rows = await db.all(`SELECT arn, vpc_id, service_name, vpc_endpoint_type, lower(state) AS state, route_table_ids, policy->>'$.Statement[0].Resource' AS resource FROM aws_ec2_vpc_endpoints ORDER BY service_name`);
    expect(rows).toEqual([
      { arn: expect.stringMatching(/^arn:aws:ec2:us-east-1:123456789012:vpc-endpoint\/vpce-/), vpc_id: vpc, service_name: 'com.amazonaws.us-east-1.kms', vpc_endpoint_type: 'Interface', state: 'available', route_table_ids: [], resource: '*' },
      { arn: `arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/${gw}`, vpc_id: vpc, service_name: 'com.amazonaws.us-east-1.s3', vpc_endpoint_type: 'Gateway', state: 'available', route_table_ids: [rtb], resource: 'arn:aws:s3:::artifacts/*' },
    ]);
  }, 60_000);
});

import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const region = 'us-east-1';
// An empty zip archive (end-of-central-directory record only): moto stores the code without running it.
const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
let moto: Moto;
let db: Database;
let subnets: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, region);
  const ec2 = new EC2Client(cfg);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' }))).Vpc!.VpcId!;
  subnets = await Promise.all(['a', 'b'].map(async (az, i) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.3.${i}.0/24`, AvailabilityZone: `${region}${az}` }))).Subnet!.SubnetId!));
  const role = await new IAMClient(cfg).send(new CreateRoleCommand({
    RoleName: 'fn', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  const lambda = new LambdaClient(cfg);
  const fn = (name: string, vpc?: { SubnetIds: string[]; SecurityGroupIds: string[] }) =>
    lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'index.handler', Code: { ZipFile: emptyZip }, VpcConfig: vpc }));
  await fn('spread', { SubnetIds: subnets, SecurityGroupIds: [] });
  await fn('outside');
  db = await memoryDb();
  const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['lambda', 'ec2'], regions: [region] });
  // moto 5.2.1 does not implement ListFunctionUrlConfigs (test/sync/lambda/function-urls.test.ts cans it): only the
  // function URL table is in error, never the functions read here.
  expect(result.errors.filter((e) => e.table !== 'aws_lambda_function_urls')).toEqual([]);
}, 120_000);
afterAll(async () => {
  await moto?.stop();
});

describe('Lambda VPC subnets against moto', () => {
  it('keeps the subnets of a VPC function, [] for a function outside a VPC, and the subnets resolve to their zones', async () => {
    expect(await db.all(`SELECT function_name, subnet_ids FROM aws_lambda_functions ORDER BY function_name`)).toEqual([
      { function_name: 'outside', subnet_ids: [] },
      { function_name: 'spread', subnet_ids: subnets },
    ]);
    expect(await db.all(`SELECT s.availability_zone FROM aws_lambda_functions f, unnest(f.subnet_ids) AS u(id)
      JOIN aws_ec2_subnets s ON s.subnet_id = u.id ORDER BY 1`)).toEqual([{ availability_zone: 'us-east-1a' }, { availability_zone: 'us-east-1b' }]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const vpc = (id: string, region = 'us-east-1') => ({ arn: `arn:aws:ec2:${region}:111111111111:vpc/${id}`, vpc_id: id, region, is_default: false });
const endpoint = (id: string, vpc_id: string, service_name: string, state = 'available', region = 'us-east-1') => ({
  arn: `arn:aws:ec2:${region}:111111111111:vpc-endpoint/${id}`, vpc_endpoint_id: id, vpc_id, service_name, state, region, vpc_endpoint_type: 'Interface',
});
const check = async () => (await checkFindings(db, 'ec2_vpc_endpoint_for_ec2')).map((r) => [r.vpc_id, r.endpoints]);

describe('ec2_vpc_endpoint_for_ec2', () => {
  it("fails a VPC without an EC2 endpoint, one whose EC2 endpoint is not available, and one with another region's", async () => {
    await seed(db, 'aws_ec2_vpcs', [vpc('vpc-s3only'), vpc('vpc-pending'), vpc('vpc-wrong-region', 'eu-west-1')]);
    await seed(db, 'aws_ec2_vpc_endpoints', [
      endpoint('vpce-1', 'vpc-s3only', 'com.amazonaws.us-east-1.s3'),
      endpoint('vpce-2', 'vpc-pending', 'com.amazonaws.us-east-1.ec2', 'pendingAcceptance'),
      endpoint('vpce-3', 'vpc-wrong-region', 'com.amazonaws.us-east-1.ec2', 'available', 'eu-west-1'),
    ]);
    expect(await check()).toEqual([
      ['vpc-wrong-region', ['com.amazonaws.us-east-1.ec2 (available)']],
      ['vpc-pending', ['com.amazonaws.us-east-1.ec2 (pendingacceptance)']],
      ['vpc-s3only', ['com.amazonaws.us-east-1.s3 (available)']],
    ]);
  });

  it('passes a VPC with an available EC2 endpoint, the China partition spelling included', async () => {
    await seed(db, 'aws_ec2_vpcs', [vpc('vpc-ok'), vpc('vpc-cn', 'cn-north-1')]);
    await seed(db, 'aws_ec2_vpc_endpoints', [
      endpoint('vpce-1', 'vpc-ok', 'com.amazonaws.us-east-1.ec2'),
      endpoint('vpce-2', 'vpc-cn', 'cn.com.amazonaws.cn-north-1.ec2', 'available', 'cn-north-1'),
    ]);
    expect(await check()).toEqual([]);
  });

  it('does not take an endpoint for a service merely ending in ec2 (ec2messages) for the EC2 one', async () => {
    await seed(db, 'aws_ec2_vpcs', [vpc('vpc-ssm')]);
    await seed(db, 'aws_ec2_vpc_endpoints', [endpoint('vpce-1', 'vpc-ssm', 'com.amazonaws.us-east-1.ec2messages')]);
    expect((await check()).map((r) => r[0])).toEqual(['vpc-ssm']);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const fn = (name: string, subnets: string[] | null, vpc: string | null = 'vpc-1'): Row => ({
  arn: `arn:aws:lambda:us-east-1:111111111111:function:${name}`, function_name: name, vpc_id: vpc, subnet_ids: subnets ?? [],
});
const subnet = (id: string, az: string, extra: Row = {}): Row => ({ arn: `arn:aws:ec2:us-east-1:111111111111:subnet/${id}`, subnet_id: id, vpc_id: 'vpc-1', availability_zone: az, ...extra });
const subnetRows = [subnet('subnet-a1', 'us-east-1a'), subnet('subnet-a2', 'us-east-1a'), subnet('subnet-b', 'us-east-1b')];

describe('lambda_function_vpc_multi_az (Lambda.5)', () => {
  it('fails a VPC function in one zone, one whose other subnet is not in the inventory, and one with no subnets', async () => {
    await seed(db, 'aws_ec2_subnets', [...subnetRows, subnet('subnet-far', 'eu-west-1b', { region: 'eu-west-1' })]);
    await seed(db, 'aws_lambda_functions', [fn('a-single', ['subnet-a1', 'subnet-a2']), fn('b-unknown', ['subnet-a1', 'subnet-far']), fn('c-empty', [])]);
    const rows = await checkFindings(db, 'lambda_function_vpc_multi_az');
    expect(rows.map((r) => [r.function_name, r.reason])).toEqual([
      ['a-single', 'Lambda function a-single runs in 1 Availability Zone(s): us-east-1a'],
      // subnet-far is another region's subnet: not the function's, so its zone is unknown.
      ['b-unknown', 'Lambda function b-unknown runs in 1 Availability Zone(s): us-east-1a (subnet(s) not in the inventory: subnet-far)'],
      ['c-empty', 'Lambda function c-empty runs in 0 Availability Zone(s): none'],
    ]);
  });

  it('passes a VPC function spanning two zones and leaves functions outside a VPC out', async () => {
    await seed(db, 'aws_ec2_subnets', subnetRows);
    await seed(db, 'aws_lambda_functions', [fn('spread', ['subnet-a1', 'subnet-b']), fn('spread-plus-gone', ['subnet-a1', 'subnet-b', 'subnet-gone']), fn('outside', null, null)]);
    expect(await checkFindings(db, 'lambda_function_vpc_multi_az')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'lambda_function_vpc_multi_az')).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'ec2_vpc_endpoints_for_aws_services';
const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const vpc = (vpc_id: string) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:vpc/${vpc_id}`, vpc_id, is_default: false });
const instance = (n: number, vpc_id: string, state = 'running') => ({ arn: `arn:aws:ec2:us-east-1:${acct}:instance/i-${n}`, instance_id: `i-${n}`, vpc_id, state });
let e = 0;
const endpoint = (vpc_id: string, service: string, type: string, route_table_ids: string[] = [], state = 'available') => ({
  arn: `arn:aws:ec2:us-east-1:${acct}:vpc-endpoint/vpce-${++e}`,
  vpc_endpoint_id: `vpce-${e}`,
  vpc_id,
  service_name: `com.amazonaws.us-east-1.${service}`,
  vpc_endpoint_type: type,
  route_table_ids,
  state,
});

describe(id, () => {
  it('fails workload VPCs without a usable S3 endpoint: none, one for another service, an unrouted gateway or a pending one', async () => {
    await seed(db, 'aws_ec2_vpcs', ['vpc-none', 'vpc-kms', 'vpc-unrouted', 'vpc-pending', 'vpc-fn'].map(vpc));
    await seed(db, 'aws_ec2_instances', [instance(1, 'vpc-none'), instance(2, 'vpc-kms'), instance(3, 'vpc-unrouted'), instance(4, 'vpc-pending', 'pending')]);
    await seed(db, 'aws_lambda_functions', [{ arn: `arn:aws:lambda:us-east-1:${acct}:function:f`, function_name: 'f', vpc_id: 'vpc-fn' }]);
    await seed(db, 'aws_ec2_vpc_endpoints', [
      endpoint('vpc-kms', 'kms', 'Interface'),
      endpoint('vpc-unrouted', 's3', 'Gateway', []),
      endpoint('vpc-pending', 's3', 'Interface', [], 'pending'),
    ]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.vpc_id, r.instances, r.functions, r.endpoint_services])).toEqual([
      ['vpc-fn', 0, 1, []],
      ['vpc-kms', 1, 0, ['com.amazonaws.us-east-1.kms']],
      ['vpc-none', 1, 0, []],
      ['vpc-pending', 1, 0, ['com.amazonaws.us-east-1.s3']],
      ['vpc-unrouted', 1, 0, ['com.amazonaws.us-east-1.s3']],
    ]);
    expect(rows[2]).toMatchObject({ resource_id: vpc('vpc-none').arn, reason: expect.stringContaining('has no S3 endpoint') });
  });

  it('passes a routed S3 gateway endpoint or an S3 interface endpoint, and ignores VPCs without workloads', async () => {
    await seed(db, 'aws_ec2_vpcs', ['vpc-gw', 'vpc-if', 'vpc-idle', 'vpc-stopped'].map(vpc));
    await seed(db, 'aws_ec2_instances', [instance(1, 'vpc-gw'), instance(2, 'vpc-if'), instance(3, 'vpc-stopped', 'stopped')]);
    await seed(db, 'aws_ec2_vpc_endpoints', [endpoint('vpc-gw', 's3', 'Gateway', ['rtb-1']), endpoint('vpc-if', 's3', 'Interface')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

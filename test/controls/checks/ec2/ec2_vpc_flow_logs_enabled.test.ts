import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const vpc = (vpc_id: string, region = 'us-east-1') => ({ region, arn: `arn:aws:ec2:${region}:111111111111:vpc/${vpc_id}`, vpc_id, is_default: false });
let n = 0;
const flowLog = (resource_id: string, traffic_type: string, status = 'ACTIVE', region = 'us-east-1') => ({ region, arn: `fl-${++n}`, flow_log_id: `fl-${n}`, resource_id, traffic_type, status });

describe('ec2_vpc_flow_logs_enabled', () => {
  it('fails VPCs without a flow log, with only ACCEPT logging, or with a log in another region', async () => {
    await seed(db, 'aws_ec2_vpcs', [vpc('vpc-none'), vpc('vpc-accept'), vpc('vpc-elsewhere', 'eu-west-1')]);
    await seed(db, 'aws_ec2_flow_logs', [flowLog('vpc-accept', 'ACCEPT'), flowLog('vpc-elsewhere', 'ALL', 'ACTIVE', 'us-east-1'), flowLog('subnet-1', 'ALL')]);
    const rows = await checkFindings(db, 'ec2_vpc_flow_logs_enabled');
    expect(rows.map((r) => [r.vpc_id, r.reason])).toEqual([
      ['vpc-elsewhere', 'VPC has no flow log'],
      ['vpc-accept', 'VPC flow logs are not active or record only accepted traffic (traffic type must be REJECT or ALL)'],
      ['vpc-none', 'VPC has no flow log'],
    ]);
  });

  it('passes VPCs with an active REJECT or ALL flow log', async () => {
    await seed(db, 'aws_ec2_vpcs', [vpc('vpc-reject'), vpc('vpc-all')]);
    await seed(db, 'aws_ec2_flow_logs', [flowLog('vpc-reject', 'REJECT'), flowLog('vpc-all', 'ACCEPT'), flowLog('vpc-all', 'ALL')]);
    expect(await checkFindings(db, 'ec2_vpc_flow_logs_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_vpc_flow_logs_enabled')).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const acct = '111111111111';
const cluster = (id: string, extra: Row = {}): Row => ({
  arn: `arn:aws:elasticmapreduce:us-east-1:${acct}:cluster/${id}`, id, name: `c-${id}`, state: 'WAITING', master_public_ips: [], ...extra,
});
const regions = (...names: string[]) => seed(db, 'aws_regions', names.map((region) => ({ account_id: acct, region, partition: 'aws', opt_in_status: 'opt-in-not-required' })));
const bpa = (region: string, block: boolean | null, ports: string[] | null) => ({ region, block_public_security_group_rules: block, permitted_public_ports: ports });

describe('emr_cluster_primary_node_no_public_ip', () => {
  it('fails a cluster whose primary node has a public address, or whose addresses were not read', async () => {
    await seed(db, 'aws_emr_clusters', [cluster('j-1', { master_public_ips: ['54.1.2.3'] }), cluster('j-2', { master_public_ips: null }), cluster('j-3')]);
    const found = await checkFindings(db, 'emr_cluster_primary_node_no_public_ip');
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      [`arn:aws:elasticmapreduce:us-east-1:${acct}:cluster/j-1`, 'EMR cluster c-j-1 (j-1) has a primary node with a public IP address: 54.1.2.3'],
      [`arn:aws:elasticmapreduce:us-east-1:${acct}:cluster/j-2`, 'EMR cluster c-j-2 (j-2) did not report the addresses of its primary node'],
    ]);
  });
  it('passes a cluster whose primary node has private addresses only', async () => {
    await seed(db, 'aws_emr_clusters', [cluster('j-3')]);
    expect(await checkFindings(db, 'emr_cluster_primary_node_no_public_ip')).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, 'emr_cluster_primary_node_no_public_ip')).toEqual([]);
  });
});

describe('emr_block_public_access_enabled', () => {
  it('fails a region with the block off, with ports beyond 22 permitted, or not read, naming the region setting', async () => {
    await regions('eu-west-1', 'us-east-1', 'us-west-2', 'ap-south-1');
    await seed(db, 'aws_emr_block_public_access', [bpa('eu-west-1', false, ['22-22']), bpa('us-east-1', true, ['22-22', '8080-8090']), bpa('us-west-2', true, ['22-22'])]);
    const found = await checkFindings(db, 'emr_block_public_access_enabled');
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      [`arn:aws:elasticmapreduce:ap-south-1:${acct}`, 'The EMR block public access configuration of this region was not read'],
      [`arn:aws:elasticmapreduce:eu-west-1:${acct}`, 'EMR block public access is off: clusters may launch with security groups open to the internet'],
      [`arn:aws:elasticmapreduce:us-east-1:${acct}`, 'EMR block public access permits ports other than 22 from anywhere: 8080-8090'],
    ]);
  });
  it('passes a region with the block on and port 22 or nothing permitted', async () => {
    await regions('us-east-1', 'us-west-2');
    await seed(db, 'aws_emr_block_public_access', [bpa('us-east-1', true, ['22-22']), bpa('us-west-2', true, [])]);
    expect(await checkFindings(db, 'emr_block_public_access_enabled')).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, 'emr_block_public_access_enabled')).toEqual([]);
  });
});

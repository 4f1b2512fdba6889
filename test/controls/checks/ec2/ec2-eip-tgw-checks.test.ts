import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const eip = (id: string, extra: Row = {}): Row => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:elastic-ip/eipalloc-${id}`, allocation_id: `eipalloc-${id}`, public_ip: `203.0.113.${id.length}`,
  association_id: `eipassoc-${id}`, instance_id: 'i-1', network_interface_id: 'eni-1', domain: 'vpc', ...extra,
});
const tgw = (id: string, extra: Row = {}): Row => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:transit-gateway/tgw-${id}`, transit_gateway_id: `tgw-${id}`, state: 'available', auto_accept_shared_attachments: 'disable', ...extra,
});

describe('ec2_elastic_ip_attached', () => {
  const id = 'ec2_elastic_ip_attached';
  it('fails an address associated with nothing', async () => {
    await seed(db, 'aws_ec2_elastic_ips', [eip('idle', { association_id: null, instance_id: null, network_interface_id: null }), eip('web')]);
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:ec2:us-east-1:111111111111:elastic-ip/eipalloc-idle', 'Elastic IP address 203.0.113.4 is not attached to an instance or a network interface'],
    ]);
  });
  it('passes addresses on an instance or on a network interface alone (a NAT gateway)', async () => {
    await seed(db, 'aws_ec2_elastic_ips', [eip('web'), eip('nat', { instance_id: null })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ec2_transit_gateway_no_auto_accept', () => {
  const id = 'ec2_transit_gateway_no_auto_accept';
  it('fails a gateway that accepts shared attachments automatically, and one that did not report it', async () => {
    await seed(db, 'aws_ec2_transit_gateways', [tgw('open', { auto_accept_shared_attachments: 'enable' }), tgw('unknown', { auto_accept_shared_attachments: null }), tgw('reviewed')]);
    expect((await checkFindings(db, id)).map((r) => [r.transit_gateway_id, r.reason])).toEqual([
      ['tgw-open', 'Transit gateway tgw-open accepts shared VPC attachment requests automatically'],
      ['tgw-unknown', 'Transit gateway tgw-unknown did not report whether it accepts shared attachments automatically'],
    ]);
  });
  it('passes a reviewed gateway and leaves deleted ones out', async () => {
    await seed(db, 'aws_ec2_transit_gateways', [tgw('reviewed'), tgw('gone', { state: 'deleted', auto_accept_shared_attachments: 'enable' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

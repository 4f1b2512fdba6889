import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'ec2_vpn_connection_tunnels_up';
const vpn = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:vpn-connection/vpn-${name}`, vpn_connection_id: `vpn-${name}`, state: 'available', tunnel_count: 2, tunnels_up: 2, ...extra,
});

describe(id, () => {
  it('fails a connection with a tunnel down, and one that reported fewer than two tunnels', async () => {
    await seed(db, 'aws_ec2_vpn_connections', [vpn('half', { tunnels_up: 1 }), vpn('silent', { tunnel_count: 0, tunnels_up: 0 }), vpn('healthy')]);
    expect((await checkFindings(db, id)).map((r) => [r.vpn_connection_id, r.reason])).toEqual([
      ['vpn-half', 'VPN connection vpn-half has 1 of its 2 tunnels down'],
      ['vpn-silent', 'VPN connection vpn-silent reported 0 of its 2 tunnels'],
    ]);
  });

  it('passes a connection with both tunnels up and leaves deleted ones out', async () => {
    await seed(db, 'aws_ec2_vpn_connections', [vpn('healthy'), vpn('gone', { state: 'deleted', tunnels_up: 0 })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

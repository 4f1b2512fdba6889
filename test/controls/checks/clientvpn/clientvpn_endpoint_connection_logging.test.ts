import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'clientvpn_endpoint_connection_logging';
const endpoint = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:client-vpn-endpoint/cvpn-endpoint-${name}`,
  client_vpn_endpoint_id: `cvpn-endpoint-${name}`,
  status: 'available',
  connection_log_enabled: true,
  connection_log_group: '/vpn/connections',
  ...extra,
});

describe(id, () => {
  it('fails an endpoint with connection logging off, and one that did not report it', async () => {
    await seed(db, 'aws_clientvpn_endpoints', [
      endpoint('off', { connection_log_enabled: false, connection_log_group: null }),
      endpoint('silent', { connection_log_enabled: null }),
      endpoint('logged'),
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.client_vpn_endpoint_id, r.reason])).toEqual([
      ['cvpn-endpoint-off', 'Client VPN endpoint cvpn-endpoint-off does not log client connections'],
      ['cvpn-endpoint-silent', 'Client VPN endpoint cvpn-endpoint-silent did not report whether it logs client connections'],
    ]);
  });

  it('judges endpoints still being associated, and leaves deleted and deleting ones out', async () => {
    await seed(db, 'aws_clientvpn_endpoints', [
      endpoint('new', { status: 'pending-associate', connection_log_enabled: false }),
      endpoint('gone', { status: 'deleted', connection_log_enabled: false }),
      endpoint('going', { status: 'deleting', connection_log_enabled: false }),
    ]);
    expect((await checkFindings(db, id)).map((r) => r.client_vpn_endpoint_id)).toEqual(['cvpn-endpoint-new']);
  });

  it('passes an endpoint that logs client connections', async () => {
    await seed(db, 'aws_clientvpn_endpoints', [endpoint('logged')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

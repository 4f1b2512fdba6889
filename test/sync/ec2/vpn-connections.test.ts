import { CreateCustomerGatewayCommand, CreateVpnConnectionCommand, CreateVpnGatewayCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let half: string;
let healthy: string;

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: { VpnConnections?: Array<Record<string, unknown>> } }>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 reports no tunnel telemetry (VgwTelemetry) and writes a customer gateway configuration without keys:
 * this adds, to moto's real answer, the two tunnels AWS reports (one down on 'half') and a configuration holding a
 * pre-shared key, which must not be stored.
 */
function cannedTelemetry(client: unknown, service: string): void {
  if (service !== 'EC2') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    const out = await next(args);
    if (context.commandName !== 'DescribeVpnConnectionsCommand') return out;
    const tunnel = (ip: string, up: boolean) => ({ OutsideIpAddress: ip, Status: up ? 'UP' : 'DOWN', StatusMessage: up ? '' : 'IPSEC IS DOWN' });
    const connections = (out.output.VpnConnections ?? []).map((v) => ({
      ...v,
      CustomerGatewayConfiguration: '<pre_shared_key>not-for-the-database</pre_shared_key>',
      VgwTelemetry: [tunnel('198.51.100.1', true), tunnel('198.51.100.2', v.VpnConnectionId !== half)],
    }));
    return { ...out, output: { ...out.output, VpnConnections: connections } };
  }, { step: 'initialize', name: 'cannedVpnTelemetry' });
}

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const cgw = (await ec2.send(new CreateCustomerGatewayCommand({ Type: 'ipsec.1', BgpAsn: 65000, IpAddress: '203.0.113.10' }))).CustomerGateway!.CustomerGatewayId!;
  const vgw = (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway!.VpnGatewayId!;
  half = (await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: vgw }))).VpnConnection!.VpnConnectionId!;
  healthy = (await ec2.send(new CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: vgw }))).VpnConnection!.VpnConnectionId!;
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions: ['us-east-1'], configureClient: cannedTelemetry });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('VPN connections collector', () => {
  it('writes each connection with its tunnels, never the customer gateway configuration', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT vpn_connection_id, vpn_gateway_id IS NOT NULL AS on_vgw, tunnel_count, tunnels_up FROM aws_ec2_vpn_connections ORDER BY tunnels_up');
    expect(rows).toEqual([
      { vpn_connection_id: half, on_vgw: true, tunnel_count: 2, tunnels_up: 1 },
      { vpn_connection_id: healthy, on_vgw: true, tunnel_count: 2, tunnels_up: 2 },
    ]);
    expect(JSON.stringify(await db.all('SELECT raw FROM aws_ec2_vpn_connections'))).not.toContain('not-for-the-database');
  });

  it('fails the connection with a tunnel down under FSBP EC2.20 on the synced rows', async () => {
    expect((await checkFindings(db, 'ec2_vpn_connection_tunnels_up')).map((r) => r.vpn_connection_id)).toEqual([half]);
  });
});

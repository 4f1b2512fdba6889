import {
  AuthorizeSecurityGroupIngressCommand,
  CreateFlowLogsCommand,
  CreateNetworkAclCommand,
  CreateManagedPrefixListCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { evaluateBenchmark } from '../../../controls/engine.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// moto 5.2.1 does not implement GetEbsDefaultKmsKeyId: this middleware answers it as AWS does for an account
// that never chose a key. Every other call goes to moto.
function cannedDefaultKmsKey(client: unknown, serviceName: string): void {
  if (serviceName !== 'EC2') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) =>
      context.commandName === 'GetEbsDefaultKmsKeyIdCommand'
        ? Promise.resolve({ output: { KmsKeyId: 'alias/aws/ebs', $metadata: {} }, response: {} })
        : next(args),
    { step: 'initialize', name: 'cannedGetEbsDefaultKmsKeyId' },
  );
}

let moto: Moto;
let db: Database;
let result: SyncResult;
const seeded: Record<string, string> = {};

beforeAll(async () => {
  moto = await startMoto();
  const use1 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const euw1 = new EC2Client(motoClientConfig(moto, 'eu-west-1'));

  const vpc = (await use1.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const peer = (await use1.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc!.VpcId!;
  const subnetA = (await use1.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
  await use1.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }));
  const sg = (await use1.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web tier', VpcId: vpc }))).GroupId!;
  await use1.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: sg,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
      ],
    }),
  );
  const acl = (await use1.send(new CreateNetworkAclCommand({ VpcId: vpc }))).NetworkAcl!.NetworkAclId!;
  await use1.send(
    new CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }),
  );
  // A prefix list holding 0.0.0.0/0 behind an SSH rule, RDP over UDP, and an ACL whose allow a lower deny shadows.
  const pl = (
    await use1.send(new CreateManagedPrefixListCommand({ PrefixListName: 'anywhere', AddressFamily: 'IPv4', MaxEntries: 5, Entries: [{ Cidr: '203.0.113.0/24' }, { Cidr: '0.0.0.0/0' }] }))
  ).PrefixList!.PrefixListId!;
  const sgPl = (await use1.send(new CreateSecurityGroupCommand({ GroupName: 'via-prefix-list', Description: 'ssh via a prefix list', VpcId: vpc }))).GroupId!;
  await use1.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sgPl, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: pl }] }] }));
  const sgUdp = (await use1.send(new CreateSecurityGroupCommand({ GroupName: 'rdp-udp', Description: 'rdp over udp', VpcId: vpc }))).GroupId!;
  await use1.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sgUdp, IpPermissions: [{ IpProtocol: 'udp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
  const aclShadowed = (await use1.send(new CreateNetworkAclCommand({ VpcId: vpc }))).NetworkAcl!.NetworkAclId!;
  await use1.send(
    new CreateNetworkAclEntryCommand({ NetworkAclId: aclShadowed, RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }),
  );
  await use1.send(
    new CreateNetworkAclEntryCommand({ NetworkAclId: aclShadowed, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }),
  );
  const imdsv2 = (
    await use1.send(
      new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, SubnetId: subnetA, MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } }),
    )
  ).Instances![0]!.InstanceId!;
  const imdsv1 = (
    await use1.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, SubnetId: subnetA, MetadataOptions: { HttpTokens: 'optional' } }))
  ).Instances![0]!.InstanceId!;
  await use1.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, Encrypted: true }));
  await use1.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 16, Encrypted: false }));
  await use1.send(
    new CreateFlowLogsCommand({
      ResourceIds: [vpc],
      ResourceType: 'VPC',
      TrafficType: 'REJECT',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: 'vpc-flow-logs',
      DeliverLogsPermissionArn: 'arn:aws:iam::123456789012:role/flow-logs',
    }),
  );
  await use1.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpc, PeerVpcId: peer }));
  await use1.send(new EnableEbsEncryptionByDefaultCommand({}));

  const euVpc = (await euw1.send(new CreateVpcCommand({ CidrBlock: '172.16.0.0/16' }))).Vpc!.VpcId!;
  Object.assign(seeded, { vpc, peer, subnetA, sg, acl, imdsv2, imdsv1, euVpc, pl, sgPl, sgUdp, aclShadowed });

  db = await memoryDb();
  result = await runSync({
    db,
    endpoint: moto.endpoint,
    credentials: testCredentials,
    services: ['ec2'],
    regions: ['us-east-1', 'eu-west-1'],
    configureClient: cannedDefaultKmsKey,
  });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

const countByRegion = async (table: string) =>
  Object.fromEntries((await db.all<{ region: string; n: number }>(`SELECT region, count(*) AS n FROM ${table} GROUP BY region`)).map((r) => [r.region, r.n]));

describe('EC2 collectors against moto', () => {
  it('syncs both regions without a sync error', async () => {
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('ok');
    expect(await db.all('SELECT * FROM sync_errors')).toEqual([]);
  });

  it('reads instances with their metadata options, state, VPC and the API object in raw', async () => {
    const rows = await db.all(
      `SELECT instance_id, state, vpc_id, subnet_id, metadata_http_tokens, metadata_http_endpoint, raw->>'$.InstanceId' AS raw_id, arn
       FROM aws_ec2_instances WHERE region = 'us-east-1' ORDER BY metadata_http_tokens`,
    );
    expect(rows).toEqual([
      { instance_id: seeded.imdsv1, state: 'running', vpc_id: seeded.vpc, subnet_id: seeded.subnetA, metadata_http_tokens: 'optional', metadata_http_endpoint: 'enabled', raw_id: seeded.imdsv1, arn: `arn:aws:ec2:us-east-1:123456789012:instance/${seeded.imdsv1}` },
      { instance_id: seeded.imdsv2, state: 'running', vpc_id: seeded.vpc, subnet_id: seeded.subnetA, metadata_http_tokens: 'required', metadata_http_endpoint: 'enabled', raw_id: seeded.imdsv2, arn: `arn:aws:ec2:us-east-1:123456789012:instance/${seeded.imdsv2}` },
    ]);
    expect(await countByRegion('aws_ec2_instances')).toEqual({ 'us-east-1': 2 });
  });

  it("reads each instance's virtualization type and the network interfaces attached to it", async () => {
    const rows = await db.all<{ virtualization_type: string; enis: number; listed: number }>(
      `SELECT i.virtualization_type, len(i.network_interface_ids) AS enis,
              (SELECT count(*) FROM aws_ec2_network_interfaces n WHERE list_contains(i.network_interface_ids, n.network_interface_id) AND n.attached_instance_id = i.instance_id) AS listed
       FROM aws_ec2_instances i WHERE i.region = 'us-east-1'`,
    );
    // moto launches ami-12c6146b as HVM with its primary interface, the one DescribeNetworkInterfaces lists.
    expect(rows).toEqual([
      { virtualization_type: 'hvm', enis: 1, listed: 1 },
      { virtualization_type: 'hvm', enis: 1, listed: 1 },
    ]);
  });

  it('reads encrypted and unencrypted volumes', async () => {
    const rows = await db.all<{ encrypted: boolean; size_gib: number; raw_encrypted: boolean }>(
      `SELECT encrypted, size_gib, (raw->'$.Encrypted')::BOOLEAN AS raw_encrypted FROM aws_ec2_volumes WHERE len(attached_instance_ids) = 0 ORDER BY size_gib`,
    );
    expect(rows).toEqual([
      { encrypted: true, size_gib: 8, raw_encrypted: true },
      { encrypted: false, size_gib: 16, raw_encrypted: false },
    ]);
    // Each instance's root volume is listed too, attached to it.
    const roots = await db.all<{ id: string }>('SELECT unnest(attached_instance_ids) AS id FROM aws_ec2_volumes ORDER BY id');
    expect(roots.map((r) => r.id)).toEqual([seeded.imdsv1, seeded.imdsv2].sort());
  });

  it('reads security groups, marks the default ones, and lists one row per rule with IPv4 and IPv6 sources', async () => {
    const groups = await db.all<{ group_name: string; is_default: boolean; ingress_rule_count: number }>(
      `SELECT group_name, is_default, ingress_rule_count FROM aws_ec2_security_groups WHERE vpc_id = ? ORDER BY group_name`,
      [seeded.vpc!],
    );
    expect(groups).toEqual([
      { group_name: 'default', is_default: true, ingress_rule_count: expect.any(Number) },
      { group_name: 'rdp-udp', is_default: false, ingress_rule_count: 1 },
      { group_name: 'via-prefix-list', is_default: false, ingress_rule_count: 1 },
      { group_name: 'web', is_default: false, ingress_rule_count: 3 },
    ]);
    const rules = await db.all(
      `SELECT ip_protocol, from_port, to_port, cidr_ipv4, cidr_ipv6, raw->>'$.GroupId' AS raw_group
       FROM aws_ec2_security_group_rules WHERE group_id = ? AND NOT is_egress ORDER BY from_port`,
      [seeded.sg!],
    );
    expect(rules).toEqual([
      { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0', cidr_ipv6: null, raw_group: seeded.sg },
      { ip_protocol: 'tcp', from_port: 80, to_port: 80, cidr_ipv4: '10.0.0.0/8', cidr_ipv6: null, raw_group: seeded.sg },
      { ip_protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_ipv4: null, cidr_ipv6: '::/0', raw_group: seeded.sg },
    ]);
    const egress = await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_ec2_security_group_rules WHERE group_id = ? AND is_egress', [seeded.sg!]);
    expect(egress!.n).toBe(1);
  });

  it('reads network ACLs and one row per entry', async () => {
    const acl = await db.one<{ vpc_id: string; is_default: boolean }>('SELECT vpc_id, is_default FROM aws_ec2_network_acls WHERE network_acl_id = ?', [seeded.acl!]);
    expect(acl).toEqual({ vpc_id: seeded.vpc, is_default: false });
    const entries = await db.all(
      `SELECT entry_id, rule_number, egress, protocol, rule_action, cidr_block, port_from, port_to
       FROM aws_ec2_network_acl_entries WHERE network_acl_id = ? AND rule_number = 100`,
      [seeded.acl!],
    );
    expect(entries).toEqual([
      { entry_id: `${seeded.acl}:ingress:100`, rule_number: 100, egress: false, protocol: '6', rule_action: 'allow', cidr_block: '0.0.0.0/0', port_from: 22, port_to: 22 },
    ]);
    // The default ACL of each VPC comes with its allow-all entries (protocol -1, no port range).
    const defaults = await db.all(
      `SELECT e.protocol, e.port_from, e.port_to, e.rule_action FROM aws_ec2_network_acl_entries e JOIN aws_ec2_network_acls a USING (network_acl_id)
       WHERE a.vpc_id = ? AND a.is_default AND NOT e.egress AND e.rule_number = 100`,
      [seeded.vpc!],
    );
    expect(defaults).toEqual([{ protocol: '-1', port_from: null, port_to: null, rule_action: 'allow' }]);
  });

  it('derives each network ACL\'s exposure by walking its entries in rule order', async () => {
    const rows = await db.all<{ network_acl_id: string; ingress_admin_exposure: string[] }>(
      'SELECT network_acl_id, ingress_admin_exposure FROM aws_ec2_network_acls WHERE network_acl_id IN (?, ?)',
      [seeded.acl!, seeded.aclShadowed!],
    );
    expect(Object.fromEntries(rows.map((r) => [r.network_acl_id, r.ingress_admin_exposure]))).toEqual({
      [seeded.acl!]: ['tcp/22 from 0.0.0.0/0 (rule 100)'],
      [seeded.aclShadowed!]: [],
    });
  });

  it('reads managed prefix lists with their entries, and the administration ports of each rule', async () => {
    const lists = await db.all('SELECT prefix_list_name, address_family, list_sort(cidrs) AS cidrs, contains_world FROM aws_ec2_managed_prefix_lists WHERE prefix_list_id = ?', [seeded.pl!]);
    expect(lists).toEqual([{ prefix_list_name: 'anywhere', address_family: 'IPv4', cidrs: ['0.0.0.0/0', '203.0.113.0/24'], contains_world: true }]);
    const rules = await db.all('SELECT group_id, ip_protocol, prefix_list_id, admin_ports FROM aws_ec2_security_group_rules WHERE group_id IN (?, ?) AND NOT is_egress ORDER BY group_id', [
      seeded.sgPl!,
      seeded.sgUdp!,
    ]);
    expect(rules).toEqual(
      [
        { group_id: seeded.sgPl, ip_protocol: 'tcp', prefix_list_id: seeded.pl, admin_ports: ['tcp/22'] },
        { group_id: seeded.sgUdp, ip_protocol: 'udp', prefix_list_id: null, admin_ports: ['udp/3389'] },
      ].sort((a, b) => a.group_id!.localeCompare(b.group_id!)),
    );
  });

  it('reads VPCs, subnets, route tables, peering connections and interfaces of each region', async () => {
    expect(await countByRegion('aws_ec2_vpcs')).toEqual({ 'us-east-1': 3, 'eu-west-1': 2 });
    const vpcs = await db.all(`SELECT region, vpc_id, cidr_block, is_default FROM aws_ec2_vpcs WHERE NOT is_default ORDER BY cidr_block`);
    expect(vpcs).toEqual([
      { region: 'us-east-1', vpc_id: seeded.vpc, cidr_block: '10.0.0.0/16', is_default: false },
      { region: 'us-east-1', vpc_id: seeded.peer, cidr_block: '10.1.0.0/16', is_default: false },
      { region: 'eu-west-1', vpc_id: seeded.euVpc, cidr_block: '172.16.0.0/16', is_default: false },
    ]);
    const subnets = await db.all(`SELECT cidr_block, availability_zone FROM aws_ec2_subnets WHERE vpc_id = ? ORDER BY cidr_block`, [seeded.vpc!]);
    expect(subnets).toEqual([
      { cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a' },
      { cidr_block: '10.0.2.0/24', availability_zone: 'us-east-1b' },
    ]);
    const main = await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_ec2_route_tables WHERE vpc_id = ? AND is_main', [seeded.vpc!]);
    expect(main!.n).toBe(1);
    const peering = await db.all('SELECT requester_vpc_id, accepter_vpc_id FROM aws_ec2_vpc_peering_connections');
    expect(peering).toEqual([{ requester_vpc_id: seeded.vpc, accepter_vpc_id: seeded.peer }]);
    const enis = await db.all<{ attached_instance_id: string }>('SELECT attached_instance_id FROM aws_ec2_network_interfaces WHERE vpc_id = ? ORDER BY 1', [seeded.vpc!]);
    expect(enis.map((e) => e.attached_instance_id).sort()).toEqual([seeded.imdsv1, seeded.imdsv2].sort());
  });

  it.each([
    ['aws_ec2_instances', 'instance_id', '$.InstanceId', { 'us-east-1': 2 }],
    ['aws_ec2_volumes', 'volume_id', '$.VolumeId', { 'us-east-1': 4 }],
    ['aws_ec2_security_groups', 'group_id', '$.GroupId', { 'us-east-1': 6, 'eu-west-1': 2 }],
    ['aws_ec2_security_group_rules', 'security_group_rule_id', '$.SecurityGroupRuleId', { 'us-east-1': 11, 'eu-west-1': 2 }],
    ['aws_ec2_network_acls', 'network_acl_id', '$.NetworkAclId', { 'us-east-1': 5, 'eu-west-1': 2 }],
    ['aws_ec2_network_acl_entries', 'rule_number', '$.RuleNumber', { 'us-east-1': 15, 'eu-west-1': 8 }],
    ['aws_ec2_vpcs', 'vpc_id', '$.VpcId', { 'us-east-1': 3, 'eu-west-1': 2 }],
    ['aws_ec2_subnets', 'subnet_id', '$.SubnetId', { 'us-east-1': 8, 'eu-west-1': 3 }],
    ['aws_ec2_route_tables', 'route_table_id', '$.RouteTableId', { 'us-east-1': 3, 'eu-west-1': 2 }],
    ['aws_ec2_vpc_peering_connections', 'vpc_peering_connection_id', '$.VpcPeeringConnectionId', { 'us-east-1': 1 }],
    ['aws_ec2_network_interfaces', 'network_interface_id', '$.NetworkInterfaceId', { 'us-east-1': 2 }],
    ['aws_ec2_flow_logs', 'flow_log_id', '$.FlowLogId', { 'us-east-1': 1 }],
  ])('fills %s per region, each row carrying its API object in raw', async (table, idColumn, rawPath, expected) => {
    expect(await countByRegion(table)).toEqual(expected);
    const mismatched = await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE raw->>'${rawPath}' IS DISTINCT FROM ${idColumn}::VARCHAR`);
    expect(mismatched!.n).toBe(0);
  });

  it('reads the flow log with the VPC it watches and its traffic type', async () => {
    const logs = await db.all('SELECT region, resource_id, resource_type, status, traffic_type, log_group_name FROM aws_ec2_flow_logs');
    expect(logs).toEqual([{ region: 'us-east-1', resource_id: seeded.vpc, resource_type: 'VPC', status: 'ACTIVE', traffic_type: 'REJECT', log_group_name: 'vpc-flow-logs' }]);
  });

  it('writes one EBS encryption-by-default row per region, on in one region only', async () => {
    const rows = await db.all('SELECT region, enabled, kms_key_id FROM aws_ec2_ebs_encryption_defaults ORDER BY region');
    expect(rows).toEqual([
      { region: 'eu-west-1', enabled: false, kms_key_id: null },
      { region: 'us-east-1', enabled: true, kms_key_id: 'alias/aws/ebs' },
    ]);
  });
});

describe('EC2 checks on the synced inventory', () => {
  it('fail exactly the seeded misconfigurations', async () => {
    const ids = async (check: string, column: string) => (await checkFindings(db, check)).map((r) => r[column]);
    // SSH from 0.0.0.0/0, SSH through a prefix list holding 0.0.0.0/0, and RDP over UDP.
    expect((await ids('ec2_sg_no_admin_ports_open_ipv4', 'group_id')).sort()).toEqual([seeded.sg, seeded.sgPl, seeded.sgUdp].sort());
    expect(await ids('ec2_sg_no_admin_ports_open_ipv6', 'group_id')).toEqual([seeded.sg]);
    expect(await ids('ec2_instance_imdsv2_required', 'instance_id')).toEqual([seeded.imdsv1]);
    expect(await ids('ec2_ebs_encryption_by_default', 'region')).toEqual(['eu-west-1']);
    // Only the custom VPC has a flow log; the default VPCs, the peer and the EU VPC fail.
    const unlogged = await ids('ec2_vpc_flow_logs_enabled', 'vpc_id');
    expect(unlogged).toHaveLength(4);
    expect(unlogged).not.toContain(seeded.vpc);
    // The custom ACL opens 22; every default ACL allows all traffic from anywhere; the shadowed allow passes.
    const acls = await ids('ec2_nacl_no_admin_ports_open', 'network_acl_id');
    expect(acls).toContain(seeded.acl);
    expect(acls).not.toContain(seeded.aclShadowed);
    expect(acls).toHaveLength(1 + 5);
    // Every default group comes with an allow-all outbound rule (and a self-referencing inbound one).
    expect(await ids('ec2_default_sg_restricts_all_traffic', 'vpc_id')).toHaveLength(5);
  });
});

describe('EBS default key when GetEbsDefaultKmsKeyId fails', () => {
  it('keeps the enabled flag trusted and reports the failed call in sync_errors', async () => {
    const db2 = await memoryDb();
    // No canned answer here: moto's reply to the unimplemented call is a real failure.
    const run = await runSync({ db: db2, endpoint: moto.endpoint, credentials: testCredentials, services: ['ec2'], regions: ['us-east-1'] });
    expect(run.errors.map((e) => [e.operation, e.table])).toEqual([['GetEbsDefaultKmsKeyId', 'aws_ec2_ebs_encryption_defaults.kms_key_id']]);
    expect(await db2.all('SELECT enabled, kms_key_id FROM aws_ec2_ebs_encryption_defaults')).toEqual([{ enabled: true, kms_key_id: null }]);
    const scope = await db2.one<{ status: string }>(`SELECT status FROM sync_scopes WHERE table_name = 'aws_ec2_ebs_encryption_defaults'`);
    expect(scope!.status).toBe('ok');
    db2.close();
  }, 30_000);
});

describe('managed prefix list entries that cannot be read', () => {
  it('records the failure, stores the entries as unknown, and makes the security-group requirement ERROR, never PASS', async () => {
    // Canned: moto cannot deny a call, so this middleware answers GetManagedPrefixListEntries as AWS does for
    // an identity without ec2:GetManagedPrefixListEntries. Every other call goes to moto.
    const denyEntries = (client: unknown, serviceName: string): void => {
      cannedDefaultKmsKey(client, serviceName);
      if (serviceName !== 'EC2') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
          if (context.commandName !== 'GetManagedPrefixListEntriesCommand') return next(args);
          const error = Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
          return Promise.reject(error);
        },
        { step: 'initialize', name: 'deniedGetManagedPrefixListEntries' },
      );
    };
    const db3 = await memoryDb();
    const run = await runSync({ db: db3, endpoint: moto.endpoint, credentials: testCredentials, services: ['ec2'], regions: ['us-east-1'], configureClient: denyEntries });
    expect(new Set(run.errors.map((e) => `${e.operation} ${e.table}`))).toEqual(new Set(['GetManagedPrefixListEntries aws_ec2_managed_prefix_lists']));
    expect(await db3.one('SELECT cidrs, contains_world FROM aws_ec2_managed_prefix_lists WHERE prefix_list_id = ?', [seeded.pl!])).toEqual({ cidrs: null, contains_world: null });
    const report = await evaluateBenchmark({ db: db3, benchmarkId: 'cis-aws-3.0' });
    const sg = report.controls.find((c) => c.id === '5.2')!;
    expect(sg.status).toBe('ERROR');
    expect(sg.reason).toContain('aws_ec2_managed_prefix_lists');
    db3.close();
  }, 60_000);
});

describe('an EC2 answer without its list element', () => {
  it.each([
    ['DescribeManagedPrefixListsCommand', 'aws_ec2_managed_prefix_lists', 'PrefixLists'],
    ['DescribeSecurityGroupRulesCommand', 'aws_ec2_security_group_rules', 'SecurityGroupRules'],
    ['DescribeSecurityGroupsCommand', 'aws_ec2_security_groups', 'SecurityGroups'],
    ['DescribeNetworkAclsCommand', 'aws_ec2_network_acls', 'NetworkAcls'],
  ])('%s: a 200 without the list is a collection error of %s, not an empty list', async (command, table, element) => {
    // Canned: a 200 whose body lacks the list element (a cut answer; moto always sends the element).
    const emptyAnswer = (client: unknown, serviceName: string): void => {
      cannedDefaultKmsKey(client, serviceName);
      if (serviceName !== 'EC2') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) =>
          context.commandName === command ? Promise.resolve({ output: { $metadata: {} }, response: {} }) : next(args),
        { step: 'initialize', name: 'emptyAnswer' },
      );
    };
    const db4 = await memoryDb();
    const run = await runSync({ db: db4, endpoint: moto.endpoint, credentials: testCredentials, services: ['ec2'], regions: ['us-east-1'], configureClient: emptyAnswer });
    expect(run.errors.map((e) => e.table)).toContain(table);
    // Caught once for every operation by sync/required-output.ts (the collector's own guard is a second line).
    expect(run.errors.find((e) => e.table === table)!.message).toMatch(new RegExp(`without (its )?${element}\\b`));
    const scope = await db4.one<{ status: string }>('SELECT status FROM sync_scopes WHERE table_name = ?', [table]);
    expect(scope!.status).not.toBe('ok');
    db4.close();
  }, 60_000);
});

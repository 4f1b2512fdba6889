import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, EC2Client, RevokeSecurityGroupIngressCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { compareVersions } from '../../reports/compare.js';
import { diffScans } from '../../reports/diff.js';
import { runSync } from '../../sync/runner.js';
import { memoryDb } from '../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('drift between scans of a changing moto account', () => {
  it('reports the newly opened SSH group as newly failing, then as resolved, by requirement and resource', async () => {
    const db = await memoryDb();
    const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
    const vpcId = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs![0]!.VpcId!;
    const scan = async () => {
      const sync = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions: ['us-east-1'], services: ['ec2'] });
      return evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', syncRunId: sync.runId });
    };
    const first = await scan();

    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'bastion', Description: 'ssh from anywhere', VpcId: vpcId }));
    const ssh = { GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] };
    await ec2.send(new AuthorizeSecurityGroupIngressCommand(ssh));
    const second = await scan();

    const d = await diffScans(db, first.scan.id, second.scan.id);
    expect(d.benchmark_id).toBe('cis-aws-3.0');
    const req = second.controls.find((c) => c.resources.some((r) => r.resource_id.includes(GroupId!)))!;
    expect(req).toBeDefined();
    const newly = d.findings.newly_failing.items.filter((f) => f.resource_id?.includes(GroupId!));
    expect(newly.map((f) => [f.control_id, f.check_id])).toContainEqual([req.id, 'ec2_sg_no_admin_ports_open_ipv4']);
    expect(newly[0]).toMatchObject({ account_id: '123456789012', region: 'us-east-1' });
    if (first.controls.find((c) => c.id === req.id)!.status !== 'FAIL') {
      expect(d.requirements.newly_failing.map((r) => r.id)).toContain(req.id);
    } else {
      expect(d.requirements.still_failing.map((r) => r.id)).toContain(req.id);
    }
    expect(d.findings.resolved.items.some((f) => f.resource_id?.includes(GroupId!))).toBe(false);

    await ec2.send(new RevokeSecurityGroupIngressCommand(ssh));
    const third = await scan();
    const back = await diffScans(db, second.scan.id, third.scan.id);
    expect(back.findings.resolved.items.filter((f) => f.resource_id?.includes(GroupId!)).map((f) => f.check_id)).toContain('ec2_sg_no_admin_ports_open_ipv4');
    expect(back.findings.newly_failing.items.some((f) => f.resource_id?.includes(GroupId!))).toBe(false);
    const steady = await diffScans(db, first.scan.id, third.scan.id);
    expect(steady.findings.newly_failing.count).toBe(0);
    expect(steady.findings.resolved.count).toBe(0);
    expect(steady.findings.still_failing.count).toBe(first.controls.reduce((n, c) => n + c.resources.length, 0));
  }, 120_000);

  it('sets CIS v1.4, v1.5 and v3.0 side by side on one sync: the same check under each version\'s requirement id', async () => {
    const db = await memoryDb();
    const sync = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions: ['us-east-1'], services: ['ec2'] });
    for (const b of ['cis-aws-1.4', 'cis-aws-1.5', 'cis-aws-3.0']) await evaluateBenchmark({ db, benchmarkId: b, syncRunId: sync.runId });
    const c = await compareVersions(db, [{ benchmarkId: 'cis-aws-1.4' }, { benchmarkId: 'cis-aws-1.5' }, { benchmarkId: 'cis-aws-3.0' }]);
    expect(c.same_inventory).toBe(true);
    expect(c.benchmarks.map((b) => b.benchmark_id)).toEqual(['cis-aws-1.4', 'cis-aws-1.5', 'cis-aws-3.0']);
    const ipv6 = c.rows.find((r) => r.check_id === 'ec2_sg_no_admin_ports_open_ipv6');
    expect(ipv6?.requirements['cis-aws-3.0']?.[0]?.id).toBe('5.3');
    expect(ipv6?.requirements['cis-aws-1.4']).toBeUndefined();
    const defaultSg = c.rows.find((r) => r.check_id === 'ec2_default_sg_restricts_all_traffic')!;
    expect(defaultSg.requirements['cis-aws-3.0']![0]!.id).toBe('5.4');
    expect(defaultSg.requirements['cis-aws-1.4']![0]!.id).toBe('5.3');
    expect(c.unmapped['cis-aws-3.0']!.map((r) => r.id)).toContain('1.1');
  }, 120_000);
});

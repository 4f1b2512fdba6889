import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { ControlReport } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { runSync } from '../../sync/runner.js';
import { memoryDb, tempDir } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';

let moto: Moto;
let dir: string;
let cleanup: () => void;
let db: Database;

beforeAll(async () => {
  moto = await startMoto();
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'benchmarks'));
  const req = (id: string, check: string) => ({ id, title: id, section: 'S', level: 1, assessment: 'Automated', checks: [check] });
  writeFileSync(
    join(dir, 'benchmarks', 'regions.json'),
    JSON.stringify({ id: 'regions', title: 'Regions', version: '1', requirements: [req('2.2.1', 'ec2_ebs_encryption_by_default'), req('5.2', 'ec2_sg_no_admin_ports_open_ipv4')] }),
  );
  // us-east-1 has a group open to SSH from anywhere; eu-west-1 has only its default group.
  const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: testCredentials });
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'open-ssh', Description: 'open' }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
  db = await memoryDb();
  const sync = (regions: string[]) => runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions });
  await sync(['us-east-1']);
  await sync(['eu-west-1']);
}, 120_000);
afterAll(async () => {
  db?.close();
  cleanup?.();
  await moto?.stop();
});

const evaluate = async () => {
  const report = await evaluateBenchmark({ db, benchmarkId: 'regions', checksDirs: [dir] });
  return Object.fromEntries(report.controls.map((c) => [c.id, c])) as Record<string, ControlReport>;
};

describe('regions in scope', () => {
  it('records every enabled region, whether the latest sync covered it, and why not', async () => {
    const rows = await db.all<{ region: string; enabled: boolean; in_scope: boolean; excluded_by: string | null }>(
      'SELECT region, enabled, in_scope, excluded_by FROM aws_region_coverage ORDER BY region',
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.in_scope)).toEqual([{ region: 'eu-west-1', enabled: true, in_scope: true, excluded_by: null }]);
    expect(rows.find((r) => r.region === 'us-east-1')).toEqual({ region: 'us-east-1', enabled: true, in_scope: false, excluded_by: '--regions' });
    expect(await db.all('SELECT region FROM aws_regions')).toEqual([{ region: 'eu-west-1' }]);
  });

  it('judges 5.2 on the regions in scope only: the open group of the earlier us-east-1 sync is history', async () => {
    const c = (await evaluate())['5.2']!;
    expect(c.status).toBe('PASS');
    const groupsInScope = await db.one<{ n: number }>("SELECT count(*) AS n FROM aws_ec2_security_groups WHERE region = 'eu-west-1'");
    expect(c.evaluated_count).toBe(groupsInScope!.n);
    expect(await db.one<{ n: number }>("SELECT count(*) AS n FROM aws_ec2_security_groups WHERE region = 'us-east-1'")).not.toEqual({ n: 0 });
  });

  it('says beside an "in all regions" requirement which regions it was judged on and which --regions left out', async () => {
    const enabled = (await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_region_coverage'))!.n;
    const controls = await evaluate();
    expect(controls['2.2.1']!.status).toBe('FAIL');
    expect(controls['2.2.1']!.reason).toMatch(new RegExp(`Judged on 1 of ${enabled} enabled regions \\(eu-west-1\\); excluded by --regions: .*us-east-1`));
    expect(controls['5.2']!.reason).not.toMatch(/Judged on/);
  });

  it('reports ERROR when a region in scope failed to sync, still saying which regions were judged', async () => {
    await db.run("UPDATE sync_scopes SET status = 'error', stale = true, error = 'GetEbsEncryptionByDefault: InternalError' WHERE table_name = 'aws_ec2_ebs_encryption_defaults' AND region = 'eu-west-1'");
    const c = (await evaluate())['2.2.1']!;
    expect(c.status).toBe('ERROR');
    expect(c.reason).toMatch(/aws_ec2_ebs_encryption_defaults failed to sync in 123456789012\/eu-west-1 .*Judged on 1 of/);
  });
});

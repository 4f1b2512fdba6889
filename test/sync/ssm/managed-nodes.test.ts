import { EC2Client, RunInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { PutParameterCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../../controls/engine.js';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let ids: string[];
const account = '123456789012';
const key = `arn:aws:kms:us-east-1:${account}:key/11111111-2222-3333-4444-555555555555`;

type Handler = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 implements neither DescribeInstanceInformation nor ListResourceComplianceSummaries, so exactly those
 * two calls are canned here, as AWS answers them, about the instances moto really runs: the first is managed and
 * online, the second's agent lost its connection, the third is not managed at all; one hybrid node (mi-…) too.
 * The compliance summaries come in two pages, so the collector must follow NextToken. Every other call
 * (DescribeParameters, ListDocuments, EC2) reaches moto_server. `deny` answers both as an identity without the
 * permission, to show the checks then ERROR.
 */
function cannedSsm(deny: boolean) {
  return (client: unknown, service: string): void => {
    if (service !== 'SSM') return;
    (client as Stack).middlewareStack.add((next, context) => async (args) => {
      const op = context.commandName;
      if (op !== 'DescribeInstanceInformationCommand' && op !== 'ListResourceComplianceSummariesCommand') return next(args);
      if (deny) throw new SSMServiceException({ name: 'AccessDeniedException', $fault: 'client', message: `not authorized to perform ${op}`, $metadata: { httpStatusCode: 400 } });
      if (op === 'DescribeInstanceInformationCommand') {
        return { output: { $metadata: {}, InstanceInformationList: [
          { InstanceId: ids[0], ResourceType: 'EC2Instance', PingStatus: 'Online', AgentVersion: '3.3.0.0', IsLatestVersion: true, PlatformType: 'Linux', PlatformName: 'Amazon Linux', ComputerName: 'web-1' },
          { InstanceId: ids[1], ResourceType: 'EC2Instance', PingStatus: 'ConnectionLost', AgentVersion: '3.1.0.0', IsLatestVersion: false, PlatformType: 'Linux' },
          { InstanceId: 'mi-0123456789abcdef0', ResourceType: 'ManagedInstance', PingStatus: 'Online', PlatformType: 'Windows' },
        ] } };
      }
      const page = (id: string, type: string, status: string) => ({ ResourceId: id, ResourceType: 'ManagedInstance', ComplianceType: type, Status: status, OverallSeverity: status === 'COMPLIANT' ? 'UNSPECIFIED' : 'HIGH', ExecutionSummary: { ExecutionTime: new Date('2026-11-30T10:00:00Z'), ExecutionType: 'Command' }, CompliantSummary: { CompliantCount: 10 }, NonCompliantSummary: { NonCompliantCount: status === 'COMPLIANT' ? 0 : 2 } });
      if (!args.input.NextToken) return { output: { $metadata: {}, NextToken: 'page-2', ResourceComplianceSummaryItems: [page(ids[0]!, 'Patch', 'NON_COMPLIANT'), page(ids[0]!, 'Association', 'COMPLIANT')] } };
      return { output: { $metadata: {}, ResourceComplianceSummaryItems: [page('mi-0123456789abcdef0', 'Patch', 'COMPLIANT'), page('mi-0123456789abcdef0', 'Association', 'NON_COMPLIANT')] } };
    }, { step: 'initialize', name: 'cannedSsm' });
  };
}

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 4, MaxCount: 4 }));
  ids = run.Instances!.map((i) => i.InstanceId!).sort();
  await ec2.send(new StopInstancesCommand({ InstanceIds: [ids[3]!] }));
  const ssm = new SSMClient(motoClientConfig(moto, 'us-east-1'));
  await ssm.send(new PutParameterCommand({ Name: '/app/db-password', Value: 'hunter2-secret', Type: 'SecureString', KeyId: key }));
  await ssm.send(new PutParameterCommand({ Name: '/app/hosts', Value: 'a,b', Type: 'StringList', Tier: 'Advanced' }));
  await ssm.send(new PutParameterCommand({ Name: 'plain', Value: 'visible-value', Type: 'String' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ssm', 'ec2'], regions: ['us-east-1'], configureClient: cannedSsm(false) });
}, 120_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('ssm managed nodes, compliance and parameters collectors', () => {
  it('writes every managed node with its agent status, EC2 instances under their EC2 ARN', async () => {
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT arn, instance_id, resource_type, ping_status, is_latest_version FROM aws_ssm_managed_instances ORDER BY instance_id')).toEqual([
      { arn: `arn:aws:ec2:us-east-1:${account}:instance/${ids[0]}`, instance_id: ids[0], resource_type: 'EC2Instance', ping_status: 'Online', is_latest_version: true },
      { arn: `arn:aws:ec2:us-east-1:${account}:instance/${ids[1]}`, instance_id: ids[1], resource_type: 'EC2Instance', ping_status: 'ConnectionLost', is_latest_version: false },
      { arn: `arn:aws:ssm:us-east-1:${account}:managed-instance/mi-0123456789abcdef0`, instance_id: 'mi-0123456789abcdef0', resource_type: 'ManagedInstance', ping_status: 'Online', is_latest_version: null },
    ]);
  });

  it('writes the compliance summaries of every page, one row per node and compliance type', async () => {
    const rows = await db.all('SELECT resource_id, compliance_type, status, non_compliant_count FROM aws_ssm_compliance_summaries ORDER BY resource_id, compliance_type');
    expect(rows).toEqual([
      { resource_id: ids[0], compliance_type: 'Association', status: 'COMPLIANT', non_compliant_count: 0 },
      { resource_id: ids[0], compliance_type: 'Patch', status: 'NON_COMPLIANT', non_compliant_count: 2 },
      { resource_id: 'mi-0123456789abcdef0', compliance_type: 'Association', status: 'NON_COMPLIANT', non_compliant_count: 2 },
      { resource_id: 'mi-0123456789abcdef0', compliance_type: 'Patch', status: 'COMPLIANT', non_compliant_count: 0 },
    ]);
  });

  it("writes each parameter's type, key and tier, never its value", async () => {
    const rows = await db.all('SELECT arn, name, type, key_id, tier FROM aws_ssm_parameters ORDER BY name');
    expect(rows).toEqual([
      { arn: `arn:aws:ssm:us-east-1:${account}:parameter/app/db-password`, name: '/app/db-password', type: 'SecureString', key_id: key, tier: 'Standard' },
      { arn: `arn:aws:ssm:us-east-1:${account}:parameter/app/hosts`, name: '/app/hosts', type: 'StringList', key_id: null, tier: 'Advanced' },
      { arn: `arn:aws:ssm:us-east-1:${account}:parameter/plain`, name: 'plain', type: 'String', key_id: null, tier: 'Standard' },
    ]);
    const all = JSON.stringify(await db.all('SELECT * FROM aws_ssm_parameters'));
    expect(all).not.toContain('hunter2-secret');
    expect(all).not.toContain('visible-value');
  });

  it('fails FSBP SSM.1-3 on the synced rows: unmanaged and disconnected running instances, non-compliant nodes', async () => {
    expect((await checkFindings(db, 'ssm_ec2_instance_managed')).map((r) => r.instance_id)).toEqual([ids[1], ids[2]]);
    expect((await checkFindings(db, 'ssm_instance_patch_compliant')).map((r) => r.instance_id)).toEqual([ids[0]]);
    expect((await checkFindings(db, 'ssm_instance_association_compliant')).map((r) => r.instance_id)).toEqual(['mi-0123456789abcdef0']);
  });

  it('reports SSM.1-3 as ERROR, never PASS, when the calls are refused', async () => {
    const denied = await memoryDb();
    const run = await runSync({ db: denied, credentials: testCredentials, endpoint: moto.endpoint, services: ['ssm', 'ec2'], regions: ['us-east-1'], configureClient: cannedSsm(true) });
    expect(run.errors.map((e) => [e.table, e.code]).sort()).toEqual([['aws_ssm_compliance_summaries', 'AccessDeniedException'], ['aws_ssm_managed_instances', 'AccessDeniedException']]);
    const report = await evaluateBenchmark({ db: denied, benchmarkId: 'aws-fsbp' });
    const status = (id: string) => report.controls.find((c) => c.id === id)?.status;
    expect([status('SSM.1'), status('SSM.2'), status('SSM.3')]).toEqual(['ERROR', 'ERROR', 'ERROR']);
    denied.close();
  }, 120_000);
});

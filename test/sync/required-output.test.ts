import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { ControlReport } from '../../controls/types.js';
import { runSync } from '../../sync/runner.js';
import { missingMembers } from '../../sync/required-output.js';
import { memoryDb } from '../support/db.js';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../support/fault-proxy.js';
import { motoClientConfig, startMoto, type Moto } from '../support/moto.js';

let moto: Moto;
let proxy: FaultProxy;

beforeAll(async () => {
  moto = await startMoto();
  const iam = new IAMClient(motoClientConfig(moto));
  await iam.send(new CreateUserCommand({ UserName: 'ana' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ana' }));
  await new SecurityHubClient(motoClientConfig(moto)).send(new EnableSecurityHubCommand({}));
  proxy = await startFaultProxy(moto.endpoint);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

// Canned answers: moto never sends an empty 200, so the proxy stands in for an AWS endpoint whose body was lost.
const emptyOk = (match: FaultRule['match'], contentType = 'text/xml'): FaultRule => ({ match, status: 200, body: '', contentType });
const action = (name: string) => (r: { body: string }) => r.body.includes(`Action=${name}&`) || r.body.endsWith(`Action=${name}`);
const describeHub = (r: { method: string; url: string; headers: Record<string, unknown> }) =>
  r.method === 'GET' && r.url.startsWith('/accounts') && String(r.headers.authorization ?? '').includes('/securityhub/');

async function syncAndEvaluate(rules: FaultRule[]): Promise<{ errors: Array<{ operation: string; code: string }>; controls: Record<string, ControlReport> }> {
  proxy.rules.length = 0;
  proxy.rules.push(...rules);
  const db = await memoryDb();
  try {
    const sync = await runSync({ db, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, endpoint: proxy.endpoint, regions: ['us-east-1'], services: ['ec2', 'iam', 'securityhub'], maxAttempts: 1 });
    const report = await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0' });
    return { errors: sync.errors, controls: Object.fromEntries(report.controls.map((c) => [c.id, c])) };
  } finally {
    db.close();
  }
}

describe('an answer without the element that carries its data', () => {
  it('is a collection error, and the requirements that read it are ERROR, not PASS', async () => {
    const { errors, controls } = await syncAndEvaluate([
      emptyOk(action('DescribeSecurityGroupRules')),
      emptyOk(action('ListAccessKeys')),
      emptyOk(describeHub, 'application/json'),
    ]);
    expect(errors.filter((e) => e.code === 'IncompleteResponse').map((e) => e.operation).sort()).toEqual(['DescribeHub', 'DescribeSecurityGroupRules', 'ListAccessKeys']);
    for (const id of ['5.2', '5.3', '1.13', '4.16']) {
      expect(controls[id]!.status, id).toBe('ERROR');
      expect(controls[id]!.reason, id).toMatch(/answered HTTP 200 without .*: the body was empty, cut or incomplete/);
    }
    // 1.11 asks about keys of console users; without their keys it cannot pass either.
    expect(controls['1.11']!.status).not.toBe('PASS');
  }, 120_000);

  it('leaves the same requirements judged on complete answers', async () => {
    const { errors, controls } = await syncAndEvaluate([]);
    expect(errors.filter((e) => e.code === 'IncompleteResponse')).toEqual([]);
    for (const id of ['5.2', '5.3', '1.13']) expect(controls[id]!.status, id).toBe('PASS');
    expect(controls['4.16']!.status).toBe('PASS');
  }, 120_000);

  it('holds every listed operation to its members: absent is missing, an empty list is data', () => {
    expect(missingMembers('EC2', 'DescribeSecurityGroupRules', { $metadata: {} })).toEqual(['SecurityGroupRules']);
    expect(missingMembers('EC2', 'DescribeSecurityGroupRules', { SecurityGroupRules: [] })).toEqual([]);
    expect(missingMembers('IAM', 'ListEntitiesForPolicy', { PolicyGroups: [], PolicyUsers: [] })).toEqual(['PolicyRoles']);
    expect(missingMembers('CloudTrail', 'GetEventSelectors', { AdvancedEventSelectors: [] })).toEqual([]);
    expect(missingMembers('CloudTrail', 'GetEventSelectors', {})).toEqual(['EventSelectors or AdvancedEventSelectors']);
    expect(missingMembers('S3', 'GetBucketLocation', {})).toEqual([]);
  });

  it('covers the collectors added for CIS 2.0–7.0 and FSBP, by the client names the sync uses', () => {
    expect(missingMembers('Lambda', 'ListFunctions', {})).toEqual(['Functions']);
    expect(missingMembers('ElasticLoadBalancingV2', 'DescribeLoadBalancerAttributes', {})).toEqual(['Attributes']);
    expect(missingMembers('Organizations', 'ListTargetsForPolicy', { Targets: [] })).toEqual([]);
    expect(missingMembers('GuardDuty', 'ListDetectors', {})).toEqual(['DetectorIds']);
    expect(missingMembers('KMS', 'GetKeyPolicy', {})).toEqual(['Policy']);
    // SQS leaves QueueUrls out when there is no queue: not listed, so an account without queues is not an error.
    expect(missingMembers('SQS', 'ListQueues', {})).toEqual([]);
  });
});

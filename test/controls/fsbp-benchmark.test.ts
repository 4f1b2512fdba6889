import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../lib/package-root.js';
import { loadCatalog } from '../../controls/loader.js';
import { readFsbpReference } from '../../controls/reference/fsbp-reference.js';
import type { CheckOutcome } from '../../controls/run-check.js';
import { controlResult } from '../../controls/status.js';
import { buildFsbpBenchmark } from '../../scripts/build-fsbp-benchmark.js';

/**
 * aws-fsbp carries exactly the facts of controls/reference/frameworks/aws_fsbp.csv (Security Hub ids, titles,
 * services, the controls' own severities), maps checks only by meaning, and is what the build script generates
 * from the data files today.
 */
const catalog = loadCatalog({ env: {} });
const fsbp = catalog.benchmarks.get('aws-fsbp')!;
const reference = readFsbpReference();
const req = (id: string) => fsbp.requirements.find((r) => r.id === id)!;

describe('aws-fsbp', () => {
  it('ships every control of the reference with its Security Hub id, title, service and own severity, and no level', () => {
    expect(fsbp.builtin).toBe(true);
    expect(reference).toHaveLength(287);
    expect(fsbp.requirements.map((r) => r.id)).toEqual(reference.map((r) => r.id));
    for (const [i, r] of fsbp.requirements.entries()) {
      const ref = reference[i]!;
      expect({ title: r.title, section: r.section, severity: r.severity }, r.id).toEqual({ title: ref.title, section: ref.section, severity: ref.severity });
      expect(r.level, `${r.id} has no CIS-style level`).toBeUndefined();
    }
    expect(req('IAM.4')).toMatchObject({ section: 'IAM', severity: 'critical', checks: ['iam_root_no_access_keys'] });
    expect(req('ACM.2').title).toBe('RSA certificates managed by ACM should use a key length of at least 2,048 bits');
  });

  it('is counted correctly in the README', () => {
    const evaluated = fsbp.requirements.filter((r) => r.checks.length > 0).length;
    const readme = readFileSync(fromRoot('README.md'), 'utf8').replace(/\s+/g, ' ');
    const counts = /\(`aws-fsbp`\): (\d+) controls, (\d+) evaluated, (\d+) manual/.exec(readme)?.slice(1).map(Number);
    expect(counts).toEqual([fsbp.requirements.length, evaluated, fsbp.requirements.length - evaluated]);
  });

  it('orders controls by service, then numerically (EC2.2 before EC2.10)', () => {
    const ec2 = fsbp.requirements.filter((r) => r.section === 'EC2').map((r) => r.id);
    expect(ec2.indexOf('EC2.2')).toBeLessThan(ec2.indexOf('EC2.10'));
  });

  it('is what scripts/build-fsbp-benchmark.ts generates from the reference and scripts/data today', () => {
    const { file: _file, builtin: _builtin, ...shipped } = fsbp;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildFsbpBenchmark())));
  });

  it('maps a check only where its meaning is the control\'s', () => {
    // S3.8 is bucket-level Block Public Access: the CIS check also accepts the account-level setting, so S3.8
    // and S3.1 (account level) have their own checks.
    expect(req('S3.8').checks).toEqual(['s3_bucket_level_public_access_blocked']);
    expect(req('S3.1').checks).toEqual(['s3_account_public_access_blocked']);
    expect(fsbp.requirements.flatMap((r) => r.checks)).not.toContain('s3_bucket_public_access_blocked');
    // EC2.13 is TCP 22 alone (the CIS checks judge 22 and 3389 together), EC2.14 TCP 3389 alone.
    expect(req('EC2.13').checks).toEqual(['ec2_sg_no_ssh_open_to_internet']);
    expect(req('EC2.14').checks).toEqual(['ec2_sg_no_rdp_open_to_internet']);
    expect(fsbp.requirements.flatMap((r) => r.checks)).not.toContain('ec2_sg_no_admin_ports_open_ipv4');
    // IAM.19 is every IAM user; the CIS check (IAM.5) judges console users only.
    expect(req('IAM.19').checks).toEqual(['iam_user_mfa_enabled']);
    // IAM.8 is 90 days; the CIS check (IAM.22) 45.
    expect(req('IAM.8').checks).toEqual(['iam_user_unused_credentials_90_days']);
    expect(req('IAM.5').checks).toEqual(['iam_user_console_mfa_enabled']);
    expect(req('IAM.26').checks).toEqual(['iam_no_expired_server_certificates']);
    expect(req('CloudTrail.1').checks).toEqual(['cloudtrail_multi_region_enabled']);
  });

  it('gives every control no check decides the evidence to gather, naming the data Calabi lacks', () => {
    for (const r of fsbp.requirements.filter((x) => x.checks.length === 0)) {
      expect(r.evidence, r.id).toMatch(/^(Needs data Calabi does not collect yet: |No Calabi check decides |Retired by AWS)/);
      expect(r.evidence, r.id).toContain(`control ${r.id}`);
    }
    expect(req('WAF.1').evidence).toMatch(/^Needs data Calabi does not collect yet: AWS WAF Classic, .*support ended on 30 September 2025/);
    expect(req('EC2.51').checks).toEqual(['clientvpn_endpoint_connection_logging']);
    expect(req('AppSync.1').checks).toEqual(['appsync_api_cache_encrypted_at_rest']);
    expect(req('CloudFormation.1').checks).toEqual(['cloudformation_stack_sns_notifications']);
    expect(req('EventBridge.3').checks).toEqual(['eventbridge_custom_bus_policy_attached']);
    expect(req('DataFirehose.1').checks).toEqual(['firehose_delivery_stream_encrypted_at_rest']);
    expect(req('Cognito.1').checks).toEqual(['cognito_user_pool_threat_protection_enforced']);
    expect(req('MSK.1').checks).toEqual(['msk_cluster_in_cluster_encryption']);
    expect(req('Athena.1').checks).toEqual(['athena_workgroup_encrypted_at_rest']);
    expect(req('Kinesis.1').checks).toEqual(['kinesis_stream_encrypted_at_rest']);
  });

  it('corrects the known faults of the source mapping in the in-repo reference', () => {
    const peer = (id: string) => reference.find((r) => r.id === id)!.peerChecks;
    expect(peer('EKS.1')).toEqual(['eks_cluster_not_publicly_accessible']);
    expect(peer('DynamoDB.7')).toEqual(['dynamodb_accelerator_cluster_in_transit_encryption_enabled']);
    expect(peer('Neptune.9')).toEqual(['neptune_cluster_multi_az']);
    expect(peer('S3.7')).toEqual(['s3_bucket_cross_region_replication']);
    expect(peer('IAM.26')).toEqual(['iam_no_expired_server_certificates_stored']);
  });

  it('reports the control\'s own severity, not its checks\'', () => {
    // CloudTrail.4 is low in Security Hub; the check it maps is medium.
    const r = req('CloudTrail.4');
    const check = catalog.checks.get(r.checks[0]!)!;
    expect(check.severity).toBe('medium');
    const outcome: CheckOutcome = { checkId: check.id, findings: [], evaluated: 1, error: null, scopeProblems: [], durationMs: 0, staged: null };
    expect(controlResult(r, [check], [outcome]).severity).toBe('low');
    // A framework without its own severities still takes the highest of the checks'.
    const { severity: _s, ...cisStyle } = r;
    expect(controlResult(cisStyle, [check], [outcome]).severity).toBe('medium');
    expect(controlResult(req('Kinesis.1'), [], []).severity).toBe('medium');
  });
});

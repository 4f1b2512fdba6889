import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIac } from '../../../cli/commands/iac.js';
import type { LoadedPlan } from '../../../sources/terraform/load.js';
import { tempDir } from '../../support/db.js';
import { fixturePath, fixtureText, loadFixture, rows } from './support.js';

// Mappers added for IAM, NACLs, Config, CloudWatch Logs/alarms, SNS, Access Analyzer, Security Hub and S3 ACLs.
// Real fixtures where one has the type (S3 ACL, IAM role + inline policy, log group); otherwise the synthetic
// plans synthetic-monitoring-chain.json and synthetic-iam-network-services.json (format 1.2, modelled on
// checkov-plan-with-for-each-for-enrichment.json). Verdicts come from the real check SQL via runIac.
let plan: LoadedPlan | undefined;
afterEach(() => plan?.db.close());

async function verdicts(file: string, ids: string[], completeAccount = true) {
  const { report } = await runIac(file, { benchmark: 'cis-aws-3.0', format: 'json', failOn: 'low', completeAccount });
  return Object.fromEntries(ids.map((id) => [id, report.controls.find((c) => c.id === id)!]));
}

/** The monitoring chain plan with its SQS subscription replaced by another endpoint. */
function variant(change: (sub: Record<string, unknown>) => void): { file: string; cleanup: () => void } {
  const doc = JSON.parse(fixtureText('synthetic-monitoring-chain.json'));
  const rc = doc.resource_changes.find((r: { type: string }) => r.type === 'aws_sns_topic_subscription');
  change(rc.change);
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(doc));
  return { file, cleanup };
}

describe('monitoring chain: trail → log group → metric filter → alarm → SNS topic → subscription', () => {
  it('maps the chain with the log group ARN, filter coverage and alarm action derived from references', async () => {
    plan = await loadFixture('synthetic-monitoring-chain.json');
    expect(await rows(plan, `SELECT cloudwatch_logs_log_group_arn AS g FROM aws_cloudtrail_trails`)).toEqual([{ g: 'arn:aws:logs:us-east-1:000000000000:log-group:cloudtrail-events:*' }]);
    expect(await rows(plan, `SELECT filter_id, covers, metric_name, pattern_syntax FROM aws_logs_metric_filters`)).toEqual([
      { filter_id: 'cloudtrail-events:root-usage', covers: ['root_usage'], metric_name: 'RootUsage', pattern_syntax: 'json' },
    ]);
    expect(await rows(plan, `SELECT alarm_actions, actions_enabled, treat_missing_data FROM aws_cloudwatch_alarms`)).toEqual([
      { alarm_actions: ['arn:aws:sns:us-east-1:000000000000:security-alerts'], actions_enabled: true, treat_missing_data: 'missing' },
    ]);
    expect(await rows(plan, `SELECT topic_arn, protocol, confirmed FROM aws_sns_subscriptions`)).toEqual([{ topic_arn: 'arn:aws:sns:us-east-1:000000000000:security-alerts', protocol: 'sqs', confirmed: true }]);
  });

  it('passes CIS 4.3 (root usage) on a chain ending in an SQS subscription, which AWS confirms itself', async () => {
    const v = await verdicts(fixturePath('synthetic-monitoring-chain.json'), ['4.3', '4.1']);
    expect(v['4.3']!.status).toBe('PASS');
    // The same filter does not catch unauthorized API calls: a real FAIL, with --complete-account.
    expect(v['4.1']!.status).toBe('FAIL');
    expect(v['4.1']!.reason).toContain('does not match');
  }, 60_000);

  it('reports CIS 4.3 NOT VERIFIABLE when the only subscription is an email nobody has confirmed yet', async () => {
    const { file, cleanup } = variant((c) => Object.assign(c.after as object, { protocol: 'email', endpoint: 'secops@example.com' }));
    try {
      const v = await verdicts(file, ['4.3']);
      expect(v['4.3']!.status).toBe('NOT VERIFIABLE');
      expect(v['4.3']!.reason).toContain('confirmed of aws_sns_subscriptions');
    } finally {
      cleanup();
    }
  }, 60_000);

  it('fails CIS 4.3 when the subscription is known to be pending (a state or no-op plan says so)', async () => {
    const { file, cleanup } = variant((c) => {
      Object.assign(c.after as object, { protocol: 'email', endpoint: 'secops@example.com', pending_confirmation: true });
      delete (c.after_unknown as Record<string, unknown>).pending_confirmation;
    });
    try {
      const v = await verdicts(file, ['4.3']);
      expect(v['4.3']!.status).toBe('FAIL');
      expect(v['4.3']!.reason).toContain('confirmed subscription');
    } finally {
      cleanup();
    }
  }, 60_000);
});

describe('IAM, NACL, Config, Access Analyzer and Security Hub mappers', () => {
  it('maps principals, attachments by literal and by reference, and the policies they attach', async () => {
    plan = await loadFixture('synthetic-iam-network-services.json');
    expect(await rows(plan, `SELECT user_name, attached_policy_arns, group_names FROM aws_iam_users`)).toEqual([{ user_name: 'deploy', attached_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'], group_names: ['ops'] }]);
    expect(await rows(plan, `SELECT user_names FROM aws_iam_groups`)).toEqual([{ user_names: ['deploy'] }]);
    expect(await rows(plan, `SELECT group_name, inline_policy_names, full_admin_inline_policies, attached_policy_arns FROM aws_iam_groups`)).toEqual([
      { group_name: 'ops', inline_policy_names: ['ops-everything'], full_admin_inline_policies: ['ops-everything'], attached_policy_arns: ['arn:aws:iam::000000000000:policy/read-objects'] },
    ]);
    expect(await rows(plan, `SELECT role_name, attached_policy_arns FROM aws_iam_roles`)).toEqual([
      { role_name: 'support', attached_policy_arns: ['arn:aws:iam::aws:policy/AWSSupportAccess', 'arn:aws:iam::000000000000:policy/read-objects'] },
    ]);
    expect(await rows(plan, `SELECT policy_name, is_aws_managed, attachment_count, allows_full_admin FROM aws_iam_policies ORDER BY policy_name`)).toEqual([
      { policy_name: 'AWSSupportAccess', is_aws_managed: true, attachment_count: 1, allows_full_admin: null },
      { policy_name: 'AdministratorAccess', is_aws_managed: true, attachment_count: 1, allows_full_admin: true },
      { policy_name: 'read-objects', is_aws_managed: false, attachment_count: 2, allows_full_admin: false },
    ]);
    expect(await rows(plan, `SELECT policy_name, entity_type, entity_name FROM aws_iam_policy_entities`)).toEqual([{ policy_name: 'AWSSupportAccess', entity_type: 'role', entity_name: 'support' }]);
  });

  it('judges IAM requirements: direct attachment and full admin fail, the support role passes, an AWS managed document unknown is NOT VERIFIABLE', async () => {
    const v = await verdicts(fixturePath('synthetic-iam-network-services.json'), ['1.15', '1.16', '1.17', '1.22']);
    expect(v['1.15']!.status).toBe('FAIL');
    expect(v['1.15']!.resources.map((r) => r.resource_id)).toEqual(['arn:aws:iam::000000000000:user/deploy']);
    expect(v['1.16']!.status).toBe('FAIL');
    expect(v['1.16']!.resources.map((r) => r.resource_id).sort()).toEqual(['arn:aws:iam::000000000000:group/ops', 'arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(v['1.16']!.not_verifiable.map((r) => r.resource_id)).toEqual(['arn:aws:iam::aws:policy/AWSSupportAccess']);
    expect(v['1.17']!.status).toBe('PASS');
    expect(v['1.22']!.status).toBe('PASS');
  }, 60_000);

  it('walks NACL entries in rule order: a lower deny of TCP 22 leaves the rest of an allow-all exposed', async () => {
    plan = await loadFixture('synthetic-iam-network-services.json');
    expect(await rows(plan, `SELECT network_acl_id, vpc_id, ingress_admin_exposure FROM aws_ec2_network_acls ORDER BY 1`)).toEqual([
      { network_acl_id: 'tf:aws_network_acl.denied_ssh', vpc_id: 'tf:aws_vpc.main', ingress_admin_exposure: ['tcp/3389 from 0.0.0.0/0 (rule 100)', 'udp/22 from 0.0.0.0/0 (rule 100)', 'udp/3389 from 0.0.0.0/0 (rule 100)'] },
      { network_acl_id: 'tf:aws_network_acl.open_ssh', vpc_id: 'tf:aws_vpc.main', ingress_admin_exposure: ['tcp/22 from 0.0.0.0/0 (rule 100)'] },
    ]);
    const v = await verdicts(fixturePath('synthetic-iam-network-services.json'), ['5.1']);
    expect(v['5.1']!.status).toBe('FAIL');
  }, 60_000);

  it('passes Config (recorder with its status resource), Access Analyzer and Security Hub', async () => {
    plan = await loadFixture('synthetic-iam-network-services.json');
    expect(await rows(plan, `SELECT name, recording, all_supported, include_global_resource_types FROM aws_config_recorders`)).toEqual([{ name: 'main', recording: true, all_supported: true, include_global_resource_types: true }]);
    expect(await rows(plan, `SELECT s3_bucket_name, delivery_frequency FROM aws_config_delivery_channels`)).toEqual([{ s3_bucket_name: 'config-history', delivery_frequency: 'TwentyFour_Hours' }]);
    const v = await verdicts(fixturePath('synthetic-iam-network-services.json'), ['3.3', '1.20', '4.16']);
    expect([v['3.3']!.status, v['1.20']!.status, v['4.16']!.status]).toEqual(['PASS', 'PASS', 'PASS']);
  }, 60_000);

  it('fails Config for a new recorder without a status resource: AWS creates recorders stopped', async () => {
    const doc = JSON.parse(fixtureText('synthetic-iam-network-services.json'));
    doc.resource_changes = doc.resource_changes.filter((r: { type: string }) => r.type !== 'aws_config_configuration_recorder_status');
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'plan.json');
      writeFileSync(file, JSON.stringify(doc));
      const v = await verdicts(file, ['3.3']);
      expect(v['3.3']!.status).toBe('FAIL');
      expect(v['3.3']!.reason).toContain('is not recording');
      // One customer managed recorder per region: the plan's is the region's, so no --complete-account is needed.
      expect((await verdicts(file, ['3.3'], false))['3.3']!.status).toBe('FAIL');
    } finally {
      cleanup();
    }
  }, 60_000);
});

describe('mappers on real fixtures', () => {
  it('maps a split canned ACL (public-read-write) joined by reference, and private for new buckets without one', async () => {
    plan = await loadFixture('checkov-nested-child-modules-with-connections.json');
    const r = await rows(plan, `SELECT name, json_extract_string(acl_grants, '$[*].Grantee.URI') AS uris FROM aws_s3_buckets ORDER BY name`);
    expect(r.find((x) => x.name === 'my-s3-bucket')!.uris).toEqual(['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AllUsers']);
    expect(r.filter((x) => x.name === 'testing').map((x) => x.uris)).toEqual([[], [], []]);
    expect(await rows(plan, `SELECT count(*)::INT AS n FROM aws_s3_buckets WHERE acl_grants IS NULL`)).toEqual([{ n: 0 }]);
  });

  it('maps the legacy acl argument of a provider-v3 bucket (private: the owner alone)', async () => {
    plan = await loadFixture('regula-bucket_sse_infra.json');
    expect(await rows(plan, `SELECT DISTINCT json_array_length(acl_grants) AS n, acl_grants->>'$[0].Permission' AS p FROM aws_s3_buckets`)).toEqual([{ n: 1, p: 'FULL_CONTROL' }]);
  });

  it('maps a role with its inline policy resource and its trust policy, and the log group', async () => {
    plan = await loadFixture('regula-flow_log_infra.json');
    expect(await rows(plan, `SELECT role_name, inline_policy_names, full_admin_inline_policies, attached_policy_arns FROM aws_iam_roles`)).toEqual([
      { role_name: 'example', inline_policy_names: ['example'], full_admin_inline_policies: [], attached_policy_arns: [] },
    ]);
    expect(await rows(plan, `SELECT arn, name, retention_in_days FROM aws_logs_log_groups`)).toEqual([{ arn: 'arn:aws:logs:us-east-1:000000000000:log-group:example', name: 'example', retention_in_days: null }]);
    expect(plan.unmappedTypes).toEqual([]);
  });
});

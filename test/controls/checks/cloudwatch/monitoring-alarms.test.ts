import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { runCheck, seed } from '../../../support/checks.js';

const account = '111111111111';
const topic = `arn:aws:sns:us-east-1:${account}:security-alerts`;
const logGroupArn = `arn:aws:logs:us-east-1:${account}:log-group:cloudtrail/all:*`;

/** The event names and terms of each CIS 4.x requirement (cis-api-calls.md), as the pattern must contain them. */
const requirements: Record<string, { source?: string; names?: string[]; terms?: string[] }> = {
  cloudwatch_alarm_unauthorized_api_calls: { terms: ['$.errorCode = "*UnauthorizedOperation"', '$.errorCode = "AccessDenied*"'] },
  cloudwatch_alarm_console_signin_without_mfa: { terms: ['$.eventName = "ConsoleLogin"', '$.additionalEventData.MFAUsed != "Yes"'] },
  cloudwatch_alarm_root_usage: { terms: ['$.userIdentity.type = "Root"', '$.userIdentity.invokedBy NOT EXISTS', '$.eventType != "AwsServiceEvent"'] },
  cloudwatch_alarm_iam_policy_changes: {
    names: ['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy'],
  },
  cloudwatch_alarm_cloudtrail_changes: { names: ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'] },
  cloudwatch_alarm_console_auth_failures: { terms: ['$.eventName = ConsoleLogin', '$.errorMessage = "Failed authentication"'] },
  cloudwatch_alarm_cmk_disable_or_deletion: { source: 'kms.amazonaws.com', names: ['DisableKey', 'ScheduleKeyDeletion'] },
  cloudwatch_alarm_s3_bucket_policy_changes: {
    source: 's3.amazonaws.com',
    names: ['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication'],
  },
  cloudwatch_alarm_config_changes: { source: 'config.amazonaws.com', names: ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'] },
  cloudwatch_alarm_security_group_changes: { names: ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'] },
  cloudwatch_alarm_nacl_changes: { names: ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'] },
  cloudwatch_alarm_network_gateway_changes: { names: ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'] },
  cloudwatch_alarm_route_table_changes: {
    source: 'ec2.amazonaws.com',
    names: ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'],
  },
  cloudwatch_alarm_vpc_changes: {
    names: ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'],
  },
  cloudwatch_alarm_organizations_changes: {
    source: 'organizations.amazonaws.com',
    names: ['AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit'],
  },
};

/** A pattern in the shape CIS publishes: `{ ($.eventSource = s) && (($.eventName = A) || ($.eventName = B)) }`. */
function cisPattern(id: string, options: { reverse?: boolean; drop?: number } = {}): string {
  const r = requirements[id]!;
  let names = (r.names ?? []).map((n) => `($.eventName = ${n})`);
  let terms = (r.terms ?? []).map((t) => `(${t})`);
  if (options.drop !== undefined) {
    if (names.length) names = names.filter((_, i) => i !== options.drop);
    else terms = terms.filter((_, i) => i !== options.drop);
  }
  if (options.reverse) {
    names = names.reverse();
    terms = terms.reverse();
  }
  const parts = [...(r.source ? [`($.eventSource = ${r.source})`] : []), ...terms, ...(names.length ? [`(${names.join(' || ')})`] : [])];
  return `{ ${parts.join(' && ')} }`;
}

interface Chain {
  pattern: string;
  trail?: Row;
  alarm?: Row | null;
  subscription?: Row | null;
}

async function seedChain(db: Database, c: Chain): Promise<void> {
  await seed(db, 'aws_accounts', [{ arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_cloudtrail_trails', [
    {
      arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/main`,
      name: 'main',
      home_region: 'us-east-1',
      is_multi_region: true,
      is_logging: true,
      include_management_events: true,
      read_write_type: 'All',
      excluded_management_event_sources: [],
      cloudwatch_logs_log_group_arn: logGroupArn,
      ...c.trail,
    },
  ]);
  await seed(db, 'aws_logs_metric_filters', [
    { filter_id: 'cloudtrail/all:cis', filter_name: 'cis', log_group_name: 'cloudtrail/all', filter_pattern: c.pattern, metric_name: 'CisMetric', metric_namespace: 'CISBenchmark' },
  ]);
  if (c.alarm !== null) {
    await seed(db, 'aws_cloudwatch_alarms', [
      { arn: `arn:aws:cloudwatch:us-east-1:${account}:alarm:cis`, alarm_name: 'cis', metric_name: 'CisMetric', namespace: 'CISBenchmark', actions_enabled: true, alarm_actions: [topic], ...c.alarm },
    ]);
  }
  if (c.subscription !== null) {
    await seed(db, 'aws_sns_subscriptions', [{ subscription_arn: `${topic}:0d1e`, topic_arn: topic, protocol: 'email', endpoint: 'soc@example.com', confirmed: true, ...c.subscription }]);
  }
}

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

describe.each(Object.keys(requirements))('%s', (id) => {
  it('passes an account whose trail log group has an alarmed, subscribed filter in the CIS shape', async () => {
    await seedChain(db, { pattern: cisPattern(id) });
    expect(await runCheck(db, id)).toEqual([]);
  });

  it('passes the same filter written in another order', async () => {
    await seedChain(db, { pattern: cisPattern(id, { reverse: true }) });
    expect(await runCheck(db, id)).toEqual([]);
  });

  it('fails an account whose filter lacks one required term, and names it', async () => {
    await seedChain(db, { pattern: cisPattern(id, { drop: 0 }) });
    const rows = await runCheck(db, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ resource_id: account, account_id: account, region: 'global' });
    expect(rows[0]!.reason).toMatch(/^No metric filter on the trail log group covers every required term; the closest, cloudtrail\/all:cis, lacks \$\./);
  });

  it('fails an account with no trail at all (empty inventory apart from the account)', async () => {
    await seed(db, 'aws_accounts', [{ arn: `arn:aws:::${account}`, partition: 'aws' }]);
    const rows = await runCheck(db, id);
    expect(rows).toEqual([
      { resource_id: account, account_id: account, region: 'global', reason: 'No CloudTrail trail, so no API activity reaches CloudWatch Logs', trail_log_groups: null, matching_filters: null, matching_alarms: null },
    ]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await runCheck(db, id)).toEqual([]);
  });
});

describe('the monitoring chain (shown on 4.5, CloudTrail changes)', () => {
  const id = 'cloudwatch_alarm_cloudtrail_changes';
  const reasonOf = async () => (await runCheck(db, id)).map((r) => r.reason);

  it.each([
    ['cloudwatch_alarm_unauthorized_api_calls', '{($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }'],
    ['cloudwatch_alarm_console_signin_without_mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }'],
    ['cloudwatch_alarm_root_usage', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'],
    ['cloudwatch_alarm_console_auth_failures', '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'],
    ['cloudwatch_alarm_cmk_disable_or_deletion', '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }'],
  ])('passes %s with the pattern as CIS prints it', async (check, pattern) => {
    await seedChain(db, { pattern });
    expect(await runCheck(db, check)).toEqual([]);
  });

  it('fails 4.7 when the pattern omits the KMS event source', async () => {
    await seedChain(db, { pattern: '{ ($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion) }' });
    expect((await runCheck(db, 'cloudwatch_alarm_cmk_disable_or_deletion')).map((r) => r.reason)).toEqual([
      'No metric filter on the trail log group covers every required term; the closest, cloudtrail/all:cis, lacks $.eventSource = kms.amazonaws.com',
    ]);
  });

  it('fails 4.2 when the pattern tests MFAUsed = Yes instead of != Yes', async () => {
    await seedChain(db, { pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }' });
    expect(await runCheck(db, 'cloudwatch_alarm_console_signin_without_mfa')).toHaveLength(1);
  });

  it('accepts any spacing and either quote style', async () => {
    await seedChain(db, {
      pattern: `{($.eventName="StopLogging")||($.eventName = 'StartLogging') ||  ( $.eventName =DeleteTrail )||($.eventName=UpdateTrail)||($.eventName = "CreateTrail")}`,
    });
    expect(await runCheck(db, id)).toEqual([]);
  });

  it('accepts extra terms that only narrow the noise', async () => {
    await seedChain(db, { pattern: `{ (${cisPattern(id).slice(2, -2)}) && ($.userIdentity.type != "AWSService") }` });
    expect(await runCheck(db, id)).toEqual([]);
  });

  it('does not take a longer event name or a wildcard for the required one', async () => {
    const names = requirements[id]!.names!.filter((n) => n !== 'StopLogging');
    await seedChain(db, { pattern: `{ ${names.map((n) => `($.eventName = ${n})`).join(' || ')} || ($.eventName = StopLoggingX) || ($.eventName = StopLogging*) }` });
    expect(await reasonOf()).toEqual(['No metric filter on the trail log group covers every required term; the closest, cloudtrail/all:cis, lacks $.eventName = StopLogging']);
  });

  it('fails a filter that names every event but joins them with &&, which can never match', async () => {
    const names = requirements[id]!.names!;
    await seedChain(db, { pattern: `{ ${names.map((n) => `($.eventName = ${n})`).join(' && ')} }` });
    expect(await reasonOf()).toEqual(['The metric filter cloudtrail/all:cis names every required term but joins event names with &&, so it never matches']);
  });

  it('fails when no alarm watches the filter metric', async () => {
    await seedChain(db, { pattern: cisPattern(id), alarm: null });
    expect(await reasonOf()).toEqual(['No CloudWatch alarm watches the metric of the matching filter (CISBenchmark/CisMetric)']);
  });

  it('fails when the alarm watches a metric of the same name in another namespace', async () => {
    await seedChain(db, { pattern: cisPattern(id), alarm: { namespace: 'Other' } });
    expect(await reasonOf()).toEqual(['No CloudWatch alarm watches the metric of the matching filter (CISBenchmark/CisMetric)']);
  });

  it('fails when the alarm topic has no subscriber', async () => {
    await seedChain(db, { pattern: cisPattern(id), subscription: null });
    expect(await reasonOf()).toEqual(["No alarm on the matching filter's metric notifies an SNS topic with a confirmed subscription (alarms: cis)"]);
  });

  it('fails when the only subscription is still pending confirmation', async () => {
    await seedChain(db, { pattern: cisPattern(id), subscription: { subscription_arn: 'PendingConfirmation', confirmed: false } });
    expect(await reasonOf()).toEqual(["No alarm on the matching filter's metric notifies an SNS topic with a confirmed subscription (alarms: cis)"]);
  });

  it('fails when the alarm has its actions disabled', async () => {
    await seedChain(db, { pattern: cisPattern(id), alarm: { actions_enabled: false } });
    expect(await reasonOf()).toEqual(["No alarm on the matching filter's metric notifies an SNS topic with a confirmed subscription (alarms: cis)"]);
  });

  it('fails when the trail is not multi-region', async () => {
    await seedChain(db, { pattern: cisPattern(id), trail: { is_multi_region: false } });
    expect(await reasonOf()).toEqual(['No multi-region trail that is logging and records all read and write management events']);
  });

  it('fails when the trail is not logging', async () => {
    await seedChain(db, { pattern: cisPattern(id), trail: { is_logging: false } });
    expect(await reasonOf()).toEqual(['No multi-region trail that is logging and records all read and write management events']);
  });

  it('fails when the trail records write-only management events', async () => {
    await seedChain(db, { pattern: cisPattern(id), trail: { read_write_type: 'WriteOnly' } });
    expect(await reasonOf()).toEqual(['No multi-region trail that is logging and records all read and write management events']);
  });

  it('fails when the trail leaves out an event source', async () => {
    await seedChain(db, { pattern: cisPattern(id), trail: { excluded_management_event_sources: ['kms.amazonaws.com'] } });
    expect(await reasonOf()).toEqual(['No multi-region trail that is logging and records all read and write management events']);
  });

  it('fails when the compliant trail delivers to no log group', async () => {
    await seedChain(db, { pattern: cisPattern(id), trail: { cloudwatch_logs_log_group_arn: null } });
    expect(await reasonOf()).toEqual(['No multi-region, logging, all-management-events trail delivers to a CloudWatch Logs group']);
  });

  it('fails when the filter sits on a log group the trail does not deliver to', async () => {
    await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
    await seedChain(db, { pattern: cisPattern(id), trail: { cloudwatch_logs_log_group_arn: `arn:aws:logs:us-east-1:${account}:log-group:other:*` } });
    expect(await reasonOf()).toEqual([`The trail log group arn:aws:logs:us-east-1:${account}:log-group:other:* has no metric filter`]);
  });

  it('says so when the trail log group is in a region the sync did not scan', async () => {
    await seed(db, 'aws_regions', [{ region: 'eu-west-1' }]);
    await seedChain(db, { pattern: cisPattern(id), trail: { cloudwatch_logs_log_group_arn: `arn:aws:logs:ap-south-1:${account}:log-group:trail:*` } });
    expect(await reasonOf()).toEqual([
      `The trail log group arn:aws:logs:ap-south-1:${account}:log-group:trail:* is in an account or region this sync did not cover, so its metric filters are unknown; sync it`,
    ]);
  });

  it('fails when the alarm is in another region than the filter metric', async () => {
    await seedChain(db, { pattern: cisPattern(id), alarm: { region: 'eu-west-1' } });
    expect(await reasonOf()).toEqual(['No CloudWatch alarm watches the metric of the matching filter (CISBenchmark/CisMetric)']);
  });

  it('passes when a compliant trail delivers even though another trail does not qualify', async () => {
    await seedChain(db, { pattern: cisPattern(id) });
    await seed(db, 'aws_cloudtrail_trails', [{ arn: `arn:aws:cloudtrail:eu-west-1:${account}:trail/local`, name: 'local', region: 'eu-west-1', is_multi_region: false, is_logging: false }]);
    expect(await runCheck(db, id)).toEqual([]);
  });

  it('reports each failing account once, and only the failing one', async () => {
    await seedChain(db, { pattern: cisPattern(id) });
    await seed(db, 'aws_accounts', [{ account_id: '222222222222', arn: 'arn:aws:::222222222222', partition: 'aws' }]);
    const rows = await runCheck(db, id);
    expect(rows.map((r) => [r.account_id, r.reason])).toEqual([['222222222222', 'No CloudTrail trail, so no API activity reaches CloudWatch Logs']]);
  });
});

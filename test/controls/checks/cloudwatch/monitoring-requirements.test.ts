import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { account, root, seedChain } from './chain-fixture.js';

// Each 4.x check with its pattern as CIS v3.0 prints it, the same pattern reordered and respaced, and a pattern
// that misses one event the requirement must catch. Verdicts come from the stored coverage (computed by the
// collector's own row builder) and the real check SQL.
const names = (source: string | null, list: string[], reorder = false) => {
  const alts = (reorder ? [...list].reverse() : list).map((n) => (reorder ? `$.eventName="${n}"` : `($.eventName = ${n})`)).join(reorder ? '||' : ' || ');
  return source ? `{ ($.eventSource = ${source}) && (${alts}) }` : `{ ${alts} }`;
};
const lists: Record<string, [string | null, string[]]> = {
  iam_policy_changes: [null, ['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy']],
  cloudtrail_changes: [null, ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging']],
  cmk_disable_or_deletion: ['kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion']],
  s3_bucket_policy_changes: ['s3.amazonaws.com', ['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication']],
  config_changes: ['config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder']],
  security_group_changes: [null, ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup']],
  nacl_changes: [null, ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation']],
  network_gateway_changes: [null, ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway']],
  route_table_changes: ['ec2.amazonaws.com', ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable']],
  vpc_changes: [null, ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink']],
  organizations_changes: ['organizations.amazonaws.com', ['AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit']],
};

/** [CIS pattern, the same reordered and respaced, a pattern missing one required event, the event it misses]. */
const cases: Record<string, [string, string, string, string]> = {
  unauthorized_api_calls: [
    '{($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
    '{ ( $.errorCode = "AccessDenied*" ) || ( $.errorCode = "*UnauthorizedOperation" ) }',
    '{ ($.errorCode = "*UnauthorizedOperation") }',
    'errorCode AccessDenied, errorCode AccessDeniedException',
  ],
  console_signin_without_mfa: [
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    '{($.additionalEventData.MFAUsed!="Yes")&&($.eventName=ConsoleLogin)}',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }',
    'ConsoleLogin of an IAM user without MFA',
  ],
  root_usage: [
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    '{ ($.eventType != "AwsServiceEvent") && ($.userIdentity.invokedBy NOT EXISTS) && ($.userIdentity.type = Root) }',
    '{ $.userIdentity.type = "Root" && $.eventType = "AwsApiCall" }',
    'a console sign-in by root',
  ],
  console_auth_failures: [
    '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    '{($.errorMessage="Failed authentication")&&($.eventName="ConsoleLogin")}',
    '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Success") }',
    'a ConsoleLogin that failed authentication',
  ],
  ...Object.fromEntries(
    Object.entries(lists).map(([key, [source, list]]) => [key, [names(source, list), names(source, list, true), names(source, list.slice(1)), `eventName ${list[0]}`]]),
  ),
};

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

describe.each(Object.keys(cases))('cloudwatch_alarm_%s', (key) => {
  const id = `cloudwatch_alarm_${key}`;
  const [cis, reordered, missing, missed] = cases[key]!;

  it('passes an account whose trail log group has an alarmed, subscribed filter as CIS prints it', async () => {
    await seedChain(db, { pattern: cis });
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('passes the same filter written in another order, spacing and quoting', async () => {
    await seedChain(db, { pattern: reordered });
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails an account whose filter misses one event the requirement must catch, and names it', async () => {
    await seedChain(db, { pattern: missing });
    const rows = await checkFindings(db, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ resource_id: root, account_id: account, region: 'global' });
    expect(rows[0]!.reason).toBe(`The closest metric filter on the trail log group, cloudtrail/all:cis, does not match ${missed}`);
  });

  it('fails an account with no trail at all (empty inventory apart from the account)', async () => {
    await seed(db, 'aws_accounts', [{ arn: `arn:aws:::${account}`, partition: 'aws' }]);
    expect(await checkFindings(db, id)).toEqual([
      { resource_id: root, account_id: account, region: 'global', reason: 'No CloudTrail trail, so no API activity reaches CloudWatch Logs', trail_log_groups: null, matching_filters: null, matching_alarms: null },
    ]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

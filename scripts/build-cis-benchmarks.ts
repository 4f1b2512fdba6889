/**
 * Regenerates controls/benchmarks/cis-aws-{3.0,1.5,1.4}.json from the published CIS catalogues (id, title,
 * section, level, Automated/Manual) and the mapping below. The JSON files are what ships; this script keeps them
 * honest: it refuses an automated requirement without checks and a manual one with checks.
 *
 *   node --import tsx scripts/build-cis-benchmarks.ts [reference-dir]
 *
 * The mapping is keyed by requirement title, not id: CIS renumbers between versions (v1.5 3.5 is v3.0 3.3) but
 * keeps the wording, so one title → checks entry serves every version whose requirement means the same thing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, Requirement } from '../controls/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = process.argv[2] ?? '/work/shared/reference';

const alarms: Array<[string, string]> = [
  ['unauthorized API calls', 'cloudwatch_alarm_unauthorized_api_calls'],
  ['Management Console sign-in without MFA', 'cloudwatch_alarm_console_signin_without_mfa'],
  ["usage of 'root' account", 'cloudwatch_alarm_root_usage'],
  ['IAM policy changes', 'cloudwatch_alarm_iam_policy_changes'],
  ['CloudTrail configuration changes', 'cloudwatch_alarm_cloudtrail_changes'],
  ['AWS Management Console authentication failures', 'cloudwatch_alarm_console_auth_failures'],
  ['disabling or scheduled deletion of customer created CMKs', 'cloudwatch_alarm_cmk_disable_or_deletion'],
  ['S3 bucket policy changes', 'cloudwatch_alarm_s3_bucket_policy_changes'],
  ['AWS Config configuration changes', 'cloudwatch_alarm_config_changes'],
  ['security group changes', 'cloudwatch_alarm_security_group_changes'],
  ['changes to Network Access Control Lists (NACL)', 'cloudwatch_alarm_nacl_changes'],
  ['changes to network gateways', 'cloudwatch_alarm_network_gateway_changes'],
  ['route table changes', 'cloudwatch_alarm_route_table_changes'],
  ['VPC changes', 'cloudwatch_alarm_vpc_changes'],
  ['AWS Organizations changes', 'cloudwatch_alarm_organizations_changes'],
];

/** Requirement title (as published) → the catalogue's check ids. */
const checksByTitle: Record<string, string[]> = {
  "Ensure no 'root' user account access key exists": ['iam_root_no_access_keys'],
  "Ensure MFA is enabled for the 'root' user account": ['iam_root_mfa_enabled'],
  "Ensure hardware MFA is enabled for the 'root' user account": ['iam_root_hardware_mfa_enabled'],
  "Eliminate use of the 'root' user for administrative and daily tasks": ['iam_root_not_used_recently'],
  'Ensure IAM password policy requires minimum length of 14 or greater': ['iam_password_policy_min_length_14'],
  'Ensure IAM password policy prevents password reuse': ['iam_password_policy_prevents_reuse'],
  'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password': ['iam_user_console_mfa_enabled'],
  'Do not setup access keys during initial user setup for all IAM users that have a console password': ['iam_user_no_initial_access_key'],
  'Ensure credentials unused for 45 days or greater are disabled': ['iam_user_unused_credentials_disabled'],
  'Ensure there is only one active access key available for any single IAM user': ['iam_user_single_active_access_key'],
  'Ensure access keys are rotated every 90 days or less': ['iam_access_key_rotated_90_days'],
  'Ensure IAM Users Receive Permissions Only Through Groups': ['iam_user_no_direct_policies'],
  'Ensure IAM policies that allow full "*:*" administrative privileges are not attached': ['iam_policy_no_full_admin'],
  'Ensure a support role has been created to manage incidents with AWS Support': ['iam_support_role_exists'],
  'Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed': ['iam_no_expired_server_certificates'],
  'Ensure that IAM Access analyzer is enabled for all regions': ['accessanalyzer_enabled_all_regions'],
  'Ensure all S3 buckets employ encryption-at-rest': ['s3_bucket_default_encryption'],
  'Ensure S3 Bucket Policy is set to deny HTTP requests': ['s3_bucket_denies_http'],
  'Ensure MFA Delete is enabled on S3 buckets': ['s3_bucket_mfa_delete_enabled'],
  "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'": ['s3_bucket_public_access_blocked'],
  'Ensure EBS Volume Encryption is Enabled in all Regions': ['ec2_ebs_encryption_by_default'],
  'Ensure that encryption is enabled for RDS Instances': ['rds_instance_storage_encrypted'],
  'Ensure Auto Minor Version Upgrade feature is Enabled for RDS Instances': ['rds_instance_auto_minor_version_upgrade'],
  'Ensure that public access is not given to RDS Instance': ['rds_instance_not_publicly_accessible'],
  'Ensure that encryption is enabled for EFS file systems': ['efs_file_system_encrypted'],
  'Ensure CloudTrail is enabled in all regions': ['cloudtrail_multi_region_enabled'],
  'Ensure CloudTrail log file validation is enabled': ['cloudtrail_log_file_validation_enabled'],
  'Ensure the S3 bucket used to store CloudTrail logs is not publicly accessible': ['cloudtrail_bucket_not_public'],
  'Ensure CloudTrail trails are integrated with CloudWatch Logs': ['cloudtrail_cloudwatch_logs_integrated'],
  'Ensure AWS Config is enabled in all regions': ['config_recorder_enabled_all_regions'],
  'Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket': ['cloudtrail_bucket_access_logging_enabled'],
  'Ensure CloudTrail logs are encrypted at rest using KMS CMKs': ['cloudtrail_kms_encryption_enabled'],
  'Ensure rotation for customer created symmetric CMKs is enabled': ['kms_cmk_rotation_enabled'],
  'Ensure VPC flow logging is enabled in all VPCs': ['ec2_vpc_flow_logs_enabled'],
  'Ensure that Object-level logging for write events is enabled for S3 bucket': ['cloudtrail_s3_object_write_events'],
  'Ensure that Object-level logging for read events is enabled for S3 bucket': ['cloudtrail_s3_object_read_events'],
  ...Object.fromEntries(alarms.map(([what, id]) => [`Ensure a log metric filter and alarm exist for ${what}`, [id]])),
  'Ensure a log metric filter and alarm exists for AWS Organizations changes': ['cloudwatch_alarm_organizations_changes'],
  'Ensure route table changes are monitored': ['cloudwatch_alarm_route_table_changes'],
  'Ensure AWS Security Hub is enabled': ['securityhub_enabled'],
  'Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports': ['ec2_nacl_no_admin_ports_open'],
  'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports': ['ec2_sg_no_admin_ports_open_ipv4'],
  'Ensure no security groups allow ingress from ::/0 to remote server administration ports': ['ec2_sg_no_admin_ports_open_ipv6'],
  'Ensure the default security group of every VPC restricts all traffic': ['ec2_default_sg_restricts_all_traffic'],
  'Ensure that EC2 Metadata Service only allows IMDSv2': ['ec2_instance_imdsv2_required'],
};

/** What a person must look at for each manual requirement (in our words). */
const evidenceByTitle: Record<string, string> = {
  'Maintain current contact details':
    'Open Account settings (or `aws account get-contact-information`) as the root user or an administrator and confirm the primary contact name, email, phone and address reach a monitored team mailbox or number, not one person.',
  'Ensure security contact information is registered':
    'Check Account settings → Alternate contacts (or `aws account get-alternate-contact --alternate-contact-type SECURITY`): a security contact must be set, and its email should be a monitored distribution list.',
  'Ensure security questions are registered in the AWS account':
    'Sign in as the root user, open Account settings and confirm the "Configure Security Challenge Questions" section has answers recorded and stored where the account owners can retrieve them.',
  'Ensure IAM instance roles are used for AWS resource access from instances':
    'For each running EC2 instance (table aws_ec2_instances), confirm it has an instance profile when its software calls AWS, and that no long-lived access keys are stored on the host (user data, files, environment).',
  'Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments':
    'Confirm people sign in through an identity provider (IAM Identity Center or a SAML/OIDC provider) or a central account of the organization, and that member accounts hold no IAM users for people.',
  'Ensure access to AWSCloudShellFullAccess is restricted':
    'List the users, groups and roles that have the AWS managed policy AWSCloudShellFullAccess attached (`aws iam list-entities-for-policy`) and confirm each has a documented need for CloudShell file transfer.',
  'Ensure all data in Amazon S3 has been discovered, classified and secured when required.':
    'Show that Amazon Macie (or an equivalent data classification tool) scans the buckets holding business data, that findings are reviewed, and that sensitive data has the controls its classification requires.',
  'Ensure that encryption is enabled for EFS file systems':
    'Manual in this version: review every EFS file system (table aws_efs_file_systems) and confirm it was created with encryption at rest; an unencrypted one must be copied into a new encrypted file system.',
  'Ensure routing tables for VPC peering are "least access"':
    'For each VPC peering connection, review the route tables that route to it and confirm the routes cover only the subnets (CIDRs) that must talk to each other, never the whole peer VPC without need.',
};

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), (field = '');
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function build(version: string, id: string, published: string): Benchmark {
  const [header, ...rows] = parseCsv(readFileSync(join(referenceDir, `cis_aws_v${version}.csv`), 'utf8'));
  if (header?.join(',') !== 'id,title,section,level,assessment') throw new Error(`unexpected header in cis_aws_v${version}.csv: ${header?.join(',')}`);
  const requirements: Requirement[] = rows.map(([rid, title, section, level, assessment]) => {
    if (!rid || !title || !section || !level || (assessment !== 'Automated' && assessment !== 'Manual')) {
      throw new Error(`cis_aws_v${version}.csv: malformed row ${rid}`);
    }
    const req: Requirement = { id: rid, title, section, level: Number(level), assessment, checks: [] };
    if (assessment === 'Automated') {
      const checks = checksByTitle[title];
      if (!checks) throw new Error(`v${version} ${rid} "${title}" is automated but maps to no check: add it to checksByTitle`);
      req.checks = checks;
    } else {
      const evidence = evidenceByTitle[title];
      if (!evidence) throw new Error(`v${version} ${rid} "${title}" is manual but has no evidence text`);
      req.evidence = evidence;
    }
    return req;
  });
  return {
    id,
    title: 'CIS Amazon Web Services Foundations Benchmark',
    version: published,
    description:
      `CIS Amazon Web Services Foundations Benchmark v${published}: ${requirements.length} requirements ` +
      `(${requirements.filter((r) => r.assessment === 'Automated').length} automated). Automated requirements are evaluated by SQL checks over the synced inventory; manual ones list the evidence a person must review.`,
    requirements,
  };
}

for (const [version, id] of [['3.0.0', 'cis-aws-3.0'], ['1.5.0', 'cis-aws-1.5'], ['1.4.0', 'cis-aws-1.4']] as const) {
  const benchmark = build(version, id, version);
  const out = join(root, 'controls/benchmarks', `${id}.json`);
  writeFileSync(out, `${JSON.stringify(benchmark, null, 2)}\n`);
  console.log(`${out}: ${benchmark.requirements.length} requirements`);
}

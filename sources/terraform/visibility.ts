import type { VerifiabilityFacts } from '../../controls/verifiable.js';
import { inventoryTables } from '../../schema/inventory.js';
import type { LoadedPlan } from './load.js';
import { mappers } from './mappers/index.js';

/** Facts about an account that no Terraform plan or state ever holds. */
const neverInAPlan: Record<string, string> = {
  aws_iam_credential_report: 'the credential report (root and user sign-ins, key ages) is never in a plan',
  aws_iam_account_summaries: 'root MFA and root access keys are never in a plan',
  aws_iam_access_keys: 'access key ages and last use are never in a plan',
  aws_iam_virtual_mfa_devices: 'root MFA devices are never in a plan',
};

const always = new Set(['aws_accounts', 'aws_regions']);

/**
 * One per account (or region): the plan's resource is the account's setting, so its absence elsewhere is moot.
 * AWS Config allows one customer managed recorder per region (service-linked ones record only their service's
 * types, never all of them), and Security Hub is one hub per region.
 */
const singletons = new Set(['aws_iam_password_policies', 'aws_s3_account_public_access_blocks', 'aws_ec2_ebs_encryption_defaults', 'aws_config_recorders', 'aws_securityhub_hubs']);

/**
 * What the plan cannot show, for controls/verifiable.ts: columns unknown until apply per resource, and tables it
 * cannot describe: account facts no plan holds; tables no mapper fills yet; and tables a mapper fills but the
 * plan has no row of, unless --complete-account declares the plan is the whole account (then "none in the
 * plan" means "none in the account"). Managed prefix lists are looked up only for rules that name one.
 */
export function verifiabilityFacts(plan: LoadedPlan, completeAccount: boolean): VerifiabilityFacts {
  const mapped = new Set(mappers.flatMap((m) => m.tables));
  const invisible = new Map<string, string>();
  for (const t of inventoryTables) {
    if (always.has(t.name) || plan.filledTables.has(t.name)) continue;
    if (neverInAPlan[t.name]) invisible.set(t.name, neverInAPlan[t.name]!);
    else if (!mapped.has(t.name)) invisible.set(t.name, 'no Terraform resource type is mapped onto it yet');
    else if (!completeAccount) invisible.set(t.name, 'the plan has none: pass --complete-account if it describes the whole account');
  }
  if (!plan.prefixListReferenced) invisible.delete('aws_ec2_managed_prefix_lists');
  const unknown = new Map<string, Map<string, Set<string>>>();
  for (const row of plan.rows.values()) {
    if (row.unknown.size === 0) continue;
    const byId = unknown.get(row.table) ?? new Map<string, Set<string>>();
    byId.set(row.resourceId, new Set([...(byId.get(row.resourceId) ?? []), ...row.unknown]));
    unknown.set(row.table, byId);
  }
  const partial = new Map<string, string>();
  if (!completeAccount) {
    for (const t of plan.filledTables) if (!singletons.has(t)) partial.set(t, 'a plan holds only its own resources: pass --complete-account if it describes the whole account');
  }
  return { unknown, invisible, partial };
}

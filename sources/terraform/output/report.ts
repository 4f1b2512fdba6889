import type { VerifiableControl, VerifiableSummary } from '../../../controls/verifiable.js';
import type { ScanReport } from '../../../controls/types.js';
import type { Drift } from '../drift.js';
import type { LoadedPlan } from '../load.js';

/** Where a resource of a finding comes from in the Terraform configuration. */
export interface TerraformLocation {
  addresses: string[];
  /** The module's `source` ('.' = root module). Plans and states carry no file or line. */
  module_source: string;
}

export interface IacControl extends VerifiableControl {
  /** resource id → its Terraform addresses, for every finding and not-verifiable resource. */
  terraform: Record<string, TerraformLocation>;
}

/** The IaC report: the scan's verdicts re-read for what a plan can show, both scores, and the plan's facts. */
export interface IacReport {
  source: {
    file: string;
    kind: 'plan' | 'state';
    format_version: string;
    terraform_version: string | null;
    account_id: string;
    /** true when the plan names no account: account_id is the documented placeholder 000000000000. */
    account_is_placeholder: boolean;
    region: string;
    region_assumed: boolean;
    complete_account: boolean;
    resources: number;
    unmapped_types: string[];
  };
  benchmark: ScanReport['benchmark'];
  summary: VerifiableSummary;
  controls: IacControl[];
  /** With --live-db: the latest live scan's status beside the plan's, per requirement (sources/terraform/drift.ts). */
  drift?: Drift & { live_db: string };
}

export function iacReport(file: string, plan: LoadedPlan, scan: ScanReport, controls: VerifiableControl[], summary: VerifiableSummary, completeAccount: boolean): IacReport {
  const byResource = new Map<string, TerraformLocation>();
  for (const row of plan.rows.values()) {
    const loc = byResource.get(row.resourceId) ?? { addresses: [], module_source: row.moduleSource };
    loc.addresses = [...new Set([...loc.addresses, ...row.addresses])].sort();
    byResource.set(row.resourceId, loc);
  }
  return {
    source: {
      file,
      kind: plan.kind,
      format_version: plan.formatVersion,
      terraform_version: plan.terraformVersion,
      account_id: plan.accountId,
      account_is_placeholder: plan.accountIsPlaceholder,
      region: plan.region,
      region_assumed: plan.regionAssumed,
      complete_account: completeAccount,
      resources: plan.resources,
      unmapped_types: plan.unmappedTypes,
    },
    benchmark: scan.benchmark,
    summary,
    controls: controls.map((c) => {
      const ids = [...c.resources.map((r) => r.resource_id), ...c.not_verifiable.map((r) => r.resource_id)];
      const terraform: Record<string, TerraformLocation> = {};
      for (const id of ids) {
        const loc = byResource.get(id);
        if (loc) terraform[id] = loc;
      }
      return { ...c, terraform };
    }),
  };
}

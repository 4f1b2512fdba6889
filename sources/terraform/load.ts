import { randomUUID } from 'node:crypto';
import { partitionOf } from '../../lib/aws/partitions.js';
import { Database, type Row } from '../../schema/db.js';
import { inventoryTables } from '../../schema/inventory.js';
import { awsAccounts, awsRegions } from '../../schema/core.js';
import type { TableDef } from '../../schema/table.js';
import { upsertScopes } from '../../sync/writer.js';
import { mappers } from './mappers/index.js';
import type { MappedRow } from './mappers/common.js';
import type { TfPlanDocument } from './plan.js';
import { ReferenceResolver } from './references.js';
import { isManaged, planResources, type TfResource } from './resources.js';

/** Stands for the account when nothing in the plan names it (no aws_caller_identity, no known ARN). */
export const PLACEHOLDER_ACCOUNT = '000000000000';
/** Region assumed when the root aws provider's region is not a constant. */
export const ASSUMED_REGION = 'us-east-1';

export interface LoadedPlan {
  db: Database;
  accountId: string;
  accountIsPlaceholder: boolean;
  region: string;
  regionAssumed: boolean;
  formatVersion: string;
  terraformVersion: string | null;
  kind: 'plan' | 'state';
  resources: number;
  /** Managed resource types of the plan no mapper reads: not audited. */
  unmappedTypes: string[];
  /** Some security group rule of the plan names a managed prefix list (looked up in a table no plan fills). */
  prefixListReferenced: boolean;
  /** Tables the plan put rows in. */
  filledTables: Set<string>;
  /** (table, resource id) → Terraform addresses, module source, columns unknown until apply. */
  rows: Map<string, { table: string; resourceId: string; addresses: Set<string>; moduleSource: string; unknown: Set<string> }>;
}

/**
 * Loads a scrubbed plan into a database of its own, in memory: the same inventory tables the AWS sync fills, so
 * every check runs unchanged, plus aws_accounts/aws_regions describing the plan. Nothing is written to disk
 * (a plan is an input to one run, not an inventory to keep). Every table's scope is marked synced: what the
 * plan cannot show is decided by controls/verifiable.ts (NOT VERIFIABLE), not by the sync's ERROR machinery.
 */
export async function loadPlan(doc: TfPlanDocument): Promise<LoadedPlan> {
  const all = planResources(doc);
  const managed = all.filter(isManaged);
  const accountId = accountOf(all);
  const regionConst = doc.configuration?.provider_config?.aws?.expressions?.region?.constant_value;
  const region = typeof regionConst === 'string' && regionConst ? regionConst : (regionOf(all) ?? ASSUMED_REGION);
  const partition = partitionOf(region);
  const ctx = { accountId: accountId ?? PLACEHOLDER_ACCOUNT, region, partition, resolver: new ReferenceResolver(all) };

  const mapped: MappedRow[] = [];
  for (const m of mappers) mapped.push(...m.map(managed.filter((r) => m.types.includes(r.type)), ctx));
  const known = new Set(mappers.flatMap((m) => m.types));
  const unmappedTypes = [...new Set(managed.map((r) => r.type).filter((t) => !known.has(t)))].sort();

  // Closed after this one evaluation and never browsed: the tables need no descriptions (~0.4 s saved).
  const db = await Database.open(':memory:', { descriptions: false });
  const now = new Date();
  const byTable = new Map<string, Row[]>();
  for (const m of mapped) {
    const list = byTable.get(m.table);
    if (list) list.push(m.row);
    else byTable.set(m.table, [m.row]);
  }
  await db.write(async (tx) => {
    await tx.append(awsAccounts.name, awsAccounts.columns, [{ arn: `arn:${partition}:::${ctx.accountId}`, partition }], { account_id: ctx.accountId, region: 'global', synced_at: now });
    await tx.append(awsRegions.name, awsRegions.columns, [{ partition }], { account_id: ctx.accountId, region, synced_at: now });
    for (const [name, rows] of byTable) {
      const table = tableDef(name);
      await tx.append(table.name, table.columns, rows, { account_id: ctx.accountId, region, synced_at: now });
    }
    const runId = randomUUID();
    await upsertScopes(tx, inventoryTables.map((t) => ({
      accountId: ctx.accountId, region: t.scope === 'global' ? 'global' : region, table: t.name, status: 'ok', stale: false,
      rowCount: byTable.get(t.name)?.length ?? 0, syncedAt: now, runId, error: null,
    })));
  });

  const rows: LoadedPlan['rows'] = new Map();
  for (const m of mapped) {
    const key = `${m.table}\u0000${m.resourceId}`;
    const entry = rows.get(key) ?? { table: m.table, resourceId: m.resourceId, addresses: new Set<string>(), moduleSource: m.moduleSource, unknown: new Set<string>() };
    for (const a of m.addresses) entry.addresses.add(a);
    for (const c of m.unknown) entry.unknown.add(c);
    rows.set(key, entry);
  }
  return {
    db,
    accountId: ctx.accountId,
    accountIsPlaceholder: accountId === null,
    region,
    regionAssumed: region === ASSUMED_REGION && regionConst !== ASSUMED_REGION,
    formatVersion: doc.format_version,
    terraformVersion: doc.terraform_version ?? null,
    kind: doc.resource_changes ? 'plan' : 'state',
    resources: managed.length,
    unmappedTypes,
    filledTables: new Set(byTable.keys()),
    prefixListReferenced: mapped.some((m) => m.table === 'aws_ec2_security_group_rules' && (m.row.prefix_list_id != null || m.unknown.has('prefix_list_id'))),
    rows,
  };
}

function tableDef(name: string): TableDef {
  const t = inventoryTables.find((x) => x.name === name);
  if (!t) throw new Error(`[terraform] mapper wrote to ${name}, which is not an inventory table`);
  return t;
}

/** The region of the first known regional ARN (a state, or a plan updating existing resources). */
function regionOf(resources: readonly TfResource[]): string | null {
  for (const r of resources) {
    const m = typeof r.values.arn === 'string' ? /^arn:[^:]+:[^:]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(r.values.arn) : null;
    if (m) return m[1]!;
  }
  return null;
}

/** The account: aws_caller_identity's account_id, else the account of any known ARN in the plan. */
function accountOf(resources: readonly TfResource[]): string | null {
  for (const r of resources) if (r.type === 'aws_caller_identity' && typeof r.values.account_id === 'string' && /^\d{12}$/.test(r.values.account_id)) return r.values.account_id;
  for (const r of resources) {
    const arn = r.values.arn;
    const m = typeof arn === 'string' ? /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn) : null;
    if (m) return m[1]!;
  }
  return null;
}

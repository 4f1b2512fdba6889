import { quoteLiteral, type ColumnDef, type TableDef } from '../schema/table.js';

/**
 * bench:evaluate's rows for the tables only the FSBP checks read (the CIS tables keep their hand-written values in
 * evaluate.ts, so CIS numbers stay comparable). Values come from the table definitions and from the checks' own SQL:
 * a column a check compares with literals (`network_mode = 'host'`, `protocol NOT IN ('HTTPS', 'SSL')`,
 * `list_contains(log_types, 'audit')`) takes those literals and one other value, so every such check finds rows on
 * both sides; booleans are true for about two rows in three (NULL for a few), timestamps spread over a year, and
 * a child table's key (`task_definition_arn`, `detector_id`, `load_balancer_name`) names a row of its parent.
 * Everything is SQL over the generator's variables: `a` account, `g` region, `i` row index, `tname` table name.
 */

/** Rows per scope of the tables the generator fills; others get `defaultRows`. One-per-region facts get 1. */
export const fsbpRowsPerScope: Readonly<Record<string, number>> = {
  aws_emr_block_public_access: 1, aws_guardduty_detectors: 1, aws_guardduty_detector_features: 8,
  aws_ecs_task_definitions: 30, aws_ecs_container_definitions: 60, aws_ecs_clusters: 5, aws_ecs_services: 20,
  aws_lambda_functions: 80, aws_ec2_snapshots: 100, aws_rds_db_snapshots: 40, aws_rds_db_clusters: 10,
  aws_rds_db_cluster_snapshots: 20, aws_sqs_queues: 40, aws_secretsmanager_secrets: 40, aws_dynamodb_tables: 30,
  aws_elb_load_balancers: 10, aws_elb_listeners: 20, aws_elbv2_load_balancers: 10, aws_kms_key_policies: 100,
  aws_ec2_elastic_ips: 10, aws_ec2_launch_templates: 20, aws_autoscaling_groups: 20, aws_acm_certificates: 20,
  aws_cloudfront_distributions: 20, aws_route53_hosted_zones: 10, aws_redshift_parameter_groups: 3,
  aws_ssm_documents: 30, aws_ecr_repositories: 30, aws_apigateway_stages: 20, aws_backup_recovery_points: 50,
};
export const defaultRows = 10;

/** The string (or number) literals each column of `table` is compared with in `sqls`. */
export function literalsByColumn(table: TableDef, sqls: readonly string[]): Map<string, string[]> {
  const text = sqls.join('\n');
  const out = new Map<string, string[]>();
  const strings = (s: string) => [...s.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  for (const c of table.columns) {
    // The column, qualified or not, quoted or not, bare or inside coalesce(col, '' | []).
    const col = `(?:coalesce\\(\\s*)?(?:\\b\\w+\\.)?"?\\b${c.name}\\b"?(?:\\s*,\\s*(?:''|\\[\\]|'[^']*')\\s*\\))?`;
    const found = new Set<string>();
    for (const m of text.matchAll(new RegExp(`${col}\\s*(?:=|<>|!=|IS\\s+(?:NOT\\s+)?DISTINCT\\s+FROM)\\s*('(?:[^']|'')*')`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`${col}\\s+(?:NOT\\s+)?IN\\s*\\(([^)]*)\\)`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`(?:list_contains|list_has|array_contains|starts_with)\\(\\s*${col}\\s*,\\s*('(?:[^']|'')*')`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`(?:list_has_any|list_has_all|list_intersect)\\(\\s*${col}\\s*,\\s*\\[([^\\]]*)\\]`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`${col}\\s+(?:NOT\\s+)?I?LIKE\\s+('(?:[^']|'')*')`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v.replace(/%/g, 'x').replace(/_/g, 'y')));
    // Numbers compared with (`rule_count = 0`, `backup_retention_period < 7`): an integer column takes them too.
    for (const m of text.matchAll(new RegExp(`${col}\\s*(?:=|<>|!=|<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\b`, 'gi'))) found.add(m[1]!);
    if (found.size) out.set(c.name, [...found].slice(0, 12));
  }
  return out;
}

/**
 * A pseudo-random 0–99 of its own for each column, so that two columns of a row are not always alike. One hashed
 * string: DuckDB combines the hashes of several arguments so that their low bits stay related (two columns'
 * `hash(a, g, i, name) % 4` summed to 3 on every row).
 */
function q(c: ColumnDef): string {
  return `CAST(hash(concat(a, '/', g, '/', i, '/', ${quoteLiteral(c.name)})) % 100 AS INTEGER)`;
}

/**
 * A row's own identity (its resource id, ARN, name, or `<singular table noun>_…` such as access_point_id in
 * aws_efs_access_points) is never NULL; every other column is NULL now and then, as AWS leaves settings unset.
 */
export function isIdentity(table: TableDef, c: ColumnDef): boolean {
  const noun = table.name.replace(/^aws_[a-z0-9]+_/, '').replace(/s$/, '');
  return c.name === table.resourceId || c.name === 'name' || c.name === 'arn' || c.name.startsWith(`${noun}_`);
}

/** SQL for a column of a generated table, from its type, name and the literals the checks compare it with. */
export function generatedExpr(table: TableDef, c: ColumnDef, literals: readonly string[] = []): string {
  const r = q(c);
  const plain = `'${c.name}-' || a || '-' || g || '-' || i`;
  switch (c.type) {
    case 'VARCHAR': {
      const strings = literals.filter((l) => !/^-?\d/.test(l));
      if (strings.length) return `CASE WHEN ${r} < 4 THEN NULL ELSE [${[...strings.map(quoteLiteral), `'other-' || i`].join(', ')}][1 + ${r} % ${strings.length + 1}] END`;
      return isIdentity(table, c) ? plain : `CASE WHEN ${r} < 20 THEN NULL ELSE ${plain} END`;
    }
    case 'BOOLEAN': return `CASE WHEN ${r} < 3 THEN NULL ELSE ${r} < 70 END`;
    case 'INTEGER': case 'DOUBLE': case 'BIGINT': {
      // Around each threshold a check compares with (one below, at, one above), and a spread value: both verdicts.
      const numbers = [...new Set(literals.filter((l) => /^-?\d+(\.\d+)?$/.test(l)).flatMap((l) => [Number(l) - 1, Number(l), Number(l) + 1]))].filter((x) => x >= 0);
      const spread = `((${r} * 37 + 11) % 100)`;
      const value = numbers.length ? `[${numbers.join(', ')}, ${spread}][1 + ${spread} % ${numbers.length + 1}]` : c.type === 'BIGINT' ? 'i' : r;
      return `CASE WHEN ${r} < 5 THEN NULL ELSE ${value} END`;
    }
    case 'TIMESTAMP': return /expir|not_after|valid_until|renewal/.test(c.name) ? `(now()::TIMESTAMP + to_days(${r} * 4 - 40))` : `(now()::TIMESTAMP - to_days(${r} * 4))`;
    case 'VARCHAR[]':
      if (literals.length) return `CASE WHEN ${r} < 10 THEN NULL ELSE [[]::VARCHAR[], [${quoteLiteral(literals[0]!)}], [${literals.map(quoteLiteral).join(', ')}]][1 + ${r} % 3] END`;
      // 0 to 3 items, so both `len(x) < 2` and emptiness go both ways.
      return `CASE WHEN ${r} < 10 THEN NULL ELSE list_transform(range(${r} % 4), k -> '${c.name}-' || i || '-' || k) END`;
    case 'JSON': return `CASE WHEN ${r} < 50 THEN NULL ELSE json_object('i', i) END`;
  }
}

/**
 * The parent a child column names: `<stem>_arn|_id|_name|_identifier` in `aws_<svc>_x` points at the generated
 * table `aws_<svc>_<stem>s` (or `…es`), at its `arn`, the same column, or `name`. Undefined when none is generated.
 */
export function parentOf(table: TableDef, c: ColumnDef, tables: readonly TableDef[], rows: (t: TableDef) => number): { parent: TableDef; column: string } | undefined {
  // A list of keys (parameter_group_names) names one parent, as its singular would.
  if (c.type === 'VARCHAR[]') {
    const plural = /^(.+_(?:arn|id|name))s$/.exec(c.name);
    return plural ? parentOf(table, { ...c, name: plural[1]!, type: 'VARCHAR' }, tables, rows) : undefined;
  }
  const m = /^(.+)_(arn|id|name|identifier)$/.exec(c.name);
  const prefix = /^aws_[a-z0-9]+_/.exec(table.name)?.[0];
  if (!m || !prefix) return undefined;
  const [, stem, kind] = m;
  const parent = tables.find((t) => t !== table && rows(t) > 0 && [`${prefix}${stem}s`, `${prefix}${stem}es`, `${prefix}${stem}`].includes(t.name));
  if (!parent) return undefined;
  const has = (name: string) => parent.columns.some((x) => x.name === name);
  const column = has(c.name) ? c.name : kind === 'arn' && has('arn') ? 'arn' : kind === 'name' && has('name') ? 'name' : undefined;
  return column ? { parent, column } : undefined;
}

/**
 * The parent's expression for its key, rewritten for the child's row `i`: row `i mod n` of the parent (same
 * account and region). Undefined when the parent's value is random (uses `p` or a hash), so it cannot be recomputed.
 */
export function linkedExpr(parentExpr: string, parent: TableDef, parentRows: number, child?: ColumnDef): string | undefined {
  if (/\bp\b|hash\(/.test(parentExpr)) return undefined;
  const linked = parentExpr.replace(/\btname\b/g, quoteLiteral(parent.name)).replace(/\bi\b/g, `(i % ${parentRows})`);
  // A reference that may be unset (an address associated with an instance) is NULL now and then; a row's owner
  // (the task definition a container belongs to) never is.
  return child && /NULL|associated|attached/i.test(child.description) ? `CASE WHEN ${q(child)} < 20 THEN NULL ELSE ${linked} END` : linked;
}

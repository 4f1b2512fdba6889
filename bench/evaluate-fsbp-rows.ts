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
    const col = `(?:\\b\\w+\\.)?"?\\b${c.name}\\b"?`;
    const found = new Set<string>();
    for (const m of text.matchAll(new RegExp(`${col}\\s*(?:=|<>|!=)\\s*('(?:[^']|'')*')`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`${col}\\s+(?:NOT\\s+)?IN\\s*\\(([^)]*)\\)`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`(?:list_contains|list_has|array_contains|starts_with)\\(\\s*${col}\\s*,\\s*('(?:[^']|'')*')`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v));
    for (const m of text.matchAll(new RegExp(`${col}\\s+(?:NOT\\s+)?I?LIKE\\s+('(?:[^']|'')*')`, 'gi'))) strings(m[1]!).forEach((v) => found.add(v.replace(/%/g, 'x').replace(/_/g, 'y')));
    if (found.size) out.set(c.name, [...found].slice(0, 8));
  }
  return out;
}

/** A pseudo-random 0–99 of its own for each column, so that two columns of a row are not always alike. */
function q(c: ColumnDef): string {
  return `CAST(hash(a, g, i, ${quoteLiteral(c.name)}) % 100 AS INTEGER)`;
}

const isKey = (table: TableDef, c: ColumnDef) => c.name === table.resourceId || c.name === 'name' || c.name === 'arn' || /_(arn|id|name|identifier)$/.test(c.name);

/** SQL for a column of a generated table, from its type, name and the literals the checks compare it with. */
export function generatedExpr(table: TableDef, c: ColumnDef, literals: readonly string[] = []): string {
  const r = q(c);
  const plain = `'${c.name}-' || a || '-' || g || '-' || i`;
  switch (c.type) {
    case 'VARCHAR': {
      if (literals.length) return `CASE WHEN ${r} < 4 THEN NULL ELSE [${[...literals.map(quoteLiteral), `'other-' || i`].join(', ')}][1 + ${r} % ${literals.length + 1}] END`;
      return isKey(table, c) ? plain : `CASE WHEN ${r} < 15 THEN NULL ELSE ${plain} END`;
    }
    case 'BOOLEAN': return `CASE WHEN ${r} < 3 THEN NULL ELSE ${r} < 70 END`;
    case 'INTEGER': case 'DOUBLE': return literals.length && literals.every((l) => /^-?\d+(\.\d+)?$/.test(l)) ? `[${literals.join(', ')}, ${r}][1 + ${r} % ${literals.length + 1}]` : r;
    case 'BIGINT': return 'i';
    case 'TIMESTAMP': return /expir|not_after|valid_until|renewal/.test(c.name) ? `(now()::TIMESTAMP + to_days(${r} * 4 - 40))` : `(now()::TIMESTAMP - to_days(${r} * 4))`;
    case 'VARCHAR[]':
      if (literals.length) return `CASE ${r} % 3 WHEN 0 THEN []::VARCHAR[] WHEN 1 THEN [${quoteLiteral(literals[0]!)}] ELSE [${literals.map(quoteLiteral).join(', ')}] END`;
      return `CASE WHEN ${r} < 50 THEN []::VARCHAR[] ELSE ['${c.name}-' || i] END`;
    case 'JSON': return `CASE WHEN ${r} < 50 THEN NULL ELSE json_object('i', i) END`;
  }
}

/**
 * The parent a child column names: `<stem>_arn|_id|_name|_identifier` in `aws_<svc>_x` points at the generated
 * table `aws_<svc>_<stem>s` (or `…es`), at its `arn`, the same column, or `name`. Undefined when none is generated.
 */
export function parentOf(table: TableDef, c: ColumnDef, tables: readonly TableDef[], rows: (t: TableDef) => number): { parent: TableDef; column: string } | undefined {
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
export function linkedExpr(parentExpr: string, parent: TableDef, parentRows: number): string | undefined {
  if (/\bp\b|hash\(/.test(parentExpr)) return undefined;
  return parentExpr.replace(/\btname\b/g, quoteLiteral(parent.name)).replace(/\bi\b/g, `(i % ${parentRows})`);
}

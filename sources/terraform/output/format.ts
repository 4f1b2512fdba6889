import { csvText } from '../../../lib/csv/write.js';
import { formatJunit } from './junit.js';
import type { IacReport } from './report.js';
import { formatSarif } from './sarif.js';

export type IacFormat = 'table' | 'json' | 'csv' | 'sarif' | 'junit';
export const iacFormats: readonly IacFormat[] = ['table', 'json', 'csv', 'sarif', 'junit'];

export function formatIacReport(report: IacReport, format: IacFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return formatCsv(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report);
    case 'table':
      return formatTable(report);
  }
}

function scoreText(v: number | null): string {
  return v === null ? 'n/a' : `${v.toFixed(1)}%`;
}

function formatTable(r: IacReport): string {
  const s = r.summary;
  const src = r.source;
  const lines = [
    `${r.benchmark.title} (${r.benchmark.id}) on Terraform ${src.kind} ${src.file} (format ${src.format_version}${src.terraform_version ? `, Terraform ${src.terraform_version}` : ''})`,
    `Account ${src.account_id}${src.account_is_placeholder ? ' (placeholder: the plan names no account)' : ''}, region ${src.region}${src.region_assumed ? ' (assumed: the provider region is not a constant)' : ''}; ${src.resources} resources${src.complete_account ? '; declared the whole account (--complete-account)' : ''}`,
    `Verifiable score ${scoreText(s.verifiable_score)}   (${s.verifiable_formula})`,
    `Overall score    ${scoreText(s.overall_score)}   (${s.overall_formula})`,
    `PASS ${s.pass} · FAIL ${s.fail} · NOT VERIFIABLE ${s.not_verifiable} · ERROR ${s.error} · SKIP ${s.skip} · MANUAL ${s.manual}`,
  ];
  if (src.unmapped_types.length) lines.push(`Not audited (no mapper yet): ${src.unmapped_types.join(', ')}`);
  const drift = r.drift ? new Map(r.drift.controls.map((d) => [d.id, d])) : null;
  if (r.drift) {
    lines.push(r.drift.live_scan
      ? `Drift before apply against live scan ${r.drift.live_scan.id} of ${r.drift.live_db}: ${Object.entries(r.drift.counts).map(([k, n]) => `${k} ${n}`).join(' · ')}`
      : `Drift before apply: ${r.drift.live_db} has no complete live scan of ${r.benchmark.id}: every requirement is unknown`);
  }
  lines.push('');
  for (const c of r.controls) {
    const d = drift?.get(c.id);
    lines.push(`  ${c.status.padEnd(14)} ${c.id.padEnd(8)} ${d ? `live ${(d.live_status ?? '—').padEnd(14)} ${d.drift.padEnd(11)} ` : ''}${c.title}`);
    if (c.status === 'FAIL') for (const f of c.resources) lines.push(`      ${(c.terraform[f.resource_id]?.addresses ?? [f.resource_id]).join(', ')}: ${f.reason}`);
    if (c.status === 'NOT VERIFIABLE' || c.status === 'ERROR') lines.push(`      ${c.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatCsv(r: IacReport): string {
  const header = ['benchmark', 'id', 'title', 'section', 'severity', 'status', 'affected_count', 'not_verifiable_count', 'terraform_addresses', 'reason', 'verifiable_score', 'overall_score'];
  const rows = r.controls.map((c) =>
    [r.benchmark.id, c.id, c.title, c.section, c.severity, c.status, c.affected_count, c.not_verifiable.length, [...new Set(Object.values(c.terraform).flatMap((t) => t.addresses))].join(' '), c.reason, r.summary.verifiable_score, r.summary.overall_score],
  );
  return csvText([header, ...rows]);
}

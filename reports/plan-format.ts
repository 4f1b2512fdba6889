import type { PlanItem, ProjectedScore, RemediationPlan } from './remediation-plan.js';

/** The plan as text for a terminal (`table`) or as Markdown (`md`, for a ticket or a wiki page). */
export type PlanTextFormat = 'table' | 'md';

const pct = (s: number | null) => (s === null ? 'n/a' : `${s.toFixed(1)}%`);
const scores = (list: readonly ProjectedScore[]) => list.map((p) => `${p.benchmark_id} ${pct(p.score)}`).join(', ');
const becomesText: Record<PlanItem['fixes'][number]['becomes'], string> = {
  PASS: '',
  EXCEPTED: ' (then EXCEPTED: accepted findings remain)',
  ERROR: ' (then ERROR: data in doubt)',
};
const fixesText = (i: PlanItem) =>
  i.fixes.length ? i.fixes.map((f) => `${f.benchmark_id} ${f.id}${becomesText[f.becomes]}`).join(', ') : 'none alone (completes with later items)';

export function formatPlan(plan: RemediationPlan, format: PlanTextFormat): string {
  return format === 'md' ? markdown(plan) : table(plan);
}

function header(plan: RemediationPlan): string[] {
  const w = plan.weights;
  return [
    `Now: ${scores(plan.frameworks)}   (score = ${plan.score_formula})`,
    `Order: requirements fixed across ${plan.frameworks.map((f) => f.benchmark_id).join(', ')}, weighted critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}.`,
    ...(plan.same_inventory || plan.frameworks.length === 1 ? [] : ['Note: the scans are of different syncs; evaluate every framework on one sync for gains that compare.']),
  ];
}

function table(plan: RemediationPlan): string {
  const out = [`Remediation plan for ${plan.benchmark_id}`, ...header(plan), ''];
  if (plan.phases.length === 0) out.push('Nothing to fix: no requirement fails.');
  for (const p of plan.phases) {
    out.push(`Phase ${p.phase}: ${p.name} (${p.items.length} check${p.items.length === 1 ? '' : 's'})`);
    for (const i of p.items) {
      out.push(`  ${String(i.rank).padStart(3)}. ${i.id} [${i.severity}] gain ${i.gain} · ${i.resource_count} resource(s) · fixes ${fixesText(i)}`);
      out.push(`       ${i.title}`);
      i.remediation.forEach((s, n) => out.push(`       ${n + 1}) ${s}`));
      for (const r of i.resources.slice(0, 5)) out.push(`       - ${r.resource_id ?? '(account)'} ${r.account_id ?? ''} ${r.region ?? ''}`.trimEnd());
      if (i.resource_count > 5) out.push(`       … and ${i.resource_count - 5} more`);
    }
    out.push(`  After phase ${p.phase}: ${scores(p.projected)}`, '');
  }
  return `${out.join('\n')}\n`;
}

function markdown(plan: RemediationPlan): string {
  const out = [`# Remediation plan for ${plan.benchmark_id}`, '', ...header(plan).map((l) => `${l}  `), ''];
  if (plan.phases.length === 0) out.push('Nothing to fix: no requirement fails.');
  const cols = plan.frameworks.map((f) => f.benchmark_id);
  out.push(`| | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`, `| Now | ${plan.frameworks.map((f) => pct(f.score)).join(' | ')} |`);
  for (const p of plan.phases) out.push(`| After phase ${p.phase} | ${p.projected.map((s) => pct(s.score)).join(' | ')} |`);
  out.push('');
  for (const p of plan.phases) {
    out.push(`## Phase ${p.phase}: ${p.name}`, '');
    for (const i of p.items) {
      out.push(`### ${i.rank}. ${md(i.title)} (\`${i.id}\`, ${i.severity})`, '');
      out.push(`Gain ${i.gain}; fixes ${md(fixesText(i))}; ${i.resource_count} failing resource(s).`, '');
      i.remediation.forEach((s, n) => out.push(`${n + 1}. ${md(s)}`));
      out.push('');
      for (const r of i.resources) out.push(`- \`${r.resource_id ?? '(account)'}\` ${r.account_id ?? ''} ${r.region ?? ''}`.trimEnd());
      if (i.resource_count > i.resources.length) out.push(`- … and ${i.resource_count - i.resources.length} more`);
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

/** Markdown-significant characters in our own text are escaped so a title never turns into markup. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

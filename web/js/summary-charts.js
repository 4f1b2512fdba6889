// The dashboard's charts, the same as the PDF's summary page: score gauge, status counts, failed by severity,
// section scorecard as bars, the score over the retained history and the first items of the remediation plan.
import { api } from './api.js';
import { bars, gauge, line, scoreColour } from './charts.js';
import { clear, h } from './dom.js';

const statusColour = { PASS: '#1e7b34', FAIL: '#b00020', ERROR: '#b35c00', 'NOT VERIFIABLE': '#5b3b8c', SKIP: '#8a94a6', MANUAL: '#1f4e78', EXCEPTED: '#7f6000' };
const severityColour = { critical: '#7a0016', high: '#b00020', medium: '#d9822b', low: '#c9a227' };
const enc = encodeURIComponent;

/** Sections in benchmark order with their counts; score = PASS / (PASS + FAIL + ERROR), as every report computes it. */
function sectionRows(controls) {
  const by = new Map();
  for (const c of controls) {
    const k = c.section ?? '';
    if (!by.has(k)) by.set(k, { section: k, PASS: 0, FAIL: 0, ERROR: 0 });
    const row = by.get(k);
    // An accepted risk (EXCEPTED) still fails in the score, as in the headline (controls/score.ts).
    const st = c.status === 'EXCEPTED' ? 'FAIL' : c.status;
    if (st in row) row[st]++;
  }
  return [...by.values()].map((r) => ({ ...r, score: r.PASS + r.FAIL + r.ERROR ? Math.round((1000 * r.PASS) / (r.PASS + r.FAIL + r.ERROR)) / 10 : null }));
}

export async function renderSummaryCharts(box, report, benchmark) {
  if (!report) return clear(box);
  const s = report.summary;
  const controls = report.controls ?? [];
  const count = (st) => controls.filter((c) => c.status === st).length;
  const statuses = ['PASS', 'FAIL', 'ERROR', ...(s.source === 'terraform' ? ['NOT VERIFIABLE'] : []), ...(count('EXCEPTED') ? ['EXCEPTED'] : []), 'SKIP', 'MANUAL'];
  const sections = sectionRows(controls).filter((r) => r.score !== null);
  const trendBox = h('figure', { class: 'chart-card', id: 'chart-trend' }, h('figcaption', {}, 'Score over the retained history'));
  const planBox = h('div', { class: 'chart-card', id: 'chart-plan' }, h('h3', {}, 'Fix first'), h('p', { class: 'muted' }, 'Loading the remediation plan…'));
  clear(box,
    h('figure', { class: 'chart-card', id: 'chart-gauge' }, h('figcaption', {}, 'Score'), gauge(s.score, s.score_formula)),
    h('figure', { class: 'chart-card', id: 'chart-status' }, h('figcaption', {}, 'Requirements by status'),
      bars('Requirements by status', statuses.map((st) => ({ label: st, value: count(st), colour: statusColour[st] })), { width: 360, label: 110 })),
    h('figure', { class: 'chart-card', id: 'chart-severity' }, h('figcaption', {}, 'Failed by severity'),
      bars('Failed requirements by severity', ['critical', 'high', 'medium', 'low'].map((sev) => ({
        label: sev, value: controls.filter((c) => c.status === 'FAIL' && c.severity === sev).length, colour: severityColour[sev],
      })), { width: 360, label: 110 })),
    h('figure', { class: 'chart-card wide', id: 'chart-sections' }, h('figcaption', {}, 'Sections: score (PASS / FAIL / ERROR)'),
      sections.length ? bars('Section scores', sections.map((r) => ({ label: r.section || '(none)', value: r.score ?? 0, max: 100, colour: scoreColour(r.score), text: `${r.score}% (${r.PASS}/${r.FAIL}/${r.ERROR})` })), { width: 1100, row: 20, label: 260 })
        : h('p', { class: 'muted' }, 'No section has a scored requirement.')),
    trendBox,
    planBox,
  );
  const [trend, plan] = await Promise.allSettled([
    api.get(`/api/trend?benchmark=${enc(benchmark)}&days=36500`),
    api.get(`/api/plan?benchmark=${enc(benchmark)}&scan=${enc(report.scan.id)}&max_resources=0`),
  ]);
  if (trend.status === 'fulfilled') {
    const points = (trend.value.series[0]?.points ?? []).filter((p) => p.started_at <= report.scan.started_at).map((p) => ({ at: p.started_at, score: p.score }));
    trendBox.append(line(`Score over ${points.length} scan(s)`, points, { width: 1100, height: 200 }));
  } else trendBox.append(h('p', { class: 'muted' }, `Could not load the history: ${trend.reason.message}`));
  if (plan.status === 'fulfilled') fillPlan(planBox, plan.value);
  else clear(planBox, h('h3', {}, 'Fix first'), h('p', { class: 'muted' }, `Could not load the remediation plan: ${plan.reason.message}`));
}

function fillPlan(box, plan) {
  const items = plan.phases.flatMap((p) => p.items);
  const p1 = plan.phases[0];
  const after = p1?.projected.find((p) => p.benchmark_id === plan.benchmark_id);
  clear(box, h('h3', {}, 'Fix first'),
    items.length ? h('ol', { class: 'plan-top' }, items.slice(0, 5).map((i) => h('li', {}, h('strong', {}, i.title), ` · ${i.severity} · ${i.resource_count} resource(s) · fixes ${i.fixes.length} requirement(s)`)))
      : h('p', {}, 'Nothing to fix: no requirement fails.'),
    p1 ? h('p', { class: 'small' }, `Score after phase 1 (${p1.name.toLowerCase()}, ${p1.items.length} check(s)): `, h('strong', {}, after?.score === null || after?.score === undefined ? 'n/a' : `${after.score}%`), ' · ',
      h('a', { href: '#/plan' }, 'the whole plan')) : null);
}

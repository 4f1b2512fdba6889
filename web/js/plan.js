// The "Remediation plan" view (#/plan): the failing checks of the selected benchmark's latest scan in phases, each
// with its steps and resources, and every selected framework's projected score after each phase (GET /api/plan).
import { clear, fmtScore, h } from './dom.js';

const { api, registerView } = window.calabi;
const enc = encodeURIComponent;

async function showPlan({ benchmark, params }) {
  const root = document.querySelector('#plan-root');
  // The benchmark is the page's (the picker in the header); the hash keeps only the frameworks chosen here.
  const id = benchmark;
  if (!id) return clear(root, h('p', { class: 'muted' }, 'Choose a benchmark first.'));
  const { benchmarks } = await api.get('/api/benchmarks');
  const others = benchmarks.filter((b) => b.latest_scan_id && b.id !== id);
  const chosen = new Set((params.get('frameworks') ?? '').split(',').filter(Boolean));
  const form = h('form', { class: 'filters', id: 'plan-form', 'aria-label': 'Frameworks that count what a fix gains' },
    h('fieldset', {}, h('legend', {}, 'Also count gains in'),
      others.length ? others.map((b) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'fw', value: b.id, checked: chosen.has(b.id) }), ` ${b.id}`))
        : h('span', { class: 'muted' }, 'no other benchmark has a scan yet')));
  form.addEventListener('change', () => {
    const fw = [...form.querySelectorAll('input[name=fw]:checked')].map((i) => i.value).join(',');
    location.hash = `#/plan${fw ? `?frameworks=${enc(fw)}` : ''}`;
  });
  clear(root, form, h('p', { class: 'muted' }, 'Loading…'));
  let plan;
  try {
    plan = await api.get(`/api/plan?benchmark=${enc(id)}${chosen.size ? `&frameworks=${enc([...chosen].join(','))}` : ''}&max_resources=10`);
  } catch (error) {
    return clear(root, form, h('p', { class: 'notice' }, error.message));
  }
  clear(root, form, ...planBody(plan));
}

function planBody(plan) {
  const w = plan.weights;
  const fws = plan.frameworks.map((f) => f.benchmark_id);
  const head = [
    h('p', { class: 'muted' }, `Failing checks of ${plan.benchmark_id}, ordered by the requirements fixing each one fixes across ${fws.join(', ')}, weighted by severity `
      + `(critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}); a requirement is fixed when all its failing checks are. `
      + `Projected scores re-score the scan as if the phase's checks passed (score = ${plan.score_formula}).`),
    plan.same_inventory || fws.length === 1 ? null : h('p', { class: 'notice' }, 'The scans are of different syncs: evaluate every framework on one sync for gains that compare.'),
    h('table', { class: 'scans', id: 'plan-scores' },
      h('caption', {}, 'Score now and after each phase'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), fws.map((f) => h('th', { scope: 'col', class: 'num' }, f)))),
      h('tbody', {},
        h('tr', {}, h('th', { scope: 'row' }, 'Now'), plan.frameworks.map((f) => h('td', { class: 'num' }, fmtScore(f.score)))),
        plan.phases.map((p) => h('tr', {}, h('th', { scope: 'row' }, `After phase ${p.phase} (${p.name.toLowerCase()})`), p.projected.map((s) => h('td', { class: 'num' }, fmtScore(s.score))))))),
  ];
  if (!plan.phases.length) return [...head, h('p', {}, 'Nothing to fix: no requirement fails.')];
  return [...head, ...plan.phases.map((p) => h('section', { class: 'plan-phase' },
    h('h2', {}, `Phase ${p.phase}: ${p.name} (${p.items.length} check${p.items.length === 1 ? '' : 's'})`),
    h('ol', { class: 'plan-items', start: p.items[0]?.rank ?? 1 }, p.items.map((i) => h('li', { 'data-check': i.id },
      h('strong', {}, i.title), ' ', h('code', {}, i.id), ` · ${i.severity} · gain ${i.gain} · ${i.resource_count} failing resource(s)`,
      h('div', { class: 'small' }, 'Fixes: ', i.fixes.length ? i.fixes.map((f) => `${f.benchmark_id} ${f.id}${f.becomes === 'ERROR' ? ' (then ERROR: data in doubt)' : f.becomes === 'EXCEPTED' ? ' (then EXCEPTED: accepted findings remain)' : ''}`).join(', ') : 'none alone (with later items)'),
      h('ol', { class: 'steps' }, i.remediation.map((s) => h('li', {}, s))),
      i.resources.length ? h('details', {}, h('summary', {}, `Resources (${i.resource_count})`),
        h('ul', {}, i.resources.map((r) => h('li', {}, h('code', {}, r.resource_id ?? '(account)'), ` ${r.account_id ?? ''} ${r.region ?? ''}`)),
          i.resource_count > i.resources.length ? h('li', { class: 'muted' }, `… and ${i.resource_count - i.resources.length} more`) : null)) : null))))),
  ];
}

registerView('plan', showPlan);

// The IaC view: upload a Terraform plan (terraform show -json) and see its verdicts beside the served account's
// latest scan of the same benchmark, labelled plan fixes / plan breaks / same / unknown. POST /api/iac evaluates
// the plan in memory on the server and stores nothing. Registered as a view of app.js.
import { request } from './api.js';
import { $, badge, clear, fmtScore, fmtTime, h } from './dom.js';
import { notVerifiableTable } from './iac-dashboard.js';

const { registerView, notify } = window.calabi;
const driftOrder = ['plan breaks', 'plan fixes', 'unknown', 'same'];
const state = { result: null, busy: false, only: '', benchmarks: [] };

registerView('iac', async () => {
  if (!state.benchmarks.length) state.benchmarks = (await window.calabi.api.get('/api/benchmarks')).benchmarks;
  render();
});

function render() {
  const root = $('#iac-root');
  const form = h('form', { class: 'iac-form', id: 'iac-form', onsubmit: (e) => (e.preventDefault(), upload(e.currentTarget)) },
    h('div', { class: 'field' }, h('label', { for: 'iac-file' }, 'Plan JSON'), h('input', { id: 'iac-file', name: 'plan', type: 'file', accept: '.json,application/json', required: true })),
    h('div', { class: 'field' }, h('label', { for: 'iac-benchmark' }, 'Benchmark'),
      h('select', { id: 'iac-benchmark', name: 'benchmark' }, state.benchmarks.map((b) =>
        h('option', { value: b.id, selected: b.id === (state.result?.benchmark.id ?? window.calabi.benchmark) }, `${b.id}${b.latest_scan_id ? '' : ' (no live scan)'}`)))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'complete' }), ' The plan is the whole account'),
    h('button', { type: 'submit', class: 'primary', id: 'iac-upload', disabled: state.busy }, state.busy ? 'Evaluating…' : 'Audit plan'));
  clear(root, form, state.result ? report(state.result) : h('p', { class: 'muted' }, 'No plan audited yet.'));
}

async function upload(form) {
  const file = form.plan.files[0];
  if (!file || state.busy) return;
  state.busy = true;
  render();
  try {
    const q = new URLSearchParams({ benchmark: form.benchmark.value, ...(form.complete.checked ? { complete_account: 'true' } : {}) });
    state.result = await request(`/api/iac?${q}`, { method: 'POST', text: await file.text() });
    state.result.file = file.name;
  } catch (error) {
    notify(`The plan could not be audited: ${error.message}`);
  } finally {
    state.busy = false;
    render();
  }
}

function report(r) {
  const s = r.summary;
  const rows = r.controls.filter((c) => !state.only || c.drift === state.only);
  return h('div', { class: 'iac-report' },
    h('p', { class: 'muted', id: 'iac-info' }, `${r.benchmark.title} ${r.benchmark.version} on ${r.file} (Terraform ${r.source.kind}, format ${r.source.format_version}, ${r.source.resources} resources). `,
      r.live_scan ? `Live: scan ${r.live_scan.id.slice(0, 8)} finished ${fmtTime(r.live_scan.finished_at)}.` : 'No live scan of this benchmark in this database: every requirement is unknown.'),
    h('div', { class: 'card iac-scores' },
      h('div', { class: 'scores' },
        h('div', {}, h('div', { class: 'label' }, 'Verifiable score'), h('div', { class: 'big', dataset: { score: 'verifiable' } }, fmtScore(s.verifiable_score)),
          h('div', { class: 'formula small muted' }, `${s.verifiable_formula} = ${s.pass} / (${s.pass} + ${s.fail})`)),
        h('div', {}, h('div', { class: 'label' }, 'Overall score'), h('div', { class: 'big', dataset: { score: 'overall' } }, fmtScore(s.overall_score)),
          h('div', { class: 'formula small muted' }, `${s.overall_formula} = ${s.pass} / (${s.pass} + ${s.fail} + ${s.not_verifiable})`))),
      h('div', { class: 'iac-drift-counts', role: 'group', 'aria-label': 'Show only' },
        h('button', { type: 'button', class: 'link', onclick: () => ((state.only = ''), render()) }, `All ${r.controls.length}`),
        driftOrder.map((d) => h('button', { type: 'button', class: `badge drift-${d.replace(' ', '-')}`, 'aria-pressed': String(state.only === d), onclick: () => ((state.only = d), render()) }, `${d} ${r.drift[d]}`)))),
    h('table', { class: 'controls', id: 'iac-table' },
      h('caption', {}, `Requirements: ${rows.length} of ${r.controls.length} shown`),
      h('thead', {}, h('tr', {}, ['ID', 'Requirement', 'Plan', 'Live', 'Drift', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((c) => [
        h('tr', { class: 'row', dataset: { id: c.id } },
          h('td', {}, c.id), h('td', { class: 'title' }, c.title, h('div', { class: 'muted small' }, c.section)),
          h('td', { class: 'plan-status' }, badge('status', c.status)), h('td', { class: 'live-status' }, badge('status', c.live_status)),
          h('td', { class: 'drift' }, h('span', { class: `badge drift-${c.drift.replace(' ', '-')}` }, c.drift)),
          h('td', { class: 'reason small' }, c.status === 'FAIL' ? c.resources.map((f) => h('div', {}, `${f.addresses.join(', ') || f.resource_id}: ${f.reason}`)) : c.reason)),
        c.not_verifiable.length ? h('tr', { class: 'detail' }, h('td', { colspan: 6 }, notVerifiableTable(c))) : null,
      ]))));
}

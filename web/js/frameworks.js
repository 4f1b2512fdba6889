// The Frameworks view: every benchmark side by side from one inventory (GET /api/frameworks), and, from a failing
// resource, every requirement it breaks across all of them (GET /api/resources/requirements). Registered as a
// view by app.js; the dashboard uses breaksButton in its affected-resources table.
import { api } from './api.js';
import { $, clear, fmtScore, fmtTime, h } from './dom.js';

const severities = ['critical', 'high', 'medium', 'low'];

/** Renders the frameworks table (app.js registers it as the 'frameworks' view). */
export async function showFrameworks() {
  const root = $('#frameworks-root');
  const p = await api.get('/api/frameworks');
  clear(root,
    p.note ? h('p', { class: 'notice frameworks-note', role: 'status' }, p.note) : null,
    h('table', { class: 'scans frameworks', id: 'frameworks-table' },
      h('caption', {}, `Each benchmark's latest scan · Score = ${p.score_formula}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Benchmark'), h('th', { scope: 'col', class: 'num' }, h('abbr', { title: p.score_formula }, 'Score')),
        ['Pass', 'Fail', 'Error', 'Skip', 'Manual'].map((s) => h('th', { scope: 'col', class: 'num' }, s)),
        severities.map((s) => h('th', { scope: 'col', class: 'num' }, `${s[0].toUpperCase()}${s.slice(1)} failed`)),
        h('th', { scope: 'col' }, 'Evaluated'), h('th', { scope: 'col' }, 'Sync read'))),
      h('tbody', {}, p.frameworks.map((f) => h('tr', { dataset: { id: f.id } },
        h('th', { scope: 'row' }, f.scan_id ? h('a', { href: `#/dashboard?scan=${encodeURIComponent(f.scan_id)}`, onclick: () => pick(f.id) }, f.id) : f.id,
          h('div', { class: 'small muted' }, `${f.title} ${f.version}`)),
        f.scan_id
          ? [h('td', { class: 'num score' }, fmtScore(f.score)),
            ['pass', 'fail', 'error', 'skip', 'manual'].map((k) => h('td', { class: `num ${k}` }, f[k])),
            severities.map((s) => h('td', { class: `num sev-${s}` }, f.failed_by_severity[s])),
            h('td', {}, fmtTime(f.evaluated_at)), h('td', { class: 'mono small' }, f.inventory_sync_id ? f.inventory_sync_id.slice(0, 8) : '—')]
          : h('td', { colspan: 12, class: 'muted' }, 'Never evaluated'))))),
  );
}

/** The dashboard's benchmark picker follows a click on a benchmark here. */
function pick(id) {
  const select = $('#benchmark');
  if (select && select.value !== id) {
    select.value = id;
    localStorage.setItem('calabi.benchmark', id);
    select.dispatchEvent(new Event('change'));
  }
}

/** A button beside a failing resource that lists every requirement it breaks, in every benchmark, below the row. */
export function breaksButton(resourceId) {
  return h('button', { type: 'button', class: 'link breaks', 'aria-expanded': 'false', onclick: (e) => toggleBreaks(e.currentTarget, resourceId) }, 'All frameworks');
}

async function toggleBreaks(button, resourceId) {
  const row = button.closest('tr');
  const next = row.nextElementSibling;
  if (next?.classList.contains('breaks-row')) {
    next.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  button.setAttribute('aria-expanded', 'true');
  const cell = h('td', { colspan: row.children.length, 'aria-busy': 'true' }, 'Loading…');
  row.after(h('tr', { class: 'breaks-row' }, cell));
  try {
    const r = await api.get(`/api/resources/requirements?resource_id=${encodeURIComponent(resourceId)}`);
    cell.removeAttribute('aria-busy');
    const byBenchmark = new Map();
    for (const b of r.breaks) byBenchmark.set(b.benchmark_id, [...(byBenchmark.get(b.benchmark_id) ?? []), b]);
    clear(cell, r.breaks.length
      ? h('div', { class: 'breaks-list' },
        h('p', {}, `${resourceId} fails ${r.breaks.length} requirements in ${byBenchmark.size} benchmarks (checks: ${r.failing_checks.map((c) => c.check_id).join(', ')}):`),
        h('ul', {}, [...byBenchmark].map(([id, list]) => h('li', { dataset: { benchmark: id } }, h('strong', {}, list[0].benchmark_title), ` (${id}): `,
          list.map((b, i) => [i ? ', ' : '', h('span', { title: b.title }, b.requirement_id)])))))
      : h('p', { class: 'muted' }, 'No failing check finds this resource in the latest scans.'));
  } catch (error) {
    clear(cell, h('p', { class: 'error' }, `Could not load the requirements of ${resourceId}: ${error.message}`));
  }
}

// The dashboard's section scorecard (GET /api/benchmarks/{id}/scorecard, computed by controls/section-scorecard.ts):
// requirements, passed, failed, error, not evaluable and score per section, and the total row that sums them.
import { api } from './api.js';
import { clear, fmtScore, h } from './dom.js';

let shown = 0;

/** Renders the scorecard of `scanId` into `box`; a newer call wins over a slower older one. */
export async function showScorecard(box, benchmark, scanId) {
  const call = ++shown;
  if (!box) return;
  if (!benchmark || !scanId) return clear(box);
  const card = await api.get(`/api/benchmarks/${encodeURIComponent(benchmark)}/scorecard?scan=${encodeURIComponent(scanId)}`);
  if (call !== shown) return;
  const cells = (s) => [s.controls, s.pass, s.fail, s.error, s.not_evaluable].map((n, i) => h('td', { class: `num ${['controls', 'pass', 'fail', 'error', 'not-evaluable'][i]}` }, n));
  const working = (s) => (s.score === null ? 'nothing scored' : `${s.pass} / (${s.pass} + ${s.fail} + ${s.error})`);
  clear(box, h('details', { class: 'scorecard', open: true },
    h('summary', {}, 'Section scorecard'),
    h('table', { class: 'scans scorecard-table', id: 'scorecard-table' },
      h('caption', { class: 'muted' }, `Score = ${card.score_formula}. Requirements = Passed + Failed + Error + Not evaluable (SKIP + MANUAL); the total is the sum of the sections.`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Section'), ['Requirements', 'Passed', 'Failed', 'Error', 'Not evaluable', 'Score'].map((t) => h('th', { scope: 'col', class: 'num' }, t)))),
      h('tbody', {}, card.sections.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.section), cells(s), h('td', { class: 'num score', title: working(s) }, fmtScore(s.score))))),
      h('tfoot', {}, h('tr', { class: 'total' }, h('th', { scope: 'row' }, 'Total'), cells(card.total),
        h('td', { class: 'num score' }, fmtScore(card.total.score), h('div', { class: 'small muted working' }, working(card.total))))))));
}
